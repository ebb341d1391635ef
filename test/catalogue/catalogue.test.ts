/**
 * The bad-input catalogue (issues 7, 11, 13): every case in cases.ts run through the nianbao command as
 * a user would. Each must end with its exit status and its Chinese message (on stderr when it could not
 * do the work), never an internal error, leave every file that was there before byte for byte as it
 * was, and leave no temporary file behind. The cases that concern the process itself (a closed pipe, a
 * full disk on stdout, an error escaping everything) run the command in a child process.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { gridToWorkbook } from '../../src/io/xlsx';
import { withFigures } from '../support/edit';
import { legacySheet, national2021OneSheet } from '../support/layouts';
import { runCli, tempDir } from '../support/run-cli';
import { CASES, primeFileHandle } from './cases';

/** What stands in a folder: each file's hash, each link's target (a run may not follow or replace either). */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const seen = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = path.join(prefix, name);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) seen.set(rel, `link → ${readlinkSync(full)}`);
    else if (stat.isDirectory()) for (const [k, v] of snapshot(full, rel)) seen.set(k, v);
    else if (stat.isFile()) seen.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
    else seen.set(rel, 'special file');
  }
  return seen;
}

beforeAll(primeFileHandle);

describe('the bad-input catalogue: each input gets its exit status and a clear Chinese message, and changes nothing', () => {
  it('holds every case of issues 7, 11 and 13', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(120);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = tempDir('nianbao-catalogue-');
    try {
      const args = await c.args(dir);
      const before = snapshot(dir);
      const restore = c.fault?.();
      let result;
      try {
        result = await runCli(...args);
      } finally {
        restore?.();
      }
      const shown = result.out + result.err;
      expect(shown).not.toContain('程序内部错误');
      for (const s of c.says) expect(c.code === 2 ? result.err : shown).toContain(s);
      for (const s of c.never ?? []) expect(shown).not.toContain(s);
      expect(result.code).toBe(c.code);
      const after = snapshot(dir);
      for (const [file, hash] of before) if (!c.replaces?.includes(file)) expect([file, after.get(file)]).toEqual([file, hash]);
      expect([...after.keys()].filter((f) => /(^|\/)\..*\.tmp$/.test(f))).toEqual([]);
      await c.after?.(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('two runs writing the same output at once', () => {
  it('each renames a whole copy into place: the output is one of them, never a mix or a half', async () => {
    const dir = tempDir('nianbao-race-');
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    await gridToWorkbook(withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.granted.total': null })).xlsx.writeFile(a);
    await gridToWorkbook({ sheets: [legacySheet('统计表', { values: { '(一)收到申请数': null } })] }).xlsx.writeFile(b);
    const out = path.join(dir, 'out.xlsx');
    const runs = await Promise.all([runCli('totals', a, '--out', out), runCli('totals', b, '--out', out)]);
    expect(runs.map((r) => r.err).join('')).not.toContain('程序内部错误');
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet.includes('<c r="J25"><v>23</v></c>') || /<c r="C\d+"[^>]*><v>2<\/v><\/c>/.test(sheet)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

/** The command as the user runs it, in a child process (TypeScript sources through tsx, so no build is needed). */
const ROOT = path.join(__dirname, '..', '..');
const ENTRY = ['--import', 'tsx', path.join(ROOT, 'test', 'support', 'nianbao-entry.ts')];

describe('the process itself: every failure a Chinese message on stderr and exit status 2', () => {
  let dir: string;
  let folder: string;
  beforeAll(async () => {
    dir = tempDir('nianbao-process-');
    folder = path.join(dir, 'reports');
    mkdirSync(folder);
    // Output far beyond a pipe's buffer, written at once (--json): the pipe is still being written when its reader goes away.
    const buffer = Buffer.from(await gridToWorkbook({ sheets: [legacySheet('统计表')] }).xlsx.writeBuffer());
    for (let i = 0; i < 80; i++) writeFileSync(path.join(folder, `r${String(i).padStart(3, '0')}.xlsx`), buffer);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stdout closed early (nianbao check … | head -c 100): exit 2 and says the output was cut short', () => {
    // As a user types it: head reads 100 bytes and exits; the command's own status is bash's PIPESTATUS[0].
    const command = `"$0" "$@" | head -c 100 > /dev/null; echo "status=\${PIPESTATUS[0]}" >&2`;
    const run = spawnSync('bash', ['-c', command, process.execPath, ...ENTRY, 'check', folder, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toContain('输出被中断');
    expect(run.stderr).not.toContain('程序内部错误');
    expect(run.stderr).toContain('status=2');
  }, 30_000);

  it('stdout on a full disk (> /dev/full): exit 2 and says the disk is full', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [...ENTRY, 'check', path.join(folder, 'r000.xlsx')], { cwd: ROOT, stdio: ['ignore', full, 'pipe'] });
      expect(run.stderr.toString()).toContain('磁盘空间已满');
      expect(run.status).toBe(2);
    } finally {
      closeSync(full);
    }
  }, 30_000);

  it.each([
    ['a stack overflow', 'Maximum call stack size exceeded', '嵌套层数过多'],
    ['a Set grown past its maximum size', 'Set maximum size exceeded', '内容过多'],
  ])('%s that escapes every handler: exit 2 and a sentence, not a stack trace', (_name, message, says) => {
    const run = spawnSync(process.execPath, [...ENTRY, 'check', path.join(folder, 'r000.xlsx')], {
      cwd: ROOT,
      env: { ...process.env, NIANBAO_TEST_THROW: message },
      encoding: 'utf8',
    });
    expect(run.stderr).toContain(says);
    expect(run.stderr).not.toMatch(/at .+\.(js|ts):\d+/);
    expect(run.status).toBe(2);
  }, 30_000);
});

/**
 * `nianbao review` at scale (issue 15): the pool of worker threads gives what one thread gives, in the
 * order of the files; a worker that dies takes only its own file with it; the cache reads only the files
 * that changed, names each file as it is now, and shrugs off a damaged entry; the progress bar draws only
 * on a terminal; Ctrl-C stops the run, writes nothing and leaves no temporary file.
 */
import { spawn } from 'child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { expandInputs } from '../../src/cli/main';
import { ReviewBatch } from '../../src/cli/review-batch';
import { cacheFolder, engineFingerprint } from '../../src/cli/review-cache';
import { displayWidth, Progress, progressLine, type ProgressStream } from '../../src/cli/review-progress';
import { startWorker } from '../../src/cli/worker-pool';
import { writeReportBatch } from '../support/report-batch';
import { officeFolder } from '../support/review-folder';
import { runCli, tempDir } from '../support/run-cli';

const ROOT = path.join(__dirname, '..', '..');
const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const REVIEW_WORKER = path.join(ROOT, 'src', 'cli', 'review-worker');

// Worker threads run the sources through tsx, which compiles them as they load.
jest.setTimeout(60_000);

/** Every file under a folder, by its path relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), path.join(prefix, e.name)) : [path.join(prefix, e.name)]));
}

/** The counts the review says on stderr: files read, files taken from the cache. */
function cacheUse(stderr: string): [number, number] | undefined {
  const m = /本次读取 (\d+) 个文件，(\d+) 个未改动的文件使用缓存的结果/.exec(stderr);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** A fresh cache folder for the runs of one test. */
function freshCache(): string {
  const dir = tempDir('nianbao-cache-');
  process.env.NIANBAO_CACHE_DIR = dir;
  return dir;
}

describe('the pool of worker threads', () => {
  let folder: { dir: string; reports: string };
  beforeAll(async () => {
    folder = await officeFolder();
    // More files than threads, of every kind, next to the office's real and broken ones.
    await writeReportBatch(path.join(folder.reports, '批量'), 12);
  });

  it('gives the very review one thread gives, rows in the order of the files', async () => {
    const args = ['review', folder.reports, '--previous', path.join(folder.reports, '上年'), '--roster', path.join(folder.reports, '名单.txt'), '--json', '--no-cache'];
    const alone = await runCli(...args, '--jobs', '1');
    const pooled = await runCli(...args, '--jobs', '2');
    expect(pooled.code).toBe(1);
    expect(pooled.code).toBe(alone.code);
    expect(pooled.out).toBe(alone.out);
    const rows: { file: string; status: string }[] = JSON.parse(pooled.out).rows;
    const expected = (await expandInputs([folder.reports], { recursive: true }))
      .map((c) => c.file)
      .filter((f) => !f.includes(`${path.sep}上年${path.sep}`) && !f.endsWith('名单.txt'));
    expect(rows.map((r) => r.file)).toEqual(expected);
    expect(rows).toHaveLength(8 + 12);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['pass', 'error', 'warning', 'unrecognized']));
  });

  it('runs every file in its worker threads, and only the threads asked for', async () => {
    const candidates = await expandInputs([path.join(folder.reports, '批量')]);
    let started = 0;
    const pooled = await new ReviewBatch({
      jobs: 3,
      startWorker: () => {
        started++;
        return startWorker(REVIEW_WORKER);
      },
    }).run(candidates);
    const alone = await new ReviewBatch({ jobs: 1 }).run(candidates);
    expect(started).toBe(3);
    expect(pooled.reports).toEqual(alone.reports);
    expect(pooled.read).toBe(12);
  });

  it('loses only the file whose worker died (out of memory, an uncaught error, an exit), and goes on with new workers', async () => {
    const dir = tempDir('nianbao-crash-');
    const reports = await writeReportBatch(dir, 6, ['txt', 'html']);
    // Among the others, in the order of the files: each death has files after it.
    for (const name of ['0001b-exit.txt', '0003b-throw.txt', '0004b-oom.txt']) copyFileSync(reports[0].file, path.join(dir, name));
    const candidates = await expandInputs([dir]);
    let started = 0;
    const crashing = new ReviewBatch({
      jobs: 2,
      startWorker: () => {
        started++;
        return startWorker(path.join(__dirname, '..', 'support', 'crashing-review-worker'), { resourceLimits: { maxOldGenerationSizeMb: 192 } });
      },
    });
    const result = await crashing.run(candidates);
    const byName = new Map(result.reports.map((r) => [path.basename(r.file), r]));
    expect(byName.get('0001b-exit.txt')!.unreadable).toMatch(/^处理 .*0001b-exit\.txt 时程序意外中止（退出码 7）/);
    expect(byName.get('0003b-throw.txt')!.unreadable).toMatch(/^处理 .*0003b-throw\.txt 时程序意外中止（a bug in one file）/);
    expect(byName.get('0004b-oom.txt')!.unreadable).toMatch(/0004b-oom\.txt 的内容过多，处理时超出了内存上限/);
    // Three workers died, and one at least was started after them for the files that follow.
    expect(started).toBeGreaterThanOrEqual(4);
    expect(started).toBeLessThanOrEqual(5);
    const alone = await new ReviewBatch({ jobs: 1 }).run(candidates.filter((c) => !/-(exit|throw|oom)\./.test(c.file)));
    expect(result.reports.filter((r) => r.unreadable === undefined)).toEqual(alone.reports);
    expect(alone.reports).toHaveLength(6);
  });
});

describe('the cache', () => {
  /** A folder of 14 reports: generated ones, a damaged one, one whose body only its file's name gives. */
  async function folderOf14(): Promise<string> {
    const dir = path.join(tempDir('nianbao-cached-'), 'reports');
    await writeReportBatch(dir, 12);
    writeFileSync(path.join(dir, '损坏.xlsx'), 'PK\u0003\u0004 broken');
    copyFileSync(path.join(REAL, '2024-county-qiyang.txt'), path.join(dir, '某镇人民政府.txt'));
    return dir;
  }

  it('reads only the files that changed, and gives what a run without the cache gives', async () => {
    freshCache();
    const dir = await folderOf14();
    const first = await runCli('review', dir, '--json', '--jobs', '1');
    expect(cacheUse(first.err)).toEqual([14, 0]);
    const second = await runCli('review', dir, '--json', '--jobs', '1');
    expect(cacheUse(second.err)).toEqual([0, 14]);
    expect(second.out).toBe(first.out);

    const changed = readdirSync(dir).filter((f) => /^000[258]-/.test(f));
    expect(changed).toHaveLength(3);
    // Each replaced by another body's report of its kind (the kinds come in turns of four).
    const source = await writeReportBatch(path.join(tempDir('nianbao-other-'), 'r'), 30);
    for (const name of changed) writeFileSync(path.join(dir, name), readFileSync(source[Number(name.slice(0, 4)) + 20].file));
    const third = await runCli('review', dir, '--json', '--jobs', '1');
    expect(cacheUse(third.err)).toEqual([3, 11]);
    const uncached = await runCli('review', dir, '--json', '--jobs', '1', '--no-cache');
    expect(cacheUse(uncached.err)).toBeUndefined();
    expect(third.out).toBe(uncached.out);
    expect(third.out).not.toBe(first.out);
  });

  it('names each file as it is now: the same bytes elsewhere under other names are found, with their own names, bodies and reasons', async () => {
    freshCache();
    const dir = await folderOf14();
    await runCli('review', dir, '--json', '--jobs', '1');
    const copy = path.join(tempDir('nianbao-moved-'), '另一处');
    mkdirSync(copy);
    for (const name of readdirSync(dir)) copyFileSync(path.join(dir, name), path.join(copy, `副本-${name}`));
    const cached = await runCli('review', copy, '--json', '--jobs', '1');
    expect(cacheUse(cached.err)).toEqual([0, 14]);
    const fresh = await runCli('review', copy, '--json', '--jobs', '1', '--no-cache');
    expect(cached.out).toBe(fresh.out);
    const rows: { file: string; body: string; reason?: string }[] = JSON.parse(cached.out).rows;
    expect(rows.find((r) => r.file.endsWith('副本-某镇人民政府.txt'))!.body).toBe('副本-某镇人民政府');
    expect(rows.find((r) => r.file.endsWith('副本-损坏.xlsx'))!.reason).toContain(path.join(copy, '副本-损坏.xlsx'));
  });

  it('recomputes an entry that is damaged, empty or of another shape, and writes it anew', async () => {
    const cache = freshCache();
    const dir = await folderOf14();
    const first = await runCli('review', dir, '--json', '--jobs', '1');
    const entries = filesUnder(cache).filter((f) => f.endsWith('.json'));
    expect(entries).toHaveLength(14);
    const spoilt = ['{"v":1,"report":', '', 'null', '{"v":1,"paired":false,"report":{"findings":"many"}}', '\u0000\u0001'];
    entries.forEach((f, i) => writeFileSync(path.join(cache, f), spoilt[i % spoilt.length]));
    const again = await runCli('review', dir, '--json', '--jobs', '1');
    expect(cacheUse(again.err)).toEqual([14, 0]);
    expect(again.out).toBe(first.out);
    expect(cacheUse((await runCli('review', dir, '--json', '--jobs', '1')).err)).toEqual([0, 14]);
  });

  it('keeps each pair checked against last year, and is left alone with --no-cache', async () => {
    const cache = freshCache();
    const { reports } = await officeFolder();
    const args = ['review', reports, '--previous', path.join(reports, '上年'), '--roster', path.join(reports, '名单.txt'), '--json', '--jobs', '1'];
    const cold = await runCli(...args, '--no-cache');
    expect(filesUnder(cache)).toEqual([]);
    await runCli(...args);
    const warm = await runCli(...args);
    // Seven of this year (the .xls is not read), three of last year; the two pairs read from the cache too.
    expect(cacheUse(warm.err)).toEqual([0, 10]);
    expect(warm.out).toBe(cold.out);
    expect(JSON.parse(warm.out).previous.paired).toHaveLength(2);
  });

  it('is written where it can be; where it cannot (a file in the way, a folder under /proc), the review is the same and says so', async () => {
    const dir = tempDir('nianbao-nocache-');
    await writeReportBatch(dir, 3);
    const expected = (await runCli('review', dir, '--json', '--jobs', '1', '--no-cache')).out;
    const inTheWay = path.join(dir, '..', `${path.basename(dir)}-file`);
    writeFileSync(inTheWay, '');
    // Under /proc the system says a new folder is missing: Node's own recursive mkdir would loop for ever.
    for (const folder of [path.join(inTheWay, 'cache'), ...(process.platform === 'linux' ? ['/proc/nianbao-cache'] : [])]) {
      process.env.NIANBAO_CACHE_DIR = folder;
      const run = await runCli('review', dir, '--json', '--jobs', '1');
      expect(run.out).toBe(expected);
      expect(cacheUse(run.err)).toEqual([3, 0]);
      expect(run.err).toContain(`注意：无法写入缓存文件夹 ${folder}${path.sep}review${path.sep}`);
    }
  }, 20_000);

  it('is of one engine: another version or any change to the engine\'s code is another cache', async () => {
    const root = path.join(tempDir('nianbao-engine-'), 'dist');
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    write(path.join(root, '..', 'package.json'), JSON.stringify({ version: '1.0.0', dependencies: { exceljs: '4.4.0' } }));
    for (const folder of ['core', 'io', 'cli']) write(path.join(root, folder, 'a.js'), `// ${folder}`);
    const copyOf = (name: string) => {
      const other = path.join(tempDir('nianbao-engine-'), name);
      for (const f of filesUnder(path.join(root, '..'))) write(path.join(other, '..', f), readFileSync(path.join(root, '..', f), 'utf8'));
      return other;
    };
    const same = copyOf('dist');
    const changed = copyOf('dist');
    write(path.join(changed, 'core', 'rules', 'b.js'), 'added');
    const bumped = copyOf('dist');
    write(path.join(bumped, '..', 'package.json'), JSON.stringify({ version: '1.0.1', dependencies: { exceljs: '4.4.0' } }));
    const [a, b, c, d] = await Promise.all([root, same, changed, bumped].map((r) => engineFingerprint(r)));
    expect(b).toBe(a);
    expect(new Set([a, c, d]).size).toBe(3);
  });

  it('lives in the user\'s cache folder of each system, or where NIANBAO_CACHE_DIR says', () => {
    expect(cacheFolder({}, 'linux', '/home/li')).toBe('/home/li/.cache/nianbao');
    expect(cacheFolder({ XDG_CACHE_HOME: '/var/cache/li' }, 'linux', '/home/li')).toBe('/var/cache/li/nianbao');
    expect(cacheFolder({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/li')).toBe('/home/li/.cache/nianbao');
    expect(cacheFolder({}, 'darwin', '/Users/li')).toBe('/Users/li/.cache/nianbao');
    expect(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' }, 'win32', 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Local\\nianbao\\cache');
    expect(cacheFolder({ NIANBAO_CACHE_DIR: '/tmp/c', XDG_CACHE_HOME: '/x' }, 'linux', '/home/li')).toBe('/tmp/c');
  });
});

describe('the progress bar', () => {
  const terminal = (columns = 80) => {
    const writes: string[] = [];
    const stream: ProgressStream = { isTTY: true, columns, write: (s: string) => writes.push(s) };
    return { stream, writes };
  };

  it('shows files done of the total, the file being read and the time left, redrawn in place at most every 100 ms', () => {
    let now = 0;
    const { stream, writes } = terminal();
    const bar = Progress.on(stream, true, () => now)!;
    bar.phase('审核报告', 10);
    expect(writes[0]).toMatch(/^\r审核报告 \[ {20}\] 0\/10 剩余时间估算中$/);
    bar.fileStarted('/x/某县财政局.xlsx');
    bar.fileDone();
    // Within 100 ms of the last drawing: not drawn again.
    expect(writes).toHaveLength(1);
    now = 2000;
    bar.fileStarted('/x/某县水利局.docx');
    expect(writes).toHaveLength(2);
    expect(writes[1]).toMatch(/^\r审核报告 \[==\s{18}\] 1\/10 剩余约18秒 {2}某县水利局\.docx$/);
    now = 2050;
    bar.fileDone();
    expect(writes).toHaveLength(2);
    bar.clear();
    expect(writes[2]).toMatch(/^\r +\r$/);
    expect(displayWidth(writes[2].trim())).toBe(0);
    // As wide as the widest line it wipes.
    expect(writes[2].length - 2).toBe(Math.max(...writes.slice(0, 2).map((w) => displayWidth(w.slice(1)))));
  });

  it('fits a narrow terminal, counting a Chinese character as two columns', () => {
    const line = progressLine({ label: '审核报告', done: 120, total: 1000, file: '/reports/某县人民政府办公室2024年政府信息公开工作年度报告.docx', secondsLeft: 75 }, 70);
    // Full but for at most one column a wide character could not take.
    expect(displayWidth(line)).toBeLessThanOrEqual(69);
    expect(displayWidth(line)).toBeGreaterThanOrEqual(68);
    expect(line).toMatch(/^审核报告 \[==\s+\] 120\/1000 剩余约1分15秒 {2}….*报告\.docx$/);
    expect(displayWidth(progressLine({ label: '审核报告', done: 1, total: 2 }, 10))).toBeLessThanOrEqual(9);
  });

  it('draws nothing when the output is not a terminal, or with --json', async () => {
    expect(Progress.on({ isTTY: false, write: () => true }, true)).toBeUndefined();
    expect(Progress.on(terminal().stream, false)).toBeUndefined();
    const dir = tempDir('nianbao-bar-');
    await writeReportBatch(dir, 3);
    freshCache();
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    try {
      const shown = await runCli('review', dir, '--out', path.join(dir, '..', `${path.basename(dir)}.xlsx`), '--jobs', '1', '--no-cache');
      expect(shown.err).toMatch(/^\r审核报告 \[ +\] 0\/3 /);
      expect(shown.err).toMatch(/\r +\r已写出审核汇总/);
      const json = await runCli('review', dir, '--json', '--jobs', '1', '--no-cache');
      expect(json.err).toBe('');
    } finally {
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
  });
});

describe('Ctrl-C', () => {
  /** Runs the command from its sources in a child process, and sends it SIGINT once it has checked a file. */
  async function interrupted(jobs: string): Promise<{ code: number | null; stderr: string; dir: string; cache: string }> {
    const dir = tempDir('nianbao-sigint-');
    await writeReportBatch(path.join(dir, 'reports'), 300, ['txt']);
    const cache = path.join(dir, 'cache');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'support', 'nianbao-entry.ts'), 'review', path.join(dir, 'reports'), '--out', path.join(dir, '审核汇总.xlsx'), '--html', path.join(dir, '审核汇总.html'), '--jobs', jobs], {
      cwd: ROOT,
      env: { ...process.env, NIANBAO_CACHE_DIR: cache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The first result in the cache: the batch is under way, with most of its files still to check.
    const started = Date.now();
    for (;;) {
      const stored = (() => {
        try {
          return filesUnder(cache).some((f) => f.endsWith('.json'));
        } catch {
          return false;
        }
      })();
      if (stored || Date.now() - started > 60_000) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGINT');
    return { code: await exited, stderr, dir, cache };
  }

  it.each([
    ['in worker threads', '2'],
    ['in one thread', '1'],
  ])('stops the review %s, says so, exits 130 and writes nothing, not even a temporary file', async (_how, jobs) => {
    const run = await interrupted(jobs);
    expect(run.stderr).toContain('已中断：审核没有完成，没有写出结果文件。');
    expect(run.stderr).not.toContain('已写出');
    expect(run.code).toBe(130);
    expect(readdirSync(run.dir).sort()).toEqual(['cache', 'reports']);
    expect(readdirSync(path.join(run.dir, 'reports'))).toHaveLength(300);
    const stored = filesUnder(run.cache);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(300);
    expect(stored.filter((f) => !f.endsWith('.json'))).toEqual([]);
  }, 90_000);
});

describe('--jobs', () => {
  it('takes a number of threads from 1 to 64, and refuses anything else', async () => {
    const dir = tempDir('nianbao-jobs-');
    await writeReportBatch(dir, 1);
    for (const bad of ['0', '65', 'two', '1.5']) {
      const run = await runCli('review', dir, '--json', '--jobs', bad);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`--jobs 应为 1 到 64 之间的整数`);
    }
    expect((await runCli('review', dir, '--json', '--jobs', '64', '--no-cache')).code).toBe(0);
  });
});

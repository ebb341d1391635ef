/** Files given as input are never modified, whatever the command (issue 7, data safety). */
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { gridToWorkbook } from '../../src/io/xlsx';
import { withFigures } from '../support/edit';
import { legacySheet, national2021OneSheet } from '../support/layouts';
import { runCli, tempDir } from '../support/run-cli';

const SEED_TXT = path.join(__dirname, '..', '..', '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');

interface Fingerprint {
  bytes: Buffer;
  mtimeMs: number;
}

const fingerprintOf = (file: string): Fingerprint => ({ bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs });

describe('input files stay byte-identical, with the same modification time', () => {
  let dir: string;
  let workbook: string;
  let text: string;

  beforeAll(async () => {
    dir = tempDir('nianbao-inputs-');
    workbook = path.join(dir, 'report.xlsx');
    // Totals to fill, a formula, and an error: every command has something to write.
    const grid = withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.granted.total': 30, 't3.partial.total': null, 't4.review.total': { value: 3, formula: '=SUM(A54:D54)' } });
    await gridToWorkbook(grid).xlsx.writeFile(workbook);
    text = path.join(dir, 'seed.txt');
    copyFileSync(SEED_TXT, text);
  });

  const commands: [string, (out: string) => string[], () => string][] = [
    ['check', () => ['check', workbook], () => workbook],
    ['check --json', () => ['check', workbook, '--json'], () => workbook],
    ['check a folder', () => ['check', dir], () => workbook],
    ['check --annotate', (out) => ['check', workbook, '--annotate', path.join(out, 'annotated.xlsx')], () => workbook],
    ['totals --out', (out) => ['totals', workbook, '--out', path.join(out, 'totals.xlsx')], () => workbook],
    ['totals --fill-blanks', (out) => ['totals', workbook, '--out', path.join(out, 'totals.xlsx'), '--fill-blanks'], () => workbook],
    ['draft --docx', (out) => ['draft', workbook, '--docx', path.join(out, 'draft.docx')], () => workbook],
    ['draft of a text report', (out) => ['draft', text, '--docx', path.join(out, 'draft.docx')], () => text],
    ['check of a text report', () => ['check', text, '--json'], () => text],
  ];

  it.each(commands)('%s', async (_name, argv, input) => {
    const out = tempDir('nianbao-out-');
    const before = fingerprintOf(input());
    const result = await runCli(...argv(out));
    expect(result.err).not.toContain('程序内部错误');
    const after = fingerprintOf(input());
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('refuses an output path equal to the input, and the input survives', async () => {
    const before = fingerprintOf(workbook);
    expect((await runCli('totals', workbook, '--out', workbook)).code).toBe(2);
    expect((await runCli('check', workbook, '--annotate', path.join(dir, '.', 'report.xlsx'))).code).toBe(2);
    expect(fingerprintOf(workbook).bytes.equals(before.bytes)).toBe(true);
  });

  it('writes a copy of a legacy workbook too without touching it (another sheet layout)', async () => {
    const legacy = path.join(dir, 'legacy.xlsx');
    await gridToWorkbook({ sheets: [legacySheet('统计表', { values: { '(一)收到申请数': null } })] }).xlsx.writeFile(legacy);
    const before = fingerprintOf(legacy);
    writeFileSync(path.join(dir, 'unrelated.txt'), 'x');
    const result = await runCli('totals', legacy, '--out', path.join(tempDir('nianbao-out-'), 'copy.xlsx'));
    // The legacy layout carries the seed's channel error, a 强制 finding: 1, as check says.
    expect(result.code).toBe(1);
    expect(result.out).toContain('计划改动');
    expect(fingerprintOf(legacy)).toEqual(before);
  });
});

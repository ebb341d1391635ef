import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeWorkbook, reportFigures } from '../../src/core';
import { readInput } from '../../src/io/read';
import { readTextReport } from '../../src/io/text';
import { findings } from '../support/edit';

const SEED = path.join(__dirname, '..', '..', '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');
const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', '2017-legacy-seed.xlsx');

function expectOnlyTheRealInconsistency(analysis: ReturnType<typeof analyzeWorkbook>, sheet: string, cells: string[]) {
  expect(analysis.tables).toHaveLength(1);
  const [table] = analysis.tables;
  expect(table.format).toBe('legacy-2016');
  expect(table.missing).toEqual([]);
  const all = findings(analysis);
  expect(all).toHaveLength(1);
  const [f] = all;
  expect(f).toMatchObject({ rule: 'legacy.channels-cover-total', severity: 'error', expected: 8295, actual: 8278, difference: -17 });
  expect(f.cells).toEqual(cells.map((c) => `${sheet}!${c}`));
  expect(f.message).toContain('8278');
  expect(f.message).toContain('8295');
}

describe('the seed report (2017, legacy format)', () => {
  it('yields exactly one error from its text: the channels sum 8278 below the total 8295, all six cells named', () => {
    const { workbook } = readTextReport(readFileSync(SEED, 'utf8'));
    expectOnlyTheRealInconsistency(analyzeWorkbook(workbook), '文本表格', ['C22', 'C26', 'C27', 'C28', 'C29', 'C30']);
  });

  it('yields the same single error from the bundled sample workbook', async () => {
    const input = await readInput(SAMPLE);
    expectOnlyTheRealInconsistency(analyzeWorkbook(input.workbook), '统计表', ['D6', 'D10', 'D11', 'D12', 'D13', 'D14']);
  });

  it('reads every figure of the seed table with its value', () => {
    const { workbook } = readTextReport(readFileSync(SEED, 'utf8'));
    const [report] = reportFigures(analyzeWorkbook(workbook));
    const v = (id: string) => report.figures[`legacy.${id}`]?.value;
    expect(Object.keys(report.figures)).toHaveLength(58);
    expect([v('proactive'), v('channelWebsite'), v('channelWechat'), v('channelOther')]).toEqual([8295, 6563, 390, 1325]);
    expect([v('received'), v('receivedOnline'), v('deniedCommercialSecret'), v('staffPartTime'), v('trainees')]).toEqual([2, 2, 2, 1, 230]);
    expect(v('funding')).toBe(15);
    expect(report.facts).toEqual({ reportYear: 2017, bodyName: '中共嵊泗县委嵊泗县人民政府办公室' });
  });

  it('gives the finding a fingerprint that survives moving the table', async () => {
    const text = analyzeWorkbook(readTextReport(readFileSync(SEED, 'utf8')).workbook);
    const sheet = analyzeWorkbook((await readInput(SAMPLE)).workbook);
    expect(findings(text)[0].fingerprint).toBe(findings(sheet)[0].fingerprint);
    expect(findings(text)[0].fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

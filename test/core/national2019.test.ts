import { analyzeWorkbook, proofreadText, reportFigures, type Workbook } from '../../src/core';
import { findings, withFigures } from '../support/edit';
import { GridBuilder, national2019OneSheet, national2021OneSheet, SAMPLE_2019_T2, SAMPLE_2021, to2019T3, writeT2, writeT2of2019, writeT3, writeT4 } from '../support/layouts';

const SAMPLE: Workbook = { sheets: [national2019OneSheet('统计表')] };
const tablesOf = (wb: Workbook) => analyzeWorkbook(wb).tables.map((t) => [t.format, t.table, Object.keys(t.figures).length, t.missing.length]);

describe('the 2019 trial format', () => {
  it('is recognized as national-2019 in all three tables, with every figure', () => {
    expect(tablesOf(SAMPLE)).toEqual([
      ['national-2019', 't2', 22, 0],
      ['national-2019', 't3', 161, 0],
      ['national-2019', 't4', 15, 0],
    ]);
    expect(findings(analyzeWorkbook(SAMPLE))).toEqual([]);
  });

  it('reads "减4" in 本年增/减 as a change of -4 without calling it an error', () => {
    const a = analyzeWorkbook(SAMPLE);
    const t2 = a.tables[0];
    expect(t2.figures['t2.licensing.change'].value).toBe(-4);
    expect(t2.figures['t2.punishment.change'].value).toBe(3);
    expect(t2.findings).toEqual([]);
  });

  it('reads an amount typed with its unit ("251000元") and asks to verify it', () => {
    const wb = withFigures(SAMPLE, { 't2.procurement.amount': '251000元' });
    const a = analyzeWorkbook(wb);
    expect(a.tables[0].figures['t2.procurement.amount'].value).toBe(251000);
    const f = findings(a).find((x) => x.rule === 'value.unit-in-cell')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('“251000元”');
  });

  it('checks table 三 with its single (六)其他处理 row in the sums', () => {
    const wb = withFigures(SAMPLE, { 't3.otherHandling.natural': 5 });
    const rules = findings(analyzeWorkbook(wb)).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['t3.outcomes-total[natural]', 't3.row-total[otherHandling]']));
  });

  it('a partly blank 2019 table: blanks are 未填, blank totals are "not checked", no false error', () => {
    const wb = withFigures(SAMPLE, { 't2.otherServices.previous': null, 't2.otherServices.change': null, 't3.otherHandling.total': null, 't3.total.total': null });
    const all = findings(analyzeWorkbook(wb));
    expect(all.filter((f) => f.severity === 'error')).toEqual([]);
    expect(all.find((f) => f.rule === 'value.blank')?.cells).toHaveLength(2);
    expect(all.some((f) => f.kind === 'not-checked')).toBe(true);
  });

  it('a 2019 table 三 cut short: missing rows reported, the rows present still checked', () => {
    const g = new GridBuilder();
    writeT3(g, to2019T3(SAMPLE_2021.t3), { otherHandling: 'single', cells: { 'newApplications.6': 50 } });
    const sheet = g.sheet('表三');
    sheet.rows = sheet.rows.slice(0, 14); // ends inside (三)不予公开
    const a = analyzeWorkbook({ sheets: [sheet] });
    const [t] = a.tables;
    expect(t.missing.length).toBeGreaterThan(0);
    expect(t.missing).toContain('t3.carryForward.total');
    expect(findings(a).map((f) => f.rule)).toEqual(expect.arrayContaining(['recognition.missing-rows', 't3.row-total[newApplications]']));
  });
});

describe('telling the formats apart', () => {
  it('a 2021 workbook stays 2021 although the 2019 table 三 reads most of it', () => {
    expect(tablesOf({ sheets: [national2021OneSheet('统计表')] }).map((t) => t[0])).toEqual(['national-2021', 'national-2021', 'national-2021']);
  });

  it('table 四, the same in both, follows the format of the other tables', () => {
    const formats = analyzeWorkbook(SAMPLE).tables.map((t) => t.format);
    expect(formats[2]).toBe('national-2019');
  });

  it('says so when a table 二 has 2021 column headers with the 2019 row set', () => {
    const g = new GridBuilder();
    writeT2of2019(g, SAMPLE_2019_T2);
    const headers2021: Record<string, string> = {
      本年新制作数量: '本年制发件数',
      本年新公开数量: '本年废止件数',
      对外公开总数量: '现行有效件数',
      上一年项目数量: '本年处理决定数量',
    };
    for (const row of g.rows) row.forEach((cell) => cell && typeof cell.value === 'string' && headers2021[cell.value] && (cell.value = headers2021[cell.value]));
    const a = analyzeWorkbook({ sheets: [g.sheet('表二')] });
    // The 2019 reading locates more figures (its 本年增/减 and 采购 columns remain); the 2021 headers are named.
    expect(a.tables.map((t) => t.format)).toEqual(['national-2019']);
    const mixed = findings(a).find((f) => f.rule === 'recognition.mixed-formats')!;
    expect(mixed.severity).toBe('warning');
    expect(mixed.message).toContain('“本年制发件数”“本年废止件数”“现行有效件数”');
    expect(mixed.message).toContain('2021年国家格式');
  });

  it('says so when table 二 is of one format and table 三 of the other', () => {
    const g = new GridBuilder();
    const r = writeT2of2019(g, SAMPLE_2019_T2);
    writeT3(g, SAMPLE_2021.t3, { top: r + 3 });
    const a = analyzeWorkbook({ sheets: [g.sheet('统计表')] });
    expect(a.tables.map((t) => t.format)).toEqual(['national-2019', 'national-2021']);
    const notice = a.notices.find((n) => n.rule === 'recognition.mixed-table-formats')!;
    expect(notice.message).toContain('表二 主动公开政府信息情况为2019年试行格式');
    expect(notice.message).toContain('表三 收到和处理政府信息公开申请情况为2021年国家格式');
  });

  it('keeps the mixed tables of one report together: one report, in the format most of its tables are in', () => {
    // As 洪泽区 published it (test/fixtures/real/2023-county-hongze.pdf): a 2019 表三 between 2021 表二 and 表四.
    const g = new GridBuilder();
    let r = writeT2(g, SAMPLE_2021.t2);
    r = writeT3(g, to2019T3(SAMPLE_2021.t3), { top: r + 2, otherHandling: 'single' });
    writeT4(g, SAMPLE_2021.t4, 'one-row', r + 2, 0);
    const a = analyzeWorkbook({ sheets: [g.sheet('统计表')] });
    expect(a.tables.map((t) => `${t.table} ${t.format}`)).toEqual(['t2 national-2021', 't3 national-2019', 't4 national-2021']);
    const reports = reportFigures(a);
    expect(reports.map((rep) => [rep.format, rep.tables])).toEqual([['national-2021', ['t2', 't3', 't4']]]);
    expect(reports[0].figures['t3.newApplications.total'].value).toBe(SAMPLE_2021.t3.newApplications.reduce((x, y) => x + y, 0));
    // Proofreading reads the 表三 of the same report: the sentence is checked, not left unchecked.
    const result = proofreadText(`本年度共收到政府信息公开申请${reports[0].figures['t3.newApplications.total'].value}件。`, reports[0]);
    expect([result.checked, result.unchecked]).toEqual([1, 0]);
  });

  it('reports an old local layout (本年度 | 历年累计) as not supported rather than misreading it', () => {
    const g = new GridBuilder().set(0, 0, '指标').set(0, 1, '本年度').set(0, 2, '历年累计');
    ['主动公开政府信息数', '依申请公开信息数', '收到申请数'].forEach((label, i) => g.set(i + 1, 0, label).set(i + 1, 1, 5).set(i + 1, 2, 40));
    const a = analyzeWorkbook({ sheets: [g.sheet('2012年')] });
    expect(a.tables).toEqual([]);
    expect(a.notices[0].message).toContain('本年度/历年累计');
  });
});

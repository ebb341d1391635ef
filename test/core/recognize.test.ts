import fc from 'fast-check';
import { analyzeWorkbook, type Sheet, type Workbook } from '../../src/core';
import { findings, withFigures } from '../support/edit';
import { GridBuilder, legacySheet, national2021OneSheet, national2021ThreeSheets, SAMPLE_2021, writeT3, writeT4 } from '../support/layouts';

const valuesOf = (wb: Workbook) => {
  const out: Record<string, number | null> = {};
  for (const t of analyzeWorkbook(wb).tables) for (const [id, f] of Object.entries(t.figures)) out[id] = f.value;
  return out;
};
const LEGACY_VALUES = valuesOf({ sheets: [legacySheet('统计表')] });
const NATIONAL_VALUES = valuesOf({ sheets: [national2021OneSheet('统计表')] });

/** Moves every cell of a sheet down and right, merges included, optionally adding junk around it. */
function shifted(sheet: Sheet, down: number, right: number): Sheet {
  const rows: Sheet['rows'] = Array.from({ length: down }, () => []);
  for (const row of sheet.rows) rows.push([...Array(right).fill(undefined), ...(row ?? [])]);
  return { ...sheet, rows, merges: sheet.merges.map((m) => ({ top: m.top + down, bottom: m.bottom + down, left: m.left + right, right: m.right + right })) };
}

describe('recognizing the legacy table', () => {
  it('finds all 58 figures with no weak match in the plain layout', () => {
    const [t] = analyzeWorkbook({ sheets: [legacySheet('统计表')] }).tables;
    expect(Object.keys(t.figures)).toHaveLength(58);
    expect(t.missing).toEqual([]);
    expect(t.weakMatches).toEqual([]);
  });

  it('reads the same figures with merged section rows, no title and another header wording', () => {
    const wb = { sheets: [legacySheet('Sheet1', { mergeSections: true, title: null, header: ['指标名称', '计量单位', '数量'] })] };
    expect(valuesOf(wb)).toEqual(LEGACY_VALUES);
  });

  it('reads the same figures through label typos, full-width punctuation and odd numbering, and shows the loose ones', () => {
    const wb = {
      sheets: [
        legacySheet('统计表', {
          relabel: {
            '(三)其他情形数': '（三）其他情况数',
            '2.政府网站公开政府信息数': '２、政府网站公开政府信息数',
            '(一)收到申请数': '一、收到申请数',
            '1.按时办结数': '（1）按时办结数',
            '4.微博微信回应事件数': '4.微博、微信回应事件数',
            '(二)设置政府信息公开查阅点数': '(二)设置政府信息公开查阅点个数',
          },
        }),
      ],
    };
    const [t] = analyzeWorkbook(wb).tables;
    expect(valuesOf(wb)).toEqual(LEGACY_VALUES);
    const weak = t.weakMatches.map((w) => w.found);
    expect(weak).toEqual(expect.arrayContaining(['4.微博、微信回应事件数', '(二)设置政府信息公开查阅点个数']));
    expect(weak).not.toContain('（三）其他情况数');
  });

  it('tells apart the repeated labels of 行政复议 and 行政诉讼 by their order', () => {
    const wb = withLegacy({ '(二)被依法纠错数': 0 });
    const [t] = analyzeWorkbook(wb).tables;
    expect(t.figures['legacy.reviewsCorrected'].row).toBeLessThan(t.figures['legacy.lawsuitsCorrected'].row);
    expect(t.figures['legacy.reviewsOther'].row).toBeLessThan(t.figures['legacy.lawsuits'].row);
  });

  it('reports a table cut short: the rows present are checked, the missing ones listed', () => {
    const sheet = legacySheet('统计表', { values: { '(一)收到申请数': 3 } });
    sheet.rows = sheet.rows.slice(0, 33); // stops inside 三、依申请公开情况, after (三)申请答复数
    const analysis = analyzeWorkbook({ sheets: [sheet] });
    const [t] = analysis.tables;
    expect(t.missing).toContain('legacy.trainees');
    expect(t.missing).toContain('legacy.reviews');
    expect(t.figures['legacy.received'].value).toBe(3);
    const rules = findings(analysis).map((f) => f.rule);
    expect(rules).toContain('recognition.missing-rows');
    expect(rules).toContain('legacy.received-sum');
  });

  function withLegacy(values: Record<string, number>) {
    return { sheets: [legacySheet('统计表', { values })] };
  }
});

describe('recognizing the 2021 national tables', () => {
  it('finds tables 二, 三 and 四 on one sheet with every indicator', () => {
    const tables = analyzeWorkbook({ sheets: [national2021OneSheet('统计表')] }).tables;
    expect(tables.map((t) => [t.table, Object.keys(t.figures).length, t.missing.length])).toEqual([
      ['t2', 10, 0],
      ['t3', 175, 0],
      ['t4', 15, 0],
    ]);
    expect(NATIONAL_VALUES['t2.fees']).toBe(12.35);
    expect(NATIONAL_VALUES['t3.newApplications.natural']).toBe(40);
    expect(NATIONAL_VALUES['t3.total.total']).toBe(SAMPLE_2021.t3.total.reduce((a, b) => a + b, 0));
    expect(NATIONAL_VALUES['t4.litigationDirect.pending']).toBe(1);
  });

  it('reads the same figures from three sheets, table 三 with one label column and table 四 as three rows', () => {
    expect(valuesOf({ sheets: national2021ThreeSheets() })).toEqual(NATIONAL_VALUES);
  });

  it('reads a header split over two cells (商业 / 企业)', () => {
    const g = new GridBuilder();
    writeT3(g, SAMPLE_2021.t3, { splitHeader: true });
    const [t] = analyzeWorkbook({ sheets: [g.sheet('表三')] }).tables;
    expect(t.figures['t3.newApplications.business'].value).toBe(6);
    expect(t.missing).toEqual([]);
  });

  it('reads 表四 in both layouts alike', () => {
    const one = new GridBuilder();
    writeT4(one, SAMPLE_2021.t4, 'one-row', 2, 1);
    const rows = new GridBuilder();
    writeT4(rows, SAMPLE_2021.t4, 'three-rows', 0, 0);
    expect(valuesOf({ sheets: [one.sheet('a')] })).toEqual(valuesOf({ sheets: [rows.sheet('b')] }));
    expect(valuesOf({ sheets: [one.sheet('a')] })['t4.review.total']).toBe(4);
  });

  it('says clearly when a workbook holds no known template', () => {
    const g = new GridBuilder().set(0, 0, '项目').set(0, 1, '本年度').set(0, 2, '历年累计').set(1, 0, '主动公开信息').set(1, 1, 12).set(1, 2, 40);
    const analysis = analyzeWorkbook({ sheets: [g.sheet('Sheet1'), { name: '空表', rows: [], merges: [] }] });
    expect(analysis.tables).toEqual([]);
    expect(analysis.notices).toHaveLength(1);
    expect(analysis.notices[0]).toMatchObject({ rule: 'recognition.no-template', severity: 'error' });
    expect(analysis.notices[0].message).toContain('未找到');
  });

  it('checks each of two templates in one workbook and says there are two', () => {
    const analysis = analyzeWorkbook({ sheets: [legacySheet('2017年'), legacySheet('2018年', { values: { '5.其他方式公开政府信息数': 1342 } })] });
    expect(analysis.tables.map((t) => t.sheet)).toEqual(['2017年', '2018年']);
    expect(analysis.tables[0].findings.map((f) => f.rule)).toEqual(['legacy.channels-cover-total']);
    expect(analysis.tables[1].findings).toEqual([]);
    expect(analysis.notices.map((n) => n.rule)).toEqual(['recognition.several-tables']);
  });

  it('flags one merged number covering two figures', () => {
    const sheet = national2021OneSheet('统计表');
    const analysis0 = analyzeWorkbook({ sheets: [sheet] });
    const a = analysis0.tables[1].figures['t3.newApplications.research'];
    sheet.merges.push({ top: a.row, left: a.col, bottom: a.row, right: a.col + 1 });
    const f = findings(analyzeWorkbook({ sheets: [sheet] })).find((x) => x.rule === 'recognition.merged-across-figures');
    expect(f).toBeDefined();
    expect(f!.severity).toBe('error');
  });
});

describe('recognition is independent of where the table sits', () => {
  it('moving a table, or adding title rows and blank columns, changes cells but not figures or fingerprints', () => {
    const broken = legacySheet('统计表');
    const base = analyzeWorkbook({ sheets: [broken] });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 6 }), (down, right) => {
        const moved = analyzeWorkbook({ sheets: [shifted(broken, down, right)] });
        expect(valuesOf({ sheets: [shifted(broken, down, right)] })).toEqual(LEGACY_VALUES);
        expect(findings(moved).map((f) => f.fingerprint)).toEqual(findings(base).map((f) => f.fingerprint));
      }),
      { numRuns: 25 },
    );
  });

  it('the 2021 tables too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 }), (down, right) => {
        expect(valuesOf({ sheets: [shifted(national2021OneSheet('统计表'), down, right)] })).toEqual(NATIONAL_VALUES);
      }),
      { numRuns: 15 },
    );
  });
});

describe('a label misspelt beyond recognition on its own', () => {
  const sheetWith = (relabel: Record<string, string>) => {
    const g = new GridBuilder();
    writeT3(g, SAMPLE_2021.t3, { relabel });
    return g.sheet('统计表');
  };

  it('is its row when it stands where the row belongs, between rows found, and is shown as a near match to confirm', () => {
    // As 洪泽区 published it, two years running: “2.其他法律行政止公开” (法规禁 dropped).
    const [t3] = analyzeWorkbook({ sheets: [sheetWith({ deniedLawForbidden: '2.其他法律行政止公开' })] }).tables;
    expect(t3.missing).toEqual([]);
    expect(t3.figures['t3.deniedLawForbidden.natural'].value).toBe(SAMPLE_2021.t3.deniedLawForbidden[0]);
    expect(t3.weakMatches.map((w) => w.found)).toEqual(['2.其他法律行政止公开']);
  });

  it('is not taken for a row when it reads as something else', () => {
    const unrelated = analyzeWorkbook({ sheets: [sheetWith({ deniedLawForbidden: '2.其中：涉及个人隐私' })] }).tables[0];
    expect(unrelated.missing).toEqual(expect.arrayContaining(['t3.deniedLawForbidden.natural']));
  });
});

describe('a table read from a printed report (PDF)', () => {
  /** The 2021 sheet with 新收申请总计 5 too many, as if printed: rows up to 30 on page 3, the rest on page 4, each page's lines counted from 1. */
  function sheetWithError(): Sheet {
    return withFigures({ sheets: [national2021OneSheet('第3–4页')] }, { 't3.newApplications.total': 51 }).sheets[0];
  }
  const printed = (sheet: Sheet): Sheet => ({ ...sheet, printedRows: sheet.rows.map((_, r) => (r < 30 ? { page: 3, row: r + 1 } : { page: 4, row: r - 29 })) });
  const rowTotal = (sheet: Sheet) => {
    const t3 = analyzeWorkbook({ sheets: [sheet] }).tables.find((t) => t.table === 't3')!;
    const total = t3.figures['t3.newApplications.total'];
    return { t3, total, finding: t3.findings.find((f) => f.cells.includes(total.cell) && f.message.includes('为51，但'))! };
  };

  it('names each figure by page, table, line and column, the sheet address staying the stable one', () => {
    const sheet = printed(sheetWithError());
    const { t3, total, finding } = rowTotal(sheet);
    const onPaper = sheet.printedRows![total.row]!;
    expect(total.printedPlace).toBe(`第${onPaper.page}页 表三 第${onPaper.row}行第${total.col + 1}列`);
    expect(total.cell).toMatch(/^'第3–4页'!J\d+$/);
    expect(new Set(Object.values(t3.figures).map((f) => f.printedPlace?.slice(0, 3)))).toEqual(new Set(['第3页', '第4页']));
    expect(finding.message).toContain(`（${total.printedPlace}）为51`);
  });

  it('names cells by their address when the sheet was not printed', () => {
    const { t3, total, finding } = rowTotal(sheetWithError());
    expect(Object.values(t3.figures).some((f) => f.printedPlace)).toBe(false);
    expect(finding.message).toContain(`（${total.cell.split('!')[1]}）为51`);
  });
});

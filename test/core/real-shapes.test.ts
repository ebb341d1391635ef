/**
 * Shapes of real published reports that gave false 强制 findings or wrong facts (issue #10, classes
 * 2 to 5, 7 and 8): a table cut short, an old local layout, the body's level from the report's own
 * title, a blank official template, titles split over lines, messages in the official words.
 */
import { analyzeWorkbook, documentTitle, factsFromDocument, reportFigures, type Sheet } from '../../src/core';
import { describeCells } from '../../src/core/messages';
import { readHtmlReport } from '../../src/io/html';
import { readTextReport } from '../../src/io/text';
import { findings, withFigures } from '../support/edit';
import { flatten } from '../support/flatten';
import { GridBuilder, national2019OneSheet, national2021OneSheet, SAMPLE_2019_T2, SAMPLE_2021, to2019T3, writeT2, writeT2of2019, writeT3 } from '../support/layouts';

function cutT3(data: Record<string, number[]>, otherHandling?: 'single'): Sheet {
  const g = new GridBuilder();
  writeT3(g, data, otherHandling ? { otherHandling } : {});
  const sheet = g.sheet('表三');
  // Ends after 二、上年结转: nothing of (六), where 2019 and 2021 differ, is left.
  const row = sheet.rows.findIndex((r) => r?.some((c) => typeof c?.value === 'string' && c.value.startsWith('二、上年结转')));
  sheet.rows = sheet.rows.slice(0, row + 1);
  return sheet;
}

describe('class 2: a table cut short follows the report it belongs to', () => {
  it('a 2021 report whose table 三 stops after 二、上年结转 is one 2021 report, not two, with no mixed-format warning', () => {
    const g2 = new GridBuilder();
    writeT2(g2, SAMPLE_2021.t2);
    const a = analyzeWorkbook({ sheets: [g2.sheet('表二'), cutT3(SAMPLE_2021.t3)] });
    expect(a.tables.map((t) => `${t.format}/${t.table}`)).toEqual(['national-2021/t2', 'national-2021/t3']);
    expect(reportFigures(a)).toHaveLength(1);
    expect(findings(a).map((f) => f.rule)).not.toContain('recognition.mixed-table-formats');
  });

  it('a 2019 report whose table 三 is cut short stays 2019', () => {
    const g2 = new GridBuilder();
    writeT2of2019(g2, SAMPLE_2019_T2);
    const a = analyzeWorkbook({ sheets: [g2.sheet('表二'), cutT3(to2019T3(SAMPLE_2021.t3), 'single')] });
    expect(a.tables.map((t) => `${t.format}/${t.table}`)).toEqual(['national-2019/t2', 'national-2019/t3']);
    expect(reportFigures(a)).toHaveLength(1);
  });

  it('a cut-short table 三 alone is read in the current format', () => {
    expect(analyzeWorkbook({ sheets: [cutT3(SAMPLE_2021.t3)] }).tables.map((t) => t.format)).toEqual(['national-2021']);
  });
});

describe('class 3: old local layouts are named as unsupported, never read as the legacy 统计表', () => {
  it('指标名称 | 计量单位 | 2018年度 | 历年累计', () => {
    const text = [
      '某县政府信息公开工作情况统计表',
      '指标名称 | 计量单位 | 2018年度 | 历年累计',
      '一、主动公开情况 | —— | —— | ——',
      '(一)主动公开政府信息数 | 条 | 120 | 3400',
      '其中:主动公开规范性文件数 | 条 | 3 | 60',
      '制发规范性文件总数 | 件 | 3 | 60',
      '三、依申请公开情况 | —— | —— | ——',
      '(一)收到申请数 | 件 | 2 | 31',
      '(二)申请办结数 | 件 | 2 | 31',
    ].join('\n');
    const a = analyzeWorkbook(readTextReport(text).workbook);
    expect(a.tables).toEqual([]);
    expect(a.notices.map((f) => f.rule)).toEqual(['recognition.no-template']);
    expect(a.notices[0].message).toContain('本年度/历年累计');
    expect(a.notices[0].message).not.toContain('缺少');
  });
});

describe('class 3: an old quarterly form copied as text', () => {
  it('with its header far above the rows is named as unsupported', () => {
    const rows = ['主动公开信息数', '其中:全文电子化的主动公开信息数', '新增的行政规范性文件数', '收到申请数', '其中:1.当面申请数', '2.传真申请数', '3.电子邮件申请数', '申请办结数', '不同意公开答复数', '“信息不存在”数', '行政复议数', '行政诉讼数', '举报投诉数'];
    const text = ['定西市政府信息公开情况统计报表', '指 标 名 称', '| 计量', '单位', '| 代码', '| 本期实际', '| 本年累计', '|', '甲', '| 乙', '| 丙', '| 1', '| 2', '|']
      .concat(rows.flatMap((r, i) => [r, '| 条', `| ${String(i + 1).padStart(2, '0')}`, '|', '|', '|']))
      .join('\n');
    const a = analyzeWorkbook(readTextReport(text).workbook);
    expect(a.tables).toEqual([]);
    expect(a.notices[0].message).toContain('本期实际/本年累计');
  });
});

describe('class 4: the body and its level from the report itself', () => {
  const t2WithRegulations = (): string => {
    const g = new GridBuilder();
    writeT2(g, { ...SAMPLE_2021.t2, regulations: [1, 0, 1] });
    return flatten(g.sheet('表二'), 'pipe-rows');
  };

  it('a township report that reports 规章 gets the 规章 warning without --body', () => {
    // The title split over two lines, far above the table, as pages have it.
    const text = ['某县某镇人民政府', '2022 年政府信息公开工作年度报告', '一、总体情况', ...Array(8).fill('本镇认真贯彻《条例》，扎实推进政务公开。'), '二、主动公开政府信息情况', t2WithRegulations()].join('\n');
    const report = readTextReport(text);
    const a = analyzeWorkbook(report.workbook, { text: report.narrative });
    const f = findings(a).find((x) => x.rule === 't2.regulations-by-level')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('乡镇');
    expect(reportFigures(a)[0].facts).toMatchObject({ bodyName: '某县某镇人民政府', reportYear: 2022 });
  });

  it('a report with no title that calls itself 我镇 gets the 规章 warning, saying why', () => {
    const text = ['一、总体情况', '本报告结合我镇实际编制。', '二、主动公开政府信息情况', t2WithRegulations()].join('\n');
    const report = readTextReport(text);
    const f = findings(analyzeWorkbook(report.workbook, { text: report.narrative })).find((x) => x.rule === 't2.regulations-by-level')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('报告中自称“我镇”');
  });

  it('the pane does the same from a workbook whose title names a township', () => {
    const sheet = national2021OneSheet('统计表', { ...SAMPLE_2021, t2: { ...SAMPLE_2021.t2, regulations: [2, 0, 2] } }, {}, '某县某镇人民政府2023年政府信息公开工作年度报告统计表');
    expect(findings(analyzeWorkbook({ sheets: [sheet] })).find((x) => x.rule === 't2.regulations-by-level')?.severity).toBe('warning');
  });
});

describe('class 5: a blank official template', () => {
  it('the heading after an empty table 四 is never read as its figures', () => {
    // Table 四 as the official template has it: the first group's headers span two rows, one empty data row.
    const th = (text: string, span = '') => `<td${span}><p align="center">${text}</p></td>`;
    const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const table = [
      '<table border="1">',
      `<tr>${th('行政复议', ' colspan="5"')}${th('行政诉讼', ' colspan="10"')}</tr>`,
      `<tr>${heads.map((h) => th(h, ' rowspan="2"')).join('')}${th('未经复议直接起诉', ' colspan="5"')}${th('复议后起诉', ' colspan="5"')}</tr>`,
      `<tr>${[...heads, ...heads].map((h) => th(h)).join('')}</tr>`,
      `<tr>${'<td></td>'.repeat(15)}</tr>`,
      '</table>',
    ].join('\n');
    const html = readHtmlReport(
      `<html><body><p>四、政府信息公开行政复议、行政诉讼情况</p>${table}<p>五、存在的主要问题及改进情况</p><p>（本部分报告本机关政府信息公开工作存在的主要问题及改进情况。）</p><p>六、其他需要报告的事项</p></body></html>`,
    );
    const a = analyzeWorkbook(html.workbook);
    expect(findings(a).filter((f) => f.severity === 'error')).toEqual([]);
    const values = a.tables.flatMap((t) => Object.values(t.figures)).map((f) => f.reading.kind);
    expect(values).toHaveLength(15);
    expect(values.every((k) => k === 'blank')).toBe(true);
  });
});

describe('class 5: a blank template copied as text, one label per line', () => {
  it('is read in its format with every figure 未填, never “no table found”', () => {
    const g = new GridBuilder();
    writeT2of2019(g, SAMPLE_2019_T2);
    const sheet = g.sheet('表二');
    // Every figure blank, as a blank template is published.
    sheet.rows = sheet.rows.map((r) => (r ?? []).map((c) => (typeof c?.value === 'number' || /^减|^增/.test(String(c?.value)) ? undefined : c)));
    for (const layout of ['cell-per-line', 'cell-per-line-blank-lines', 'cell-then-bar-line'] as const) {
      const a = analyzeWorkbook(readTextReport(flatten(sheet, layout)).workbook);
      expect([layout, a.tables.map((t) => `${t.format}/${t.table}`)]).toEqual([layout, ['national-2019/t2']]);
      expect(findings(a).filter((f) => f.severity === 'error')).toEqual([]);
      expect(findings(a).map((f) => f.rule)).toEqual(expect.arrayContaining(['value.blank']));
      expect(findings(a).map((f) => f.rule)).not.toContain('recognition.missing-rows');
      expect(Object.values(a.tables[0].figures).every((f) => f.reading.kind === 'blank')).toBe(true);
    }
  });
});

describe('class 7: the report facts from the report’s own title', () => {
  it.each([
    ['one line', '某县某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况', { bodyName: '某县某镇人民政府', reportYear: 2024 }],
    ['split over two lines', '某县某镇人民政府\n2024 年政府信息公开工作年度报告\n一、总体情况', { bodyName: '某县某镇人民政府', reportYear: 2024 }],
    ['spaces between the digits and 年', '某县住房和城乡建设局 2 0 2 3 年 政府信息公开工作年度报告', { bodyName: '某县住房和城乡建设局', reportYear: 2023 }],
    ['the year first', '2022年度螅镇政府信息公开工作年度报告', { bodyName: '螅镇', reportYear: 2022 }],
  ])('%s', (_, text, facts) => {
    expect(factsFromDocument(text)).toEqual(facts);
  });

  it.each([
    ['below a page heading', '2022年政府信息公开工作年度报告\n桃江县某镇人民政府\n一、总体情况', { bodyName: '桃江县某镇人民政府', reportYear: 2022 }],
    ['with 关于', '宁强县自然资源局关于2021年度政府信息公开情况的报告', { bodyName: '宁强县自然资源局', reportYear: 2021 }],
    ['quoted in the opening sentence', '根据《条例》要求，现发布《临洮县某镇2022年政府信息公开工作年度报告》。', { bodyName: '临洮县某镇', reportYear: 2022 }],
    ['labelled by the page’s metadata', '名称 宿迁市2017年政府信息公开年度报告\n索引号 00000001/2018-00042', { bodyName: '宿迁市', reportYear: 2017 }],
    ['broken inside its words', '市政府研究室2019年政府信息公开\n工作年度报告', { bodyName: '市政府研究室', reportYear: 2019 }],
    ['without its place, named whole in the opening sentence', '市人民政府办公室2025年政府信息公开工作年度报告\n根据《条例》要求，现公开天门市人民政府办公室2025年政府信息公开工作年度报告。', { bodyName: '天门市人民政府办公室', reportYear: 2025 }],
    ['a notice about reports is not the title', '根据黄龙县人民政府办公室《关于做好2022年政府信息公开年度报告的通知》要求，编制本报告。', {}],
    ['no title: the year of the statistics period', '本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。', { reportYear: 2022 }],
    ['no title: a township speaks of itself', '现结合我镇实际，汇报政府信息公开工作。', { selfReference: '我镇' }],
  ])('%s', (_, text, facts) => {
    expect(factsFromDocument(text)).toEqual(facts);
  });

  it('only in the page’s <title>, behind the site’s name', () => {
    expect(factsFromDocument('一、总体情况\n2023年，我局坚持……。', '某市生态环境局2023年政府信息公开工作年度报告_某市人民政府门户网站')).toEqual({
      bodyName: '某市生态环境局',
      reportYear: 2023,
    });
  });

  it('a sentence of the narrative is never the title', () => {
    expect(documentTitle('一、总体情况\n2023年，本局政府信息公开工作年度报告编制工作按时完成，全年主动公开信息120条。')).toBeUndefined();
    // Nor is it the table's title: the draft is headed by the report's title, not a sentence above the table.
    const g2 = new GridBuilder();
    writeT2(g2, SAMPLE_2021.t2);
    const text = ['某县水利局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况', '2023年，本局政府信息公开工作年度报告所列数据如下表。', flatten(g2.sheet('表二'), 'pipe-rows')].join('\n');
    const report = readTextReport(text);
    const [facts] = reportFigures(analyzeWorkbook(report.workbook, { text: report.narrative })).map((r) => r.facts);
    expect(facts).toMatchObject({ bodyName: '某县水利局', reportYear: 2023 });
    expect(analyzeWorkbook(report.workbook).tables[0].title).not.toContain('所列数据');
  });
});

describe('class 8: messages in the official words', () => {
  it('names an indicator by its official label with its own quotation marks, never a typo variant', () => {
    const wb = withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.deniedSafetyStability.natural': 9, 't3.unableUnclear.natural': 7 });
    const messages = findings(analyzeWorkbook(wb)).map((f) => f.message).join('\n');
    expect(messages).toContain('危及“三安全一稳定”');
    expect(messages).toContain('补正后申请内容仍不明确');
    expect(messages).not.toContain('三安全一稳定（');
    expect(messages).not.toContain('申请内部');
  });

  it('a long list of cells is shown as ranges with its count; short lists as they are', () => {
    const cells: string[] = [];
    for (let r = 24; r <= 48; r++) for (const c of 'DEFGHIJ') cells.push(`表三!${c}${r}`);
    expect(describeCells(cells, '表三')).toBe('D24:J48（175个单元格）');
    expect(describeCells(['表三!D6', '表三!D10'], '表三')).toBe('D6、D10');
    expect(describeCells(['表二!B7', '表三!D6'], '表三')).toBe('表二!B7、D6');
  });

  it('a unit typed into a cell is reported once, not twice', () => {
    const a = analyzeWorkbook(withFigures({ sheets: [national2019OneSheet('统计表')] }, { 't2.procurement.amount': '251000元' }));
    const about = findings(a).filter((f) => f.cells.some((c) => c === a.tables[0].figures['t2.procurement.amount'].cell));
    expect(about.map((f) => f.rule)).toEqual(['value.unit-in-cell']);
  });
});

/**
 * The PDF layout on pages built by hand (what pdfExtract hands over): page numbers and running lines
 * dropped, tables joined over page breaks, figures never split or glued, paragraphs joined, and the
 * text clean-up of compatibility characters.
 */
import fc from 'fast-check';
import { layoutPdf } from '../../src/io/pdf';
import type { PageContent, RuleLine, TextRun } from '../../src/io/pdfExtract';
import { cleanPdfText, joinLines } from '../../src/io/pdfText';

const SIZE = 12;
/** A run of text at (x, baseline y), as wide as its characters: CJK a full em, digits and Latin half. */
const run = (s: string, x: number, y: number): TextRun => ({ s, x, y, size: SIZE, w: [...s].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? SIZE / 2 : SIZE), 0) });
const page = (runs: TextRun[], lines: RuleLine[] = []): PageContent => ({ width: 595, height: 842, runs, lines, images: 0 });

/** A ruled grid: column lines at xs, row lines at ys, every cell bordered. */
function grid(xs: number[], ys: number[]): RuleLine[] {
  return [
    ...ys.map((y) => ({ x1: xs[0], x2: xs[xs.length - 1], y1: y, y2: y })),
    ...xs.map((x) => ({ x1: x, x2: x, y1: ys[0], y2: ys[ys.length - 1] })),
  ];
}

const values = (rows: unknown[][]) => rows.map((r) => Array.from(r, (c) => (c as { value?: unknown } | undefined)?.value ?? null));

describe('running lines', () => {
  it('drops page numbers in every usual form and a header repeated on every page', () => {
    const footers = ['— 1 —', '- 2 -', '第3页', '4 / 5'];
    const line = '本机关全年主动公开政府信息，按照条例要求编制本报告';
    const pages = footers.map((footer, i) =>
      page([run('某县人民政府办公室政府信息公开', 200, 40), run(line, 60, 300), run(`第${i + 1}段。`, 60, 317), run(footer, 280, 810)]),
    );
    const report = layoutPdf(pages, 'x.pdf');
    expect(report.narrative.split('\n')).toEqual([1, 2, 3, 4].map((n) => `${line}第${n}段。`));
  });

  it('keeps a line at the foot of a single page that is not a page number', () => {
    const report = layoutPdf([page([run('正文。', 60, 300), run('某县人民政府办公室', 400, 800)])], 'x.pdf');
    expect(report.narrative).toContain('某县人民政府办公室');
  });
});

describe('ruled tables', () => {
  const xs = [60, 260, 360, 460];
  it('joins a table that runs over a page break into one sheet named for both pages', () => {
    const first = page([run('前言。', 60, 100), run('统计指标', 64, 712), run('本年新收', 264, 712), run('总计', 364, 712), run('规章', 64, 742), run('3', 264, 742), run('5', 364, 742)], grid(xs, [700, 730, 760]));
    const second = page([run('行政许可', 64, 62), run('12', 264, 62), run('7', 364, 62), run('后记。', 60, 300)], grid(xs, [50, 80]));
    const third = page([run('另表', 64, 112), run('1', 164, 112)], grid([60, 160, 260], [100, 130]));
    const report = layoutPdf([first, second, third], 'x.pdf');
    expect(report.workbook.sheets.map((s) => s.name)).toEqual(['第1–2页', '第3页']);
    expect(values(report.workbook.sheets[0].rows)).toEqual([
      ['前言。'],
      ['统计指标', '本年新收', '总计'],
      ['规章', 3, 5],
      ['行政许可', 12, 7],
      [],
      ['后记。'],
    ]);
  });

  it('lays a part with fewer column lines (a merged header) onto the columns of the rest', () => {
    const header = page([run('申请人情况', 264, 812)], [...grid([60, 260, 460], [800, 830])]);
    const rest = page([run('自然人', 264, 62), run('法人', 364, 62), run('总计', 64, 92), run('4', 264, 92), run('6', 364, 92)], grid(xs, [50, 80, 110]));
    const sheet = layoutPdf([header, rest], 'x.pdf').workbook.sheets[0];
    expect(sheet.name).toBe('第1–2页');
    expect(values(sheet.rows)).toEqual([
      [null, '申请人情况'],
      [null, '自然人', '法人'],
      ['总计', 4, 6],
    ]);
    expect(sheet.merges).toContainEqual({ top: 0, bottom: 0, left: 1, right: 2 });
  });

  it('reads a figure spaced into thousands in one cell as one figure, and figures in two cells as two', () => {
    const p = page([run('行政许可', 64, 112), run('3 119', 264, 112), run('3', 364, 112), run('119', 380, 112)], grid([60, 260, 360, 378, 460], [100, 130]));
    expect(values(layoutPdf([p], 'x.pdf').workbook.sheets[0].rows)).toEqual([['行政许可', 3119, 3, 119]]);
  });

  it('merges cells where a ruling line is missing', () => {
    const lines = [...grid([60, 160, 260], [100, 130]), { x1: 60, x2: 260, y1: 160, y2: 160 }, { x1: 60, x2: 60, y1: 130, y2: 160 }, { x1: 260, x2: 260, y1: 130, y2: 160 }];
    const sheet = layoutPdf([page([run('甲', 64, 112), run('乙', 164, 112), run('合并', 64, 142)], lines)], 'x.pdf').workbook.sheets[0];
    expect(values(sheet.rows)).toEqual([['甲', '乙'], ['合并']]);
    expect(sheet.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }]);
  });
});

describe('unruled tables and prose', () => {
  it('puts the figures of unruled rows in the columns they stand in; a space between two figures parts them', () => {
    const rows = [
      [run('信息内容', 60, 100), run('新收', 300, 100), run('总计', 400, 100)],
      [run('一、本年新收', 60, 120), run('64', 300, 120), run('0', 300 + SIZE + 4, 120), run('70', 400, 120)],
      [run('二、上年结转', 60, 140), run('5', 300, 140), run('5', 400, 140)],
    ].flat();
    const sheet = layoutPdf([page(rows)], 'x.pdf').workbook.sheets[0];
    expect(values(sheet.rows)).toEqual([
      ['信息内容', '新收', null, '总计'],
      ['一、本年新收', 64, 0, 70],
      ['二、上年结转', 5, null, 5],
    ]);
  });

  it('never glues figures of two columns set close together, and keeps a figure spaced into thousands whole', () => {
    // 表二 set tight: 本年制发件数 right-aligned to 340, 本年废止件数 left-aligned from 341.8 (1.8 pt apart).
    const rows = [
      [run('信息内容', 60, 100), run('制发', 316, 100), run('废止', 341.8, 100)],
      [run('规章', 60, 120), run('3', 334, 120), run('5', 341.8, 120)],
      [run('行政规范性文件', 60, 140), run('64', 328, 140), run('0', 341.8, 140)],
      [run('行政许可', 60, 160), run('3 119', 310, 160), run('7', 341.8, 160)],
    ].flat();
    expect(values(layoutPdf([page(rows)], 'x.pdf').workbook.sheets[0].rows)).toEqual([
      ['信息内容', '制发', '废止'],
      ['规章', 3, 5],
      ['行政规范性文件', 64, 0],
      ['行政许可', 3119, 7],
    ]);
  });

  it('reads two figures in neighbouring cells half an em apart as two, where one row gives no other sign of the columns', () => {
    // 表四 as one row: 结果纠正 (0, set right to 340) and 其他结果 (315, from 345.4) are two runs 0.45 em apart.
    const rows = [
      [run('结果维持', 212, 100), run('结果纠正', 292, 100), run('其他结果', 345.4, 100)],
      [run('12', 248, 120), run('0', 334, 120), run('315', 345.4, 120)],
    ].flat();
    expect(values(layoutPdf([page(rows)], 'x.pdf').workbook.sheets[0].rows)).toEqual([
      ['结果维持', '结果纠正', '其他结果'],
      [12, 0, 315],
    ]);
  });

  it('reads a label and its figure set 1.5 pt apart as two cells, by the figures under it', () => {
    // A browser sets the figures left in their cells: 行政规范性文件 ends at 144, its 69 starts at 145.5.
    const rows = [
      [run('信息内容', 60, 100), run('本年制发件数', 145.5, 100)],
      [run('规章', 60, 120), run('0', 145.5, 120)],
      [run('行政规范性文件', 60, 140), run('69', 145.5, 140)],
      [run('行政许可', 60, 160), run('12', 145.5, 160)],
    ].flat();
    const sheet = layoutPdf([page(rows)], 'x.pdf').workbook.sheets[0];
    expect(values(sheet.rows)).toEqual([
      ['信息内容', '本年制发件数'],
      ['规章', 0],
      ['行政规范性文件', 69],
      ['行政许可', 12],
    ]);
  });

  it('puts a label wrapped above and below its figures back together, and a group name between its rows on the first', () => {
    // A browser centres each cell on its row: a two-line label stands above and below the figures' line,
    // the group's name (（三）不予公开) over the middle of its rows.
    const rows = [
      [run('信息内容', 60, 80), run('自然人', 300, 80), run('总计', 360, 80)],
      [run('（二）部分公开（区分处理的，只计这', 60, 96), run('5', 300, 104), run('5', 360, 104), run('一情形，不计其他情形）', 60, 114)],
      [run('（三）不', 60, 133), run('1.属于国家秘密', 140, 133), run('0', 300, 133), run('0', 360, 133)],
      [run('予公开', 60, 151), run('2.其他法律行政法规禁止公开', 140, 151), run('1', 300, 151), run('1', 360, 151)],
    ].flat();
    expect(values(layoutPdf([page(rows)], 'x.pdf').workbook.sheets[0].rows)).toEqual([
      ['信息内容', null, '自然人', '总计'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', null, 5, 5],
      ['（三）不予公开', '1.属于国家秘密', 0, 0],
      [null, '2.其他法律行政法规禁止公开', 1, 1],
    ]);
  });

  it('keeps a row label the templates know whole, and gives a wrapped line to the row whose label it completes', () => {
    // Labels set at the top of their rows (as Word sets them), the rows 21 pt apart: a line of no row
    // goes to the label above it only when together they are a label the templates know.
    const rows = [
      [run('信息内容', 60, 100), run('件数', 300, 100)],
      [run('行政规范性文件', 60, 121), run('5', 300, 121)],
      [run('第二十条第（五）项', 60, 139)],
      [run('5.要求行政机关确认或重新出具已获取', 60, 160), run('0', 300, 160)],
      [run('信息', 60, 181)],
      [run('3.其他', 60, 202), run('2', 300, 202)],
    ].flat();
    expect(values(layoutPdf([page(rows)], 'x.pdf').workbook.sheets[0].rows)).toEqual([
      ['信息内容', '件数'],
      ['行政规范性文件', 5],
      ['第二十条第（五）项'],
      ['5.要求行政机关确认或重新出具已获取信息', 0],
      ['3.其他', 2],
    ]);
  });

  it('joins a header over several lines per column, merges one over several columns, and finds a column all blank by its header', () => {
    const rows = [
      [run('申请人情况', 300, 80)],
      [run('自', 300, 98), run('法人或其他组织', 340, 98), run('总', 480, 98)],
      [run('然', 300, 116), run('商业', 340, 116), run('科研', 390, 116), run('其他', 440, 116), run('计', 480, 116)],
      [run('人', 300, 134), run('企业', 340, 134), run('机构', 390, 134)],
      [run('一、本年新收', 60, 154), run('4', 300, 154), run('1', 340, 154), run('2', 440, 154), run('7', 480, 154)],
      [run('二、上年结转', 60, 174), run('0', 300, 174), run('0', 340, 174), run('1', 440, 174), run('1', 480, 174)],
    ].flat();
    // 科研机构 has no figure in any row: its header stands between two columns that have theirs, so it is a column of its own.
    const sheet = layoutPdf([page(rows)], 'x.pdf').workbook.sheets[0];
    expect(values(sheet.rows)).toEqual([
      [null, '申请人情况'],
      [null, null, '法人或其他组织'],
      [null, '自然人', '商业企业', '科研机构', '其他', '总计'],
      ['一、本年新收', 4, 1, null, 2, 7],
      ['二、上年结转', 0, 0, null, 1, 1],
    ]);
    expect(sheet.merges).toEqual([
      { top: 0, bottom: 0, left: 1, right: 5 },
      { top: 1, bottom: 1, left: 2, right: 4 },
    ]);
  });

  it('joins an unruled table over a page break when the next part has fewer figure columns, each figure under its own', () => {
    const first = page([
      run('信息内容', 60, 700),
      run('制发', 300, 700),
      run('废止', 360, 700),
      run('有效', 420, 700),
      run('规章', 60, 720),
      run('0', 300, 720),
      run('0', 360, 720),
      run('0', 420, 720),
      run('行政规范性文件', 60, 740),
      run('5', 300, 740),
      run('2', 360, 740),
      run('38', 420, 740),
      run('第二十条第（六）项', 60, 760),
    ]);
    const second = page([run('信息内容', 60, 60), run('处理决定数量', 300, 60), run('行政处罚', 60, 80), run('342', 300, 80), run('行政强制', 60, 100), run('17', 300, 100)]);
    const report = layoutPdf([first, second], 'x.pdf');
    expect(report.workbook.sheets.map((s) => s.name)).toEqual(['第1–2页']);
    expect(values(report.workbook.sheets[0].rows)).toEqual([
      ['信息内容', '制发', '废止', '有效'],
      ['规章', 0, 0, 0],
      ['行政规范性文件', 5, 2, 38],
      ['第二十条第（六）项'],
      ['信息内容', '处理决定数量'],
      ['行政处罚', 342],
      ['行政强制', 17],
    ]);
  });

  it('joins the lines of a paragraph with no space, and a figure broken at the line end stays one figure', () => {
    const full = '本年度全区共收到政府信息公开申请件数为一千二百三十';
    const p = page([run(full, 60, 100), run('4件，办结。', 60, 117), run('二、下一段', 60, 160)]);
    expect(layoutPdf([p], 'x.pdf').narrative.split('\n')).toEqual([`${full}4件，办结。`, '二、下一段']);
    expect(joinLines(['共收到3', '119件', 'of the', 'report'])).toBe('共收到3119件of the report');
  });

  it('starts a paragraph at a numbered heading after a sentence that ended at the margin, with no indent', () => {
    // The 2021 平潭 page printed by LibreOffice: "…自动上网发布。" fills its line and "（四）平台载体…" follows at the pitch.
    const a = '三是不断创新工作方法，不断改造升级系统与门户网站';
    const b = '探索电子公文与门户网站实时交互，实现自动上网发布。';
    const c = '（四）平台载体建设方面。按照要求调整网站栏目设置。';
    const d = '2021年起规范政府网站与政务新媒体运维，先后关停未';
    const e = '进行规范管理的政务新媒体。';
    const p = page([a, b, c, d, e].map((s, i) => run(s, 60, 100 + 17 * i)));
    // A sentence ended at the margin before a line that is no numbered heading ("2021年…") runs on as before.
    expect(layoutPdf([p], 'x.pdf').narrative.split('\n')).toEqual([a + b, c + d + e]);
  });

  it('starts a paragraph at a numbered heading at the top of a page after a sentence that filled the last line', () => {
    const a = '三是不断创新工作方法，不断改造升级系统与门户网站';
    const b = '探索电子公文与门户网站实时交互，实现自动上网发布。';
    const c = '（四）平台载体建设方面。按照要求调整网站栏目设置，';
    const d = '规范运维。';
    const first = page([run(a, 60, 700), run(b, 60, 717)]);
    const second = page([run(c, 60, 80), run(d, 60, 97)]);
    expect(layoutPdf([first, second], 'x.pdf').narrative.split('\n')).toEqual([a + b, c + d]);
  });
});

describe('text clean-up', () => {
  const KANGXI = fc.integer({ min: 0x2f00, max: 0x2fd5 }).map((c) => String.fromCharCode(c));
  // U+FA11 﨑 is a unified ideograph in the compatibility block (a name's 崎): NFKC keeps it, and so must the clean-up.
  const COMPAT = fc.constantFrom(...'\uF900\uF95E\uFA0C\uFA11'.split(''));
  const FULL_DIGIT = fc.integer({ min: 0, max: 9 }).map((d) => String.fromCharCode(0xff10 + d));
  /** What a report is written in and must keep as it is: ideographs, Chinese punctuation, ASCII. */
  const ORDINARY = fc.constantFrom(...'一二三公开申请件（）：，。、“”《》%0123456789ab '.split(''));

  it('maps Kangxi radicals, compatibility ideographs and full-width digits back, and nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(KANGXI, COMPAT, FULL_DIGIT, ORDINARY), { maxLength: 40 }), (chars) => {
        const cleaned = cleanPdfText(chars.join(''));
        expect([...cleaned]).toHaveLength(chars.length);
        expect(cleaned).not.toMatch(/[\u2F00-\u2FDF\uFF10-\uFF19\uF900\uF95E\uFA0C]/);
        [...cleaned].forEach((ch, i) => {
          if (/[\u2F00-\u2FDF\uF900-\uFAFF\uFF10-\uFF19]/.test(chars[i])) expect(ch).toBe(chars[i].normalize('NFKC'));
          else expect(ch).toBe(chars[i]);
        });
        expect(cleanPdfText(cleaned)).toBe(cleaned);
      }),
    );
  });

  it('reads the characters a browser-made PDF writes as radicals', () => {
    expect(cleanPdfText('（⼀）予以公开 ⼈⺠政府 ⻔户⽹站 １２３')).toBe('（一）予以公开 人民政府 门户网站 123');
  });
});

import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeWorkbook, reportFigures } from '../../src/core';
import { allRuns, draftNarrative, narrativeToText, type FigureRun, type Narrative, type ReportFacts } from '../../src/core/narrative';
import { national2019OneSheet, SAMPLE_2019_T2, type T2Data2019 } from '../support/layouts';
import { figuresFrom, national2019Values, NATIONAL_SAMPLE, type Table2Of2019 } from './fixtures';

/** The sample's sheet through the real engine: recognizer, figures, facts from the title. */
function draftFromSheet(t2: T2Data2019 = SAMPLE_2019_T2, extraFacts: ReportFacts = {}): Narrative {
  const analysis = analyzeWorkbook({ sheets: [national2019OneSheet('统计表', t2)] });
  const reports = reportFigures(analysis);
  expect(reports.map((r) => [r.format, r.tables])).toEqual([['national-2019', ['t2', 't3', 't4']]]);
  const [report] = reports;
  return draftNarrative({ format: report.format, figures: report.figures, facts: { ...report.facts, ...extraFacts } });
}

const text = (n: Narrative) => narrativeToText(n);
const proactiveParagraph = (n: Narrative) => n.sections[0].paragraphs[2].runs.map((r) => r.text).join('');

const QUIET_T2: Table2Of2019 = {
  regulations: [0, 0, 0],
  normativeDocs: [0, 0, 0],
  licensing: [0, 0, 0],
  otherServices: [0, 0, 0],
  punishment: [0, 0, 0],
  coercion: [0, 0, 0],
  fees: [0, 0],
  procurement: [0, 0],
};

function draftFromValues(t2: Table2Of2019, typedUnits: Record<string, string> = {}): Narrative {
  const figures = figuresFrom('national-2019', national2019Values(t2, NATIONAL_SAMPLE), '统计表', typedUnits);
  return draftNarrative({ format: 'national-2019', figures, facts: { bodyName: '示范县人民政府办公室', reportYear: 2019 } });
}

describe('2019 trial format', () => {
  it('matches the reviewed draft of the filled sample sheet', () => {
    expect(text(draftFromSheet())).toBe(readFileSync(path.join(__dirname, 'golden/national2019-sample.txt'), 'utf8'));
  });

  it('cites the trial format and has the same six parts as 2021', () => {
    const n = draftFromSheet();
    expect(text(n)).toContain('《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）');
    expect(n.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('says a negative 本年增/减 ("减4") as 减少, its size linked to the signed cell', () => {
    const n = draftFromSheet();
    expect(proactiveParagraph(n)).toContain('行政许可事项由上一年的86项减少4项，作出处理决定1180件');
    expect(proactiveParagraph(n)).toContain('行政处罚事项由上一年的210项增加3项');
    expect(proactiveParagraph(n)).toContain('行政事业性收费项目由上一年的6项减少1项');
    const sizes = allRuns(n).filter((r): r is FigureRun => r.kind === 'figure' && r.derivation === 'magnitude');
    expect(sizes.map((r) => [r.value, r.sources.map((s) => [s.indicator, s.value])])).toEqual([
      [4, [['t2.licensing.change', -4]]],
      [3, [['t2.punishment.change', 3]]],
      [1, [['t2.fees.change', -1]]],
    ]);
    expect(text(n)).not.toMatch(/增加-|减少-|-\d/);
  });

  it('prints 采购总金额 with the unit the cell carried, else as a bare number marked for checking', () => {
    const bare = draftFromSheet();
    expect(proactiveParagraph(bare)).toContain('政府集中采购项目14项，采购总金额251000〔待核实：金额单位〕。');
    const marker = allRuns(bare).find((r) => r.kind === 'placeholder' && r.need.startsWith('unit:'));
    expect(marker).toEqual({ kind: 'placeholder', text: '〔待核实：金额单位〕', need: 'unit:t2.procurement.amount' });
    expect(bare.notes.at(-1)).toContain('〔待核实〕');

    const inYuan = draftFromSheet({ ...SAMPLE_2019_T2, procurement: [14, '251000元'] });
    expect(proactiveParagraph(inYuan)).toContain('采购总金额251000元。');
    expect(text(inYuan)).not.toContain('待核实');
    const amount = allRuns(inYuan).find((r): r is FigureRun => r.kind === 'figure' && r.sources[0]?.indicator === 't2.procurement.amount');
    expect(amount).toMatchObject({ text: '251000', value: 251000, unit: '元', derivation: 'cell' });

    expect(proactiveParagraph(draftFromSheet({ ...SAMPLE_2019_T2, procurement: [9, '103.3879万元'] }))).toContain('政府集中采购项目9项，采购总金额103.3879万元。');
  });

  it('never takes a count unit typed into 采购总金额 for a money unit', () => {
    const n = draftFromValues({ ...QUIET_T2, procurement: [2, 3500] }, { 't2.procurement.amount': '件' });
    expect(proactiveParagraph(n)).toContain('政府集中采购项目2项，采购总金额3500〔待核实：金额单位〕。');
  });

  it('keeps the amount\'s decimals when no unit is known', () => {
    const n = draftFromValues({ ...QUIET_T2, procurement: [3, 12.5] });
    expect(proactiveParagraph(n)).toContain('采购总金额12.5〔待核实：金额单位〕');
  });

  it('says the zero cases plainly', () => {
    expect(proactiveParagraph(draftFromValues(QUIET_T2))).toBe(
      '2019年，本机关未新制作、新公开规范性文件，无对外公开的规范性文件。' +
        '无行政许可事项、其他对外管理服务事项、行政处罚事项和行政强制事项及相关处理决定。' +
        '无行政事业性收费项目；无政府集中采购项目。',
    );
    const someQuiet = draftFromValues({ ...QUIET_T2, normativeDocs: [0, 2, 30], licensing: [5, 0, 0], coercion: [0, 2, 7] });
    expect(proactiveParagraph(someQuiet)).toBe(
      '2019年，本机关新公开规范性文件2件，对外公开规范性文件总数30件。' +
        '行政许可事项5项，与上一年持平，未作出处理决定；行政强制事项由上一年的0项增加2项，作出处理决定7件；' +
        '无其他对外管理服务事项和行政处罚事项及相关处理决定。' +
        '无行政事业性收费项目；无政府集中采购项目。',
    );
  });

  it('mentions 规章 only when the table has them', () => {
    expect(proactiveParagraph(draftFromSheet())).not.toContain('规章');
    const n = draftFromValues({ ...QUIET_T2, regulations: [2, 2, 35], normativeDocs: [4, 3, 36] });
    expect(proactiveParagraph(n)).toContain('本机关新制作规章2件、新公开2件，对外公开规章总数35件；新制作规范性文件4件、新公开3件，对外公开规范性文件总数36件。');
  });

  it('shows a blank 本年增/减 as a placeholder and claims no direction', () => {
    const n = draftFromSheet({ ...SAMPLE_2019_T2, licensing: [86, null, 1180] });
    expect(proactiveParagraph(n)).toContain('行政许可事项上一年86项，本年增减〔待补充：统计表中“行政许可/本年增/减”未填〕，作出处理决定1180件');
    expect(allRuns(n).some((r) => r.kind === 'placeholder' && r.need === 'blank:t2.licensing.change')).toBe(true);
  });

  it('words tables 三 and 四 as the 2021 format does, with (六)其他处理 as one row', () => {
    const t = text(draftFromSheet());
    expect(t).toContain('不予处理2件，占4.0%（其中信访举报投诉类申请1件和重复申请1件）；其他处理1件，占2.0%。结转下年度继续办理3件。');
    const shares = allRuns(draftFromSheet()).filter((r): r is FigureRun => r.kind === 'figure' && r.derivation === 'share');
    expect(shares.reduce((sum, r) => sum + Math.round(r.value * 10), 0)).toBe(1000);
    const other = shares.at(-1);
    expect(other?.sources.map((s) => s.indicator)).toEqual(['t3.otherHandling.total']);
  });

  it('has no 信息处理费 sentence, which the 2019 format does not ask for', () => {
    const n = draftFromSheet(SAMPLE_2019_T2, { feeCollected: 0.5 });
    expect(text(n)).not.toContain('信息处理费');
    expect(allRuns(n).some((r) => r.kind === 'fact' && r.fact === 'feeCollected')).toBe(false);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(draftFromSheet())).toBe(JSON.stringify(draftFromSheet()));
  });
});

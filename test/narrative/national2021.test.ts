import { readFileSync } from 'fs';
import * as path from 'path';
import { allRuns, draftNarrative, narrativeToText, type FigureRun, type Narrative, type ReportFacts } from '../../src/core/narrative';
import { figuresFrom, nationalValues, NATIONAL_SAMPLE, type NationalSpec } from './fixtures';

const FACTS: ReportFacts = { bodyName: '示范县人民政府办公室', reportYear: 2022, feeCollected: 0 };

function draft(spec: NationalSpec = NATIONAL_SAMPLE, facts: ReportFacts = FACTS, edit?: (v: Record<string, number | null>) => void): Narrative {
  const values: Record<string, number | null> = nationalValues(spec);
  edit?.(values);
  return draftNarrative({ format: 'national-2021', figures: figuresFrom('national-2021', values), facts });
}

const text = (n: Narrative) => narrativeToText(n);

/** A sample with no applications, no appeals and nothing made. */
const QUIET: NationalSpec = {
  ...NATIONAL_SAMPLE,
  normativeDocs: [0, 0, 12],
  licensing: 0,
  punishment: 0,
  coercion: 0,
  fees: 0,
  newApplications: [0, 0, 0, 0, 0, 0],
  carriedOver: [0, 0, 0, 0, 0, 0],
  outcomes: {},
  appeals: { review: [0, 0, 0, 0], litigationDirect: [0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0] },
};

describe('2021 national format', () => {
  it('matches the reviewed draft of the filled sample', () => {
    expect(text(draft())).toBe(readFileSync(path.join(__dirname, 'golden/national2021-sample.txt'), 'utf8'));
  });

  it('has the six parts, with the usual sub-heads under 一、总体情况', () => {
    const n = draft();
    expect(n.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    const subheads = n.sections[0].paragraphs.filter((p) => p.kind === 'subheading').map((p) => p.runs[0].text);
    expect(subheads).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(draft())).toBe(JSON.stringify(draft()));
  });

  it('never says the appeals were all upheld while one is pending', () => {
    const spec = { ...NATIONAL_SAMPLE, appeals: { review: [3, 0, 0, 1], litigationDirect: [0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0] } };
    const t = text(draft(spec));
    expect(t).toContain('因政府信息公开被申请行政复议4件，其中结果维持3件和尚未审结1件；未发生政府信息公开行政诉讼案件。');
    expect(t).not.toMatch(/均[^。；]*维持/);
    const allUpheld = { ...spec, appeals: { ...spec.appeals, review: [4, 0, 0, 0] } };
    expect(text(draft(allUpheld))).toContain('被申请行政复议4件，结果均为维持');
  });

  it('sums the two routes of 行政诉讼 and says which route', () => {
    const n = draft();
    const litigation = allRuns(n).find(
      (r): r is FigureRun => r.kind === 'figure' && r.derivation === 'sum' && r.sources.some((s) => s.indicator === 't4.litigationDirect.total'),
    );
    expect(litigation?.value).toBe(3);
    expect(litigation?.sources.map((s) => s.indicator)).toEqual(['t4.litigationDirect.total', 't4.litigationAfterReview.total']);
  });

  it('says the zero cases plainly', () => {
    const t = text(draft(QUIET));
    expect(t).toContain('2022年，本机关未制发、废止行政规范性文件，现行有效行政规范性文件12件；未作出行政许可、行政处罚和行政强制决定；未收取行政事业性收费。');
    expect(t).toContain('2022年，本机关未收到政府信息公开申请，也无上年结转的申请。');
    expect(t).toContain('全年，本机关未发生政府信息公开行政复议、行政诉讼案件。');
    expect(t).not.toContain('%');
    expect(t).toContain('〔待补充：存在的主要问题〕');
  });

  it('mentions 规章 only when the table has them', () => {
    expect(text(draft())).not.toContain('规章');
    const t = text(draft({ ...NATIONAL_SAMPLE, regulations: [2, 0, 35] }));
    expect(t).toContain('本机关制发规章2件，现行有效规章35件；制发行政规范性文件3件、废止1件');
  });

  it('says "all of one kind" and drops 均 for a single item', () => {
    const spec: NationalSpec = {
      ...QUIET,
      newApplications: [5, 0, 0, 0, 0, 0],
      outcomes: { granted: [5, 0, 0, 0, 0, 0] },
    };
    const t = text(draft(spec));
    expect(t).toContain('新收政府信息公开申请5件，无上年结转申请。新收申请均由自然人提出。');
    expect(t).toContain('本年度办理结果总计5件，均为予以公开。无结转下年度继续办理的申请。');
    const single = text(draft({ ...spec, newApplications: [0, 1, 0, 0, 0, 0], outcomes: { unableNotHeld: [0, 1, 0, 0, 0, 0] } }));
    expect(single).toContain('新收申请由商业企业提出。');
    expect(single).toContain('本年度办理结果总计1件，为无法提供（为“本机关不掌握相关政府信息”情形）。');
  });

  it('gives each outcome its share of (七)总计, adding up to 100.0%', () => {
    const n = draft();
    const shares = allRuns(n).filter((r): r is FigureRun => r.kind === 'figure' && r.derivation === 'share');
    expect(shares.map((r) => r.text)).toEqual(['42.9', '12.2', '8.2', '22.4', '8.2', '6.1']);
    expect(shares.every((r) => r.base?.[0].indicator === 't3.total.total')).toBe(true);
    expect(shares.reduce((sum, r) => sum + Math.round(r.value * 10), 0)).toBe(1000);
    expect(n.notes).toContain(n.rounding.description);
  });

  it('compares with last year when last year is given', () => {
    const previous = figuresFrom('national-2021', { 't3.newApplications.total': 38 });
    const t = text(draft(NATIONAL_SAMPLE, { ...FACTS, previous }));
    expect(t).toContain('新收政府信息公开申请50件，较上年增加12件，上年结转申请2件。');
    const change = allRuns(draft(NATIONAL_SAMPLE, { ...FACTS, previous })).find(
      (r): r is FigureRun => r.kind === 'figure' && r.derivation === 'difference',
    );
    expect(change?.sources.map((s) => [s.indicator, s.value, s.year])).toEqual([
      ['t3.newApplications.total', 50, undefined],
      ['t3.newApplications.total', 38, 'previous'],
    ]);
  });

  it('writes the 信息处理费 sentence from the fact, or leaves a placeholder', () => {
    expect(text(draft(NATIONAL_SAMPLE, { ...FACTS, feeCollected: 0.035 }))).toContain(
      '依据《政府信息公开信息处理费管理办法》，本年度本机关共收取信息处理费0.035万元。',
    );
    const withoutFee = draft(NATIONAL_SAMPLE, { bodyName: FACTS.bodyName, reportYear: 2022 });
    const six = withoutFee.sections[5].paragraphs[0].runs[0];
    expect(six).toMatchObject({ kind: 'placeholder', need: 'fact:feeCollected' });
  });

  it('never invents the body or the year', () => {
    const n = draft(NATIONAL_SAMPLE, {});
    expect(n.title.map((r) => r.kind)).toEqual(['placeholder', 'placeholder', 'text']);
    expect(text(n)).toContain('本年度，本机关制发行政规范性文件3件');
    expect(text(n)).not.toMatch(/20\d\d年/);
  });

  it('shows a blank cell as a placeholder, never as 0, and claims no "all of one kind" around it', () => {
    const n = draft(NATIONAL_SAMPLE, FACTS, (v) => {
      v['t2.punishment'] = null;
      v['t3.newApplications.business'] = null;
    });
    const t = text(n);
    expect(t).toContain('行政处罚决定〔待补充：统计表中“行政处罚”未填〕');
    expect(t).toContain('商业企业申请〔待补充：统计表中“一、本年新收政府信息公开申请数量/商业企业”未填〕');
    const blanks = allRuns(n).filter((r) => r.kind === 'placeholder' && r.need.startsWith('blank:'));
    expect(blanks.map((r) => r.kind === 'placeholder' && r.need)).toEqual(['blank:t2.punishment', 'blank:t3.newApplications.business']);
  });
});

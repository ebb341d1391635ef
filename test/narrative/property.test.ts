import fc from 'fast-check';
import { allRuns, draftNarrative, narrativeToText, type FigureRun, type Narrative, type ReportFacts } from '../../src/core/narrative';
import { formatValue } from '../../src/core/narrative/numbers';
import type { Figure, FormatId } from '../../src/core/types';
import { formatAmount } from '../../src/core/narrative/numbers';
import { consistentNationalSpec as nationalSpec, count, figuresFrom, national2019Values, nationalValues, wan, type Table2Of2019 } from './fixtures';

/**
 * For random consistent tables: every number in the draft is exactly the value its run claims, that
 * value follows from the cells the run names, and the shares of one sentence add up to 100.0%.
 */

/** Digits the wording itself contains (dates of the statistics period, the format's document number). */
const FIXED_NUMBERS = ['国办公开办函〔2021〕30号', '国办公开办函〔2019〕60号', '1月1日', '12月31日'];

const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// 本年增/减 of 2019: a signed change, never taking more items away than last year had.
const itemChange = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: -12, max: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -2000, max: 2000 }) },
);
const items = fc.tuple(count, itemChange).map(([previous, change]) => [Math.max(previous, -change), change] as const);
const matter = fc.tuple(items, count).map(([[previous, change], decisions]) => [previous, change, decisions] as [number, number, number]);

const table2Of2019: fc.Arbitrary<Table2Of2019> = fc.record({
  regulations: fc.tuple(count, count, count),
  normativeDocs: fc.tuple(count, count, count),
  licensing: matter,
  otherServices: matter,
  punishment: matter,
  coercion: matter,
  fees: items.map(([previous, change]) => [previous, change] as [number, number]),
  procurement: fc.tuple(count, fc.oneof(count, wan)),
});
/** The unit typed into the 采购总金额 cell, if any ("251000元"). */
const amountUnit = fc.option(fc.constantFrom('元', '万元'), { nil: undefined });

const legacyValues: fc.Arbitrary<Record<string, number>> = fc
  .record({
    channels: fc.array(count, { minLength: 5, maxLength: 5 }),
    proactiveShare: fc.double({ min: 0, max: 1, noNaN: true }),
    normative: fc.tuple(count, count),
    responses: fc.array(count, { minLength: 6, maxLength: 6 }),
    leaders: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
    received: fc.array(count, { minLength: 4, maxLength: 4 }),
    concluded: fc.tuple(count, count),
    replies: fc.array(count, { minLength: 7, maxLength: 7 }),
    reasons: fc.array(count, { minLength: 6, maxLength: 6 }),
    reviews: fc.array(count, { minLength: 3, maxLength: 3 }),
    lawsuits: fc.array(count, { minLength: 3, maxLength: 3 }),
    other: fc.array(count, { minLength: 8, maxLength: 8 }),
    money: fc.tuple(wan, wan),
  })
  .map((r) => {
    const v: Record<string, number> = {};
    const put = (ids: string[], values: number[]) => ids.forEach((id, i) => (v[`legacy.${id}`] = values[i]));
    put(['channelGazette', 'channelWebsite', 'channelWeibo', 'channelWechat', 'channelOther'], r.channels);
    // One item published through several channels counts once: the total is at most the channel sum.
    v['legacy.proactive'] = Math.floor(sumOf(r.channels) * r.proactiveShare);
    put(['normativeIssued', 'proactiveNormative'], r.normative);
    put(['responses', 'pressConferences', 'onlineInterviews', 'interpretations', 'socialMediaResponses', 'otherResponses'], r.responses);
    v['legacy.pressConferencesByLeaders'] = Math.floor(v['legacy.pressConferences'] * r.leaders[0]);
    v['legacy.onlineInterviewsByLeaders'] = Math.floor(v['legacy.onlineInterviews'] * r.leaders[1]);
    put(['receivedInPerson', 'receivedFax', 'receivedOnline', 'receivedLetter'], r.received);
    v['legacy.received'] = sumOf(r.received);
    put(['concludedOnTime', 'concludedExtended'], r.concluded);
    v['legacy.concluded'] = sumOf(r.concluded);
    put(['deniedStateSecret', 'deniedCommercialSecret', 'deniedPrivacy', 'deniedSecurity', 'deniedNotGovInfo', 'deniedOtherLaw'], r.reasons);
    v['legacy.replyDenied'] = sumOf(r.reasons);
    put(['replyAlreadyPublic', 'replyGranted', 'replyPartial', 'replyNotThisBody', 'replyNotExist', 'replyAskAmend', 'replyOtherChannel'], r.replies);
    v['legacy.replies'] = sumOf(r.replies) + v['legacy.replyDenied'];
    put(['reviewsUpheld', 'reviewsCorrected', 'reviewsOther'], r.reviews);
    v['legacy.reviews'] = sumOf(r.reviews);
    put(['lawsuitsUpheld', 'lawsuitsCorrected', 'lawsuitsOther'], r.lawsuits);
    v['legacy.lawsuits'] = sumOf(r.lawsuits);
    put(['complaints', 'dedicatedUnits', 'readingPoints', 'staffFullTime', 'staffPartTime', 'meetings', 'trainings', 'trainees'], r.other);
    v['legacy.staff'] = v['legacy.staffFullTime'] + v['legacy.staffPartTime'];
    put(['fees', 'funding'], r.money);
    return v;
  });

const facts: fc.Arbitrary<ReportFacts> = fc.record(
  { bodyName: fc.constant('某县人民政府办公室'), reportYear: fc.integer({ min: 2016, max: 2030 }), feeCollected: wan },
  { requiredKeys: [] },
);

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Checks every run of a draft against the figures it was made from. */
function checkDraft(n: Narrative, figures: Record<string, Figure>, reportFacts: ReportFacts): void {
  const lookup = (indicator: string, year?: 'previous') => (year ? reportFacts.previous : figures)?.[indicator];
  const shareSets = new Map<string, FigureRun[]>();
  for (const run of allRuns(n)) {
    if (run.kind === 'text') {
      const stripped = FIXED_NUMBERS.reduce((t, fixed) => t.split(fixed).join(''), run.text);
      expect(stripped).not.toMatch(/[0-9０-９]/);
    } else if (run.kind === 'fact') {
      const expected = { bodyName: reportFacts.bodyName, reportYear: reportFacts.reportYear, feeCollected: reportFacts.feeCollected }[run.fact];
      expect(run.fact === 'bodyName' ? run.text : Number(run.text)).toBe(expected);
    } else if (run.kind === 'placeholder') {
      // The tables are complete: nothing may be reported blank.
      expect(run.need.startsWith('blank:')).toBe(false);
    } else {
      // The number as printed is the run's value, written as published reports write it.
      expect(run.text).toMatch(/^\d+(\.\d+)?$/);
      expect(run.text).toBe(formatValue(run.value, run.unit));
      expect(Number(run.text)).toBe(run.value);
      for (const source of [...run.sources, ...(run.base ?? [])]) {
        const figure = lookup(source.indicator, source.year);
        expect(figure).toBeDefined();
        expect(source.cell).toBe(figure?.cell);
        expect(source.value).toBe(figure?.value);
      }
      const values = run.sources.map((s) => s.value);
      switch (run.derivation) {
        case 'cell':
          expect(values).toEqual([run.value]);
          break;
        case 'sum':
          expect(run.value).toBe(round6(sumOf(values)));
          break;
        case 'difference':
          expect(run.sources.map((s) => s.year)).toEqual([undefined, 'previous']);
          expect(run.value).toBe(round6(Math.abs(values[0] - values[1])));
          break;
        case 'magnitude':
          expect(values).toHaveLength(1);
          expect(run.value).toBe(Math.abs(values[0]));
          break;
        case 'share': {
          const base = sumOf((run.base ?? []).map((s) => s.value));
          expect(Math.abs(run.value - (100 * sumOf(values)) / base)).toBeLessThan(0.1);
          const set = shareSets.get(run.shareSet ?? '') ?? [];
          shareSets.set(run.shareSet ?? '', [...set, run]);
          break;
        }
      }
    }
  }
  for (const shares of shareSets.values()) {
    const base = sumOf((shares[0].base ?? []).map((s) => s.value));
    const covered = sumOf(shares.flatMap((r) => r.sources.map((s) => s.value)));
    // Consistent tables: the listed outcomes cover (七)总计, so the printed shares add up to exactly 100.0.
    expect(covered).toBe(base);
    expect(sumOf(shares.map((r) => Math.round(r.value * 10)))).toBe(1000);
  }
}

function draftFor(format: FormatId, values: Record<string, number>, reportFacts: ReportFacts, typedUnits: Record<string, string> = {}) {
  const figures = figuresFrom(format, values, '统计表', typedUnits);
  return { figures, narrative: draftNarrative({ format, figures, facts: reportFacts }) };
}

describe('every number in the draft is the value its run claims', () => {
  it('2021 national format', () => {
    fc.assert(
      fc.property(nationalSpec, facts, fc.option(fc.integer({ min: 0, max: 200 })), (spec, reportFacts, lastYear) => {
        const values = nationalValues(spec);
        const withPrevious: ReportFacts =
          lastYear === null
            ? reportFacts
            : { ...reportFacts, previous: figuresFrom('national-2021', { 't3.newApplications.total': lastYear }, '上年') };
        const { figures, narrative } = draftFor('national-2021', values, withPrevious);
        checkDraft(narrative, figures, withPrevious);

        // "结果均为维持" only for a group where every case was upheld: a pending case rules it out.
        const allUpheld = (total: number, upheld: number) => total > 0 && upheld === total;
        const litigationTotal = values['t4.litigationDirect.total'] + values['t4.litigationAfterReview.total'];
        const litigationUpheld = values['t4.litigationDirect.upheld'] + values['t4.litigationAfterReview.upheld'];
        const expected = Number(allUpheld(values['t4.review.total'], values['t4.review.upheld'])) + Number(allUpheld(litigationTotal, litigationUpheld));
        expect(narrativeToText(narrative).match(/结果均?为维持/g)?.length ?? 0).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('2019 trial format', () => {
    fc.assert(
      fc.property(table2Of2019, nationalSpec, amountUnit, facts, (t2, tables, unit, reportFacts) => {
        const values = national2019Values(t2, tables);
        const typedUnits: Record<string, string> = unit ? { 't2.procurement.amount': unit } : {};
        const { figures, narrative } = draftFor('national-2019', values, reportFacts, typedUnits);
        checkDraft(narrative, figures, reportFacts);
        const runs = allRuns(narrative);

        // Each non-zero 本年增/减 is stated once, as its size, right after the word for its sign.
        const changes = ['licensing', 'otherServices', 'punishment', 'coercion', 'fees'].map((row) => values[`t2.${row}.change`]);
        const sizes = runs.flatMap((run, i) => (run.kind === 'figure' && run.derivation === 'magnitude' ? [i] : []));
        expect(sizes.map((i) => (runs[i] as FigureRun).sources[0].value)).toEqual(changes.filter((c) => c !== 0));
        for (const i of sizes) {
          const before = runs[i - 1].text;
          expect(before.endsWith((runs[i] as FigureRun).sources[0].value < 0 ? '减少' : '增加')).toBe(true);
        }

        // 采购总金额: the unit the cell carried, otherwise a bare number and a marker, never an invented unit.
        const [projects, amount] = t2.procurement;
        const at = runs.findIndex((r) => r.kind === 'figure' && r.sources[0]?.indicator === 't2.procurement.amount');
        if (projects === 0 && amount === 0) {
          expect(at).toBe(-1);
          expect(narrativeToText(narrative)).toContain('无政府集中采购项目');
        } else {
          expect(runs[at].text).toBe(formatAmount(amount));
          const after = runs[at + 1];
          if (unit) expect(after.kind === 'text' && after.text.startsWith(unit)).toBe(true);
          else expect(after).toEqual({ kind: 'placeholder', text: '〔待核实：金额单位〕', need: 'unit:t2.procurement.amount' });
        }
        expect(narrativeToText(narrative)).not.toContain('信息处理费');
      }),
      { numRuns: 150 },
    );
  });

  it('legacy format', () => {
    fc.assert(
      fc.property(legacyValues, facts, (values, reportFacts) => {
        const { figures, narrative } = draftFor('legacy-2016', values, reportFacts);
        checkDraft(narrative, figures, reportFacts);
        // Channels with 0 are never listed.
        const proactive = narrative.sections[0].paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('');
        if (values['legacy.channelGazette'] === 0) expect(proactive).not.toContain('政府公报');
      }),
      { numRuns: 150 },
    );
  });

  it('same figures, same text', () => {
    fc.assert(
      fc.property(nationalSpec, facts, (spec, reportFacts) => {
        const a = draftFor('national-2021', nationalValues(spec), reportFacts).narrative;
        const b = draftFor('national-2021', nationalValues(spec), reportFacts).narrative;
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 30 },
    );
  });
});

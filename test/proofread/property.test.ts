import fc from 'fast-check';
import { draftNarrative, narrativeToText } from '../../src/core/narrative';
import { proofreadText } from '../../src/core/proofread';
import { consistentNationalSpec as nationalSpec, count, SEED_VALUES, wan } from '../narrative/fixtures';
import { nationalReport, seedReport } from './reports';

/** For random consistent tables, the draft written from them has nothing to proofread: no false alarm. */

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Changes to the seed table that keep its relationships: components and their totals move together. */
const legacyChanges = fc
  .record({ received: fc.array(count, { minLength: 4, maxLength: 4 }), extended: count, reviews: fc.array(count, { minLength: 3, maxLength: 3 }), fees: wan, staff: fc.tuple(count, count) })
  .map((r) => {
    const v: Record<string, number> = {};
    ['receivedInPerson', 'receivedFax', 'receivedOnline', 'receivedLetter'].forEach((id, i) => (v[`legacy.${id}`] = r.received[i]));
    v['legacy.received'] = sum(r.received);
    v['legacy.concludedOnTime'] = v['legacy.received'];
    v['legacy.concludedExtended'] = r.extended;
    v['legacy.concluded'] = v['legacy.received'] + r.extended;
    ['reviewsUpheld', 'reviewsCorrected', 'reviewsOther'].forEach((id, i) => (v[`legacy.${id}`] = r.reviews[i]));
    v['legacy.reviews'] = sum(r.reviews);
    v['legacy.fees'] = r.fees;
    v['legacy.staffFullTime'] = r.staff[0];
    v['legacy.staffPartTime'] = r.staff[1];
    v['legacy.staff'] = r.staff[0] + r.staff[1];
    return v;
  });

test('2021 format: random consistent tables', () => {
  fc.assert(
    fc.property(nationalSpec, wan, (spec, fee) => {
      const report = nationalReport(spec, { feeCollected: fee, reportYear: 2023 });
      const text = narrativeToText(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }));
      expect(proofreadText(text, report).findings).toEqual([]);
    }),
    { numRuns: 150 },
  );
});

test('legacy format: random changes to the seed table', () => {
  fc.assert(
    fc.property(legacyChanges, (changes) => {
      const report = seedReport(changes, { reportYear: 2017 });
      expect(Object.keys(changes).every((id) => id in SEED_VALUES)).toBe(true);
      const text = narrativeToText(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }));
      expect(proofreadText(text, report).findings).toEqual([]);
    }),
    { numRuns: 150 },
  );
});

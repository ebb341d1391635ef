import fc from 'fast-check';
import { legacy2016 } from '../../src/core/formats/legacy-2016/template';
import { national2019 } from '../../src/core/formats/national-2019/template';
import { national2021 } from '../../src/core/formats/national-2021/template';
import type { TemplateInput } from '../../src/core/templates/schema';
import type { Figure, FormatId } from '../../src/core/types';

/** Every indicator of a template with its label and unit, in table order. */
export interface IndicatorSpec {
  id: string;
  label: string;
  rowLabel: string;
  columnLabel?: string;
  unit: string;
  decimal: boolean;
}

const TEMPLATES: Record<FormatId, TemplateInput> = { 'legacy-2016': legacy2016, 'national-2019': national2019, 'national-2021': national2021 };

export function indicatorsOf(format: FormatId): IndicatorSpec[] {
  const specs: IndicatorSpec[] = [];
  for (const table of TEMPLATES[format].tables) {
    for (const block of table.blocks) {
      for (const row of block.rows) {
        if (row.kind === 'group') continue;
        const unit = row.unit ?? '件';
        const decimal = row.decimal ?? false;
        if (block.columns.length === 1) specs.push({ id: `${table.id}.${row.id}`, label: row.label, rowLabel: row.label, unit, decimal });
        else
          for (const c of block.columns) {
            // A column may have its own kind of figure (2019 采购总金额 beside 采购项目数量).
            const column = { unit: c.unit ?? unit, decimal: c.decimal ?? decimal };
            specs.push({ id: `${table.id}.${row.id}.${c.id}`, label: `${row.label}/${c.label}`, rowLabel: row.label, columnLabel: c.label, ...column });
          }
      }
    }
  }
  return specs;
}

/**
 * Figures from an {indicator: value} map, with fake but distinct cells (统计表!C1, C2, … in template
 * order). Indicators not in the map are absent, as on a sheet that lacks the row; null is a blank cell.
 * `typedUnits` gives cells that carry a unit typed after the number ("251000元").
 */
export function figuresFrom(
  format: FormatId,
  values: Record<string, number | null>,
  sheet = '统计表',
  typedUnits: Record<string, string> = {},
): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  const specs = indicatorsOf(format);
  for (const id of Object.keys(values)) {
    if (!specs.some((s) => s.id === id)) throw new Error(`unknown indicator ${id}`);
  }
  specs.forEach((spec, i) => {
    if (!(spec.id in values)) return;
    const value = values[spec.id];
    figures[spec.id] = {
      id: spec.id,
      label: spec.label,
      rowLabel: spec.rowLabel,
      ...(spec.columnLabel ? { columnLabel: spec.columnLabel } : {}),
      unit: spec.unit,
      decimal: spec.decimal,
      cell: `${sheet}!C${i + 1}`,
      sheet,
      row: i,
      col: 2,
      reading:
        value === null
          ? { kind: 'blank' }
          : spec.id in typedUnits
            ? { kind: 'number', value, forms: ['stored-as-text', 'unit-in-cell'], unit: typedUnits[spec.id], raw: `${value}${typedUnits[spec.id]}` }
            : { kind: 'number', value, forms: [], raw: String(value) },
      value,
    };
  });
  return figures;
}

/** The seed report's table (seed/000_bc870c0a05b91354.txt), row by row. */
export const SEED_VALUES: Record<string, number> = {
  'legacy.proactive': 8295,
  'legacy.proactiveNormative': 17,
  'legacy.normativeIssued': 17,
  'legacy.channelGazette': 0,
  'legacy.channelWebsite': 6563,
  'legacy.channelWeibo': 0,
  'legacy.channelWechat': 390,
  'legacy.channelOther': 1325,
  'legacy.responses': 195,
  'legacy.pressConferences': 0,
  'legacy.pressConferencesByLeaders': 0,
  'legacy.onlineInterviews': 0,
  'legacy.onlineInterviewsByLeaders': 0,
  'legacy.interpretations': 90,
  'legacy.socialMediaResponses': 2,
  'legacy.otherResponses': 103,
  'legacy.received': 2,
  'legacy.receivedInPerson': 0,
  'legacy.receivedFax': 0,
  'legacy.receivedOnline': 2,
  'legacy.receivedLetter': 0,
  'legacy.concluded': 2,
  'legacy.concludedOnTime': 2,
  'legacy.concludedExtended': 0,
  'legacy.replies': 2,
  'legacy.replyAlreadyPublic': 0,
  'legacy.replyGranted': 0,
  'legacy.replyPartial': 0,
  'legacy.replyDenied': 2,
  'legacy.deniedStateSecret': 0,
  'legacy.deniedCommercialSecret': 2,
  'legacy.deniedPrivacy': 0,
  'legacy.deniedSecurity': 0,
  'legacy.deniedNotGovInfo': 0,
  'legacy.deniedOtherLaw': 0,
  'legacy.replyNotThisBody': 0,
  'legacy.replyNotExist': 0,
  'legacy.replyAskAmend': 0,
  'legacy.replyOtherChannel': 0,
  'legacy.reviews': 0,
  'legacy.reviewsUpheld': 0,
  'legacy.reviewsCorrected': 0,
  'legacy.reviewsOther': 0,
  'legacy.lawsuits': 0,
  'legacy.lawsuitsUpheld': 0,
  'legacy.lawsuitsCorrected': 0,
  'legacy.lawsuitsOther': 0,
  'legacy.complaints': 0,
  'legacy.fees': 0,
  'legacy.dedicatedUnits': 1,
  'legacy.readingPoints': 11,
  'legacy.staff': 1,
  'legacy.staffFullTime': 0,
  'legacy.staffPartTime': 1,
  'legacy.funding': 15,
  'legacy.meetings': 2,
  'legacy.trainings': 1,
  'legacy.trainees': 230,
};

export const APPLICANT_COLUMNS = ['natural', 'business', 'research', 'publicInterest', 'legalService', 'other'] as const;

export interface NationalSpec {
  regulations: [issued: number, repealed: number, inForce: number];
  normativeDocs: [issued: number, repealed: number, inForce: number];
  licensing: number;
  punishment: number;
  coercion: number;
  fees: number;
  /** Table 三 rows by applicant column (six numbers); totals, (七)总计 and 结转下年度 are derived. */
  newApplications: number[];
  carriedOver: number[];
  /** Outcome rows present here; the others are 0. */
  outcomes: Record<string, number[]>;
  /** Table 四 groups: [结果维持, 结果纠正, 其他结果, 尚未审结]; 总计 derived. */
  appeals: Record<'review' | 'litigationDirect' | 'litigationAfterReview', number[]>;
}

export const OUTCOME_ROWS = [
  'granted', 'partial',
  'deniedStateSecret', 'deniedLawForbidden', 'deniedSafetyStability', 'deniedThirdParty',
  'deniedInternalAffairs', 'deniedProcessInfo', 'deniedEnforcementFile', 'deniedQueryMatter',
  'unableNotHeld', 'unableNeedsCreation', 'unableUnclear',
  'notProcessedComplaint', 'notProcessedRepeat', 'notProcessedPublication', 'notProcessedMassRepeat', 'notProcessedConfirm',
  'otherNoAmendment', 'otherNoFee', 'otherOther',
];

/** A consistent 2021 table from its inputs: every total and the carry-forward follow the format's rules. */
export function nationalValues(spec: NationalSpec): Record<string, number> {
  const v: Record<string, number> = {};
  (['regulations', 'normativeDocs'] as const).forEach((row) => {
    const [issued, repealed, inForce] = spec[row];
    Object.assign(v, { [`t2.${row}.issued`]: issued, [`t2.${row}.repealed`]: repealed, [`t2.${row}.inForce`]: inForce });
  });
  Object.assign(v, { 't2.licensing': spec.licensing, 't2.punishment': spec.punishment, 't2.coercion': spec.coercion, 't2.fees': spec.fees });
  const zeros = APPLICANT_COLUMNS.map(() => 0);
  const setRow = (row: string, cells: number[]) => {
    APPLICANT_COLUMNS.forEach((c, i) => (v[`t3.${row}.${c}`] = cells[i]));
    v[`t3.${row}.total`] = cells.reduce((a, b) => a + b, 0);
  };
  setRow('newApplications', spec.newApplications);
  setRow('carriedOver', spec.carriedOver);
  const outcomeTotal = [...zeros];
  for (const row of OUTCOME_ROWS) {
    const cells = spec.outcomes[row] ?? zeros;
    setRow(row, cells);
    cells.forEach((n, i) => (outcomeTotal[i] += n));
  }
  setRow('total', outcomeTotal);
  setRow('carryForward', APPLICANT_COLUMNS.map((_, i) => spec.newApplications[i] + spec.carriedOver[i] - outcomeTotal[i]));
  for (const [group, [upheld, corrected, other, pending]] of Object.entries(spec.appeals)) {
    Object.assign(v, {
      [`t4.${group}.upheld`]: upheld,
      [`t4.${group}.corrected`]: corrected,
      [`t4.${group}.other`]: other,
      [`t4.${group}.pending`]: pending,
      [`t4.${group}.total`]: upheld + corrected + other + pending,
    });
  }
  return v;
}

/** A filled 2021 sample: a county-level office with a typical mix of applications and outcomes. */
export const NATIONAL_SAMPLE: NationalSpec = {
  regulations: [0, 0, 0],
  normativeDocs: [3, 1, 26],
  licensing: 1256,
  punishment: 87,
  coercion: 0,
  fees: 12.35,
  //                natural business research publicInterest legalService other
  newApplications: [41, 6, 0, 0, 2, 1],
  carriedOver: [2, 0, 0, 0, 0, 0],
  outcomes: {
    granted: [17, 3, 0, 0, 1, 0],
    partial: [5, 1, 0, 0, 0, 0],
    deniedThirdParty: [2, 0, 0, 0, 0, 0],
    deniedInternalAffairs: [1, 0, 0, 0, 0, 0],
    deniedProcessInfo: [0, 1, 0, 0, 0, 0],
    unableNotHeld: [8, 0, 0, 0, 0, 1],
    unableNeedsCreation: [2, 0, 0, 0, 0, 0],
    notProcessedComplaint: [3, 0, 0, 0, 0, 0],
    notProcessedRepeat: [1, 0, 0, 0, 0, 0],
    otherNoAmendment: [2, 0, 0, 0, 0, 0],
    otherOther: [0, 0, 0, 0, 1, 0],
  },
  appeals: {
    review: [2, 1, 0, 1],
    litigationDirect: [1, 0, 0, 1],
    litigationAfterReview: [1, 0, 0, 0],
  },
};

/** Table 二 of the 2019 trial format, row by row as the table lays it out. */
export interface Table2Of2019 {
  regulations: [made: number, published: number, total: number];
  normativeDocs: [made: number, published: number, total: number];
  licensing: [previous: number, change: number, decisions: number];
  otherServices: [previous: number, change: number, decisions: number];
  punishment: [previous: number, change: number, decisions: number];
  coercion: [previous: number, change: number, decisions: number];
  fees: [previous: number, change: number];
  procurement: [projects: number, amount: number];
}

const OTHER_HANDLING_2021 = ['otherNoAmendment', 'otherNoFee', 'otherOther'];

/**
 * A consistent 2019 report: its own table 二, and tables 三 and 四 built from `tables` as for 2021,
 * with the three (六) sub-rows added up into the one 2019 row (docs/formats.md §1).
 */
export function national2019Values(t2: Table2Of2019, tables: NationalSpec): Record<string, number> {
  const v: Record<string, number> = {};
  const of2021 = nationalValues(tables);
  for (const [id, value] of Object.entries(of2021)) {
    if (id.startsWith('t2.') || OTHER_HANDLING_2021.some((row) => id.startsWith(`t3.${row}.`))) continue;
    v[id] = value;
  }
  for (const column of [...APPLICANT_COLUMNS, 'total']) {
    v[`t3.otherHandling.${column}`] = OTHER_HANDLING_2021.reduce((sum, row) => sum + of2021[`t3.${row}.${column}`], 0);
  }
  const columns: Record<keyof Table2Of2019, string[]> = {
    regulations: ['made', 'published', 'total'],
    normativeDocs: ['made', 'published', 'total'],
    licensing: ['previous', 'change', 'decisions'],
    otherServices: ['previous', 'change', 'decisions'],
    punishment: ['previous', 'change', 'decisions'],
    coercion: ['previous', 'change', 'decisions'],
    fees: ['previous', 'change'],
    procurement: ['projects', 'amount'],
  };
  for (const [row, ids] of Object.entries(columns) as [keyof Table2Of2019, string[]][]) {
    ids.forEach((column, i) => (v[`t2.${row}.${column}`] = t2[row][i]));
  }
  return v;
}

// Counts biased to zero, so the zero and "all of one kind" cases come up often.
export const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20000 }) },
);
export const wan = fc.integer({ min: 0, max: 500000 }).map((cents) => cents / 100);
const six = fc.array(count, { minLength: 6, maxLength: 6 });
const four = fc.array(count, { minLength: 4, maxLength: 4 });

/** Random 2021 tables in which every relationship holds (for the narrative and proofreading properties). */
export const consistentNationalSpec: fc.Arbitrary<NationalSpec> = fc
  .record({
    regulations: fc.tuple(count, count, count),
    normativeDocs: fc.tuple(count, count, count),
    licensing: count,
    punishment: count,
    coercion: count,
    fees: wan,
    outcomes: fc.dictionary(fc.constantFrom(...OUTCOME_ROWS), six, { maxKeys: 8 }),
    carryForward: six,
    carriedOverWish: six,
    appeals: fc.record({ review: four, litigationDirect: four, litigationAfterReview: four }),
  })
  .map(({ outcomes, carryForward, carriedOverWish, ...rest }) => {
    // Choose 上年结转 and derive 本年新收 so that 新收 + 结转 = 总计 + 结转下年 holds in every column.
    const handled = APPLICANT_COLUMNS.map((_, i) => Object.values(outcomes).reduce((sum, row) => sum + row[i], 0) + carryForward[i]);
    const carriedOver = carriedOverWish.map((wish, i) => Math.min(wish, handled[i]));
    const newApplications = handled.map((h, i) => h - carriedOver[i]);
    return { ...rest, outcomes, carriedOver, newApplications } as NationalSpec;
  });

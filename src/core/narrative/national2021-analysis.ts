import {
  breakdown,
  changeOnLastYear,
  sharesOf,
  sumOf,
  type Breakdown,
  type Change,
  type FigureReader,
  type Part,
  type Quantity,
} from './analytics';

/**
 * The facts of a 2021 national-format report (tables 二, 三, 四) that the narrative states.
 * Indicator ids: `t2.<row>.<col>` or `t2.<row>`, `t3.<row>.<col>`, `t4.<group>.<col>`.
 */

export const APPLICANT_KINDS = ['natural', 'business', 'research', 'publicInterest', 'legalService', 'other'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** The six outcome categories of table 三 and their rows; each application is in exactly one row. */
export const OUTCOME_CATEGORIES = {
  granted: ['granted'],
  partial: ['partial'],
  denied: [
    'deniedStateSecret',
    'deniedLawForbidden',
    'deniedSafetyStability',
    'deniedThirdParty',
    'deniedInternalAffairs',
    'deniedProcessInfo',
    'deniedEnforcementFile',
    'deniedQueryMatter',
  ],
  unable: ['unableNotHeld', 'unableNeedsCreation', 'unableUnclear'],
  notProcessed: [
    'notProcessedComplaint',
    'notProcessedRepeat',
    'notProcessedPublication',
    'notProcessedMassRepeat',
    'notProcessedConfirm',
  ],
  otherHandling: ['otherNoAmendment', 'otherNoFee', 'otherOther'],
} as const;
export type OutcomeCategory = keyof typeof OUTCOME_CATEGORIES;
const CATEGORY_ORDER = Object.keys(OUTCOME_CATEGORIES) as OutcomeCategory[];

export const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const LITIGATION_ROUTES = ['litigationDirect', 'litigationAfterReview'] as const;
export type LitigationRoute = (typeof LITIGATION_ROUTES)[number];

export const DECISION_KINDS = ['licensing', 'punishment', 'coercion'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface DocumentCounts {
  issued: Quantity;
  repealed: Quantity;
  inForce: Quantity;
}

export interface NationalAnalysis {
  documents: { regulations: DocumentCounts; normativeDocs: DocumentCounts };
  decisions: Part<DecisionKind>[];
  fees: Quantity;
  applications: {
    received: Quantity;
    change: Change | null;
    carriedOver: Quantity;
    applicants: Breakdown<ApplicantKind>;
    outcomes: Breakdown<OutcomeCategory>;
    /** Each category's share of (七)总计; null when a category or the total is unknown, or the total is 0. */
    outcomeShares: Map<OutcomeCategory, Quantity> | null;
    /** The rows of the categories that have them (不予公开 and the others), by row. */
    outcomeDetails: Record<OutcomeCategory, Breakdown<string>>;
    carryForward: Quantity;
  };
  appeals: {
    review: Breakdown<AppealOutcome>;
    /** Both routes of 行政诉讼 together: each outcome is the sum of the two groups. */
    litigation: Breakdown<AppealOutcome>;
    litigationRoutes: Breakdown<LitigationRoute>;
    /** 结果纠正 across 行政复议 and both routes of 行政诉讼. */
    corrected: Quantity;
  };
}

export function analyzeNational2021(reader: FigureReader): NationalAnalysis {
  const documents = (row: string): DocumentCounts => ({
    issued: reader.get(`t2.${row}.issued`),
    repealed: reader.get(`t2.${row}.repealed`),
    inForce: reader.get(`t2.${row}.inForce`),
  });
  const t3 = (row: string, col = 'total') => reader.get(`t3.${row}.${col}`);

  const received = t3('newApplications');
  const outcomeTotal = t3('total');
  const outcomeDetails = {} as Record<OutcomeCategory, Breakdown<string>>;
  const categoryParts = CATEGORY_ORDER.map((category) => {
    const rows = OUTCOME_CATEGORIES[category];
    const rowParts = rows.map((row) => ({ key: row as string, q: t3(row) }));
    const q = rows.length === 1 ? rowParts[0].q : sumOf(rowParts.map((p) => p.q));
    outcomeDetails[category] = breakdown(q, rowParts);
    return { key: category, q };
  });

  const appealGroup = (group: string) =>
    breakdown(
      reader.get(`t4.${group}.total`),
      APPEAL_OUTCOMES.map((key) => ({ key, q: reader.get(`t4.${group}.${key}`) })),
    );
  const litigationTotal = reader.sum(LITIGATION_ROUTES.map((g) => `t4.${g}.total`));
  const litigation = breakdown(
    litigationTotal,
    APPEAL_OUTCOMES.map((key) => ({ key, q: reader.sum(LITIGATION_ROUTES.map((g) => `t4.${g}.${key}`)) })),
  );

  return {
    documents: { regulations: documents('regulations'), normativeDocs: documents('normativeDocs') },
    decisions: DECISION_KINDS.map((key) => ({ key, q: reader.get(`t2.${key}`) })),
    fees: reader.get('t2.fees'),
    applications: {
      received,
      change: changeOnLastYear(received, reader.previous('t3.newApplications.total')),
      carriedOver: t3('carriedOver'),
      applicants: breakdown(
        received,
        APPLICANT_KINDS.map((key) => ({ key, q: t3('newApplications', key) })),
      ),
      outcomes: breakdown(outcomeTotal, categoryParts),
      outcomeShares: sharesOf(categoryParts, outcomeTotal, 't3.outcomes'),
      outcomeDetails,
      carryForward: t3('carryForward'),
    },
    appeals: {
      review: appealGroup('review'),
      litigation,
      litigationRoutes: breakdown(
        litigationTotal,
        LITIGATION_ROUTES.map((key) => ({ key, q: reader.get(`t4.${key}.total`) })),
      ),
      corrected: reader.sum(['review', ...LITIGATION_ROUTES].map((g) => `t4.${g}.corrected`)),
    },
  };
}

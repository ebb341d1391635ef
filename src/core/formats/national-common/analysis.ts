import { APPLICANT_COLUMNS, OUTCOME_GROUPS } from './template';
import { breakdown, changeOnLastYear, sharesOf, sumOf, type Breakdown, type Change, type FigureReader, type Quantity } from '../../narrative/analytics';

/**
 * The facts of tables 三 and 四, shared by the 2019 trial format and the 2021 format: the two differ
 * only in the rows of (六)其他处理 (docs/formats.md §1). Indicator ids: `t3.<row>.<col>`, `t4.<group>.<col>`.
 */

export type ApplicantKind = (typeof APPLICANT_COLUMNS)[number];

export type OutcomeCategory = keyof typeof OUTCOME_GROUPS | 'otherHandling';
/** The six outcome categories of table 三, in the table's order. */
export const OUTCOME_CATEGORIES: readonly OutcomeCategory[] = [...(Object.keys(OUTCOME_GROUPS) as OutcomeCategory[]), 'otherHandling'];

export const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const LITIGATION_ROUTES = ['litigationDirect', 'litigationAfterReview'] as const;
export type LitigationRoute = (typeof LITIGATION_ROUTES)[number];

export interface ApplicationsAnalysis {
  received: Quantity;
  change: Change | null;
  carriedOver: Quantity;
  applicants: Breakdown<ApplicantKind>;
  outcomes: Breakdown<OutcomeCategory>;
  /** Each category's share of (七)总计; null when a category or the total is unknown, or the total is 0. */
  outcomeShares: Map<OutcomeCategory, Quantity> | null;
  /** The rows of each category that has several (不予公开, and 其他处理 in 2021), by row. */
  outcomeDetails: Partial<Record<OutcomeCategory, Breakdown<string>>>;
  carryForward: Quantity;
}

export interface AppealsAnalysis {
  review: Breakdown<AppealOutcome>;
  /** Both routes of 行政诉讼 together: each outcome is the sum of the two groups. */
  litigation: Breakdown<AppealOutcome>;
  litigationRoutes: Breakdown<LitigationRoute>;
  /** 结果纠正 across 行政复议 and both routes of 行政诉讼. */
  corrected: Quantity;
}

/** Table 三; `otherHandlingRows` are the format's rows of (六)其他处理 (each application is in exactly one row). */
export function analyzeApplications(reader: FigureReader, otherHandlingRows: readonly string[]): ApplicationsAnalysis {
  const t3 = (row: string, col = 'total') => reader.get(`t3.${row}.${col}`);
  const rowsOf: Record<OutcomeCategory, readonly string[]> = { ...OUTCOME_GROUPS, otherHandling: otherHandlingRows };

  const received = t3('newApplications');
  const outcomeTotal = t3('total');
  const outcomeDetails: ApplicationsAnalysis['outcomeDetails'] = {};
  const categoryParts = OUTCOME_CATEGORIES.map((category) => {
    const rowParts = rowsOf[category].map((row) => ({ key: row, q: t3(row) }));
    if (rowParts.length === 1) return { key: category, q: rowParts[0].q };
    const q = sumOf(rowParts.map((p) => p.q));
    outcomeDetails[category] = breakdown(q, rowParts);
    return { key: category, q };
  });

  return {
    received,
    change: changeOnLastYear(received, reader.previous('t3.newApplications.total')),
    carriedOver: t3('carriedOver'),
    applicants: breakdown(
      received,
      APPLICANT_COLUMNS.map((key) => ({ key, q: t3('newApplications', key) })),
    ),
    outcomes: breakdown(outcomeTotal, categoryParts),
    outcomeShares: sharesOf(categoryParts, outcomeTotal, 't3.outcomes'),
    outcomeDetails,
    carryForward: t3('carryForward'),
  };
}

/** Table 四. */
export function analyzeAppeals(reader: FigureReader): AppealsAnalysis {
  const litigationTotal = reader.sum(LITIGATION_ROUTES.map((g) => `t4.${g}.total`));
  return {
    review: breakdown(
      reader.get('t4.review.total'),
      APPEAL_OUTCOMES.map((key) => ({ key, q: reader.get(`t4.review.${key}`) })),
    ),
    litigation: breakdown(
      litigationTotal,
      APPEAL_OUTCOMES.map((key) => ({ key, q: reader.sum(LITIGATION_ROUTES.map((g) => `t4.${g}.${key}`)) })),
    ),
    litigationRoutes: breakdown(
      litigationTotal,
      LITIGATION_ROUTES.map((key) => ({ key, q: reader.get(`t4.${key}.total`) })),
    ),
    corrected: reader.sum(['review', ...LITIGATION_ROUTES].map((g) => `t4.${g}.corrected`)),
  };
}

/** What tables 三 and 四 say, in either national format. */
export interface NationalTables3And4 {
  applications: ApplicationsAnalysis;
  appeals: AppealsAnalysis;
}

/**
 * The figures the office totals across reports, and the rates it computes from them, as data: for each
 * format, the indicators whose sum is each figure (docs/formats.md: tables 三 and 四 of the national
 * formats, the legacy 统计表's rows 三 to 五).
 */
import type { Figure, FormatId } from '../types';

export type MainFigure = 'received' | 'concluded' | 'granted' | 'partial' | 'reviews' | 'reviewsCorrected' | 'lawsuits' | 'lawsuitsCorrected';

export const MAIN_FIGURES: readonly MainFigure[] = ['received', 'concluded', 'granted', 'partial', 'reviews', 'reviewsCorrected', 'lawsuits', 'lawsuitsCorrected'];

const NATIONAL: Record<MainFigure, readonly string[]> = {
  received: ['t3.newApplications.total'],
  concluded: ['t3.total.total'],
  granted: ['t3.granted.total'],
  partial: ['t3.partial.total'],
  reviews: ['t4.review.total'],
  reviewsCorrected: ['t4.review.corrected'],
  lawsuits: ['t4.litigationDirect.total', 't4.litigationAfterReview.total'],
  lawsuitsCorrected: ['t4.litigationDirect.corrected', 't4.litigationAfterReview.corrected'],
};

/** Indicators by format; a format not listed contributes to no total. */
export const FIGURE_SOURCES: Readonly<Record<FormatId, Record<MainFigure, readonly string[]>>> = {
  'national-2021': NATIONAL,
  'national-2019': NATIONAL,
  'legacy-2016': {
    received: ['legacy.received'],
    concluded: ['legacy.replies'],
    granted: ['legacy.replyGranted'],
    partial: ['legacy.replyPartial'],
    reviews: ['legacy.reviews'],
    reviewsCorrected: ['legacy.reviewsCorrected'],
    lawsuits: ['legacy.lawsuits'],
    lawsuitsCorrected: ['legacy.lawsuitsCorrected'],
  },
};

export type RateId = 'disclosure' | 'reviewCorrection' | 'lawsuitCorrection';

/** Each rate: the figures summed above the line and the one below it. */
export const RATES: Readonly<Record<RateId, { numerator: readonly MainFigure[]; denominator: MainFigure }>> = {
  disclosure: { numerator: ['granted', 'partial'], denominator: 'concluded' },
  reviewCorrection: { numerator: ['reviewsCorrected'], denominator: 'reviews' },
  lawsuitCorrection: { numerator: ['lawsuitsCorrected'], denominator: 'lawsuits' },
};

/** Below this denominator a rate says little: it is shown with its base and a warning. */
export const SMALL_BASE = 10;

/** A report's main figures: each the sum of its indicators, or null when any of them is blank or unread. */
export function mainFiguresOf(format: FormatId, figures: Record<string, Figure>): Partial<Record<MainFigure, number | null>> {
  const sources = FIGURE_SOURCES[format];
  if (!sources) return {};
  const out: Partial<Record<MainFigure, number | null>> = {};
  for (const id of MAIN_FIGURES) {
    const values = sources[id].map((indicator) => figures[indicator]?.value ?? null);
    out[id] = values.every((v): v is number => v !== null) ? values.reduce((a, b) => a + b, 0) : null;
  }
  return out;
}

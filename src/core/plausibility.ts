/**
 * Checks that need facts about the report rather than arithmetic: a copied report, a title year that
 * is not the report year, a statistics period that is not the calendar year (docs/formats.md §4).
 */
import { makeFinding } from './checks/finding';
import { say } from './render';
import type { CheckContext } from './rules';
import { LEVEL_NAMES, levelFromName } from './templates/levels';
import type { Figure, Finding, RecognizedTable, ReportFacts } from './types';

/** The level the checks use: the one the user stated, else one read from the body's name. */
export function levelContext(facts: ReportFacts): CheckContext['level'] {
  if (facts.level) return { level: facts.level, stated: true, name: LEVEL_NAMES[facts.level] };
  const inferred = facts.bodyName ? levelFromName(facts.bodyName) : undefined;
  if (inferred) return { level: inferred, stated: false, name: LEVEL_NAMES[inferred] };
  const spoken = facts.selfReference ? levelFromName(facts.selfReference) : undefined;
  return spoken && { level: spoken, stated: false, name: LEVEL_NAMES[spoken], selfReference: facts.selfReference };
}

/** Every figure of a report the same as last year's: a report copied over with only the year changed. */
export function identicalToLastYear(format: string, figures: Record<string, Figure>, previous: Record<string, Figure>): Finding | null {
  const pairs = Object.values(figures)
    .map((f) => [f, previous[f.id]] as const)
    .filter(([f, p]) => p && f.value !== null && p.value !== null);
  const nonZero = pairs.filter(([f]) => f.value !== 0);
  if (nonZero.length < 3 || pairs.length < Object.keys(figures).length / 2) return null;
  if (!pairs.every(([f, p]) => f.value === p!.value)) return null;
  return makeFinding({
    rule: 'cross-year.identical',
    severity: 'warning',
    kind: 'relation',
    table: '',
    message: say('identicalToLastYear', pairs.length),
    cells: pairs.map(([f]) => f.cell),
    indicators: pairs.map(([f]) => f.id),
    identity: [format, 'cross-year.identical'],
  });
}

export function titleYear(title: string | undefined): number | undefined {
  const m = title && /(\d{4})\s*年/.exec(title);
  return m ? Number(m[1]) : undefined;
}

/** A title that names another year than the one being reported. */
export function titleYearMismatch(table: RecognizedTable, reportYear: number | undefined): Finding | null {
  const year = titleYear(table.title);
  if (!reportYear || !year || year === reportYear) return null;
  return makeFinding({
    rule: 'plausibility.title-year',
    severity: 'warning',
    kind: 'relation',
    table: table.table,
    message: say('titleYear', table.title!, year, reportYear),
    expected: reportYear,
    actual: year,
    difference: year - reportYear,
    cells: [],
    indicators: [],
    identity: [table.format, 'plausibility.title-year', table.table],
  });
}

export const PERIOD = /统计期限?(?:为|是)?(?:自|从)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*(?:至|到|—|-|－)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** The statistics period is 1月1日 to 12月31日 of the report year (docs/formats.md §4). */
export function statisticsPeriod(text: string, reportYear: number | undefined): Finding | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  const [, y1, m1, d1, y2, m2, d2] = m.map(Number);
  const year = reportYear ?? y1;
  if (y1 === year && m1 === 1 && d1 === 1 && y2 === year && m2 === 12 && d2 === 31) return null;
  return makeFinding({
    rule: 'plausibility.statistics-period',
    severity: 'warning',
    kind: 'relation',
    table: '',
    message: say('statisticsPeriod', m[0].replace(/\s+/g, ''), year),
    cells: [],
    indicators: [],
    identity: ['plausibility.statistics-period', String(year)],
  });
}

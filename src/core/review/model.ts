/**
 * The batch review of a supervising office (issue 15): each report checked (its table's analysis, its
 * text's proofreading, with last year's report of the same body when there is one), reduced to a row
 * (body, level, year, format, status, counts, findings), and the rows summed up (per status, per rule,
 * by level, totals and rates), with the roster's missing bodies and the pairing across years.
 * Pure: reports in as grids and text, plain data out.
 */
import { analyzeWorkbook } from '../analyze';
import type { Workbook } from '../grid';
import { proofreadText, proofreadTextAlone, type ProofreadResult } from '../proofread';
import { reportFigures, type ReportFigures } from '../reports';
import { SEVERITIES } from '../severity';
import { LEVEL_ALIASES, LEVEL_NAMES, levelFromName } from '../templates/levels';
import type { BodyLevel, FormatId, ReportFacts, Severity, WorkbookAnalysis } from '../types';
import { BodyIndex, bodyFromFileName, regionFromName } from './bodies';
import { MAIN_FIGURES, mainFiguresOf, RATES, SMALL_BASE, type MainFigure, type RateId } from './figures';
import { reviewMessages as M, RULE_TITLES, STATUS_NAMES } from './messages';

export type ReviewStatus = 'pass' | 'error' | 'warning' | 'unrecognized';

/** Most serious first, as the summary lists them. */
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['error', 'warning', 'pass', 'unrecognized'];

/** A report as read from its file: the grid of its tables and its prose. */
export interface ReportInput {
  file: string;
  workbook: Workbook;
  text?: string;
  pageTitle?: string;
}

/** A file that could not be read, with the reason in the user's words. */
export interface UnreadableReport {
  file: string;
  unreadable: string;
}

/**
 * One report checked, reduced to what its row needs: plain and small, what a worker hands back and the
 * cache keeps. Nothing in it depends on where the file lies but `file`, `previousFile` and the reason an
 * unreadable file gives (which names it); the body a row takes from the file's name is taken by reviewRow.
 */
export interface CheckedReport {
  file: string;
  /** Why the file could not be read. */
  unreadable?: string;
  /** Last year's report it was checked against. */
  previousFile?: string;
  /** What the report says of itself: its body, year and self-reference (from the main table's title, else the document). */
  facts?: Pick<ReportFacts, 'bodyName' | 'reportYear' | 'selfReference'>;
  /** The report the file stands for: its format and main figures. */
  main?: { format: FormatId; formatName: string; figures: Partial<Record<MainFigure, number | null>> };
  /** Why no table was recognized in a file that was read. */
  noTable?: string;
  findings?: ReviewFinding[];
}

export interface ReviewFinding {
  /** The table's name, or where else the finding stands (正文, 全文). */
  place: string;
  source: 'table' | 'workbook' | 'text';
  severity: Severity;
  rule: string;
  message: string;
  cells: string[];
  /** The sheet the cells are on. */
  sheet?: string;
  expected?: number | null;
  actual?: number | null;
  why?: string;
}

export interface ReportRow {
  file: string;
  body: string;
  /** Where the body was read: the report's own title, or (failing that) its file's name. */
  bodyFrom: 'title' | 'file-name';
  level?: BodyLevel;
  levelName: string;
  /** Read from the body's name: worth verifying. False only when the roster states it. */
  levelGuessed: boolean;
  /** The county (else city, province) the body sits in: the roster's, else read from the body's name. */
  region?: string;
  regionName: string;
  regionGuessed: boolean;
  year?: number;
  format?: FormatId;
  formatName?: string;
  status: ReviewStatus;
  statusName: string;
  /** Why a report is 无法识别. */
  reason?: string;
  counts: Record<Severity, number>;
  figures: Partial<Record<MainFigure, number | null>>;
  findings: ReviewFinding[];
  previousFile?: string;
}

export interface RosterEntry {
  name: string;
  level?: BodyLevel;
  region?: string;
}

export interface RuleCount {
  /** The rule's id without its expansion: t3.row-total, not t3.row-total[granted]. */
  rule: string;
  /** Its short name (RULE_TITLES), or the id when it has none. */
  title: string;
  severity: Severity;
  reports: number;
  findings: number;
  /** The rule's reason when it states one, else its first finding's message. */
  description: string;
  bodies: string[];
}

export interface FigureTotal {
  figure: MainFigure;
  name: string;
  value: number;
  /** How many reports state the figure (the others leave it blank or have no such table). */
  reports: number;
}

export interface RateSummary {
  rate: RateId;
  name: string;
  numeratorName: string;
  denominatorName: string;
  numerator: number;
  denominator: number;
  /** Reports that state both sides. */
  reports: number;
  /** Null when the denominator is 0. */
  value: number | null;
  /** The denominator is under SMALL_BASE: never shown without saying so. */
  smallBase: boolean;
  /** The rate as shown, with its warning when the base is small. */
  text: string;
}

export interface ReviewSummary {
  reports: number;
  byStatus: Record<ReviewStatus, number>;
  byLevel: { level: BodyLevel | null; name: string; reports: number; byStatus: Record<ReviewStatus, number> }[];
  /** By region, the most reports first; reports whose region is unknown last. */
  byRegion: { region: string | null; name: string; reports: number; byStatus: Record<ReviewStatus, number> }[];
  byYear: { year: number | null; reports: number }[];
  rules: RuleCount[];
  totals: FigureTotal[];
  rates: RateSummary[];
}

export interface Pairing {
  paired: { body: string; file: string; previousFile: string; copied: boolean }[];
  unpairedCurrent: { body: string; file: string }[];
  unpairedPrevious: { body: string; file: string }[];
}

export interface Review {
  rows: ReportRow[];
  summary: ReviewSummary;
  roster?: { missing: RosterEntry[]; unmatched: { body: string; file: string }[] };
  previous?: Pairing;
}

/** The rules that say a report repeats last year's: figures all the same, or sentences copied over. */
const COPIED_RULES = new Set(['cross-year.identical', 'proofread.repeated-from-previous']);

/** Checks one report: its tables (against last year's report when given) and its text. */
export function checkReport(input: ReportInput, previous?: ReportInput): CheckedReport {
  const analysis = analyzeWorkbook(input.workbook, { text: input.text, pageTitle: input.pageTitle, previous: previous?.workbook });
  let proofreading: ProofreadResult | undefined;
  if (input.text !== undefined && input.text.trim() !== '') {
    const figures = mainReport(analysis);
    const previousText = previous?.text;
    proofreading = figures
      ? proofreadText(input.text, figures, { previousText })
      : proofreadTextAlone(input.text, { previousText, reportYear: analysis.documentFacts?.reportYear });
  }
  const main = analysis.tables.length ? mainReport(analysis) : undefined;
  const { bodyName, reportYear, selfReference } = main?.facts ?? analysis.documentFacts ?? {};
  const facts = { ...(bodyName ? { bodyName } : {}), ...(reportYear ? { reportYear } : {}), ...(selfReference ? { selfReference } : {}) };
  return {
    file: input.file,
    ...(previous ? { previousFile: previous.file } : {}),
    facts,
    ...(main
      ? { main: { format: main.format, formatName: main.formatName, figures: mainFiguresOf(main.format, main.figures) } }
      : { noTable: analysis.notices[0]?.message ?? M.noTable }),
    findings: findingsOf(analysis, proofreading),
  };
}

/**
 * The report a file stands for when it holds several (this year's and last year's tables): the one of
 * the year its title names, else the latest, else the first.
 */
function mainReport(analysis: WorkbookAnalysis): ReportFigures | undefined {
  const reports = reportFigures(analysis);
  const titled = analysis.documentFacts?.reportYear;
  const ofTitle = titled ? reports.find((r) => r.facts.reportYear === titled) : undefined;
  if (ofTitle) return ofTitle;
  const dated = reports.filter((r) => r.facts.reportYear !== undefined);
  return dated.length ? dated.reduce((a, b) => (b.facts.reportYear! > a.facts.reportYear! ? b : a)) : reports[0];
}

function findingsOf(analysis: WorkbookAnalysis, proofreading: ProofreadResult | undefined): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  for (const t of analysis.tables)
    for (const f of t.findings)
      out.push({ place: t.tableName, source: 'table', severity: f.severity, rule: f.rule, message: f.message, cells: f.cells, sheet: t.sheet, ...optional('expected', f.expected), ...optional('actual', f.actual), ...optional('why', f.why) });
  // Without a table, the first notice is the reason the report is not recognized, not a finding.
  const notices = analysis.tables.length ? analysis.notices : analysis.notices.slice(1);
  for (const f of notices) out.push({ place: M.workbookPlace, source: 'workbook', severity: f.severity, rule: f.rule, message: f.message, cells: f.cells, ...optional('why', f.why) });
  for (const f of proofreading?.findings ?? [])
    out.push({ place: M.textPlace, source: 'text', severity: f.severity, rule: f.rule, message: M.quoted(f.message, f.excerpt), cells: f.cells, ...optional('expected', f.expected), ...optional('actual', f.actual), ...optional('why', f.why) });
  return out.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** Last year's reports, found by body for this year's. */
export class PreviousYear {
  private readonly index = new BodyIndex<{ row: ReportRow; readable: boolean }>();
  readonly rows: ReportRow[] = [];

  constructor(reports: readonly CheckedReport[]) {
    for (const report of reports) {
      const row = reviewRow(report);
      this.rows.push(row);
      this.index.add(row.body, { row, readable: report.unreadable === undefined });
    }
  }

  /**
   * The file of last year's one readable report of this report's body, if there is exactly one to check it
   * against. When both years are known it must be the year before: this year's report copied into last
   * year's folder, or one from two years back, is no pair (the cross-year checks would cry wolf).
   */
  fileFor(report: CheckedReport): string | undefined {
    const row = reviewRow(report);
    const found = this.index.find(row.body);
    const year = row.year;
    const fitting = year === undefined ? found : found.filter((f) => f.row.year === undefined || f.row.year === year - 1);
    const yearBefore = fitting.filter((f) => year !== undefined && f.row.year === year - 1);
    const candidates = yearBefore.length ? yearBefore : fitting;
    return candidates.length === 1 && candidates[0].readable ? candidates[0].row.file : undefined;
  }
}

const zeroCounts = (): Record<Severity, number> => ({ error: 0, warning: 0, hint: 0 });
const zeroStatuses = (): Record<ReviewStatus, number> => ({ pass: 0, error: 0, warning: 0, unrecognized: 0 });

/** A checked report as one row of the review: the body from the report's title, else from its file's name. */
export function reviewRow(report: CheckedReport): ReportRow {
  const facts = report.facts ?? {};
  const body = facts.bodyName ?? bodyFromFileName(report.file);
  const level = levelFromName(body) ?? (facts.selfReference ? levelFromName(facts.selfReference) : undefined);
  const region = regionFromName(body);
  const findings = report.findings ?? [];
  const counts = zeroCounts();
  for (const f of findings) counts[f.severity]++;
  const reason = report.unreadable !== undefined ? M.unreadable(report.unreadable) : report.main ? undefined : (report.noTable ?? M.noTable);
  const status: ReviewStatus = reason !== undefined ? 'unrecognized' : counts.error ? 'error' : counts.warning ? 'warning' : 'pass';
  const { main } = report;
  return {
    file: report.file,
    body,
    bodyFrom: facts.bodyName ? 'title' : 'file-name',
    ...(level ? { level } : {}),
    levelName: level ? LEVEL_NAMES[level] : M.levelUnknown,
    levelGuessed: true,
    ...(region ? { region } : {}),
    regionName: region ?? M.regionUnknown,
    regionGuessed: true,
    ...(facts.reportYear ? { year: facts.reportYear } : {}),
    ...(main ? { format: main.format, formatName: main.formatName } : {}),
    status,
    statusName: STATUS_NAMES[status],
    ...(reason !== undefined ? { reason } : {}),
    counts,
    figures: main ? main.figures : {},
    findings,
    ...(report.previousFile ? { previousFile: report.previousFile } : {}),
  };
}

export interface ReviewOptions {
  previousYear?: PreviousYear;
  roster?: readonly RosterEntry[];
}

/** The whole review: rows (roster levels applied), the summary, the roster's gaps and the pairing. */
export function buildReview(reports: readonly CheckedReport[], options: ReviewOptions = {}): Review {
  const rows = reports.map(reviewRow);
  // Before the summary: a level the roster states replaces the guess.
  const roster = options.roster ? compareWithRoster(rows, options.roster) : undefined;
  return {
    rows,
    summary: summarize(rows),
    ...(roster ? { roster } : {}),
    ...(options.previousYear ? { previous: pairingOf(rows, options.previousYear.rows) } : {}),
  };
}

function compareWithRoster(rows: ReportRow[], roster: readonly RosterEntry[]): NonNullable<Review['roster']> {
  const index = new BodyIndex<RosterEntry>();
  for (const entry of roster) index.add(entry.name, entry);
  const reported = new Set<RosterEntry>();
  const unmatched: { body: string; file: string }[] = [];
  for (const row of rows) {
    const entries = index.find(row.body);
    if (entries.length === 0) {
      unmatched.push({ body: row.body, file: row.file });
      continue;
    }
    entries.forEach((e) => reported.add(e));
    const { level, region } = entries[0];
    if (level) Object.assign(row, { level, levelName: LEVEL_NAMES[level], levelGuessed: false });
    if (region) Object.assign(row, { region, regionName: region, regionGuessed: false });
  }
  return { missing: roster.filter((e) => !reported.has(e)), unmatched };
}

function pairingOf(rows: ReportRow[], previous: readonly ReportRow[]): Pairing {
  const used = new Set(rows.map((r) => r.previousFile).filter((f): f is string => !!f));
  return {
    paired: rows
      .filter((r) => r.previousFile)
      .map((r) => ({ body: r.body, file: r.file, previousFile: r.previousFile!, copied: r.findings.some((f) => COPIED_RULES.has(f.rule)) })),
    unpairedCurrent: rows.filter((r) => !r.previousFile).map((r) => ({ body: r.body, file: r.file })),
    unpairedPrevious: previous.filter((r) => !used.has(r.file)).map((r) => ({ body: r.body, file: r.file })),
  };
}

/** A rule's short name, as the office calls it, or its id where it has none. */
export const ruleTitle = (rule: string): string => RULE_TITLES[baseRule(rule)] ?? baseRule(rule);

/** The rule a finding breaks, without the row or column it was expanded over. */
const baseRule = (rule: string) => rule.replace(/\[[^\]]*\]$/, '');

export function summarize(rows: readonly ReportRow[]): ReviewSummary {
  const byStatus = zeroStatuses();
  const levels = new Map<BodyLevel | null, { reports: number; byStatus: Record<ReviewStatus, number> }>();
  const regions = new Map<string | null, { reports: number; byStatus: Record<ReviewStatus, number> }>();
  const years = new Map<number | null, number>();
  const rules = new Map<string, RuleCount & { seen: Set<string> }>();
  for (const row of rows) {
    byStatus[row.status]++;
    const level = levels.get(row.level ?? null) ?? { reports: 0, byStatus: zeroStatuses() };
    level.reports++;
    level.byStatus[row.status]++;
    levels.set(row.level ?? null, level);
    const region = regions.get(row.region ?? null) ?? { reports: 0, byStatus: zeroStatuses() };
    region.reports++;
    region.byStatus[row.status]++;
    regions.set(row.region ?? null, region);
    years.set(row.year ?? null, (years.get(row.year ?? null) ?? 0) + 1);
    for (const f of row.findings) {
      const id = baseRule(f.rule);
      const rule = rules.get(id) ?? { rule: id, title: ruleTitle(id), severity: f.severity, reports: 0, findings: 0, description: f.why ?? f.message, bodies: [], seen: new Set<string>() };
      rule.findings++;
      if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(rule.severity)) rule.severity = f.severity;
      if (!rule.seen.has(row.file)) {
        rule.seen.add(row.file);
        rule.reports++;
        rule.bodies.push(row.body);
      }
      rules.set(id, rule);
    }
  }
  const levelOrder = [...(Object.keys(LEVEL_NAMES) as BodyLevel[]), null];
  return {
    reports: rows.length,
    byStatus,
    byLevel: levelOrder.filter((l) => levels.has(l)).map((l) => ({ level: l, name: l ? LEVEL_NAMES[l] : M.levelUnknown, ...levels.get(l)! })),
    byRegion: [...regions]
      .sort(([a, x], [b, y]) => (a === null ? 1 : 0) - (b === null ? 1 : 0) || y.reports - x.reports || ((a ?? '') < (b ?? '') ? -1 : 1))
      .map(([region, counts]) => ({ region, name: region ?? M.regionUnknown, ...counts })),
    byYear: [...years].sort(([a], [b]) => (a ?? 0) - (b ?? 0)).map(([year, reports]) => ({ year, reports })),
    rules: [...rules.values()]
      .map(({ seen: _seen, ...rule }) => rule)
      .sort((a, b) => b.reports - a.reports || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.rule < b.rule ? -1 : 1)),
    totals: totalsOf(rows),
    rates: ratesOf(rows),
  };
}

/** Only reports whose table was read count: a 无法识别 report has no figures to add. */
const withFigures = (rows: readonly ReportRow[]) => rows.filter((r) => r.status !== 'unrecognized');

function totalsOf(rows: readonly ReportRow[]): FigureTotal[] {
  return MAIN_FIGURES.map((figure) => {
    const values = withFigures(rows)
      .map((r) => r.figures[figure])
      .filter((v): v is number => typeof v === 'number');
    return { figure, name: M.figures[figure], value: values.reduce((a, b) => a + b, 0), reports: values.length };
  });
}

function ratesOf(rows: readonly ReportRow[]): RateSummary[] {
  return (Object.keys(RATES) as RateId[]).map((rate) => {
    const { numerator: above, denominator: below } = RATES[rate];
    let numerator = 0;
    let denominator = 0;
    let reports = 0;
    for (const row of withFigures(rows)) {
      const parts = above.map((f) => row.figures[f]);
      const base = row.figures[below];
      if (typeof base !== 'number' || !parts.every((p): p is number => typeof p === 'number')) continue;
      numerator += parts.reduce((a, b) => a + b, 0);
      denominator += base;
      reports++;
    }
    const value = denominator > 0 ? numerator / denominator : null;
    const smallBase = denominator < SMALL_BASE;
    const words = M.rates[rate];
    return { rate, name: words.name, numeratorName: words.numerator, denominatorName: words.denominator, numerator, denominator, reports, value, smallBase, text: M.rate(value, denominator, smallBase) };
  });
}

/**
 * A roster read from a sheet or a text file's lines: the names in the column headed 单位 (or the first
 * column), with a level where a column headed 层级 names one the tool knows.
 */
export function rosterFromRows(rows: readonly (readonly string[])[]): RosterEntry[] {
  const cells = rows.map((r) => r.map((c) => c.trim()));
  const header = cells.findIndex((r) => r.some((c) => ROSTER_NAME_HEADER.test(c)));
  const nameCol = header >= 0 ? cells[header].findIndex((c) => ROSTER_NAME_HEADER.test(c)) : 0;
  const levelCol = header >= 0 ? cells[header].findIndex((c) => ROSTER_LEVEL_HEADER.test(c)) : -1;
  const regionCol = header >= 0 ? cells[header].findIndex((c) => ROSTER_REGION_HEADER.test(c)) : -1;
  const seen = new Set<string>();
  const out: RosterEntry[] = [];
  for (const row of cells.slice(header + 1)) {
    const name = row[nameCol] ?? '';
    if (!name || seen.has(name) || /^\d+$/.test(name)) continue;
    seen.add(name);
    const stated = levelCol >= 0 ? row[levelCol] : undefined;
    const level = stated && Object.prototype.hasOwnProperty.call(LEVEL_ALIASES, stated) ? LEVEL_ALIASES[stated] : undefined;
    const region = regionCol >= 0 ? row[regionCol] : undefined;
    out.push({ name, ...(level ? { level } : {}), ...(region ? { region } : {}) });
  }
  return out;
}

const ROSTER_NAME_HEADER = /^(应报)?单位(名称)?$|^机关(名称)?$|^名称$/;
const ROSTER_LEVEL_HEADER = /^(层级|级别|机关层级)$/;
const ROSTER_REGION_HEADER = /^(区域|地区|辖区|区县|县区|县市区|所属(区域|地区|区县|县区|县市区))$/;

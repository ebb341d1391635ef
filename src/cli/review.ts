/**
 * `nianbao review <files or folders...> --out 审核汇总.xlsx [--html 审核汇总.html] [--previous <folder>] [--roster <file>] [--json] [--jobs <n>] [--no-cache]`:
 * the supervising office's batch review. Every report under the inputs is read and checked (a file that
 * cannot be read is listed with the reason, and the batch goes on), each against last year's report of
 * the same body with --previous, in worker threads and through a cache (review-batch.ts); the review
 * (src/core/review) is written as a workbook, a dashboard (review-dashboard.ts) and/or JSON. Ctrl-C stops
 * it and leaves no output half-written.
 */
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';
import {
  buildReview,
  CELL_FILLS,
  describeCells,
  type ReportRow,
  type Review,
  type ReviewStatus,
  rosterFromRows,
  ruleTitle,
  type RosterEntry,
  SEVERITY_NAMES,
  type Severity,
  STATUS_NAMES,
  type Workbook,
} from '../core';
import { checkOutput, readBoundedFile, statInput, writeOutputFile } from '../io/files';
import { decodeText, readInput } from '../io/read';
import { EXIT, UsageError } from './errors';
import { expandInputs } from './main';
import { cliMessages } from './messages';
import { parseCommandLine, requireValues } from './options';
import { type BatchResult, InterruptedError, ReviewBatch } from './review-batch';
import { ReviewCache } from './review-cache';
import { reviewDashboard } from './review-dashboard';
import { reviewCliMessages as M } from './review-messages';
import { Progress } from './review-progress';

const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

/** Most threads --jobs takes: beyond the machine's cores they only slow it down. */
const MAX_JOBS = 64;

export async function runReview(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    {
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        html: { type: 'string' },
        previous: { type: 'string' },
        roster: { type: 'string' },
        json: { type: 'boolean' },
        jobs: { type: 'string' },
        'no-cache': { type: 'boolean' },
      },
    },
    cliMessages.badOptions,
  );
  if (positionals.length === 0) throw new UsageError(cliMessages.noFiles);
  requireValues({ '--out': values.out, '--html': values.html, '--previous': values.previous, '--roster': values.roster, '--jobs': values.jobs });
  if (values.out === undefined && values.html === undefined && !values.json) throw new UsageError(M.needsOut);
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out)) throw new UsageError(M.outNotXlsx);
  if (values.html !== undefined && !/\.html?$/i.test(values.html)) throw new UsageError(M.htmlNotHtml);
  const jobs = values.jobs === undefined ? os.availableParallelism() : parseJobs(values.jobs);

  // Ctrl-C stops the batch and writes nothing more: an output is written whole or not at all.
  let interrupted = false;
  let batch: ReviewBatch | undefined;
  const onInterrupt = () => {
    interrupted = true;
    batch?.interrupt();
  };
  process.on('SIGINT', onInterrupt);
  try {
    const previousFiles = values.previous ? await expandInputs([values.previous], { recursive: true }) : [];
    const found = await expandInputs(positionals, { recursive: true });
    // The roster and last year's folder may sit inside the folder reviewed: neither is a report of this year.
    // The output is never left out: one that stands among the inputs is refused, never written over.
    const notReports = new Set([values.roster, ...previousFiles.map((c) => c.file)].filter((f): f is string => !!f).map((f) => path.resolve(f)));
    const candidates = found.filter((c) => !notReports.has(path.resolve(c.file)));
    const inputs = [...found, ...previousFiles].map((c) => c.file).concat(values.roster ? [values.roster] : []);
    if (values.out !== undefined) await checkOutput(values.out, inputs);
    if (values.html !== undefined) await checkOutput(values.html, inputs);
    const roster = values.roster ? await readRoster(values.roster) : undefined;

    const cache = values['no-cache'] ? undefined : await openCache();
    batch = new ReviewBatch({ jobs, cache, progress: Progress.on(process.stderr, !values.json) });
    if (interrupted) batch.interrupt();
    let checked: BatchResult;
    try {
      checked = await batch.run(candidates, values.previous ? previousFiles : undefined);
    } catch (err) {
      if (!(err instanceof InterruptedError)) throw err;
      process.stderr.write(`${M.interrupted}\n`);
      return EXIT.interrupted;
    }
    if (cache) process.stderr.write(`${M.cacheUse(checked.read, checked.cached)}\n`);
    if (cache?.writeFailure) process.stderr.write(`${M.cacheNotWritten(cache.folder, cache.writeFailure)}\n`);
    const review = buildReview(checked.reports, { previousYear: checked.previousYear, roster });

    const outputs: [string | undefined, () => Promise<Uint8Array>][] = [
      [values.out, async () => reviewWorkbook(review, path.dirname(values.out!))],
      [values.html, async () => new TextEncoder().encode(reviewDashboard(review))],
    ];
    let written = 0;
    for (const [out, content] of outputs) {
      if (out === undefined) continue;
      const data = await content();
      if (interrupted) {
        process.stderr.write(`${written ? M.interruptedWriting : M.interrupted}\n`);
        return EXIT.interrupted;
      }
      await writeOutputFile(out, data, inputs);
      written++;
      process.stderr.write(`${M.written(out)}\n`);
    }
    // Interrupted once every output is written whole: the work is done, and reported as usual.
    if (values.json) process.stdout.write(`${JSON.stringify(review, null, 2)}\n`);
    else process.stdout.write(`${summaryLines(review).join('\n')}\n`);
    return exitStatus(review);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/** The cache, or none (said once) when this installation cannot tell its engine's fingerprint. */
async function openCache(): Promise<ReviewCache | undefined> {
  try {
    return await ReviewCache.open();
  } catch (err) {
    process.stderr.write(`${M.cacheUnavailable(String((err as NodeJS.ErrnoException).code ?? err))}\n`);
    return undefined;
  }
}

function parseJobs(value: string): number {
  const jobs = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw new UsageError(M.badJobs(value, MAX_JOBS));
  return jobs;
}

/** 2 when no report could be recognized at all; else 1 when any has a 强制 finding; else 0. */
function exitStatus(review: Review): number {
  if (review.rows.every((r) => r.status === 'unrecognized')) return EXIT.unusable;
  return review.rows.some((r) => r.status === 'error') ? EXIT.findings : EXIT.ok;
}

/** The roster: a sheet's rows (.xlsx) or a text file's lines, a tab or comma between columns. */
async function readRoster(file: string): Promise<RosterEntry[]> {
  const ext = path.extname(file).toLowerCase();
  await statInput(file);
  let rows: string[][];
  if (ext === '.xlsx') rows = sheetRows((await readInput(file)).workbook);
  else if (ext === '.txt') {
    rows = decodeText(await readBoundedFile(file, MAX_ROSTER_BYTES), file)
      .split(/\r\n?|\n/)
      .map((line) => line.split(/\t|,|，/));
  } else throw new UsageError(M.rosterType(file));
  const roster = rosterFromRows(rows);
  if (roster.length === 0) throw new UsageError(M.rosterEmpty(file));
  return roster;
}

function sheetRows(workbook: Workbook): string[][] {
  const sheet = workbook.sheets[0];
  return sheet ? sheet.rows.map((row) => Array.from(row ?? [], (cell) => (cell ? (cell.text ?? (cell.value === null ? '' : String(cell.value))) : ''))) : [];
}

function summaryLines(review: Review): string[] {
  const { summary } = review;
  const statuses = (Object.keys(STATUS_NAMES) as ReviewStatus[]).map((s) => M.statusCount(STATUS_NAMES[s], summary.byStatus[s])).join('，');
  const lines = [M.summary(summary.reports, statuses)];
  if (review.roster) lines.push(M.missing(review.roster.missing.length));
  if (review.previous) lines.push(M.paired(review.previous.paired.length, review.previous.unpairedCurrent.length, review.previous.unpairedPrevious.length));
  return lines;
}

// ---- The workbook ----

const HEADER_FILL = '#D9D9D9';
const fillOf = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.replace('#', '').toUpperCase()}` } });
const STATUS_SEVERITY: Partial<Record<ReviewStatus, Severity>> = { error: 'error', warning: 'warning' };

/** A table on its own sheet: a bold header row, frozen, with a filter over its columns, and widths that fit. */
function tableSheet(wb: ExcelJS.Workbook, name: string, headers: readonly string[], widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 14 }));
  styleHeader(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return ws;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = fillOf(HEADER_FILL);
  });
}

/**
 * The report's file as a link: relative to the workbook when it lies under the workbook's folder (so the
 * folder can move as a whole, to a USB stick say), else by its absolute path.
 */
function fileLink(file: string, outFolder: string): ExcelJS.CellHyperlinkValue {
  const absolute = path.resolve(file);
  const relative = path.relative(path.resolve(outFolder), absolute);
  const hyperlink = relative.startsWith('..') || path.isAbsolute(relative) ? pathToFileURL(absolute).href : encodeURI(relative.split(path.sep).join('/'));
  return { text: path.basename(file), hyperlink };
}

export async function reviewWorkbook(review: Review, outFolder: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  summarySheet(wb, review);
  reportsSheet(wb, review.rows, outFolder);
  findingsSheet(wb, review.rows, outFolder);
  const unrecognized = tableSheet(wb, M.sheets.unrecognized, M.unrecognizedHeaders, [30, 36, 90]);
  for (const row of review.rows.filter((r) => r.status === 'unrecognized')) unrecognized.addRow([row.body, fileLink(row.file, outFolder), row.reason ?? '']);
  missingSheet(wb, review, outFolder);
  if (review.previous) pairingSheet(wb, review, outFolder);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function summarySheet(wb: ExcelJS.Workbook, review: Review): void {
  const { summary } = review;
  const ws = wb.addWorksheet(M.sheets.summary, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [34, 16, 16, 16, 40, 16, 60].map((width) => ({ width }));
  ws.addRow([M.summaryTitle]).font = { bold: true, size: 14 };
  const block = (headers: readonly string[], rows: (string | number)[][]) => {
    ws.addRow([]);
    styleHeader(ws.addRow([...headers]));
    for (const r of rows) ws.addRow(r);
  };
  const statuses = Object.keys(STATUS_NAMES) as ReviewStatus[];
  block(M.blocks.status, statuses.map((s) => [STATUS_NAMES[s], summary.byStatus[s]]));
  block(M.blocks.level, summary.byLevel.map((l) => [l.name, l.reports, ...statuses.map((s) => l.byStatus[s])]));
  block(M.blocks.region, summary.byRegion.map((r) => [r.name, r.reports, ...statuses.map((s) => r.byStatus[s])]));
  block(M.blocks.year, summary.byYear.map((y) => [y.year ?? M.unknown, y.reports]));
  block(M.blocks.totals, summary.totals.map((t) => [t.name, t.value, t.reports]));
  block(M.blocks.rates, summary.rates.map((r) => [r.name, r.text, r.numeratorName, r.numerator, r.denominatorName, r.denominator, r.reports]));
  ws.addRow([]);
  styleHeader(ws.addRow([...M.blocks.rules]));
  for (const rule of summary.rules) {
    const row = ws.addRow([rule.title, rule.rule, SEVERITY_NAMES[rule.severity], rule.reports, rule.findings, rule.description, rule.bodies.join('、')]);
    row.getCell(3).fill = fillOf(CELL_FILLS[rule.severity]);
  }
}

function reportsSheet(wb: ExcelJS.Workbook, rows: ReportRow[], outFolder: string): void {
  const ws = tableSheet(wb, M.sheets.reports, M.reportHeaders, [30, 10, 18, 18, 16, 12, 8, 36, 12, 40, 6, 6, 6, 10, 8, 10, 10, 30, 36]);
  for (const r of rows) {
    const f = r.figures;
    const row = ws.addRow([
      r.body,
      M.bodyFrom[r.bodyFrom],
      r.levelName,
      r.level ? M.levelFrom(r.levelGuessed) : '',
      r.regionName,
      r.region ? M.regionFrom(r.regionGuessed) : '',
      r.year ?? M.unknown,
      r.formatName ?? '',
      r.statusName,
      r.reason ?? '',
      r.counts.error,
      r.counts.warning,
      r.counts.hint,
      f.received ?? '',
      f.concluded ?? '',
      f.reviews ?? '',
      f.lawsuits ?? '',
      r.previousFile ? path.basename(r.previousFile) : '',
      fileLink(r.file, outFolder),
    ]);
    const severity = STATUS_SEVERITY[r.status];
    if (severity) row.getCell(M.reportHeaders.indexOf('状态') + 1).fill = fillOf(CELL_FILLS[severity]);
  }
}

function findingsSheet(wb: ExcelJS.Workbook, rows: ReportRow[], outFolder: string): void {
  const ws = tableSheet(wb, M.sheets.findings, M.findingHeaders, [30, 36, 30, 10, 34, 80, 30, 10, 10]);
  for (const r of rows)
    for (const f of r.findings) {
      const row = ws.addRow([r.body, fileLink(r.file, outFolder), f.place, SEVERITY_NAMES[f.severity], M.ruleWithId(ruleTitle(f.rule), f.rule), f.message, describeCells(f.cells, f.sheet), f.expected ?? '', f.actual ?? '']);
      row.getCell(4).fill = fillOf(CELL_FILLS[f.severity]);
      row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    }
}

function missingSheet(wb: ExcelJS.Workbook, review: Review, outFolder: string): void {
  const ws = tableSheet(wb, M.sheets.missing, M.missingHeaders, [14, 36, 36, 60]);
  if (!review.roster) {
    ws.addRow(['', '', '', M.noRoster]);
    return;
  }
  for (const entry of review.roster.missing) ws.addRow([M.missingKind, entry.name, '', M.missingNote]);
  for (const u of review.roster.unmatched) ws.addRow([M.unmatchedKind, u.body, fileLink(u.file, outFolder), M.unmatchedNote]);
}

function pairingSheet(wb: ExcelJS.Workbook, review: Review, outFolder: string): void {
  const pairing = review.previous!;
  const ws = tableSheet(wb, M.sheets.pairing, M.pairingHeaders, [16, 36, 36, 36, 14]);
  for (const p of pairing.paired) {
    const row = ws.addRow([M.pairedKind, p.body, fileLink(p.file, outFolder), fileLink(p.previousFile, outFolder), p.copied ? M.yes : M.no]);
    if (p.copied) row.getCell(5).fill = fillOf(CELL_FILLS.warning);
  }
  for (const u of pairing.unpairedCurrent) ws.addRow([M.currentOnlyKind, u.body, fileLink(u.file, outFolder), '', '']);
  for (const u of pairing.unpairedPrevious) ws.addRow([M.previousOnlyKind, u.body, '', fileLink(u.file, outFolder), '']);
}

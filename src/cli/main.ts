import { promises as fs, type Stats } from 'fs';
import * as path from 'path';
import { analyzeWorkbook, type Figure, planTotals, type Finding, type ReportFacts, type WorkbookAnalysis } from '../core';
import { checkOutput, statInput, writeOutputFile } from '../io/files';
import { type ErrorCode, InputError, UsageError, withinEngineLimits } from '../io/errors';
import { ioMessages } from '../io/messages';
import { readInput, READABLE_EXTENSIONS, type Input } from '../io/read';
import { annotateCopy, totalsCopy } from '../io/xlsxPatch';
import { cliMessages } from './messages';
import { EXIT, exitStatusOf, failureMessage } from './errors';
import { parseCommandLine, parseLevel, parseYear, requireValues } from './options';

export { EXIT, UsageError } from './errors';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  totals: runTotals,
  // Loaded on demand: drafting pulls in the .docx writer, which check and totals do not need.
  draft: async (args) => (await import('./draft')).runDraft(args),
  // Loaded on demand: only this command needs the proofreading claims.
  proofread: async (args) => (await import('./proofread')).runProofread(args),
  // Loaded on demand: only the review writes a workbook of its own.
  review: async (args) => (await import('./review')).runReview(args),
  template: async (args) => (await import('./template')).runTemplate(args),
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${cliMessages.usage}\n`);
    return command ? EXIT.ok : EXIT.unusable;
  }
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, command)) return fail(`${cliMessages.unknownCommand(command)}\n${cliMessages.usage}`);
  try {
    return await COMMANDS[command](rest);
  } catch (err) {
    return fail(failureMessage(err), exitStatusOf(err));
  }
}

function fail(message: string, status: number = EXIT.unusable): number {
  process.stderr.write(`${message}\n`);
  return status;
}

/**
 * The process around main (bin/nianbao.js): whatever goes wrong, a Chinese sentence on stderr and exit
 * status 2, also when stdout itself fails (closed by `| head`, or a full disk) or an error escapes
 * main's own handling.
 */
export function runFromCommandLine(argv: string[]): void {
  const failAndExit = (message: string) => {
    try {
      process.stderr.write(`${message}\n`);
    } finally {
      process.exit(EXIT.unusable);
    }
  };
  process.stdout.on('error', (err: NodeJS.ErrnoException) =>
    failAndExit(err.code === 'EPIPE' ? cliMessages.outputClosed : err.code === 'ENOSPC' ? cliMessages.outputDiskFull : cliMessages.outputFailed(String(err.code))),
  );
  process.on('uncaughtException', (err) => failAndExit(failureMessage(err)));
  process.on('unhandledRejection', (err) => failAndExit(failureMessage(err)));
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => failAndExit(failureMessage(err)),
  );
}

/** A file to check, or one in a folder that is listed with the reason it is not read. */
export interface Candidate {
  file: string;
  skipped?: string;
}

/**
 * Files named directly, and the files inside named folders, in a stable order. In a folder, hidden files
 * and Office's lock files (~$…) are left out, subfolders are entered only when `recursive` (review reads
 * a whole tree; check one folder), and a file of a type the tool does not read, a link to a folder or to
 * nothing, or a device is listed as skipped with the reason; a symbolic link to a file is read like the
 * file. A named folder with nothing readable in it (or under it) is refused.
 */
export async function expandInputs(names: string[], options: { recursive?: boolean } = {}): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const name of names) {
    const stat = await statInput(name);
    if (!stat.isDirectory()) {
      out.push({ file: name });
      continue;
    }
    const inFolder = await listFolder(name, !!options.recursive);
    if (!inFolder.some((c) => !c.skipped)) throw new UsageError(cliMessages.emptyFolder(name));
    out.push(...inFolder);
  }
  return out;
}

/** Files Windows Explorer leaves in a folder (thumbnails, folder settings): never a report, not worth a line. */
const SYSTEM_FILES = /^(thumbs\.db|desktop\.ini|ehthumbs(_vista)?\.db)$/i;

async function listFolder(folder: string, recursive: boolean): Promise<Candidate[]> {
  const inFolder: Candidate[] = [];
  const subfolders: string[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$') || SYSTEM_FILES.test(entry.name)) continue;
    const file = path.join(folder, entry.name);
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let linked: Stats;
      try {
        linked = await fs.stat(file);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        inFolder.push({ file, skipped: code === 'ELOOP' ? ioMessages.symlinkLoop(file) : code === 'ENOENT' ? cliMessages.skipBrokenSymlink(file) : ioMessages.noReadPermission(file) });
        continue;
      }
      if (linked.isDirectory()) {
        inFolder.push({ file, skipped: cliMessages.skipSymlinkToFolder(file) });
        continue;
      }
      isFile = linked.isFile();
    } else if (entry.isDirectory()) {
      if (recursive) subfolders.push(file);
      continue;
    }
    if (!isFile) inFolder.push({ file, skipped: ioMessages.notRegularFile(file) });
    else if (READABLE_EXTENSIONS.includes(path.extname(file).toLowerCase())) inFolder.push({ file });
    else inFolder.push({ file, skipped: path.extname(file).toLowerCase() === '.xls' ? ioMessages.legacyXls(file) : ioMessages.unsupportedType(file) });
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  inFolder.sort((a, b) => byName(a.file, b.file));
  for (const sub of subfolders.sort(byName)) inFolder.push(...(await listFolder(sub, recursive)));
  return inFolder;
}

interface FileResult {
  file: string;
  analysis?: WorkbookAnalysis;
  error?: string;
  errorCode?: ErrorCode;
  skipped?: string;
}

function statusOf(r: FileResult): number | undefined {
  if (r.skipped) return undefined;
  if (r.error || !r.analysis || r.analysis.tables.length === 0) return EXIT.unusable;
  return allFindings(r.analysis).some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

/**
 * The status of a run over several files: 1 when any file has an error-severity finding (so a broken
 * file beside it does not hide that errors were found), else 2 when any could not be checked, else 0.
 * Skipped files do not count.
 */
function overallStatus(results: FileResult[]): number {
  const statuses = results.map(statusOf).filter((s): s is number => s !== undefined);
  if (statuses.includes(EXIT.findings)) return EXIT.findings;
  if (statuses.length === 0 || statuses.includes(EXIT.unusable)) return EXIT.unusable;
  return EXIT.ok;
}

function allFindings(a: WorkbookAnalysis): Finding[] {
  return [...a.notices, ...a.tables.flatMap((t) => t.findings)];
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      annotate: { type: 'string' },
      previous: { type: 'string' },
      body: { type: 'string' },
      level: { type: 'string' },
      year: { type: 'string' },
    },
  }, cliMessages.badOptions);
  if (positionals.length === 0) throw new UsageError(cliMessages.noFiles);
  requireValues({ '--annotate': values.annotate, '--previous': values.previous });
  const facts = factsFromOptions(values);
  const candidates = await expandInputs(positionals);
  const toCheck = candidates.filter((c) => !c.skipped).map((c) => c.file);
  const inputs = values.previous ? [...toCheck, values.previous] : toCheck;
  if (values.annotate !== undefined) {
    if (toCheck.length !== 1 || !/\.xlsx$/i.test(toCheck[0])) throw new UsageError(cliMessages.annotateNeedsOneWorkbook);
    await checkOutput(values.annotate, inputs);
  }
  const previous = values.previous ? (await readInput(values.previous)).workbook : undefined;

  const results: FileResult[] = [];
  let annotated: Input | undefined;
  for (const c of candidates) {
    if (c.skipped) {
      results.push({ file: c.file, skipped: c.skipped });
      continue;
    }
    try {
      const input = await readInput(c.file);
      const analysis = withinEngineLimits(c.file, () => analyzeWorkbook(input.workbook, { facts, previous, text: input.text, pageTitle: input.pageTitle }));
      results.push({ file: c.file, analysis });
      if (values.annotate !== undefined) annotated = input;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      results.push({ file: c.file, error: err.message, errorCode: err.code });
    }
  }

  if (values.json) process.stdout.write(`${JSON.stringify({ files: results.map(jsonOf) }, null, 2)}\n`);
  for (const r of results) printHuman(r, !!values.json);

  const only = results[0];
  if (values.annotate !== undefined && annotated && only.analysis) {
    const copy = await annotateCopy(annotated.bytes, allFindings(only.analysis), only.file);
    await writeOutputFile(values.annotate, copy.data, inputs);
    if (copy.sheetsWithoutNotes.length) process.stderr.write(`${ioMessages.notesNotAdded(copy.sheetsWithoutNotes)}\n`);
    process.stderr.write(`${cliMessages.annotated(values.annotate)}\n`);
  }
  return overallStatus(results);
}

/** --body, --level and --year: facts the table cannot tell, given by the user. */
function factsFromOptions(values: { body?: string; level?: string; year?: string }): ReportFacts {
  const facts: ReportFacts = {};
  if (values.body) facts.bodyName = values.body;
  if (values.level !== undefined) facts.level = parseLevel(values.level);
  if (values.year !== undefined) facts.reportYear = parseYear(values.year);
  return facts;
}

function jsonOf(r: FileResult) {
  if (r.skipped) return { file: r.file, tables: [], skipped: r.skipped };
  if (!r.analysis) return { file: r.file, tables: [], error: r.error, errorCode: r.errorCode };
  const noTemplate = r.analysis.tables.length === 0 ? { error: r.analysis.notices[0]?.message } : {};
  return {
    file: r.file,
    tables: r.analysis.tables.map((t) => ({
      format: t.format,
      table: t.table,
      tableName: t.tableName,
      sheet: t.sheet,
      range: t.range,
      ...(t.title ? { title: t.title } : {}),
      missing: t.missing,
      figures: Object.values(t.figures).map(figureJson),
      findings: t.findings,
    })),
    notices: r.analysis.notices,
    ...noTemplate,
  };
}

/**
 * A figure as read, for tools that compare tables (round trips, batch review): its id, official label
 * and cell; `value` is the number the checks use, null when the cell is blank or not a number, and a
 * cell that held something other than a number says what (`read`: placeholder, text, error, …) and the
 * text it held (`raw`).
 */
function figureJson(f: Figure) {
  const { reading } = f;
  const odd = reading.kind !== 'number' && reading.kind !== 'blank' ? { read: reading.kind, raw: reading.raw } : {};
  return { id: f.id, label: f.label, cell: f.cell, value: f.value, ...odd, ...(f.unplaced ? { unplaced: true } : {}) };
}

/**
 * One file's result for people: what was checked on stdout; what could not be checked, or was skipped,
 * on stderr (with --json, only the latter: stdout holds the JSON).
 */
function printHuman(r: FileResult, json: boolean): void {
  const out: string[] = [cliMessages.file(r.file)];
  const unusable = !!r.skipped || !r.analysis || r.analysis.tables.length === 0;
  if (json && !unusable) return;
  if (r.skipped) out.push(cliMessages.skipped(r.skipped));
  else if (!r.analysis) out.push(cliMessages.couldNotCheck(r.error ?? ''));
  else {
    const printFinding = (f: Finding, sheet?: string) => {
      out.push(cliMessages.finding(f));
      if (f.cells.length) out.push(cliMessages.cells(f.cells, sheet));
      if (f.why) out.push(cliMessages.why(f.why));
    };
    for (const t of r.analysis.tables) {
      out.push(cliMessages.table(t));
      t.findings.forEach((f) => printFinding(f, t.sheet));
    }
    r.analysis.notices.forEach((f) => printFinding(f));
    const all = allFindings(r.analysis);
    const count = (s: Finding['severity']) => all.filter((f) => f.severity === s).length;
    if (r.analysis.tables.length) out.push(cliMessages.summary(count('error'), count('warning'), count('hint')));
  }
  (unusable ? process.stderr : process.stdout).write(`${out.join('\n')}\n\n`);
}

async function runTotals(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    {
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, json: { type: 'boolean' }, 'fill-blanks': { type: 'boolean' } },
    },
    cliMessages.badOptions,
  );
  if (positionals.length !== 1) throw new UsageError(cliMessages.noFiles);
  const [file] = positionals;
  if (!/\.xlsx$/i.test(file)) throw new UsageError(cliMessages.totalsNeedsWorkbook);
  if (values.out === undefined) throw new UsageError(cliMessages.totalsNeedsOut);
  requireValues({ '--out': values.out });
  await checkOutput(values.out, [file]);

  const input = await readInput(file);
  // A protected sheet stays as its owner locked it, in the copy as in Excel.
  const protectedSheets = new Set(input.workbook.sheets.filter((s) => s.protected).map((s) => s.name));
  const analysis = withinEngineLimits(file, () => analyzeWorkbook(input.workbook));
  if (analysis.tables.length === 0) return fail(analysis.notices[0].message);
  const plan = planTotals(analysis.tables, { fillBlanks: values['fill-blanks'], protectedSheets });
  if (values.json) process.stdout.write(`${JSON.stringify({ file, plan }, null, 2)}\n`);
  else {
    const lines = [cliMessages.planHeader(plan.writes.length, plan.skipped.length), ...plan.writes.map(cliMessages.plannedWrite), ...plan.skipped.map(cliMessages.skippedTotal)];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  const copy = await totalsCopy(input.bytes, plan.writes, file);
  await writeOutputFile(values.out, copy.data, [file]);
  if (copy.refused.length) process.stderr.write(`${ioMessages.formulaNotWritten(copy.refused)}\n`);
  process.stderr.write(`${cliMessages.written(values.out)}\n`);
  const errors = allFindings(analysis).filter((f) => f.severity === 'error').length;
  if (errors > 0) process.stderr.write(`${cliMessages.totalsTableHasErrors(errors)}\n`);
  return errors > 0 ? EXIT.findings : EXIT.ok;
}

import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { analyzeWorkbook, type Finding, type ReportFacts, type WorkbookAnalysis } from '../core';
import { LEVEL_ALIASES, LEVEL_NAMES } from '../core/templates/levels';
import { InputError, ioMessages } from '../io/messages';
import { readInput, READABLE_EXTENSIONS } from '../io/read';
import { annotateCopy, totalsCopy } from '../io/xlsxPatch';
import { cliMessages } from './messages';

/** Exit statuses: no error-severity finding, at least one, could not check. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

export class UsageError extends Error {}

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  totals: runTotals,
  // Loaded on demand: drafting pulls in the .docx writer, which check and totals do not need.
  draft: async (args) => (await import('./draft')).runDraft(args),
  // Loaded on demand: only this command needs the proofreading claims.
  proofread: async (args) => (await import('./proofread')).runProofread(args),
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${cliMessages.usage}\n`);
    return command ? EXIT.ok : EXIT.unusable;
  }
  const run = COMMANDS[command];
  if (!run) return fail(`${cliMessages.unknownCommand(command)}\n${cliMessages.usage}`);
  try {
    return await run(rest);
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) return fail(err.message);
    if (err instanceof TypeError && /option|argument/i.test(err.message)) return fail(cliMessages.badOptions(err.message));
    return fail(cliMessages.internalError(err instanceof Error ? (err.stack ?? err.message) : String(err)));
  }
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return EXIT.unusable;
}

/** Files named directly, and the readable files inside named folders, in a stable order. */
export async function expandInputs(names: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const name of names) {
    const stat = await fs.stat(name).catch(() => null);
    if (!stat) throw new InputError(ioMessages.notFound(name));
    if (!stat.isDirectory()) {
      files.push(name);
      continue;
    }
    // Every file but hidden ones and Office's lock files (~$…): one that cannot be read is named with the reason.
    const entries = (await fs.readdir(name, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('~$')).map((e) => e.name);
    if (!entries.some((e) => READABLE_EXTENSIONS.includes(path.extname(e).toLowerCase()))) throw new InputError(cliMessages.emptyFolder(name));
    files.push(...entries.sort().map((e) => path.join(name, e)));
  }
  return files;
}

interface FileResult {
  file: string;
  analysis?: WorkbookAnalysis;
  error?: string;
}

function statusOf(r: FileResult): number {
  if (r.error || !r.analysis || r.analysis.tables.length === 0) return EXIT.unusable;
  const errors = allFindings(r.analysis).some((f) => f.severity === 'error');
  return errors ? EXIT.findings : EXIT.ok;
}

function allFindings(a: WorkbookAnalysis): Finding[] {
  return [...a.notices, ...a.tables.flatMap((t) => t.findings)];
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
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
  });
  if (positionals.length === 0) throw new UsageError(cliMessages.noFiles);
  const files = await expandInputs(positionals);
  const facts = factsFromOptions(values);
  const previous = values.previous ? (await readInput(values.previous)).workbook : undefined;
  if (values.annotate && (files.length !== 1 || !/\.xlsx$/i.test(files[0]))) throw new UsageError(cliMessages.annotateNeedsOneWorkbook);

  const results: FileResult[] = [];
  for (const file of files) {
    try {
      const input = await readInput(file);
      results.push({ file, analysis: analyzeWorkbook(input.workbook, { facts, previous, text: input.text, pageTitle: input.pageTitle }) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      results.push({ file, error: err.message });
    }
  }

  if (values.json) process.stdout.write(`${JSON.stringify({ files: results.map(jsonOf) }, null, 2)}\n`);
  else for (const r of results) printHuman(r);

  const only = results[0];
  if (values.annotate && only.analysis) {
    if (path.resolve(values.annotate) === path.resolve(only.file)) throw new UsageError(ioMessages.sameAsInput(only.file));
    const copy = await annotateCopy(await fs.readFile(only.file), allFindings(only.analysis), only.file);
    await fs.writeFile(values.annotate, copy.data);
    if (copy.sheetsWithoutNotes.length) process.stderr.write(`${ioMessages.notesNotAdded(copy.sheetsWithoutNotes)}\n`);
    process.stderr.write(`${cliMessages.annotated(values.annotate)}\n`);
  }
  return Math.max(...results.map(statusOf));
}

/** --body, --level and --year: facts the table cannot tell, given by the user. */
function factsFromOptions(values: { body?: string; level?: string; year?: string }): ReportFacts {
  const facts: ReportFacts = {};
  if (values.body) facts.bodyName = values.body;
  if (values.level) {
    const level = LEVEL_ALIASES[values.level];
    if (!level) throw new UsageError(cliMessages.badLevel(values.level, Object.values(LEVEL_NAMES)));
    facts.level = level;
  }
  if (values.year) {
    if (!/^(19|20)\d{2}$/.test(values.year)) throw new UsageError(cliMessages.badYear(values.year));
    facts.reportYear = Number(values.year);
  }
  return facts;
}

function jsonOf(r: FileResult) {
  if (!r.analysis) return { file: r.file, tables: [], error: r.error };
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
      findings: t.findings,
    })),
    notices: r.analysis.notices,
    ...noTemplate,
  };
}

function printHuman(r: FileResult): void {
  const out: string[] = [cliMessages.file(r.file)];
  if (!r.analysis) {
    out.push(cliMessages.couldNotCheck(r.error ?? ''));
  } else {
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
  process.stdout.write(`${out.join('\n')}\n\n`);
}

async function runTotals(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, json: { type: 'boolean' }, 'fill-blanks': { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError(cliMessages.noFiles);
  const [file] = positionals;
  if (!/\.xlsx$/i.test(file)) throw new UsageError(cliMessages.totalsNeedsWorkbook);
  if (!values.out) throw new UsageError(cliMessages.totalsNeedsOut);
  if (path.resolve(values.out) === path.resolve(file)) throw new UsageError(ioMessages.sameAsInput(file));

  const input = await readInput(file);
  // A protected sheet stays as its owner locked it, in the copy as in Excel.
  const protectedSheets = new Set(input.workbook.sheets.filter((s) => s.protected).map((s) => s.name));
  const analysis = analyzeWorkbook(input.workbook, { fillBlanks: values['fill-blanks'], protectedSheets });
  if (analysis.tables.length === 0) return fail(analysis.notices[0].message);
  const plan = analysis.totals;
  if (values.json) process.stdout.write(`${JSON.stringify({ file, plan }, null, 2)}\n`);
  else {
    const lines = [cliMessages.planHeader(plan.writes.length, plan.skipped.length), ...plan.writes.map(cliMessages.plannedWrite), ...plan.skipped.map(cliMessages.skippedTotal)];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  const copy = await totalsCopy(await fs.readFile(file), plan.writes, file);
  await fs.writeFile(values.out, copy.data);
  if (copy.refused.length) process.stderr.write(`${ioMessages.formulaNotWritten(copy.refused)}\n`);
  process.stderr.write(`${cliMessages.written(values.out)}\n`);
  return EXIT.ok;
}

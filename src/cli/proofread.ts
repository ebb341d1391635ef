import { parseArgs } from 'util';
import { analyzeWorkbook, reportFigures } from '../core';
import { proofreadText } from '../core/proofread';
import { readInput } from '../io/read';
import { failureMessage, isExpectedFailure, UsageError } from './errors';
import { requireValues } from './options';
import { proofreadMessages as M } from './proofread-messages';

/** Exit statuses: the text agrees with the table, something in it does not (every finding asks for a look), could not proofread. */
const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

interface ProofreadOptions {
  report: string;
  table?: string;
  json: boolean;
}

function parseOptions(args: string[]): ProofreadOptions {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { table: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (err) {
    // Duck-typed: errors thrown by Node's own modules are not instances of a test sandbox's Error.
    const detail = (err as { message?: unknown })?.message;
    throw new UsageError(`${M.badOptions(typeof detail === 'string' ? detail : String(err))}\n${M.usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`${M.oneFile}\n${M.usage}`);
  requireValues({ '--table': values.table });
  return { report: positionals[0], table: values.table, json: values.json ?? false };
}

/**
 * `nianbao proofread <report> [--table <file>] [--json]`: compares every figure the report's text
 * states with its statistics table (the report's own tables, or the file given with --table).
 */
export async function runProofread(args: string[]): Promise<number> {
  try {
    return await proofread(parseOptions(args));
  } catch (err) {
    if (isExpectedFailure(err)) return fail(failureMessage(err));
    throw err;
  }
}

async function proofread(options: ProofreadOptions): Promise<number> {
  const report = await readInput(options.report);
  if (report.text === undefined) throw new UsageError(M.noText(options.report));
  const tableFile = options.table ?? options.report;
  const workbook = options.table ? (await readInput(options.table)).workbook : report.workbook;
  const reports = reportFigures(analyzeWorkbook(workbook));
  if (reports.length === 0) return fail(M.noTable(tableFile));
  const figures = reports[0];
  if (reports.length > 1) process.stderr.write(`${M.severalReports(reports.length, figures.formatName)}\n`);

  const result = proofreadText(report.text, figures);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  if (options.json) {
    const json = {
      file: options.report,
      table: { file: tableFile, format: figures.format, tables: figures.tables },
      checked: result.checked,
      unchecked: result.unchecked,
      sections: result.sections,
      findings: result.findings,
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const lines = [M.header(options.report, tableFile, figures.formatName)];
    for (const f of result.findings) {
      lines.push(M.finding(f));
      if (f.paragraph >= 0) lines.push(M.where(f));
      if (f.cells.length) lines.push(M.cells(f.cells));
    }
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    lines.push(result.findings.length === 0 ? M.allGood : '', M.summary(result.checked, result.unchecked, errors, warnings));
    process.stdout.write(`${lines.filter((l) => l !== '').join('\n')}\n`);
  }
  return result.findings.length > 0 ? EXIT.findings : EXIT.ok;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return EXIT.unusable;
}

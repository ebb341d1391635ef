import { analyzeWorkbook, proofreadText, proofreadTextAlone, reportFigures } from '../core';
import { withinEngineLimits } from '../io/errors';
import { readInput } from '../io/read';
import { EXIT, exitStatusOf, failureMessage, isExpectedFailure, UsageError } from './errors';
import { parseCommandLine, requireValues } from './options';
import { proofreadMessages as M } from './proofread-messages';

/** Real sentences stay well under this; a longer one (hostile input) is given in --json as its window. */
const JSON_SENTENCE_MAX = 2000;

interface ProofreadOptions {
  report: string;
  table?: string;
  previous?: string;
  json: boolean;
}

function parseOptions(args: string[]): ProofreadOptions {
  const { values, positionals } = parseCommandLine(
    { args, allowPositionals: true, options: { table: { type: 'string' }, previous: { type: 'string' }, json: { type: 'boolean' } } },
    (detail) => `${M.badOptions(detail)}\n${M.usage}`,
  );
  if (positionals.length !== 1) throw new UsageError(`${M.oneFile}\n${M.usage}`);
  requireValues({ '--table': values.table, '--previous': values.previous });
  return { report: positionals[0], table: values.table, previous: values.previous, json: values.json ?? false };
}

/**
 * `nianbao proofread <report> [--table <file>] [--previous <last year's report>] [--json]`: compares
 * every figure the report's text states with its statistics table (the report's own tables, or the file
 * given with --table), and with --previous shows the sentences repeated from last year's report.
 */
export async function runProofread(args: string[]): Promise<number> {
  try {
    return await proofread(parseOptions(args));
  } catch (err) {
    if (isExpectedFailure(err)) return fail(failureMessage(err), exitStatusOf(err));
    throw err;
  }
}

async function proofread(options: ProofreadOptions): Promise<number> {
  const report = await readInput(options.report);
  const text = report.text;
  if (text === undefined) throw new UsageError(M.noText(options.report));
  const tableFile = options.table ?? options.report;
  const workbook = options.table ? (await readInput(options.table)).workbook : report.workbook;
  const analysis = withinEngineLimits(tableFile, () => analyzeWorkbook(workbook, { text, pageTitle: report.pageTitle }));
  const reports = reportFigures(analysis);
  // A table asked for must be found; a report without one of its own still has its text checked.
  if (reports.length === 0 && options.table) return fail(M.noTable(tableFile));
  const figures = reports[0];
  if (reports.length > 1) process.stderr.write(`${M.severalReports(reports.length, figures.formatName)}\n`);

  let previousText: string | undefined;
  if (options.previous) {
    previousText = (await readInput(options.previous)).text;
    if (previousText === undefined) throw new UsageError(M.previousNotText(options.previous));
  }

  if (!figures) process.stderr.write(`${M.textAlone(options.report)}\n`);
  const result = withinEngineLimits(options.report, () =>
    figures
      ? proofreadText(text, figures, { previousText })
      : proofreadTextAlone(text, { previousText, reportYear: analysis.documentFacts?.reportYear }),
  );
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  if (options.json) {
    const json = {
      file: options.report,
      table: figures ? { file: tableFile, format: figures.format, tables: figures.tables } : null,
      ...(result.reportYear ? { reportYear: result.reportYear } : {}),
      checked: result.checked,
      unchecked: result.unchecked,
      sections: result.sections,
      // A sentence longer than any a report writes is given as its window around the claim; start and end still locate all of it.
      findings: result.findings.map((f) => ({ ...f, sentence: f.sentence.length <= JSON_SENTENCE_MAX ? f.sentence : f.excerpt })),
      ...(result.repeated ? { previous: options.previous, repeated: result.repeated } : {}),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const lines = [figures ? M.header(options.report, tableFile, figures.formatName) : M.headerAlone(options.report)];
    for (const f of result.findings) {
      lines.push(M.finding(f));
      if (f.paragraph >= 0) lines.push(M.where(f));
      if (f.cells.length) lines.push(M.cells(f.cells));
    }
    if (result.repeated) lines.push(...M.repeated(result.repeated));
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    lines.push(result.findings.length === 0 ? (figures ? M.allGood : M.allGoodAlone) : '', M.summary(result.checked, result.unchecked, errors, warnings));
    process.stdout.write(`${lines.filter((l) => l !== '').join('\n')}\n`);
  }
  return result.findings.length > 0 ? EXIT.findings : EXIT.ok;
}

function fail(message: string, status: number = EXIT.unusable): number {
  process.stderr.write(`${message}\n`);
  return status;
}

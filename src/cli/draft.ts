import * as path from 'path';
import {
  analyzeWorkbook,
  DRAFTABLE_FORMATS,
  draftNarrative,
  type Narrative,
  narrativeToText,
  type ReportFacts,
  reportFigures,
  reportTableGrids,
  type TableGrid,
  withUserFacts,
} from '../core';
import { narrativeToDocx } from '../io/docx';
import { checkOutput, writeOutputFile } from '../io/files';
import { narrativeToHtml } from '../io/reportHtml';
import { withinEngineLimits } from '../io/errors';
import { readInput } from '../io/read';
import { draftMessages } from './draft-messages';
import { EXIT, exitStatusOf, failureMessage, isExpectedFailure, UsageError } from './errors';
import { parseCommandLine, parseFee, parseYear, requireValues } from './options';

interface DraftOptions {
  file: string;
  docx?: string;
  html?: string;
  json: boolean;
  /** Facts given on the command line; they take precedence over what the workbook title says. */
  facts: Pick<ReportFacts, 'bodyName' | 'reportYear' | 'feeCollected'>;
}

function parseOptions(args: string[]): DraftOptions {
  const { values, positionals } = parseCommandLine(
    {
      args,
      allowPositionals: true,
      options: {
        docx: { type: 'string' },
        html: { type: 'string' },
        json: { type: 'boolean' },
        body: { type: 'string' },
        year: { type: 'string' },
        fee: { type: 'string' },
      },
    },
    (detail) => `${draftMessages.badOptions(detail)}\n${draftMessages.usage}`,
  );
  if (positionals.length !== 1) throw new UsageError(`${draftMessages.oneFile}\n${draftMessages.usage}`);
  const facts: DraftOptions['facts'] = {};
  requireValues({ '--docx': values.docx, '--html': values.html });
  if (values.body !== undefined && values.body.trim() !== '') facts.bodyName = values.body.trim();
  if (values.year !== undefined) facts.reportYear = parseYear(values.year);
  if (values.fee !== undefined) facts.feeCollected = parseFee(values.fee);
  return { file: positionals[0], docx: values.docx, html: values.html, json: values.json ?? false, facts };
}

/** out.docx for one report; out-1.docx, out-2.docx, … when the file holds several. */
function outputPath(out: string, index: number, count: number, defaultExt: string): string {
  if (count === 1) return out;
  const ext = path.extname(out) || defaultExt;
  return `${out.slice(0, out.length - path.extname(out).length)}-${index + 1}${ext}`;
}

/**
 * `nianbao draft <file> [--docx <out.docx>] [--html <out.html>] [--json] [--body <name>] [--year <yyyy>] [--fee <万元>]`:
 * drafts the narrative of each recognized report, prints it (or its model with --json) and writes the
 * complete report (the narrative with its tables in their official layout) as .docx and as one HTML page. Exit code 0 when a draft was made, 2 for bad usage, an unreadable file or no template.
 */
export async function runDraft(args: string[]): Promise<number> {
  let options: DraftOptions;
  let analysis;
  try {
    options = parseOptions(args);
    // The .docx must not replace the table it is drafted from (draft x.xlsx --docx x.xlsx).
    if (options.docx !== undefined) await checkOutput(options.docx, [options.file]);
    if (options.html !== undefined) await checkOutput(options.html, [options.file]);
    const input = await readInput(options.file);
    analysis = withinEngineLimits(options.file, () => analyzeWorkbook(input.workbook, { text: input.text, pageTitle: input.pageTitle }));
  } catch (err) {
    if (isExpectedFailure(err)) return fail(failureMessage(err), exitStatusOf(err));
    throw err;
  }
  const reports = reportFigures(analysis);
  if (reports.length === 0) return fail(analysis.notices[0]?.message ?? draftMessages.noReport);

  const errors = [...analysis.notices, ...analysis.tables.flatMap((t) => t.findings)].filter((f) => f.severity === 'error');
  if (errors.length > 0) process.stderr.write(`${draftMessages.errorsInTable(errors.length)}\n`);

  const drafts: { formatName: string; facts: ReportFacts; narrative: Narrative; tables: TableGrid[] }[] = [];
  for (const report of reports) {
    if (!DRAFTABLE_FORMATS.includes(report.format)) {
      process.stderr.write(`${draftMessages.unsupportedFormat(report.formatName)}\n`);
      continue;
    }
    const facts: ReportFacts = withUserFacts(report.facts, options.facts);
    drafts.push({
      formatName: report.formatName,
      facts,
      narrative: draftNarrative({ format: report.format, figures: report.figures, facts }),
      tables: reportTableGrids(report.format, report.tables, report.figures),
    });
  }
  if (drafts.length === 0) return fail(draftMessages.noReport);

  if (options.json) {
    const json = { file: options.file, drafts: drafts.map(({ facts, narrative }) => ({ facts, narrative })) };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const texts = drafts.map((d, i) =>
      drafts.length === 1 ? narrativeToText(d.narrative) : `${draftMessages.reportHeader(i + 1, d.formatName)}\n${narrativeToText(d.narrative)}`,
    );
    process.stdout.write(texts.join('\n'));
  }

  const outputs: { out: string | undefined; ext: string; bytes: (d: (typeof drafts)[number]) => Promise<Uint8Array>; written: (file: string) => string }[] = [
    { out: options.docx, ext: '.docx', bytes: (d) => narrativeToDocx(d.narrative, { tables: d.tables }), written: draftMessages.docxWritten },
    { out: options.html, ext: '.html', bytes: async (d) => new TextEncoder().encode(narrativeToHtml(d.narrative, d.tables)), written: draftMessages.htmlWritten },
  ];
  for (const { out: target, ext, bytes, written } of outputs) {
    if (target === undefined) continue;
    for (const [i, d] of drafts.entries()) {
      const out = outputPath(target, i, drafts.length, ext);
      try {
        await writeOutputFile(out, await bytes(d), [options.file]);
      } catch (err) {
        if (isExpectedFailure(err)) return fail(failureMessage(err), exitStatusOf(err));
        throw err;
      }
      process.stderr.write(`${written(out)}\n`);
    }
  }
  return EXIT.ok;
}

function fail(message: string, status: number = EXIT.unusable): number {
  process.stderr.write(`${message}\n`);
  return status;
}

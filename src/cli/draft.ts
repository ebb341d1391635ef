import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { analyzeWorkbook, reportFigures } from '../core';
import { DRAFTABLE_FORMATS, draftNarrative, narrativeToText, type Narrative, type ReportFacts } from '../core/narrative';
import { narrativeToDocx } from '../io/docx';
import { InputError } from '../io/messages';
import { readInput } from '../io/read';
import { draftMessages } from './draft-messages';

class UsageProblem extends Error {}

interface DraftOptions {
  file: string;
  docx?: string;
  json: boolean;
  /** Facts given on the command line; they take precedence over what the workbook title says. */
  facts: Pick<ReportFacts, 'bodyName' | 'reportYear' | 'feeCollected'>;
}

function parseOptions(args: string[]): DraftOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        docx: { type: 'string' },
        json: { type: 'boolean' },
        body: { type: 'string' },
        year: { type: 'string' },
        fee: { type: 'string' },
      },
    });
  } catch (err) {
    // Duck-typed: errors thrown by Node's own modules are not instances of a test sandbox's Error.
    const detail = (err as { message?: unknown })?.message;
    throw new UsageProblem(`${draftMessages.badOptions(typeof detail === 'string' ? detail : String(err))}\n${draftMessages.usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageProblem(`${draftMessages.oneFile}\n${draftMessages.usage}`);
  const facts: DraftOptions['facts'] = {};
  if (values.body !== undefined && values.body.trim() !== '') facts.bodyName = values.body.trim();
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year.trim())) throw new UsageProblem(draftMessages.badYear(values.year));
    facts.reportYear = Number(values.year.trim());
  }
  if (values.fee !== undefined) {
    const fee = Number(values.fee.trim());
    if (values.fee.trim() === '' || !Number.isFinite(fee) || fee < 0) throw new UsageProblem(draftMessages.badFee(values.fee));
    facts.feeCollected = fee;
  }
  return { file: positionals[0], docx: values.docx, json: values.json ?? false, facts };
}

/** out.docx for one report; out-1.docx, out-2.docx, … when the file holds several. */
function docxPath(out: string, index: number, count: number): string {
  if (count === 1) return out;
  const ext = path.extname(out) || '.docx';
  return `${out.slice(0, out.length - path.extname(out).length)}-${index + 1}${ext}`;
}

/**
 * `nianbao draft <file> [--docx <out.docx>] [--json] [--body <name>] [--year <yyyy>] [--fee <万元>]`:
 * drafts the narrative of each recognized report, prints it (or its model with --json) and writes
 * it as .docx. Exit code 0 when a draft was made, 2 for bad usage, an unreadable file or no template.
 */
export async function runDraft(args: string[]): Promise<number> {
  let options: DraftOptions;
  try {
    options = parseOptions(args);
  } catch (err) {
    if (err instanceof UsageProblem) return fail(err.message);
    throw err;
  }

  let analysis;
  try {
    const input = await readInput(options.file);
    analysis = analyzeWorkbook(input.workbook, { text: input.text, pageTitle: input.pageTitle });
  } catch (err) {
    if (err instanceof InputError) return fail(err.message);
    throw err;
  }
  const reports = reportFigures(analysis);
  if (reports.length === 0) return fail(analysis.notices[0]?.message ?? draftMessages.noReport);

  const errors = [...analysis.notices, ...analysis.tables.flatMap((t) => t.findings)].filter((f) => f.severity === 'error');
  if (errors.length > 0) process.stderr.write(`${draftMessages.errorsInTable(errors.length)}\n`);

  const drafts: { formatName: string; facts: ReportFacts; narrative: Narrative }[] = [];
  for (const report of reports) {
    if (!DRAFTABLE_FORMATS.includes(report.format)) {
      process.stderr.write(`${draftMessages.unsupportedFormat(report.formatName)}\n`);
      continue;
    }
    const facts: ReportFacts = { ...report.facts, ...options.facts };
    drafts.push({ formatName: report.formatName, facts, narrative: draftNarrative({ format: report.format, figures: report.figures, facts }) });
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

  if (options.docx) {
    for (const [i, d] of drafts.entries()) {
      const out = docxPath(options.docx, i, drafts.length);
      await fs.writeFile(out, await narrativeToDocx(d.narrative));
      process.stderr.write(`${draftMessages.docxWritten(out)}\n`);
    }
  }
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

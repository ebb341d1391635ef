import * as path from 'path';
import { blankTemplate, FORMAT_NAMES, TEMPLATE_FORMATS, TEMPLATE_SHEET_NAME } from '../core';
import { writeOutputFile } from '../io/files';
import { blankTemplateToXlsx } from '../io/templateXlsx';
import { EXIT, UsageError } from './errors';
import { parseCommandLine, requireValues } from './options';
import { templateMessages } from './template-messages';

/**
 * `nianbao template [--format <id>] --out <统计表.xlsx> [--formulas]`: writes the blank statistics table of a
 * format (national-2021 by default), with SUM formulas in its total cells when --formulas is given.
 * Exit code 0 when written, 2 for bad usage or an output that cannot be written.
 */
export async function runTemplate(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    { args, allowPositionals: true, options: { format: { type: 'string' }, out: { type: 'string' }, formulas: { type: 'boolean' } } },
    (detail) => `${templateMessages.badOptions(detail)}\n${templateMessages.usage}`,
  );
  if (positionals.length > 0) throw new UsageError(`${templateMessages.noPositionals}\n${templateMessages.usage}`);
  requireValues({ '--format': values.format, '--out': values.out });
  if (values.out === undefined) throw new UsageError(`${templateMessages.needsOut}\n${templateMessages.usage}`);
  if (path.extname(values.out).toLowerCase() !== '.xlsx') throw new UsageError(templateMessages.needsXlsx(values.out));
  const format = values.format ?? TEMPLATE_FORMATS[0];
  if (!(TEMPLATE_FORMATS as readonly string[]).includes(format)) throw new UsageError(templateMessages.unknownFormat(format, [...TEMPLATE_FORMATS]));
  const formulas = values.formulas ?? false;
  const bytes = await blankTemplateToXlsx(blankTemplate(format, { formulas }), TEMPLATE_SHEET_NAME);
  await writeOutputFile(values.out, bytes, []);
  process.stdout.write(`${templateMessages.written(values.out, FORMAT_NAMES[format] ?? format, formulas)}\n`);
  return EXIT.ok;
}

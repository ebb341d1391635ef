/**
 * The PDF fuzz fixtures (scripts/make-pdf-fuzz.ts): random consistent 2021 reports drafted by nianbao as
 * .docx or .html and printed by LibreOffice or Chromium. Each reads back to every one of the 200 figures
 * it was made from, with no relationship finding (they were consistent).
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core';
import { readInput } from '../../src/io/read';

const DIR = path.join(__dirname, '..', 'fixtures', 'pdf', 'fuzz');
const PDFS = readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort();

it('holds random reports printed both ways', () => {
  expect(PDFS.filter((f) => f.includes('libreoffice')).length).toBeGreaterThanOrEqual(3);
  expect(PDFS.filter((f) => f.includes('chromium')).length).toBeGreaterThanOrEqual(1);
});

it.each(PDFS)('%s reads to the figures it was made from', async (pdf) => {
  const { figures: expected } = JSON.parse(readFileSync(path.join(DIR, pdf.replace(/\.pdf$/, '.json')), 'utf8')) as { figures: Record<string, number | null> };
  const input = await readInput(path.join(DIR, pdf));
  const analysis = analyzeWorkbook(input.workbook, { text: input.text });
  const read = Object.fromEntries(analysis.tables.flatMap((t) => Object.values(t.figures).map((f) => [f.id, f.value])));
  expect(Object.keys(expected)).toHaveLength(200);
  expect(read).toEqual(expected);
  const relations = analysis.tables.flatMap((t) => t.findings).filter((f) => f.kind === 'relation');
  expect(relations).toEqual([]);
});

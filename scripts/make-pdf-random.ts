/**
 * Random consistent 2021 reports printed as unruled PDFs, for the property test in test/io/pdf.test.ts:
 * each seed draws a report whose every relationship holds (the fuzz tests' generator), writes it as the
 * page `nianbao draft --html` writes (its headings and 表二 to 表四 in their official layout; a few lines
 * of one sentence for its paragraphs) with its table borders removed and a layout drawn from the same seed (figures set left, centred or right, cells at the
 * top of their rows or in the middle, the tables narrower or the type smaller, so that labels wrap), and
 * has Chromium print it. Beside each PDF, its source: the seed, the layout and every figure.
 * Needs Chromium and qpdf (which packs the browser's PDF into object streams, half its size); CI does not
 * run it, the results are committed (seeds 4, 6, 7, 8 and 11; test/fixtures/pdf/README.md says why).
 * Run from the repository root: npx tsx scripts/make-pdf-random.ts [seeds: 4,6,7 or 1-30] [output folder]
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { analyzeWorkbook, draftNarrative, reportFigures, reportTableGrids } from '../src/core';
import { narrativeToHtml } from '../src/io/reportHtml';
import { consistentNational } from '../test/fuzz/fuzz';
import { national2021OneSheet } from '../test/support/layouts';

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'pdf', 'random');
/** The seeds whose PDFs are committed: layouts of every kind the draw makes (see the fixtures' README). */
const COMMITTED = '4,6,7,8,11';

/** How a page may set its borderless tables, drawn per seed. */
const layout = fc.record({
  align: fc.constantFrom('as written', 'left', 'center', 'right'),
  vertical: fc.constantFrom('middle', 'top'),
  width: fc.constantFrom(100, 85, 70),
  size: fc.constantFrom(9, 10.5, 12),
  /** Lines of text before each table, so that page breaks fall in different places in the tables. */
  before: fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 3, maxLength: 3 }),
});

const FILLER = '本年度依法公开政府信息。';

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function style(l: Layout): string {
  return [
    'table,th,td{border:none !important}',
    `table{width:${l.width}% !important;font-size:${l.size}pt !important}`,
    `th,td{vertical-align:${l.vertical} !important}`,
    // The figures' cells (labels keep to the left, as reports set them).
    l.align === 'as written' ? '' : `td.center,td.right{text-align:${l.align} !important}`,
  ].join('');
}

function main(): void {
  const seeds = (process.argv[2] ?? COMMITTED).split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return Array.from({ length: (b ?? a) - a + 1 }, (_, k) => a + k);
  });
  const OUT = process.argv[3] ?? FIXTURES;
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'nianbao-random-'));
  try {
    for (const seed of seeds) {
      const [data] = fc.sample(consistentNational, { seed, numRuns: 1 });
      const [drawn] = fc.sample(layout, { seed, numRuns: 1 });
      const analysis = analyzeWorkbook({ sheets: [national2021OneSheet('统计表', data)] });
      const [report] = reportFigures(analysis);
      const narrative = draftNarrative({ format: report.format, figures: report.figures, facts: report.facts });
      // The narrative's paragraphs give way to a few lines of one sentence before each table: the PDF stays
      // small (few characters to embed), and the tables are what is read.
      let table = 0;
      const html = narrativeToHtml(narrative, reportTableGrids(report.format, report.tables, report.figures))
        .replace('</head>', `<style>${style(drawn)}</style></head>`)
        .replace(/<p[^>]*>.*?<\/p>\n?/g, '')
        .replace(/<table/g, (t) => `<p>${FILLER.repeat(drawn.before[table++ % 3] * 2)}</p>\n${t}`);
      const name = `2021-random-${seed}`;
      const page = path.join(work, `${name}.html`);
      writeFileSync(page, html);
      const printed = path.join(work, `${name}.pdf`);
      execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(work, 'chromium')}`, '--no-pdf-header-footer', `--print-to-pdf=${printed}`, page], { stdio: 'ignore' });
      execFileSync('qpdf', ['--object-streams=generate', '--compress-streams=y', '--recompress-flate', '--compression-level=9', printed, path.join(OUT, `${name}-chromium.pdf`)]);
      const figures = Object.fromEntries(Object.entries(report.figures).map(([id, f]) => [id, f.value]));
      writeFileSync(path.join(OUT, `${name}.json`), `${JSON.stringify({ seed, layout: drawn, format: report.format, figures }, null, 1)}\n`);
      process.stdout.write(`${name}: ${Object.keys(figures).length} figures, ${JSON.stringify(drawn)}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();

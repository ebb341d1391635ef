/**
 * Regenerates test/fixtures/pdf/fuzz: random consistent 2021 reports (the fuzz tests' generator, a fixed
 * seed) each written as a workbook, drafted by nianbao as a complete report (.docx with its three tables,
 * or .html), printed by LibreOffice or Chromium, and kept beside the figures it was made from
 * (`<name>.json`: indicator id → value). test/io/pdf-fuzz.test.ts reads every PDF back to those figures.
 * Needs LibreOffice, Chromium and a built CLI (npm run build:cli); CI does not run it, the results are
 * committed. Run from the repository root: npx tsx scripts/make-pdf-fuzz.ts
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { analyzeWorkbook } from '../src/core';
import { gridToWorkbook } from '../src/io/xlsx';
import { consistentNational } from '../test/fuzz/fuzz';
import { national2021OneSheet } from '../test/support/layouts';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'test', 'fixtures', 'pdf', 'fuzz');
const SEED = 20261128;
/** Each report's way to paper: the .docx printed by LibreOffice (as Word/WPS users do), or the .html by Chromium. */
const ROUTES = ['docx-libreoffice', 'docx-libreoffice', 'docx-libreoffice', 'docx-libreoffice', 'docx-libreoffice', 'html-chromium'] as const;

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'nianbao-pdf-fuzz-'));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const samples = fc.sample(consistentNational, { seed: SEED, numRuns: ROUTES.length });
  for (const [i, data] of samples.entries()) {
    const route = ROUTES[i];
    const name = `fuzz-${i + 1}-${route}`;
    const title = `随机市第${i + 1}局2023年政府信息公开工作年度报告`;
    const workbook = { sheets: [national2021OneSheet('统计表', data, {}, `${title}统计表`)] };
    const figures = Object.fromEntries(analyzeWorkbook(workbook).tables.flatMap((t) => Object.values(t.figures).map((f) => [f.id, f.value])));
    const xlsx = path.join(work, `${name}.xlsx`);
    await gridToWorkbook(workbook).xlsx.writeFile(xlsx);
    const pdf = path.join(OUT, `${name}.pdf`);
    if (route === 'docx-libreoffice') {
      const docx = path.join(work, `${name}.docx`);
      execFileSync('node', [path.join(ROOT, 'bin', 'nianbao.js'), 'draft', xlsx, '--docx', docx], { stdio: 'ignore' });
      execFileSync('soffice', [`-env:UserInstallation=file://${work}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore' });
      renameSync(path.join(work, `${name}.pdf`), pdf);
    } else {
      const html = path.join(work, `${name}.html`);
      execFileSync('node', [path.join(ROOT, 'bin', 'nianbao.js'), 'draft', xlsx, '--html', html], { stdio: 'ignore' });
      execFileSync(
        'chromium',
        ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${work}/chromium`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, html],
        { stdio: 'ignore' },
      );
    }
    writeFileSync(path.join(OUT, `${name}.json`), `${JSON.stringify({ made: `${route}, seed ${SEED}, sample ${i + 1}`, figures }, null, 2)}\n`);
    console.log(`${name}.pdf: ${Object.keys(figures).length} figures`);
  }
  rmSync(work, { recursive: true, force: true });
}

void main();

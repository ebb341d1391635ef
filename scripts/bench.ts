/**
 * `npm run bench`: prints how fast the parts users wait on are, as medians over repeated runs, with
 * ratios measured in the same run so that a busy machine does not mislead. Not a test: it fails only
 * when something it measures is broken. Needs `npm run build:cli` (the CLI, catalogue and review sections run bin/nianbao.js)
 * and `npm run build` (the task pane section reads dist-web).
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { availableParallelism, loadavg, tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyzeWorkbook, reportFigures, type Cell, type Sheet, type Workbook } from '../src/core';
import { DRAFTABLE_FORMATS, draftNarrative } from '../src/core/narrative';
import { proofreadText } from '../src/core/proofread';
import { createExcelHost } from '../src/excel/excelHost';
import { detectCapabilities } from '../src/excel/requirements';
import { officeSettingsStore } from '../src/host/officeSettings';
import { layoutPdf, readPdfReport } from '../src/io/pdf';
import { extractPdf } from '../src/io/pdfExtract';
import { readInput } from '../src/io/read';
import { gridToWorkbook, loadWorkbook, MAX_CELLS, workbookToGrid } from '../src/io/xlsx';
import { marksFor } from '../src/taskpane/model';
import { createFakeExcel } from '../test/excel/fakeExcel';
import { withFigures } from '../test/support/edit';
import { legacySheet, national2021OneSheet, national2021ThreeSheets } from '../test/support/layouts';
import { writeReportBatch } from '../test/support/report-batch';

const ROOT = path.join(__dirname, '..');
const SAMPLES = path.join(ROOT, 'assets', 'samples');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time of fn in ms, after warm-up runs that let the JIT settle. */
function timeSync(fn: () => unknown, runs: number, warmup = Math.min(20, runs)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = Math.min(5, runs)): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const verdict = (ok: boolean) => (ok ? '✓' : '✗');

/** Recognize + check (analyzeWorkbook), then draft every report it finds: what 校验 and 生成文字 cost. */
function coreOnce(wb: Workbook): number {
  const analysis = analyzeWorkbook(wb);
  let reports = 0;
  for (const r of reportFigures(analysis)) {
    if (!DRAFTABLE_FORMATS.includes(r.format)) continue;
    draftNarrative({ format: r.format, figures: r.figures, facts: r.facts });
    reports++;
  }
  return reports;
}

async function benchSamples(): Promise<void> {
  console.log('\n## Core per sample (in-process) against parsing the same .xlsx with exceljs');
  console.log('sample                               reports  analyze   draft    core     parse    core/parse');
  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort()) {
    const data = readFileSync(path.join(SAMPLES, file));
    const wb = workbookToGrid(await loadWorkbook(data, file));
    const reports = coreOnce(wb);
    const analyze = timeSync(() => analyzeWorkbook(wb), 200);
    const core = timeSync(() => coreOnce(wb), 200);
    const parse = await timeAsync(async () => workbookToGrid(await new ExcelJS.Workbook().xlsx.load(data as unknown as ArrayBuffer)), 40);
    const perReport = core / Math.max(1, reports);
    console.log(
      `${file.padEnd(36)} ${String(reports).padStart(7)}  ${ms(analyze).padStart(8)} ${ms(core - analyze).padStart(8)} ${ms(core).padStart(8)} ${ms(parse).padStart(8)}    ${pct(core / parse).padStart(6)}` +
        `   ${(1000 / perReport).toFixed(0)} reports/s  ${verdict(perReport < 5)} <5 ms/report ${verdict(core / parse < 0.1)} <10% of parse`,
    );
  }
}

/** A data sheet of `rows` × `cols` (names and numbers) with one legacy table inside it. */
function bigSheet(rows: number, cols: number, tableAt: number): Sheet {
  const table = legacySheet('统计表');
  const sheetRows: (Cell | undefined)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: (Cell | undefined)[] = new Array(cols);
    row[0] = { value: `记录${r}` };
    row[1] = { value: `第${r % 97}组` };
    for (let c = 2; c < cols; c++) row[c] = { value: (r * 31 + c * 7) % 1000 };
    sheetRows.push(row);
  }
  // The table sits in a clear block (a blank row above and below, as on a real sheet).
  const left = 3;
  const width = 3;
  for (let r = tableAt - 1; r <= tableAt + table.rows.length; r++) for (let c = left; c < left + width; c++) sheetRows[r][c] = undefined;
  table.rows.forEach((row, r) => row?.forEach((cell, c) => (sheetRows[tableAt + r][left + c] = cell)));
  const merges = table.merges.map((m) => ({ top: m.top + tableAt, bottom: m.bottom + tableAt, left: m.left + left, right: m.right + left }));
  return { name: '数据', rows: sheetRows, merges };
}

async function benchScale(): Promise<void> {
  console.log('\n## Scale: one legacy table inside a big data sheet');
  const rows = 100_000;
  const cols = 30;
  const grid: Workbook = { sheets: [bigSheet(rows, cols, rows / 2)] };
  const found = analyzeWorkbook(grid);
  const alone = analyzeWorkbook({ sheets: [legacySheet('统计表')] });
  const same = found.tables.length === 1 && found.tables[0].findings.map((f) => f.rule).join() === alone.tables[0].findings.map((f) => f.rule).join();
  const t = timeSync(() => analyzeWorkbook(grid), 5, 1);
  console.log(`grid ${rows.toLocaleString('en-US')} rows × ${cols} cols (${((rows * cols) / 1e6).toFixed(1)}M cells): analyze ${ms(t)} (median of 5)  ${verdict(t < 1000)} <1 s; table found with the same findings as alone: ${same ? 'yes' : 'NO'}`);

  // Through the .xlsx reader: exceljs holds every cell in memory (~1 KB each), so a workbook is read only
  // up to MAX_CELLS (xlsx.ts); nine tenths of that shows the reader's cost per cell.
  const xlsxRows = Math.floor((MAX_CELLS * 0.9) / cols / 1000) * 1000;
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-'));
  const file = path.join(dir, 'big.xlsx');
  await gridToWorkbook({ sheets: [bigSheet(xlsxRows, cols, xlsxRows / 2)] }).xlsx.writeFile(file);
  const t0 = performance.now();
  const input = await readInput(file);
  const read = performance.now() - t0;
  const t1 = performance.now();
  const analysis = analyzeWorkbook(input.workbook);
  const analyze = performance.now() - t1;
  console.log(
    `.xlsx ${xlsxRows.toLocaleString('en-US')} rows × ${cols} cols (${(statSync(file).size / 1e6).toFixed(1)} MB) through readInput: read ${ms(read)}, analyze ${ms(analyze)} (one run each; ${analysis.tables.length} table found)` +
      ` → reading is ${(read / analyze).toFixed(0)}× the recognition; ${rows.toLocaleString('en-US')} rows would take about ${((read * rows) / xlsxRows / 1000).toFixed(0)} s to read`,
  );
  rmSync(dir, { recursive: true, force: true });
}

async function benchCli(): Promise<void> {
  console.log('\n## The CLI on a folder of 1,000 generated workbooks');
  const cli = path.join(ROOT, 'dist', 'cli', 'main.js');
  const built = statSync(cli, { throwIfNoEntry: false });
  if (!built) {
    console.log('skipped: run `npm run build:cli` first');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-cli-'));
  // Ten distinct workbooks (three layouts, with and without errors), each written 100 times under its own name.
  const variants: Workbook[] = [
    { sheets: [legacySheet('统计表')] },
    { sheets: [legacySheet('统计表', { values: { '5.其他方式公开政府信息数': 1342 } })] },
    { sheets: [legacySheet('Sheet1', { mergeSections: true, title: null, top: 3, left: 1 })] },
    { sheets: [national2021OneSheet('统计表')] },
    { sheets: national2021ThreeSheets() },
    { sheets: [national2021OneSheet('统计表', undefined, { labels: 'single' })] },
    withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.granted.total': 30 }),
    withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.newApplications.natural': '40', 't2.licensing': '1,256' }),
    withFigures({ sheets: national2021ThreeSheets() }, { 't4.review.total': null }),
    { sheets: [legacySheet('2017年'), legacySheet('2018年')] },
  ];
  const buffers = await Promise.all(variants.map(async (v) => Buffer.from(await gridToWorkbook(v).xlsx.writeBuffer())));
  let bytes = 0;
  for (let i = 0; i < 1000; i++) {
    const b = buffers[i % buffers.length];
    writeFileSync(path.join(dir, `report-${String(i).padStart(4, '0')}.xlsx`), b);
    bytes += b.length;
  }
  const out = path.join(tmpdir(), `nianbao-bench-${process.pid}.json`);
  const t = performance.now();
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), 'check', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - t) / 1000;
  writeFileSync(out, run.stdout);
  const files = (JSON.parse(run.stdout.toString()) as { files: unknown[] }).files.length;
  const parseOne = await timeAsync(async () => workbookToGrid(await new ExcelJS.Workbook().xlsx.load(buffers[3] as unknown as ArrayBuffer)), 20);
  console.log(
    `${files} workbooks (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s: ${(files / seconds).toFixed(0)} workbooks/s, exit ${run.status}; ` +
      `exceljs parse alone ≈ ${ms(parseOne)} per workbook, so reading is ${pct((parseOne * files) / 1000 / seconds)} of the run (dist built ${built.mtime.toISOString().slice(11, 19)})`,
  );
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { force: true });
}

/** 校验 in the pane through a recording fake Excel: syncs to read, and syncs to highlight. */
async function adapterSyncs(grid: Workbook): Promise<{ read: number; highlight: number; marks: number; findings: number }> {
  const fake = createFakeExcel(grid);
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  const host = createExcelHost(fake.run as never, officeSettingsStore(fake.office.context.document.settings as unknown as Office.Settings), detectCapabilities(() => true));
  const read = await host.readWorkbook();
  const afterRead = fake.log.syncs;
  const analysis = analyzeWorkbook(read.workbook);
  const marks = marksFor(analysis, {});
  await host.highlight(marks);
  const findings = analysis.tables.reduce((n, t) => n + t.findings.length, analysis.notices.length);
  return { read: afterRead, highlight: fake.log.syncs - afterRead, marks: marks.length, findings };
}

async function benchAdapter(): Promise<void> {
  console.log('\n## The Excel adapter: context.sync() calls (recording fake host)');
  const rows: [string, Workbook][] = [];
  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort()) {
    rows.push([file, workbookToGrid(await loadWorkbook(readFileSync(path.join(SAMPLES, file)), file))]);
  }
  const clean = { sheets: [legacySheet('统计表', { values: { '5.其他方式公开政府信息数': 1342 } })] };
  const fiftyClean = { sheets: Array.from({ length: 50 }, (_, i) => ({ ...clean.sheets[0], name: `表${i + 1}` })) };
  // Every sheet with several errors: many findings and marked cells.
  const broken = withFigures({ sheets: [legacySheet('统计表')] }, { 'legacy.received': 9, 'legacy.replies': 1, 'legacy.reviews': 5, 'legacy.staff': 7 });
  const fiftyBroken = { sheets: Array.from({ length: 50 }, (_, i) => ({ ...broken.sheets[0], name: `表${i + 1}` })) };
  rows.push(['50 sheets, no error', fiftyClean], ['50 sheets, 5 errors each', fiftyBroken]);
  console.log('workbook                              findings  marked cells  syncs to read  syncs to highlight');
  for (const [name, grid] of rows) {
    const s = await adapterSyncs(grid);
    console.log(`${name.padEnd(36)} ${String(s.findings).padStart(9)} ${String(s.marks).padStart(13)} ${String(s.read).padStart(14)} ${String(s.highlight).padStart(19)}`);
  }
}

function benchBundle(): void {
  console.log('\n## The task pane bundle (dist-web, from `npm run build`)');
  const html = path.join(ROOT, 'dist-web', 'taskpane.html');
  const built = statSync(html, { throwIfNoEntry: false });
  if (!built) {
    console.log('skipped: run `npm run build` first');
    return;
  }
  const newestSource = readdirSync(path.join(ROOT, 'src', 'taskpane')).reduce((m, f) => Math.max(m, statSync(path.join(ROOT, 'src', 'taskpane', f)).mtimeMs), 0);
  if (newestSource > built.mtimeMs) console.log('note: src/taskpane changed after this build; run `npm run build` for current figures');
  const report = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle-size.js'), '--json'], { encoding: 'utf8' });
  const lines = report.trimEnd().split('\n');
  const { firstPaint } = JSON.parse(lines.pop()!) as { firstPaint: { raw: number; gzip: number } };
  console.log(lines.join('\n'));
  const stock = { raw: 542 * 1024, gzip: 168 * 1024 };
  console.log(
    `first paint: ${(firstPaint.gzip / 1024).toFixed(1)} KiB gzip ${verdict(firstPaint.gzip <= 90 * 1024)} ≤90 KiB; ${pct(firstPaint.gzip / stock.gzip)} of the stock Office React template's 168 KiB gzip, ${pct(firstPaint.raw / stock.raw)} of its 542 KiB raw`,
  );
}

/** Hostile text for the proofreader (issue 11 §3): each case at n and 2n, so the ratio shows whether time grows linearly. */
function benchProofread(): void {
  console.log('\n## The proofreader on hostile text (time at n and 2n; linear when the ratio is about 2)');
  const report = reportFigures(analyzeWorkbook({ sheets: [national2021OneSheet('统计表')] }))[0];
  const cases: [string, (n: number) => string, number][] = [
    ['a line of digits (n characters)', (n) => '1'.repeat(n), 300_000],
    ['a line of digits after a keyword', (n) => `本年度新收政府信息公开申请${'1'.repeat(n)}件。`, 300_000],
    ['one sentence of n wrong quantities', (n) => `${'予以公开20件、'.repeat(n)}。`, 10_000],
    ['one sentence of n listed parts', (n) => `共公布政府信息${n + 5}条，其中${'政策文件类1条、'.repeat(n)}其他类1条。`, 10_000],
    ['n names joined before one number', (n) => `${'予以公开及部分公开'.repeat(n)}27件。`, 10_000],
    ['n years and 没有 in one sentence', (n) => `${'不予公开、2022年、没有、'.repeat(n)}行政复议。`, 10_000],
  ];
  console.log('case                                      n        at n      at 2n     ratio   findings at n');
  for (const [name, make, n] of cases) {
    const [small, large] = [make(n), make(2 * n)];
    const findings = proofreadText(small, report).findings.length;
    const t1 = timeSync(() => proofreadText(small, report), 3, 1);
    const t2 = timeSync(() => proofreadText(large, report), 3, 1);
    console.log(`${name.padEnd(40)} ${n.toLocaleString('en-US').padStart(8)} ${ms(t1).padStart(9)} ${ms(t2).padStart(9)}   ${(t2 / t1).toFixed(2).padStart(5)} ${verdict(t2 / t1 < 3)}   ${findings}`);
  }
}


/**
 * Every case of the bad-input catalogue (test/catalogue/cases.ts) through the built command, one child
 * process each: wall time and peak resident memory (the child's own maxRSS, written as it exits). The
 * row that matters is the worst: no case may take 10 s or 500 MB.
 */
async function benchCatalogue(): Promise<void> {
  console.log('\n## The bad-input catalogue through the built command (one process per case)');
  const bin = path.join(ROOT, 'bin', 'nianbao.js');
  if (!statSync(path.join(ROOT, 'dist', 'cli', 'main.js'), { throwIfNoEntry: false })) {
    console.log('skipped: run `npm run build:cli` first');
    return;
  }
  const { CASES } = await import('../test/catalogue/cases');
  const work = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-catalogue-'));
  const preload = path.join(work, 'peak-memory.js');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.NIANBAO_PEAK_FILE, String(process.resourceUsage().maxRSS)));\n");
  const rows: { name: string; seconds: number; megabytes: number; status: number | null; expected: number }[] = [];
  // Cases that stand in for a system failure (a full disk) replace a file-system call in-process: not here.
  for (const c of CASES.filter((c) => !c.fault)) {
    const dir = mkdtempSync(path.join(work, 'case-'));
    const args = await c.args(dir);
    const peakFile = path.join(work, 'peak');
    const t = performance.now();
    // Through a shell that forks it: Linux keeps a process's peak memory across fork and exec, so a child
    // started straight from this (large) process would report this process's peak as its own.
    const run = spawnSync('/bin/sh', ['-c', '"$@"; exit $?', 'sh', process.execPath, '--require', preload, bin, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, NIANBAO_PEAK_FILE: peakFile },
      stdio: 'ignore',
      timeout: 60_000,
    });
    const seconds = (performance.now() - t) / 1000;
    rows.push({ name: c.name, seconds, megabytes: Number(readFileSync(peakFile, 'utf8')) / 1024, status: run.status, expected: c.code });
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
  const slowest = [...rows].sort((a, b) => b.seconds - a.seconds);
  const hungriest = [...rows].sort((a, b) => b.megabytes - a.megabytes);
  const row = (r: (typeof rows)[number]) => `${r.seconds.toFixed(2).padStart(6)} s ${r.megabytes.toFixed(0).padStart(5)} MB  exit ${r.status}  ${r.name}`;
  console.log('slowest five:');
  slowest.slice(0, 5).forEach((r) => console.log(`  ${row(r)}`));
  console.log('most memory, five:');
  hungriest.slice(0, 5).forEach((r) => console.log(`  ${row(r)}`));
  const wrong = rows.filter((r) => r.status !== r.expected);
  console.log(
    `${rows.length} cases: worst time ${slowest[0].seconds.toFixed(2)} s ${verdict(slowest[0].seconds < 10)} <10 s (${slowest[0].name}); ` +
      `worst peak memory ${hungriest[0].megabytes.toFixed(0)} MB ${verdict(hungriest[0].megabytes < 500)} <500 MB (${hungriest[0].name}); ` +
      `exit status as catalogued: ${wrong.length === 0 ? 'all' : `NOT ${wrong.map((r) => `${r.name} (${r.status}, not ${r.expected})`).join('; ')}`}`,
  );
}

/**
 * The PDF reader on the committed fixtures that have a text layer: pages per second for the whole read
 * (pdfjs-dist in a worker thread for the text and the ruling lines, then the layout), the layout alone,
 * and the floor: pdfjs-dist's own text extraction of the same file (getTextContent on every page, in
 * this process, no ruling lines, no worker to start).
 */
async function benchPdf(): Promise<void> {
  console.log('\n## PDF reading: pages per second, against pdfjs-dist\'s own text extraction (the floor)');
  const dir = path.join(ROOT, 'test', 'fixtures', 'pdf');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const base = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const floor = async (data: Uint8Array) => {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(data), cMapUrl: `${base}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${base}/standard_fonts/`, isEvalSupported: false }).promise;
    for (let i = 1; i <= doc.numPages; i++) await (await doc.getPage(i)).getTextContent();
    const pages = doc.numPages;
    await doc.destroy();
    return pages;
  };
  console.log('file                                      pages   reader    pages/s   layout only   floor     pages/s   reader/floor');
  let totals = { pages: 0, reader: 0, floor: 0 };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) {
    const data = new Uint8Array(readFileSync(path.join(dir, name)));
    const extracted = await extractPdf(data);
    if (!extracted.ok || extracted.pages.every((p) => p.runs.length === 0)) continue; // refused on purpose: scanned, encrypted, corrupt
    const pages = extracted.pages.length;
    const reader = await timeAsync(() => readPdfReport(data, name), 5, 1);
    const layout = timeSync(() => layoutPdf(extracted.pages, name), 10, 3);
    const bare = await timeAsync(() => floor(data), 5, 1);
    totals = { pages: totals.pages + pages, reader: totals.reader + reader, floor: totals.floor + bare };
    const perSecond = (t: number) => ((pages * 1000) / t).toFixed(1);
    console.log(`${name.padEnd(40)} ${String(pages).padStart(6)} ${ms(reader).padStart(9)} ${perSecond(reader).padStart(9)} ${ms(layout).padStart(12)} ${ms(bare).padStart(9)} ${perSecond(bare).padStart(9)}   ${(reader / bare).toFixed(2).padStart(6)}`);
  }
  const rate = (t: number) => ((totals.pages * 1000) / t).toFixed(1);
  console.log(`all ${totals.pages} pages: reader ${rate(totals.reader)} pages/s, floor ${rate(totals.floor)} pages/s, reader/floor ${(totals.reader / totals.floor).toFixed(2)}`);
}

/**
 * Runs the built command in a child process: its wall time, exit status and stderr, its peak resident
 * memory and its CPU time (user and system, every thread of it: one process), written as it exits.
 */
function timedCommand(args: string[], env: NodeJS.ProcessEnv, work: string): { seconds: number; status: number | null; stderr: string; megabytes: number; cpuSeconds: number } {
  const preload = path.join(work, 'usage.js');
  const usageFile = path.join(work, 'usage.json');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.NIANBAO_USAGE_FILE, JSON.stringify(process.resourceUsage())));\n");
  const t = performance.now();
  // Through a shell that forks it, as in benchCatalogue: a child started straight from this process would report this process's peak.
  const run = spawnSync('/bin/sh', ['-c', '"$@"; exit $?', 'sh', process.execPath, '--require', preload, path.join(ROOT, 'bin', 'nianbao.js'), ...args], {
    env: { ...process.env, ...env, NIANBAO_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t) / 1000;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
  return { seconds, status: run.status, stderr: run.stderr, megabytes: usage.maxRSS / 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 };
}

/**
 * The batch review at scale (issue 15): 1,000 generated reports of four kinds (test/support/report-batch.ts:
 * .xlsx, .html, .docx, .txt in turn; one in 25 does not add up, three in 100 cannot be read) parsed only
 * (readInput over every file, in this process, one after another: the floor of reading them), then
 * reviewed end to end by the built command (`review --out --html`, worker threads, one per core) with an
 * empty cache, and again with the cache filled. Wall time, reports per second, and the command's peak
 * resident memory (main thread and workers: one process). Target: 1,000 reports under 15 s on 2 cores.
 */
async function benchReview(): Promise<void> {
  console.log('\n## The batch review: 1,000 mixed reports end to end, against parsing them only');
  if (!statSync(path.join(ROOT, 'dist', 'cli', 'main.js'), { throwIfNoEntry: false })) {
    console.log('skipped: run `npm run build:cli` first');
    return;
  }
  const count = 1000;
  const work = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-review-'));
  const reports = path.join(work, 'reports');
  let t = performance.now();
  const made = await writeReportBatch(reports, count);
  const megabytes = made.reduce((n, r) => n + statSync(r.file).size, 0) / 1e6;
  console.log(
    `generated ${count} reports (${['xlsx', 'html', 'docx', 'txt'].map((k) => `${made.filter((r) => r.kind === k).length} .${k}`).join(', ')}; ${made.filter((r) => r.inconsistent).length} inconsistent, ${made.filter((r) => r.unreadable).length} unreadable; ${megabytes.toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  t = performance.now();
  const cpu = process.cpuUsage();
  let refused = 0;
  for (const r of made) await readInput(r.file).catch(() => refused++);
  const parse = (performance.now() - t) / 1000;
  const parseCpu = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
  console.log(`(a) parse only, one thread (readInput, in-process): ${parse.toFixed(1)} s, ${(count / parse).toFixed(0)} reports/s, CPU ${parseCpu.toFixed(1)} s (${refused} refused)`);

  const env = { NIANBAO_CACHE_DIR: path.join(work, 'cache') };
  const args = ['review', reports, '--out', path.join(work, '审核汇总.xlsx'), '--html', path.join(work, '审核汇总.html')];
  const runs: [string, ReturnType<typeof timedCommand>, string][] = [];
  for (const label of ['(b) review, cold cache', '(c) review, warm cache']) {
    const load = loadavg()[0].toFixed(1);
    runs.push([label, timedCommand(args, env, work), load]);
  }
  for (const [label, run, load] of runs) {
    const said = /本次读取 \d+ 个文件，\d+ 个未改动的文件使用缓存的结果/.exec(run.stderr)?.[0] ?? run.stderr.trim().split('\n').pop();
    console.log(
      `${label}: ${run.seconds.toFixed(1)} s, ${(count / run.seconds).toFixed(0)} reports/s, CPU ${run.cpuSeconds.toFixed(1)} s, peak memory ${run.megabytes.toFixed(0)} MB, ` +
        `exit ${run.status}, load average ${load} when started (${said})`,
    );
  }
  const [, cold] = runs[0];
  // The machine may be shared: the CPU time over the cores is what the run needs of them, whoever else runs.
  const floor = cold.cpuSeconds / availableParallelism();
  console.log(
    `1,000 reports end to end in ${cold.seconds.toFixed(1)} s ${verdict(cold.seconds < 15)} <15 s on ${availableParallelism()} cores ` +
      `(CPU ${cold.cpuSeconds.toFixed(1)} s: at least ${floor.toFixed(1)} s on ${availableParallelism()} idle cores); ` +
      `the review takes ${pct(cold.seconds / parse)} of the time one thread takes to parse the files; a warm re-run ${runs[1][1].seconds.toFixed(1)} s`,
  );
  rmSync(work, { recursive: true, force: true });
}

const SECTIONS: Record<string, () => unknown> = {
  samples: benchSamples,
  scale: benchScale,
  cli: benchCli,
  adapter: benchAdapter,
  bundle: benchBundle,
  proofread: benchProofread,
  catalogue: benchCatalogue,
  pdf: benchPdf,
  review: benchReview,
};

/** `npm run bench` runs every section; `npm run bench -- cli adapter` only those. */
async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in SECTIONS));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  console.log(`年报助手 bench — Node ${process.version}, ${new Date().toISOString()}`);
  for (const [name, section] of Object.entries(SECTIONS)) if (asked.length === 0 || asked.includes(name)) await section();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

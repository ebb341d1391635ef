import { existsSync, mkdirSync, readFileSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import ts from 'typescript';
import { loadWorkbook, workbookToGrid } from '../../src/io/xlsx';

/**
 * The built task pane (dist-web/, from `npm run build`) in headless Debian Chromium, with a recording
 * fake Office/Excel host holding the legacy sample workbook. The page keeps its Content-Security-Policy.
 */
const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist-web');
const OUTPUT = path.join(ROOT, 'test-output');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

jest.setTimeout(60_000);

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };

interface FakeLog {
  syncs: number;
  operations: { sync: number; kind: string; sheet: string; address: string; value?: unknown }[];
}

let server: http.Server;
let origin: string;
let browser: Browser;
let initScript: string;

/** The fake, transpiled from test/excel/fakeExcel.ts, installed as window.Office / window.Excel. */
async function fakeHostScript(): Promise<string> {
  const source = readFileSync(path.join(ROOT, 'test', 'excel', 'fakeExcel.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 } }).outputText;
  const file = '2017-legacy-seed.xlsx';
  const grid = workbookToGrid(await loadWorkbook(readFileSync(path.join(ROOT, 'assets', 'samples', file)), file));
  // A fill of the user's own on a cell the finding involves: it must come back after 清除标记.
  const sheets = grid.sheets.map((s) => ({ ...s, fills: { D6: { color: '#92D050', pattern: 'Solid' } } }));
  return `(() => {
    const exports = {};
    ${js}
    const fake = exports.createFakeExcel(${JSON.stringify({ sheets })}, { apiSets: { ExcelApi: '1.13' }, platform: 'OfficeOnline' });
    window.__fake = fake;
    window.Office = fake.office;
    window.Excel = fake.excel;
  })();`;
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist-web/ is missing: run `npm run build` before the browser test.');
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is missing: apt-get install -y chromium');
  mkdirSync(OUTPUT, { recursive: true });
  initScript = await fakeHostScript();
  server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Opened {
  page: Page;
  foreignRequests: string[];
  consoleErrors: string[];
}

async function openPane(): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    // office.js would come from Microsoft's CDN; here the fake stands in, so serve an empty script.
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    foreignRequests.push(url);
    return route.abort();
  });
  await page.addInitScript(initScript);
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole('button', { name: '校验' }).waitFor();
  return { page, foreignRequests, consoleErrors };
}

const fakeLog = (page: Page) => page.evaluate(() => (window as unknown as { __fake: { log: FakeLog } }).__fake.log);
const fakeFill = (page: Page, address: string) =>
  page.evaluate((a) => (window as unknown as { __fake: { fillAt(s: string, a: string): { color: string; pattern: string } } }).__fake.fillAt('统计表', a), address);

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

test('校验 lists the finding, marks its cells in two syncs, and clicking it selects them', async () => {
  const { page, foreignRequests, consoleErrors } = await openPane();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '校验' }).click();
  const finding = page.locator('li[data-fingerprint] button').first();
  await finding.waitFor();
  await expect(finding.textContent()).resolves.toContain('之和');
  await expect(page.getByRole('heading', { name: /统计表/ }).first().textContent()).resolves.toContain('强制 1');

  const afterValidate = await fakeLog(page);
  expect(afterValidate.syncs).toBe(5);
  const fills = afterValidate.operations.filter((op) => op.kind === 'fill');
  expect(fills.length).toBeGreaterThan(1);
  expect(fills.every((op) => op.sync === 5)).toBe(true);
  expect((await fakeFill(page, 'D6')).color).toBe('#FFC7CE');

  await finding.click();
  await page.waitForFunction(() => (window as unknown as { __fake: { log: FakeLog } }).__fake.log.operations.some((op) => op.kind === 'select'));
  const afterClick = await fakeLog(page);
  const select = afterClick.operations.find((op) => op.kind === 'select')!;
  expect(afterClick.operations.filter((op) => op.kind === 'activate').map((op) => op.sheet)).toEqual(['统计表']);
  expect(select.address.split(',').sort()).toEqual(fills.map((op) => op.address).sort());
  expect(afterClick.syncs).toBe(6);

  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT, 'taskpane-findings.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByRole('status').filter({ hasText: '已清除标记，恢复了 6 个单元格' }).waitFor();
  expect(await fakeFill(page, 'D6')).toMatchObject({ color: '#92D050', pattern: 'Solid' });
  const other = fills.find((op) => op.address !== 'D6')!.address;
  expect((await fakeFill(page, other)).pattern).toBe('None');

  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('works by keyboard alone: Tab to 校验, Enter, Tab to the finding, Enter selects its cells', async () => {
  const { page } = await openPane();
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  let presses = 0;
  while ((await focusedText()) !== '校验' && presses++ < 10) await page.keyboard.press('Tab');
  expect(await focusedText()).toBe('校验');
  await page.keyboard.press('Enter');
  await page.locator('li[data-fingerprint] button').first().waitFor();

  presses = 0;
  while (!(await page.evaluate(() => document.activeElement?.closest('li[data-fingerprint]') !== null)) && presses++ < 30) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as unknown as { __fake: { log: FakeLog } }).__fake.log.operations.some((op) => op.kind === 'select'));

  // The focus ring is visible on the focused finding (keyboard users can see where they are).
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

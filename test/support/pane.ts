/**
 * What both browser tests need: the built pane (dist-web/) served over plain http, Debian Chromium,
 * a fake Office host transpiled from its test file, and an axe check. Network beyond the pane's own
 * origin is refused and recorded; office.js is answered with an empty script (the fake stands in).
 */
import { existsSync, mkdirSync, readFileSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import ts from 'typescript';

export const ROOT = path.join(__dirname, '..', '..');
export const OUTPUT = path.join(ROOT, 'test-output');
const DIST = path.join(ROOT, 'dist-web');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };

export interface PaneHarness {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startPaneHarness(): Promise<PaneHarness> {
  if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist-web/ is missing: run `npm run build` before the browser test.');
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is missing: apt-get install -y chromium');
  mkdirSync(OUTPUT, { recursive: true });
  const server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The legacy sample workbook's sheets, with a fill of the user's own on D6, a cell its finding involves
 * (it must come back after 清除标记): what the pane tests hand their fake host.
 */
export async function legacySampleSheets() {
  const { loadWorkbook, workbookToGrid } = await import('../../src/io/xlsx');
  const file = '2017-legacy-seed.xlsx';
  const grid = workbookToGrid(await loadWorkbook(readFileSync(path.join(ROOT, 'assets', 'samples', file)), file));
  return grid.sheets.map((s) => ({ ...s, fills: { D6: { color: '#92D050', pattern: 'Solid' } } }));
}

/** A test fake (TypeScript) as a script for the page: its exports, then `install` with them in scope. */
export function fakeScript(fakeFile: string, install: string): string {
  const source = readFileSync(path.join(ROOT, fakeFile), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 } }).outputText;
  return `(() => {
    const exports = {};
    ${js}
    ${install}
  })();`;
}

export interface OpenedPane {
  page: Page;
  foreignRequests: string[];
  consoleErrors: string[];
}

export interface PageOptions {
  /** A fake Office host installed before the bundle loads (none: the page sees no Office object). */
  initScript?: string;
  /** office.js answered with an empty script (the fake stands in), or refused as a blocking proxy would. */
  officeJs?: 'empty' | 'blocked';
  userAgent?: string;
  height?: number;
  /** Installs Playwright's fake clock before the page loads, so a test can move time forward. */
  fakeClock?: boolean;
  /** The page to open: the Office pane, or the WPS one (taskpane-wps.html, no office.js). */
  page?: string;
}

/** Opens taskpane.html: network beyond the pane's own origin is refused and recorded. */
export async function openPage(harness: PaneHarness, options: PageOptions = {}): Promise<OpenedPane> {
  const context = await harness.browser.newContext({ viewport: { width: 360, height: options.height ?? 700 }, locale: 'zh-CN', userAgent: options.userAgent });
  if (options.fakeClock) await context.clock.install();
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(harness.origin)) return route.continue();
    if (url === OFFICE_JS && options.officeJs !== 'blocked') return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    foreignRequests.push(url);
    return route.abort();
  });
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(`${harness.origin}/${options.page ?? 'taskpane.html'}`);
  return { page, foreignRequests, consoleErrors };
}

/** Opens the pane with the fake host installed before the bundle loads, and waits for `readyButton`. */
export async function openPane(harness: PaneHarness, initScript: string, readyButton: string, height: number, page?: string): Promise<OpenedPane> {
  const opened = await openPage(harness, { initScript, height, page });
  await opened.page.getByRole('button', { name: readyButton }).waitFor();
  return opened;
}

/** Serious or critical axe-core violations on the page, as "rule (nodes)". */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

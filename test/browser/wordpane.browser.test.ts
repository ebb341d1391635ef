import { existsSync, mkdirSync, readFileSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import ts from 'typescript';
import { MARK_COLOURS } from '../../src/word/marks';

/**
 * The built task pane (dist-web/, from `npm run build`) opened in Word: headless Debian Chromium with
 * a recording fake Office/Word host holding the seed report, whose text says 3 applications where its
 * own table says 2. Load the figures, proofread, select, clear, insert; screenshots in test-output/.
 */
const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist-web');
const OUTPUT = path.join(ROOT, 'test-output');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SEED = path.join(ROOT, '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');
const WORKBOOK = path.join(ROOT, 'assets', 'samples', '2017-legacy-seed.xlsx');

jest.setTimeout(90_000);

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };
const WRONG_SENTENCE = '2017年,本办共受理依申请公开3件,均通过网络申请。';

interface FakeLog {
  syncs: number;
  operations: { sync: number; kind: string; paragraph: number; detail?: unknown }[];
}
interface ParagraphView {
  text: string;
  styleBuiltIn: string;
  font: Record<string, unknown>;
  highlights: [string, string | null][];
  control: { tag: string; title: string } | null;
}

let server: http.Server;
let origin: string;
let browser: Browser;
let initScript: string;
let prose: string[];

function fakeHostScript(): string {
  const source = readFileSync(path.join(ROOT, 'test', 'word', 'fakeWord.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 } }).outputText;
  const lines = readFileSync(SEED, 'utf8').split('\n');
  prose = lines.filter((l) => l.trim() && !l.includes('|')).map((l) => l.replace('受理依申请公开2件', '受理依申请公开3件'));
  const table = lines.filter((l) => l.includes('|')).map((l) => l.split('|').slice(0, 3).map((c) => c.trim()));
  // The user's own yellow on one sentence of the wrong paragraph: it must survive marking and clearing.
  const mine = prose.findIndex((p) => p.includes(WRONG_SENTENCE));
  const own = prose[mine].indexOf('目前');
  const input = { paragraphs: prose, tables: [table], highlights: [{ paragraph: mine, start: own, end: own + 2, colour: '#FFFF00' }] };
  return `(() => {
    const exports = {};
    ${js}
    const fake = exports.createFakeWord(${JSON.stringify(input)}, { apiSets: { WordApi: '1.3' }, platform: 'OfficeOnline', cursor: ${prose.length - 1} });
    window.__fake = fake;
    window.Office = fake.office;
    window.Word = fake.word;
  })();`;
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist-web/ is missing: run `npm run build` before the browser test.');
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is missing: apt-get install -y chromium');
  mkdirSync(OUTPUT, { recursive: true });
  initScript = fakeHostScript();
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

async function openPane() {
  const context = await browser.newContext({ viewport: { width: 360, height: 1000 }, locale: 'zh-CN' });
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
  await page.getByRole('button', { name: '使用文档中的表格' }).waitFor();
  return { page, foreignRequests, consoleErrors };
}

type Fake = { log: FakeLog; paragraphs(): ParagraphView[]; selectionText(): string };
const fakeOf = (page: Page) => page.evaluate(() => {
  const fake = (window as unknown as { __fake: Fake }).__fake;
  return { log: fake.log, paragraphs: fake.paragraphs(), selection: fake.selectionText() };
});

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

test('in Word: load the report\'s own table, proofread, select the sentence, clear, insert the draft', async () => {
  const { page, foreignRequests, consoleErrors } = await openPane();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '使用文档中的表格' }).click();
  await page.getByText('已识别：2016—2018年旧格式统计表').waitFor();
  await expect(page.getByText('来自本文档中的表格').count()).resolves.toBe(1);

  await page.getByRole('button', { name: '校对全文' }).click();
  const finding = page.locator('li[data-fingerprint] button').first();
  await finding.waitFor();
  await expect(finding.textContent()).resolves.toContain('文中“受理依申请公开3件”与统计表不符');
  const wrong = prose.findIndex((p) => p.includes(WRONG_SENTENCE));
  let state = await fakeOf(page);
  // A figure contradicting the table is 核实 (formats.md §7), marked in the warning colour.
  expect(state.paragraphs[wrong].highlights).toContainEqual([WRONG_SENTENCE, MARK_COLOURS.warning]);
  expect(state.paragraphs[wrong].highlights).toContainEqual(['目前', '#FFFF00']);
  await page.screenshot({ path: path.join(OUTPUT, 'wordpane-proofread.png'), fullPage: true });

  await finding.click();
  await page.waitForFunction(() => (window as unknown as { __fake: Fake }).__fake.log.operations.some((op) => op.kind === 'select'));
  expect((await fakeOf(page)).selection).toBe(WRONG_SENTENCE);

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByRole('status').filter({ hasText: '已清除标记，恢复了 1 句的原有底色' }).waitFor();
  state = await fakeOf(page);
  expect(state.paragraphs[wrong].highlights.filter(([, colour]) => colour !== null)).toEqual([['目前', '#FFFF00']]);

  await page.getByRole('button', { name: '插入到光标处' }).click();
  await page.getByRole('status').filter({ hasText: '插入了 7 部分' }).waitFor();
  state = await fakeOf(page);
  const inserted = state.paragraphs.filter((p) => p.control?.tag.startsWith('nianbao-narrative:'));
  expect(inserted[0]).toMatchObject({ styleBuiltIn: 'Title', font: { name: '方正小标宋简体', size: 22 } });
  expect(inserted.find((p) => p.text === '二、依申请公开政府信息情况')).toMatchObject({ styleBuiltIn: 'Heading1', font: { name: '黑体' } });
  // The draft says what the table says (2), while the user's text above still says 3.
  expect(inserted.some((p) => p.text.includes('本机关共受理依申请公开2件'))).toBe(true);
  await page.screenshot({ path: path.join(OUTPUT, 'wordpane-inserted.png'), fullPage: true });

  await page.getByRole('button', { name: '插入到光标处' }).click();
  await page.getByRole('status').filter({ hasText: '替换了上次插入的 7 部分' }).waitFor();
  const again = (await fakeOf(page)).paragraphs.filter((p) => p.control?.tag.startsWith('nianbao-narrative:'));
  expect(again.map((p) => p.text)).toEqual(inserted.map((p) => p.text));

  expect(await seriousViolations(page)).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('in Word: a statistics workbook picked from disk is read in the browser', async () => {
  const { page, consoleErrors } = await openPane();
  await page.setInputFiles('input[type=file]', WORKBOOK);
  await page.getByText('已识别：2016—2018年旧格式统计表').waitFor({ timeout: 30_000 });
  await expect(page.getByText('来自工作簿“2017-legacy-seed.xlsx”').count()).resolves.toBe(1);
  // The workbook's one real inconsistency (its channels add up to less than its total) is pointed out.
  await page.getByText('统计表本身有 1 个强制性问题').waitFor();
  await page.getByRole('button', { name: '校对全文' }).click();
  await page.locator('li[data-fingerprint] button').first().waitFor();
  expect(consoleErrors).toEqual([]);
});

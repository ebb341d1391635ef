import { readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { TEXT_HIGHLIGHTS as MARK_COLOURS } from '../../src/core/severity';
import { fakeScript, openPane, OUTPUT, ROOT, seriousViolations, startPaneHarness, type PaneHarness } from '../support/pane';

/**
 * The built task pane (dist-web/, from `npm run build`) opened in Word: headless Debian Chromium with
 * a recording fake Office/Word host holding the seed report, whose text says 3 applications where its
 * own table says 2. Load the figures, proofread, select, clear, insert; screenshots in test-output/.
 */
const SEED = path.join(ROOT, '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');
const WORKBOOK = path.join(ROOT, 'assets', 'samples', '2017-legacy-seed.xlsx');
const WORKBOOK_2021 = path.join(ROOT, 'assets', 'samples', '2023-national-one-sheet.xlsx');

jest.setTimeout(90_000);

const WRONG_SENTENCE = '2017年,本办共受理依申请公开3件,均通过网络申请。';

interface FakeLog {
  syncs: number;
  operations: { sync: number; kind: string; paragraph: number; detail?: unknown }[];
}
interface ParagraphView {
  text: string;
  styleBuiltIn: string;
  font: Record<string, unknown>;
  format: Record<string, unknown>;
  highlights: [string, string | null][];
  control: { tag: string; title: string } | null;
}

let harness: PaneHarness;
let initScript: string;
let prose: string[];

function fakeHostScript(): string {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  prose = lines.filter((l) => l.trim() && !l.includes('|')).map((l) => l.replace('受理依申请公开2件', '受理依申请公开3件'));
  const table = lines.filter((l) => l.includes('|')).map((l) => l.split('|').slice(0, 3).map((c) => c.trim()));
  // The user's own yellow on one sentence of the wrong paragraph: it must survive marking and clearing.
  const mine = prose.findIndex((p) => p.includes(WRONG_SENTENCE));
  const own = prose[mine].indexOf('目前');
  const input = { paragraphs: prose, tables: [table], highlights: [{ paragraph: mine, start: own, end: own + 2, colour: '#FFFF00' }] };
  return fakeScript(
    'test/word/fakeWord.ts',
    `const fake = exports.createFakeWord(${JSON.stringify(input)}, { apiSets: { WordApi: '1.3' }, platform: 'OfficeOnline', cursor: ${prose.length - 1} });
    window.__fake = fake;
    window.Office = fake.office;
    window.Word = fake.word;`,
  );
}

beforeAll(async () => {
  initScript = fakeHostScript();
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

const openWordPane = () => openPane(harness, initScript, '使用文档中的表格', 1000);

interface TableView {
  xml: string;
  control: string | null;
  cells: string[];
}
type Fake = { log: FakeLog; paragraphs(): ParagraphView[]; selectionText(): string; tables(): TableView[] };
const fakeOf = (page: Page) => page.evaluate(() => {
  const fake = (window as unknown as { __fake: Fake }).__fake;
  return { log: fake.log, paragraphs: fake.paragraphs(), selection: fake.selectionText(), tables: fake.tables() };
});

test('in Word: load the report\'s own table, proofread, select the sentence, clear, insert the draft', async () => {
  const { page, foreignRequests, consoleErrors } = await openWordPane();
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
  // A figure contradicting the table is 核实 (docs/formats.md §6), marked in the warning colour.
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

  // The whole report: the seven parts of the narrative, and the legacy 统计表 after them.
  await page.getByRole('button', { name: '插入到光标处' }).click();
  await page.getByRole('status').filter({ hasText: '插入了 8 部分' }).waitFor();
  state = await fakeOf(page);
  const inserted = state.paragraphs.filter((p) => p.control?.tag.startsWith('nianbao-narrative:'));
  expect(inserted[0]).toMatchObject({ styleBuiltIn: 'Title', font: { name: '方正小标宋简体', nameFarEast: '方正小标宋简体', size: 22 } });
  expect(inserted.find((p) => p.text === '二、依申请公开政府信息情况')).toMatchObject({ styleBuiltIn: 'Heading1', font: { name: '黑体', nameFarEast: '黑体' } });
  // Word on the web: 固定值 28 磅 for the body, the East-Asian font set (no WordApiDesktop there).
  expect(inserted.find((p) => p.styleBuiltIn === 'Normal' && p.text.length > 20)).toMatchObject({ font: { nameFarEast: '仿宋' }, format: { lineSpacing: { rule: 'exact', points: 28 } } });
  // The draft says what the table says (2), while the user's text above still says 3.
  expect(inserted.some((p) => p.text.includes('本机关共受理依申请公开2件'))).toBe(true);
  await page.screenshot({ path: path.join(OUTPUT, 'wordpane-inserted.png'), fullPage: true });

  await page.getByRole('button', { name: '插入到光标处' }).click();
  await page.getByRole('status').filter({ hasText: '替换了上次插入的 8 部分' }).waitFor();
  const again = (await fakeOf(page)).paragraphs.filter((p) => p.control?.tag.startsWith('nianbao-narrative:'));
  expect(again.map((p) => p.text)).toEqual(inserted.map((p) => p.text));

  expect(await seriousViolations(page)).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('in Word: a statistics workbook picked from disk is read in the browser', async () => {
  const { page, consoleErrors } = await openWordPane();
  await page.setInputFiles('input[type=file]', WORKBOOK);
  await page.getByText('已识别：2016—2018年旧格式统计表').waitFor({ timeout: 30_000 });
  await expect(page.getByText('来自工作簿“2017-legacy-seed.xlsx”').count()).resolves.toBe(1);
  // The workbook's one real inconsistency (its channels add up to less than its total) is pointed out.
  await page.getByText('统计表本身有 1 个强制性问题').waitFor();
  await page.getByRole('button', { name: '校对全文' }).click();
  await page.locator('li[data-fingerprint] button').first().waitFor();
  expect(consoleErrors).toEqual([]);
});

test('in Word: the 2021 tables inserted with the report, each in its own control, and one alone replaced in place', async () => {
  const { page, consoleErrors, foreignRequests } = await openWordPane();
  await page.setInputFiles('input[type=file]', WORKBOOK_2021);
  await page.getByText('已识别：2021年').waitFor({ timeout: 30_000 });

  await page.getByRole('button', { name: '插入到光标处' }).click();
  await page.getByRole('status').filter({ hasText: '插入了 10 部分' }).waitFor();
  let state = await fakeOf(page);
  expect(state.tables.map((t) => t.control)).toEqual(['nianbao-table:t2', 'nianbao-table:t3', 'nianbao-table:t4']);
  const t3 = state.tables[1].xml;
  // 表三's merged header and row labels: cells spanning columns, and merged down.
  expect((t3.match(/<w:gridSpan /g) ?? []).length).toBeGreaterThan(5);
  expect((t3.match(/<w:vMerge\/>/g) ?? []).length).toBeGreaterThan(5);
  expect(state.tables[1].cells).toContain('申请人情况');
  const texts = state.paragraphs.map((p) => p.text);
  expect(texts.indexOf('表三 收到和处理政府信息公开申请情况')).toBe(texts.indexOf('三、收到和处理政府信息公开申请情况') + 1);
  expect(texts.some((t) => t.includes('〔待插入'))).toBe(false);
  const syncs = state.log.syncs;

  await page.getByRole('combobox', { name: '插入内容' }).selectOption({ label: '仅表格：表三 收到和处理政府信息公开申请情况' });
  await page.getByRole('button', { name: '插入到光标处' }).click();
  await page.getByRole('status').filter({ hasText: '替换了上次插入的 1 部分' }).waitFor();
  state = await fakeOf(page);
  expect(state.tables.map((t) => t.control)).toEqual(['nianbao-table:t2', 'nianbao-table:t3', 'nianbao-table:t4']);
  expect(state.paragraphs.filter((p) => p.text === '表三 收到和处理政府信息公开申请情况')).toHaveLength(1);
  expect(state.log.syncs - syncs).toBe(2);
  await page.screenshot({ path: path.join(OUTPUT, 'wordpane-tables.png'), fullPage: true });

  expect(await seriousViolations(page)).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

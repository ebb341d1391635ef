import path from 'path';
import type { Page } from 'playwright-core';
import { fakeScript, legacySampleSheets, openPane, OUTPUT, seriousViolations, startPaneHarness, type PaneHarness } from '../support/pane';

/**
 * The built task pane (dist-web/, from `npm run build`) in headless Debian Chromium, with a recording
 * fake Office/Excel host holding the legacy sample workbook. The page keeps its Content-Security-Policy.
 */
jest.setTimeout(60_000);

interface FakeLog {
  syncs: number;
  operations: { sync: number; kind: string; sheet: string; address: string; value?: unknown }[];
}

let harness: PaneHarness;
let initScript: string;

/** The fake from test/excel/fakeExcel.ts, holding the legacy sample, installed as window.Office / window.Excel. */
async function fakeHostScript(): Promise<string> {
  const sheets = await legacySampleSheets();
  return fakeScript(
    'test/excel/fakeExcel.ts',
    `const fake = exports.createFakeExcel(${JSON.stringify({ sheets })}, { apiSets: { ExcelApi: '1.13' }, platform: 'OfficeOnline' });
    window.__fake = fake;
    window.Office = fake.office;
    window.Excel = fake.excel;`,
  );
}

beforeAll(async () => {
  initScript = await fakeHostScript();
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

const openExcelPane = () => openPane(harness, initScript, '校验', 900);

const fakeLog = (page: Page) => page.evaluate(() => (window as unknown as { __fake: { log: FakeLog } }).__fake.log);
const fakeFill = (page: Page, address: string) =>
  page.evaluate((a) => (window as unknown as { __fake: { fillAt(s: string, a: string): { color: string; pattern: string } } }).__fake.fillAt('统计表', a), address);

test('校验 lists the finding, marks its cells (fill read, one write), and clicking it selects them', async () => {
  const { page, foreignRequests, consoleErrors } = await openExcelPane();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '校验' }).click();
  const finding = page.locator('li[data-fingerprint] button').first();
  await finding.waitFor();
  await expect(finding.textContent()).resolves.toContain('之和');
  await expect(page.getByRole('heading', { name: /统计表/ }).first().textContent()).resolves.toContain('强制 1');

  const afterValidate = await fakeLog(page);
  // The sheet list and the sheets' content; the fill read and the write.
  expect(afterValidate.syncs).toBe(4);
  const fills = afterValidate.operations.filter((op) => op.kind === 'fill');
  expect(fills.length).toBeGreaterThan(1);
  expect(fills.every((op) => op.sync === 4)).toBe(true);
  expect((await fakeFill(page, 'D6')).color).toBe('#FFC7CE');

  await finding.click();
  await page.waitForFunction(() => (window as unknown as { __fake: { log: FakeLog } }).__fake.log.operations.some((op) => op.kind === 'select'));
  const afterClick = await fakeLog(page);
  const select = afterClick.operations.find((op) => op.kind === 'select')!;
  expect(afterClick.operations.filter((op) => op.kind === 'activate').map((op) => op.sheet)).toEqual(['统计表']);
  expect(select.address.split(',').sort()).toEqual(fills.map((op) => op.address).sort());
  expect(afterClick.syncs).toBe(5);

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
  const { page } = await openExcelPane();
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

import { readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { loadWorkbook, workbookToGrid } from '../../src/io/xlsx';
import { fakeScript, openPane, OUTPUT, ROOT, seriousViolations, startPaneHarness, type PaneHarness } from '../support/pane';

/**
 * 插入空白统计表 in the built Excel pane (headless Chromium, the recording fake Excel holding the legacy
 * sample on a sheet named 统计表): the blank 2021 table goes on a new sheet, 统计表 (2), in two syncs, and
 * the user's sheet is not touched.
 */
jest.setTimeout(60_000);

interface FakeLog {
  syncs: number;
  operations: { sync: number; kind: string; sheet: string; address: string; value?: unknown }[];
}
interface FakeWindow {
  __fake: {
    log: FakeLog;
    sheetNames(): string[];
    cellAt(sheet: string, address: string): { value: unknown; formula?: string } | undefined;
  };
}

let harness: PaneHarness;
let initScript: string;

beforeAll(async () => {
  const file = '2017-legacy-seed.xlsx';
  const grid = workbookToGrid(await loadWorkbook(readFileSync(path.join(ROOT, 'assets', 'samples', file)), file));
  initScript = fakeScript(
    'test/excel/fakeExcel.ts',
    `const fake = exports.createFakeExcel(${JSON.stringify({ sheets: grid.sheets })}, { apiSets: { ExcelApi: '1.13' }, platform: 'OfficeOnline' });
    window.__fake = fake;
    window.Office = fake.office;
    window.Excel = fake.excel;`,
  );
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

const fakeLog = (page: Page) => page.evaluate(() => (window as unknown as FakeWindow).__fake.log);
const sheetNames = (page: Page) => page.evaluate(() => (window as unknown as FakeWindow).__fake.sheetNames());
const cellAt = (page: Page, address: string) => page.evaluate((a) => (window as unknown as FakeWindow).__fake.cellAt('统计表 (2)', a), address);

test('插入空白统计表 adds the blank table on a new sheet, with formulas when asked, leaving the user’s sheet alone', async () => {
  const { page, foreignRequests, consoleErrors } = await openPane(harness, initScript, '插入空白统计表', 900);
  await page.getByRole('button', { name: '插入空白统计表' }).click();
  await page.getByRole('heading', { name: '插入空白统计表' }).waitFor();
  expect(await page.getByRole('radio', { name: /2021年国家格式/ }).isChecked()).toBe(true);
  await page.getByRole('checkbox', { name: /求和公式/ }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(OUTPUT, 'taskpane-template.png'), fullPage: true });

  const before = (await fakeLog(page)).syncs;
  await page.getByRole('button', { name: '插入', exact: true }).click();
  await page.getByText('已在新工作表“统计表 (2)”中插入空白统计表').waitFor();

  expect(await sheetNames(page)).toEqual(['统计表', '统计表 (2)']);
  const log = await fakeLog(page);
  expect(log.syncs - before).toBe(2);
  const touched = [...new Set(log.operations.map((op) => op.sheet))];
  expect(touched).toEqual(['统计表 (2)']);
  // The 2021 layout: 表二's title in A1, its first clause below; a 表三 row total with its SUM formula.
  expect((await cellAt(page, 'A1'))?.value).toBe('表二 主动公开政府信息情况');
  expect((await cellAt(page, 'A2'))?.value).toBe('第二十条第（一）项');
  expect((await cellAt(page, 'J21'))?.formula).toBe('=SUM(D21,E21,F21,G21,H21,I21)');

  await page.screenshot({ path: path.join(OUTPUT, 'taskpane-template-inserted.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

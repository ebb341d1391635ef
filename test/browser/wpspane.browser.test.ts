import path from 'path';
import type { Page } from 'playwright-core';
import { fakeScript, legacySampleSheets, openPage, openPane, OUTPUT, seriousViolations, startPaneHarness, type PaneHarness } from '../support/pane';

/**
 * The built pane as WPS 表格 opens it (dist-web/taskpane-wps.html, the page `npm run build:wps` puts in the
 * add-in folder) in headless Debian Chromium, with the recording fake of WPS's object model
 * (test/wps/fakeEt.ts) as `window.Application`, holding the legacy sample workbook. No office.js is asked
 * for; nothing leaves the page's origin.
 */
jest.setTimeout(60_000);

interface FakeLog {
  reads: { what: string; sheet: string; address: string }[];
  operations: { kind: string; sheet: string; address: string; value?: unknown }[];
}

let harness: PaneHarness;
let initScript: string;

async function fakeWpsScript(): Promise<string> {
  const sheets = await legacySampleSheets();
  return fakeScript(
    'test/wps/fakeEt.ts',
    `const fake = exports.createFakeEt(${JSON.stringify({ sheets })});
    window.__fake = fake;
    window.Application = fake.application;`,
  );
}

beforeAll(async () => {
  initScript = await fakeWpsScript();
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

const fakeLog = (page: Page) => page.evaluate(() => (window as unknown as { __fake: { log: FakeLog } }).__fake.log);
const fakeFill = (page: Page, address: string) =>
  page.evaluate((a) => (window as unknown as { __fake: { fillAt(s: string, a: string): { color: string; pattern: string } } }).__fake.fillAt('统计表', a), address);

test('in WPS 表格: 校验 marks the finding’s cells, clicking it selects them, 清除标记 restores the fills', async () => {
  const { page, foreignRequests, consoleErrors } = await openPane(harness, initScript, '校验', 900, 'taskpane-wps.html');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '校验' }).click();
  const finding = page.locator('li[data-fingerprint] button').first();
  await finding.waitFor();
  await expect(finding.textContent()).resolves.toContain('之和');
  await expect(page.getByRole('heading', { name: /统计表/ }).first().textContent()).resolves.toContain('强制 1');

  const afterValidate = await fakeLog(page);
  // The used range in one Value2 and one Formula read; the marks painted through Interior.
  expect(afterValidate.reads.filter((r) => r.what === 'Value2')).toHaveLength(1);
  expect(afterValidate.reads.filter((r) => r.what === 'Formula')).toHaveLength(1);
  const painted = afterValidate.operations.filter((op) => op.kind === 'fill' && op.value === 0xcec7ff).flatMap((op) => op.address.split(','));
  expect(painted.length).toBeGreaterThan(1);
  expect(await fakeFill(page, 'D6')).toMatchObject({ color: '#FFC7CE', pattern: 'Solid' });

  await finding.click();
  await page.waitForFunction(() => (window as unknown as { __fake: { log: FakeLog } }).__fake.log.operations.some((op) => op.kind === 'select'));
  const afterClick = await fakeLog(page);
  const select = afterClick.operations.find((op) => op.kind === 'select')!;
  expect(afterClick.operations.filter((op) => op.kind === 'activate').map((op) => op.sheet)).toEqual(['统计表']);
  expect(select.address.split(',').sort()).toEqual([...painted].sort());

  await page.screenshot({ path: path.join(OUTPUT, 'wps-taskpane-findings.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByRole('status').filter({ hasText: `已清除标记，恢复了 ${painted.length} 个单元格` }).waitFor();
  expect(await fakeFill(page, 'D6')).toMatchObject({ color: '#92D050', pattern: 'Solid' });
  const other = painted.find((a) => a !== 'D6')!;
  expect((await fakeFill(page, other)).pattern).toBe('None');

  // The acknowledgements, facts and fills the pane keeps are in the workbook's own custom properties.
  const properties = await page.evaluate(() => (window as unknown as { __fake: { properties(): { name: string }[] } }).__fake.properties());
  expect(properties.every((p) => p.name.startsWith('nianbao.'))).toBe(true);

  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('in WPS 表格, 生成文字 offers copying and says why there is no download', async () => {
  const { page } = await openPane(harness, initScript, '生成文字', 900, 'taskpane-wps.html');
  await page.getByRole('button', { name: '生成文字' }).click();
  await page.getByText('在 WPS 中，年报助手窗口不提供下载').waitFor();
  expect(await page.getByRole('button', { name: '下载 .docx' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: '复制文字' }).count()).toBe(1);
});

test('in WPS 表格 with no workbook open: says what to open', async () => {
  const empty = fakeScript('test/wps/fakeEt.ts', 'const fake = exports.createFakeEt({ sheets: [] }); fake.closeWorkbook(); window.Application = fake.application;');
  const { page, foreignRequests } = await openPage(harness, { initScript: empty, page: 'taskpane-wps.html' });
  await page.getByText('请先在 WPS 表格中打开统计表所在的工作簿').waitFor();
  expect(foreignRequests).toEqual([]);
  await page.screenshot({ path: path.join(OUTPUT, 'wps-taskpane-nothing-open.png'), fullPage: true });
});

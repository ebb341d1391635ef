import { readFileSync } from 'fs';
import path from 'path';
import { loadWorkbook, workbookToGrid } from '../../src/io/xlsx';
import { MAC_WEBVIEW_DOWNLOADS } from '../support/macWebview';
import { fakeScript, openPane, OUTPUT, ROOT, startPaneHarness, type PaneHarness } from '../support/pane';

/**
 * 生成文字 in the built pane: the .docx download on Windows and the web, and on a Mac, where a download
 * link does nothing (office-js #2700), the way that works there instead: insertion from the Word pane.
 */
jest.setTimeout(90_000);

let harness: PaneHarness;
let sheets: unknown;

beforeAll(async () => {
  const file = '2017-legacy-seed.xlsx';
  sheets = workbookToGrid(await loadWorkbook(readFileSync(path.join(ROOT, 'assets', 'samples', file)), file)).sheets;
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function draftIn(platform: 'PC' | 'Mac') {
  const init = `${MAC_WEBVIEW_DOWNLOADS}\n${fakeScript(
    'test/excel/fakeExcel.ts',
    `const fake = exports.createFakeExcel(${JSON.stringify({ sheets })}, { platform: '${platform}' });
    window.Office = fake.office;
    window.Excel = fake.excel;`,
  )}`;
  const opened = await openPane(harness, init, '生成文字', 900);
  await opened.page.getByRole('button', { name: '生成文字' }).click();
  await opened.page.getByRole('heading', { name: '文字稿（草稿）' }).waitFor();
  return opened;
}

test('Windows and the web: 下载 .docx saves the draft', async () => {
  const { page, consoleErrors } = await draftIn('PC');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .docx' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^政府信息公开工作年度报告.*草稿\.docx$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(consoleErrors).toEqual([]);
});

test('Mac: no download button that would do nothing; the pane says how to get the draft into Word', async () => {
  const { page } = await draftIn('Mac');
  expect(await page.getByRole('button', { name: '下载 .docx' }).count()).toBe(0);
  const advice = page.getByText('Mac 版 Office 的加载项窗口不能下载文件');
  await advice.waitFor();
  expect(await advice.textContent()).toContain('插入到光标处');
  await page.screenshot({ path: path.join(OUTPUT, 'taskpane-narrative-mac.png'), fullPage: true });
  expect(await page.evaluate(() => (window as unknown as { __droppedDownloads: string[] }).__droppedDownloads)).toEqual([]);
});

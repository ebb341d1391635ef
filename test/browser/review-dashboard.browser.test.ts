import { existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { OUTPUT, seriousViolations } from '../support/pane';
import { dashboardFolder, HOSTILE_BODY } from '../support/review-folder';
import { runCli } from '../support/run-cli';

/**
 * The review's dashboard in headless Chromium, opened from disk (file://) as from a USB stick: it loads
 * with no console error and no request beyond its own file, no report's text runs as script, search by
 * body name and the status, level and region filters narrow the table, a column header sorts it, and a body's
 * link shows that report's findings. Screenshot: test-output/review-dashboard.png.
 */
jest.setTimeout(60_000);

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;
let page: Page;
let fileUrl: string;
const requests: string[] = [];
const consoleErrors: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is missing: apt-get install -y chromium');
  mkdirSync(OUTPUT, { recursive: true });
  const folder = await dashboardFolder();
  const out = path.join(folder.dir, '审核汇总.html');
  await runCli('review', folder.reports, '--roster', folder.roster, '--html', out);
  fileUrl = pathToFileURL(out).href;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(fileUrl);
});

afterAll(async () => {
  await browser?.close();
});

const visibleBodies = () => page.locator('#report-table tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-body')!));
const allBodies = () => page.locator('#report-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-body')!));

test('loads from file:// with no console error, no request beyond itself, and no report text run as script', async () => {
  await page.locator('#report-table').waitFor();
  expect(await page.locator('#report-table tbody tr').count()).toBe(7);
  // The hostile body name is shown as text.
  await expect(page.getByRole('link', { name: HOSTILE_BODY.replace(/"/g, '') }).count()).resolves.toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(OUTPUT, 'review-dashboard.png'), fullPage: true });
  expect(dialogs).toEqual([]);
  expect(requests).toEqual([fileUrl]);
  expect(consoleErrors).toEqual([]);
});

test('search by body name and the filters narrow the table', async () => {
  const total = (await allBodies()).length;
  await page.getByLabel('按单位名称搜索').fill('水利');
  expect(await visibleBodies()).toEqual(['某县水利局']);
  expect(await page.locator('#shown').textContent()).toBe('1');
  await page.getByLabel('按单位名称搜索').fill('');
  expect(await visibleBodies()).toHaveLength(total);

  await page.getByLabel('状态', { exact: true }).selectOption({ label: '有强制问题' });
  const errors = await visibleBodies();
  expect(errors.sort()).toEqual(['某县交通局', HOSTILE_BODY.replace(/"/g, '')].sort());
  await page.getByLabel('按单位名称搜索').fill('交通');
  expect(await visibleBodies()).toEqual(['某县交通局']);
  await page.getByLabel('按单位名称搜索').fill('');
  await page.getByLabel('状态', { exact: true }).selectOption({ label: '全部' });

  await page.getByLabel('层级', { exact: true }).selectOption({ label: '乡镇（街道）' });
  expect(await visibleBodies()).toEqual(['乙县某镇人民政府']);
  await page.getByLabel('层级', { exact: true }).selectOption({ label: '全部' });
  expect(await visibleBodies()).toHaveLength(total);

  await page.getByLabel('区域', { exact: true }).selectOption({ label: '乙县' });
  expect(await visibleBodies()).toEqual(['乙县某镇人民政府']);
  await page.getByLabel('区域', { exact: true }).selectOption({ label: '某县' });
  expect((await visibleBodies()).sort()).toEqual(['某县交通局', '某县水利局', '某县财政局', HOSTILE_BODY.replace(/"/g, '')].sort());
  await page.getByLabel('区域', { exact: true }).selectOption({ label: '全部' });
  expect(await visibleBodies()).toHaveLength(total);
  expect(consoleErrors).toEqual([]);
});

test('a column header sorts the table, both ways', async () => {
  const errorCounts = () => page.locator('#report-table tbody tr td:nth-child(7)').allTextContents();
  await page.locator('button[data-column="error"]').click();
  const ascending = (await errorCounts()).map(Number);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  expect(ascending[0]).toBeLessThan(ascending[ascending.length - 1]);
  await page.locator('button[data-column="error"]').click();
  const descending = (await errorCounts()).map(Number);
  expect(descending).toEqual([...ascending].sort((a, b) => b - a));

  await page.locator('button[data-column="body"]').click();
  const bodies = await allBodies();
  expect(bodies).toEqual([...bodies].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  expect(consoleErrors).toEqual([]);
});

test('a body’s link shows that report’s findings', async () => {
  const section = page.locator('section.report', { has: page.getByRole('heading', { name: /某县交通局/ }) });
  expect(await section.isVisible()).toBe(false);
  await page.getByRole('link', { name: '某县交通局' }).click();
  expect(await section.isVisible()).toBe(true);
  await expect(section.locator('table.findings tbody tr').count()).resolves.toBe(2);
  expect(await section.textContent()).toContain('t3.balance');
  await page.screenshot({ path: path.join(OUTPUT, 'review-dashboard-findings.png') });
  // Only the report clicked is shown on screen.
  expect(await page.locator('section.report:visible').count()).toBe(1);
  expect(requests).toEqual([fileUrl]);
  expect(consoleErrors).toEqual([]);
});

test('prints every report’s findings, without the controls', async () => {
  await page.emulateMedia({ media: 'print' });
  try {
    expect(await page.locator('section.report:visible').count()).toBe(await page.locator('section.report').count());
    expect(await page.locator('#search').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  expect(consoleErrors).toEqual([]);
});

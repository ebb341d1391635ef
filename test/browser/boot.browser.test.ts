import path from 'path';
import { legacySheet } from '../support/layouts';
import { fakeScript, openPage, OUTPUT, seriousViolations, startPaneHarness, type PaneHarness } from '../support/pane';

/**
 * The built pane where real Office would fail before it starts: office.js blocked by a proxy, office.js
 * that never starts, and Internet Explorer 11 (volume-licensed Office 2016/2019). Each says in Chinese
 * what is needed instead of the loading text forever. Screenshots in test-output/.
 */
jest.setTimeout(60_000);

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';

test('office.js blocked by the network: says so, and what to ask IT for', async () => {
  const { page, foreignRequests } = await openPage(harness, { officeJs: 'blocked' });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  expect(text).toContain('年报助手无法连接 Office');
  expect(text).toContain('没有能从 Microsoft 下载 Office 加载项运行库');
  expect(text).toContain('允许访问 https://appsforoffice.microsoft.com');
  expect(text).toContain('受信任的根证书颁发机构');
  expect(text).toContain('nianbao check');
  expect(foreignRequests).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(OUTPUT, 'taskpane-officejs-missing.png'), fullPage: true });
});

test('office.js that arrives without the Office object (a proxy’s block page): named as not loaded', async () => {
  const { page } = await openPage(harness, { officeJs: 'empty' });
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('没有正常加载');
});

test('office.js that never starts: after 20 seconds says so, and the pane still opens when Office is ready', async () => {
  const neverReady = fakeScript(
    'test/excel/fakeExcel.ts',
    `const fake = exports.createFakeExcel({ sheets: [{ name: '统计表', rows: [[{ value: '统计指标' }]] }] });
    let release;
    const ready = new Promise((resolve) => (release = resolve));
    window.__release = () => release({ host: 'Excel', platform: 'PC' });
    window.Office = { ...fake.office, onReady: (callback) => ready.then(callback) };
    window.Excel = fake.excel;`,
  );
  const { page } = await openPage(harness, { initScript: neverReady, officeJs: 'empty', fakeClock: true });
  await page.clock.runFor(19_000);
  expect(await page.getByRole('alert').count()).toBe(0);
  await page.clock.runFor(2_000);
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('20 秒内没有完成启动');
  await page.evaluate(() => (window as unknown as { __release(): void }).__release());
  await page.getByRole('button', { name: '校验' }).waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
});

test('EdgeHTML’s missing built-ins: the pane loads its shims first, and only there, and then works', async () => {
  // What EdgeHTML 18 lacks of what the pane uses, taken away before anything loads (Symbol.asyncIterator cannot be).
  const edgeHtml = `(() => {
    for (const name of ['flat', 'flatMap', 'findLast', 'findLastIndex']) delete Array.prototype[name];
    for (const name of ['trimStart', 'trimEnd', 'matchAll']) delete String.prototype[name];
    delete Object.fromEntries; delete Promise.allSettled;
    for (const name of ['queueMicrotask', 'WeakRef', 'ResizeObserver', 'TextEncoder', 'TextDecoder', 'globalThis']) delete window[name];
  })();`;
  const legacy = fakeScript(
    'test/excel/fakeExcel.ts',
    `const fake = exports.createFakeExcel(${JSON.stringify({ sheets: [legacySheet('统计表')] })}, { platform: 'OfficeOnline' });
    window.Office = fake.office;
    window.Excel = fake.excel;`,
  );
  const requested = async (initScript: string) => {
    const opened = await openPage(harness, { initScript, officeJs: 'empty', height: 900 });
    const scripts: string[] = [];
    opened.page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
    await opened.page.getByRole('button', { name: '校验' }).click();
    await opened.page.locator('li[data-fingerprint] button').first().waitFor();
    return { ...opened, shims: await opened.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/shims\./.test(n)).length) };
  };
  const old = await requested(`${edgeHtml}\n${legacy}`);
  expect(old.shims).toBe(1);
  expect(old.consoleErrors).toEqual([]);
  expect(await old.page.evaluate(() => typeof (Array.prototype as unknown as { flatMap: unknown }).flatMap)).toBe('function');
  const current = await requested(legacy);
  expect(current.shims).toBe(0);
});

test('Internet Explorer 11: the guard says what is needed, and the pane does not start', async () => {
  const { page } = await openPage(harness, { officeJs: 'empty', userAgent: IE11 });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  expect(text).toContain('年报助手无法在此版本的 Office 中运行');
  expect(text).toContain('Internet Explorer 11');
  expect(text).toContain('Microsoft 365');
  expect(text).toContain('WebView2');
  expect(text).toContain('nianbao check');
  expect(await page.getAttribute('html', 'data-nianbao-unsupported')).toBe('trident');
  expect(await page.getByRole('button').count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(OUTPUT, 'taskpane-ie11-guard.png'), fullPage: true });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { SaxesParser } from 'saxes';
import vm from 'vm';

/**
 * The WPS add-in folder `npm run build:wps` writes (scripts/build-wps.js), from the built pane
 * (dist-web/, `npm run build`): the XML WPS reads parses, every file the entry and the pane name is in
 * the folder, nothing is fetched from the network, the pane's scripts are the Office pane's own, and the
 * ribbon's button opens the pane through Application.CreateTaskPane.
 */
const ROOT = path.join(__dirname, '..', '..');
const WEB = path.join(ROOT, 'dist-web');
if (!existsSync(path.join(WEB, 'taskpane-wps.html'))) throw new Error('dist-web/ is missing: run `npm run build` before this test.');
// A CommonJS script of the build.
const { buildWps } = require('../../scripts/build-wps') as { buildWps(options: { out: string; baseUrl?: string }): { out: string; folder: string } };

const out = mkdtempSync(path.join(os.tmpdir(), 'nianbao-wps-'));
const { folder } = buildWps({ out, baseUrl: '' });
const addin = path.join(out, folder);
const read = (file: string) => readFileSync(path.join(addin, file), 'utf8');
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Element {
  name: string;
  attributes: Record<string, string>;
}

/** Every element of an XML text; throws where the text is not well-formed. */
function elements(xml: string): Element[] {
  const parser = new SaxesParser();
  const found: Element[] = [];
  parser.on('opentag', (tag) => found.push({ name: tag.name, attributes: tag.attributes as Record<string, string> }));
  parser.write(xml).close();
  return found;
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)).map((g) => `${f}/${g}`) : [f]));

test('publish.xml registers the folder for WPS 表格 and WPS 文字, by a name relative to jsaddons', () => {
  const plugins = elements(readFileSync(path.join(out, 'publish.xml'), 'utf8')).filter((e) => e.name === 'jsplugin');
  expect(plugins.map((p) => p.attributes.type).sort()).toEqual(['et', 'wps']);
  expect(plugins.every((p) => p.attributes.url === folder && p.attributes.name === 'nianbao')).toBe(true);
  expect(folder).toMatch(/^nianbao_\d+\.\d+\.\d+$/);
  expect(existsSync(path.join(out, 'jsplugins.xml'))).toBe(false);
});

test('ribbon.xml parses and its 年报助手 button names callbacks that main.js defines, and an icon in the folder', () => {
  const ribbon = elements(read('ribbon.xml'));
  expect(ribbon[0]).toMatchObject({ name: 'customUI', attributes: { onLoad: 'OnAddinLoad' } });
  const button = ribbon.find((e) => e.name === 'button')!;
  expect(button.attributes).toMatchObject({ label: '年报助手', onAction: 'OnAction', getImage: 'GetImage' });
  const window: Record<string, (...args: unknown[]) => unknown> = {};
  vm.runInNewContext(read('main.js'), { window, document: { location: { href: 'file:///x/' } } });
  for (const callback of ['OnAddinLoad', 'OnAction', 'GetImage']) expect(typeof window[callback]).toBe('function');
  expect(existsSync(path.join(addin, String(window.GetImage({ Id: 'nianbaoOpenPane' }))))).toBe(true);
});

test('the button opens the pane from this folder through Application.CreateTaskPane, docked right, and hides it again', () => {
  const created: { url: string; pane: { ID: number; Visible: boolean; DockPosition: number } }[] = [];
  const storage = new Map<string, unknown>();
  const Application = {
    ActiveWorkbook: { FullName: 'D:\\年报\\统计表.xlsx' },
    PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
    CreateTaskPane(url: string) {
      const pane = { ID: created.length + 1, Visible: false, DockPosition: 0 };
      created.push({ url, pane });
      return pane;
    },
    GetTaskPane: (id: number) => created.find((c) => c.pane.ID === id)?.pane ?? null,
  };
  const window: Record<string, unknown> = { Application };
  const href = `file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/${folder}/index.html`;
  vm.runInNewContext(read('main.js'), { window, document: { location: { href } } });
  const click = window.OnAction as (control: { Id: string }) => boolean;
  click({ Id: 'nianbaoOpenPane' });
  expect(created).toHaveLength(1);
  expect(created[0].url).toBe(`file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/${folder}/taskpane-wps.html`);
  expect(existsSync(path.join(addin, 'taskpane-wps.html'))).toBe(true);
  expect(created[0].pane).toMatchObject({ Visible: true, DockPosition: 2 });
  click({ Id: 'nianbaoOpenPane' });
  expect(created).toHaveLength(1);
  expect(created[0].pane.Visible).toBe(false);
  // Another workbook gets a pane of its own.
  Application.ActiveWorkbook = { FullName: 'D:\\年报\\另一个.xlsx' };
  click({ Id: 'nianbaoOpenPane' });
  expect(created).toHaveLength(2);
});

test('the entry and the pane name only files of the folder, and the pane is the Office pane without office.js', () => {
  const entry = read('index.html');
  // Attribute values as minified HTML writes them: quoted or not.
  const src = (html: string) => [...html.matchAll(/\s(?:src|href|data-trident-message)=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
  expect(src(entry)).toEqual(['main.js']);
  const pane = read('taskpane-wps.html');
  const scripts = src(pane);
  expect(scripts.length).toBeGreaterThan(1);
  for (const file of scripts) expect(existsSync(path.join(addin, file))).toBe(true);
  // The same scripts, byte for byte, as the Office pane loads (its office.js aside).
  const officeScripts = src(readFileSync(path.join(WEB, 'taskpane.html'), 'utf8')).filter((s) => !/^https:/.test(s));
  expect(scripts).toEqual(officeScripts);
  for (const file of readdirSync(WEB).filter((f) => f.endsWith('.js'))) expect(read(file)).toBe(readFileSync(path.join(WEB, file), 'utf8'));
  expect(pane).not.toContain('office.js');
  expect(existsSync(path.join(addin, 'taskpane.html'))).toBe(false);
  expect(existsSync(path.join(addin, 'manifest.xml'))).toBe(false);
  expect(existsSync(path.join(addin, 'help.html'))).toBe(false);
});

test('nothing the add-in loads or names comes from the network', () => {
  const pages = files(addin).filter((f) => /\.(html|xml)$/.test(f) || f === 'main.js');
  expect(pages).toEqual(expect.arrayContaining(['index.html', 'main.js', 'ribbon.xml', 'taskpane-wps.html']));
  for (const file of [...pages.map((f) => read(f)), readFileSync(path.join(out, 'publish.xml'), 'utf8')]) {
    // XML namespaces are names, not addresses that are fetched.
    const urls = [...file.matchAll(/(?<!xmlns(?::\w+)?=")https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(urls).toEqual([]);
  }
  const csp = /Content-Security-Policy"?\s+content="([^"]+)"/.exec(read('taskpane-wps.html'))![1];
  expect(csp).not.toMatch(/https?:/);
  expect(csp).toContain("connect-src 'self';");
});

test('with WPS_ADDIN_BASE_URL, jsplugins.xml points WPS (oem.ini JSPluginsServer) at the folder on the intranet', () => {
  const intranet = mkdtempSync(path.join(os.tmpdir(), 'nianbao-wps-'));
  try {
    buildWps({ out: intranet, baseUrl: 'http://10.1.2.3/addins/' });
    const online = elements(readFileSync(path.join(intranet, 'jsplugins.xml'), 'utf8')).filter((e) => e.name === 'jspluginonline');
    expect(online.map((p) => [p.attributes.type, p.attributes.url])).toEqual([
      ['et', `http://10.1.2.3/addins/${folder}/`],
      ['wps', `http://10.1.2.3/addins/${folder}/`],
    ]);
    expect(() => buildWps({ out: intranet, baseUrl: 'ftp://x' })).toThrow('http(s)');
  } finally {
    rmSync(intranet, { recursive: true, force: true });
  }
});

import { readFileSync, readdirSync, existsSync } from 'fs';
import path from 'path';
import { validateXML } from 'xmllint-wasm';

/**
 * The add-in manifest against the Office add-in XSDs (../shared/office-manifest-xsd, 2020 vintage):
 * an offline structure and element-order check; `office-addin-manifest validate` needs the network.
 */
const ROOT = path.join(__dirname, '..', '..');
const XSD_DIR = path.join(ROOT, '..', 'shared', 'office-manifest-xsd');
const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

async function validate(xml: string) {
  const schemas = readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd'));
  return validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [{ fileName: 'OfficeAppManifestV1_1.xsd', contents: readFileSync(path.join(XSD_DIR, 'OfficeAppManifestV1_1.xsd'), 'utf8') }],
    preload: schemas
      .filter((f) => f !== 'OfficeAppManifestV1_1.xsd')
      .map((f) => ({ fileName: f, contents: readFileSync(path.join(XSD_DIR, f), 'utf8') })),
  });
}

const describeIfSchemas = existsSync(XSD_DIR) ? describe : describe.skip;

describeIfSchemas('manifest.xml', () => {
  test('is valid against the Office add-in manifest schemas', async () => {
    const result = await validate(manifest);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('the schema check does catch a misplaced element', async () => {
    const broken = manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '').replace('</Hosts>\n  <DefaultSettings>', '</Hosts>\n  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>');
    expect(broken).not.toBe(manifest);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
  });
});

describe('manifest.xml content', () => {
  test('serves Excel workbooks and Word documents with read-write access', () => {
    expect(manifest).toMatch(/<Hosts>\s*<Host Name="Workbook" \/>\s*<Host Name="Document" \/>\s*<\/Hosts>/);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });

  test('requires no API set in the base requirements: the pane checks them at run time', () => {
    expect(manifest).not.toMatch(/<Requirements>/);
  });

  test('group and control ids are unique across the whole manifest, as the Microsoft 365 admin center requires', () => {
    // learn.microsoft.com/javascript/api/manifest/group and …/control: "must be unique across all Group
    // [Control] elements in the manifest", at most 125 characters.
    for (const element of ['Group', 'Control', 'bt:Image', 'bt:Url', 'bt:String']) {
      const ids = [...manifest.matchAll(new RegExp(`<${element}\\b[^>]*\\sid="([^"]+)"`, 'g'))].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(ids.every((id) => id.length <= 125)).toBe(true);
    }
    const controls = [...manifest.matchAll(/<(?:Group|Control)\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(controls).size).toBe(4);
  });

  test('every resid names a resource, is at most 32 characters, and the strings keep their limits', () => {
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String)\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]));
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.includes(id))).toEqual([]);
    expect(used.every((id) => id.length <= 32)).toBe(true);
    const strings = (list: string) => [...(new RegExp(`<bt:${list}>([\\s\\S]*?)</bt:${list}>`).exec(manifest)?.[1] ?? '').matchAll(/DefaultValue="([^"]*)"/g)].map((m) => m[1]);
    expect(strings('ShortStrings').every((s) => s.length <= 125)).toBe(true);
    expect(strings('LongStrings').every((s) => s.length <= 250)).toBe(true);
    expect(/<DisplayName DefaultValue="([^"]*)"/.exec(manifest)![1].length).toBeLessThanOrEqual(125);
    expect(/<Description DefaultValue="([^"]*)"/.exec(manifest)![1].length).toBeLessThanOrEqual(250);
  });

  test('every address is https, SupportUrl is the help page served with the pane, and no AppDomain repeats the pane’s own site', () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue="|>)\s*(https?:\/\/[^"<\s]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith('https://'))).toEqual([]);
    const support = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)![1];
    expect(support).toBe('https://localhost:3000/help.html');
    const help = readFileSync(path.join(ROOT, 'src', 'taskpane', 'help.html'), 'utf8');
    expect(help).toContain('使用要求');
    expect(help).not.toMatch(/<script/i);
    expect(readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8')).toContain("{ from: 'src/taskpane/help.html', to: 'help.html' }");
    const source = new URL(/<SourceLocation DefaultValue="([^"]+)"/.exec(manifest)![1]).origin;
    const appDomains = [...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
    expect(appDomains).not.toContain(source);
  });

  test('every icon it names exists in assets/ at the size it claims', () => {
    const icons = [...manifest.matchAll(/assets\/(icon-(\d+)\.png)/g)];
    expect(icons.length).toBeGreaterThan(0);
    for (const [, file, size] of icons) {
      const png = readFileSync(path.join(ROOT, 'assets', file));
      // PNG IHDR: width and height are big-endian at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });
});

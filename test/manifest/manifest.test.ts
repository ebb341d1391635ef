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

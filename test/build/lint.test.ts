import { execFileSync } from 'child_process';
import path from 'path';

/**
 * The layer boundaries of docs/architecture.md bite: each planted violation, linted as a file of the
 * guarded folder with the project's eslint.config.mjs, is reported by the boundary rule, and the same text
 * without the violation is clean (so the rule reports the violation, not the text around it).
 */
const ROOT = path.join(__dirname, '..', '..');
const PATHS = 'import-x/no-restricted-paths';
const GLOBALS = 'no-restricted-globals';
const IMPORTS = 'no-restricted-imports';

interface Case {
  name: string;
  file: string;
  text: string;
  /** The rule that must report the text; none when the text must lint clean. */
  rule?: string;
}

const violation = (name: string, file: string, text: string, rule: string): Case => ({ name, file, text, rule });
const clean = (name: string, file: string, text: string): Case => ({ name, file, text });

const cases: Case[] = [
  // src/core imports no io, host, pane or CLI code, and no Node module.
  violation('core imports io', 'src/core/planted.ts', "import { loadWorkbook } from '../io/xlsx';\nexport const load = loadWorkbook;\n", PATHS),
  violation('a core subfolder imports io', 'src/core/narrative/planted.ts', "import { loadWorkbook } from '../../io/xlsx';\nexport const load = loadWorkbook;\n", PATHS),
  violation('core imports a host', 'src/core/planted.ts', "import { applyHighlights } from '../excel/highlight';\nexport const mark = applyHighlights;\n", PATHS),
  violation('core imports the host interface', 'src/core/planted.ts', "import { DocumentStoreFull } from '../host/adapter';\nexport const full = DocumentStoreFull;\n", PATHS),
  violation('core imports the pane', 'src/core/planted.ts', "import { loadEngine } from '../taskpane/engine';\nexport const load = loadEngine;\n", PATHS),
  violation('core imports the CLI', 'src/core/planted.ts', "import { parseYear } from '../cli/options';\nexport const parse = parseYear;\n", PATHS),
  clean('core imports core', 'src/core/planted.ts', "import { normalizeText } from './labels';\nexport const load = normalizeText;\n"),
  clean('a core subfolder imports core', 'src/core/narrative/planted.ts', "import { normalizeText } from '../labels';\nexport const load = normalizeText;\n"),
  violation('core imports fs', 'src/core/planted.ts', "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n", IMPORTS),
  violation('core imports node:path', 'src/core/planted.ts', "import path from 'node:path';\nexport const join = path.join;\n", IMPORTS),
  violation('core imports a file-format library', 'src/core/planted.ts', "import JSZip from 'jszip';\nexport const Zip = JSZip;\n", IMPORTS),
  clean('core imports zod', 'src/core/planted.ts', "import { z } from 'zod';\nexport const name = z.string();\n"),
  // src/core uses no DOM, Node or Office global.
  violation('core uses document', 'src/core/planted.ts', 'export const title = () => document.title;\n', GLOBALS),
  violation('core uses window', 'src/core/planted.ts', 'export const width = () => window.innerWidth;\n', GLOBALS),
  violation('core uses process', 'src/core/planted.ts', 'export const home = () => process.env.HOME;\n', GLOBALS),
  violation('core uses fetch', 'src/core/planted.ts', "export const get = () => fetch('https://example.org');\n", GLOBALS),
  violation('core uses Office', 'src/core/planted.ts', 'export const settings = () => Office.context.document.settings;\n', GLOBALS),
  clean('core uses a parameter instead', 'src/core/planted.ts', 'export const title = (document: { title: string }) => document.title;\n'),
  // Only src/excel and src/word call the Office APIs.
  violation('the pane calls Excel.run', 'src/taskpane/planted.ts', 'export const read = () => Excel.run(async () => undefined);\n', GLOBALS),
  violation('the CLI calls Word.run', 'src/cli/planted.ts', 'export const read = () => Word.run(async () => undefined);\n', GLOBALS),
  violation('io calls Office', 'src/io/planted.ts', 'export const ready = () => Office.onReady();\n', GLOBALS),
  clean('the Excel adapter calls Excel.run', 'src/excel/planted.ts', 'export const read = () => Excel.run(async () => undefined);\n'),
  clean('the Word adapter calls Word.run', 'src/word/planted.ts', 'export const read = () => Word.run(async () => undefined);\n'),
  clean('the pane names an Office type', 'src/taskpane/planted.ts', 'export const host = (kind: Office.HostType) => kind;\n'),
  // The pane reaches a host only through src/host/adapter.ts; the start-up factories are the exceptions.
  violation('the pane imports the highlight code', 'src/taskpane/planted.ts', "import { applyHighlights } from '../excel/highlight';\nexport const mark = applyHighlights;\n", PATHS),
  violation('the Word pane imports the marks code', 'src/taskpane/word/planted.ts', "import { applySentenceMarks } from '../../word/marks';\nexport const mark = applySentenceMarks;\n", PATHS),
  violation('a pane file imports the Excel factory', 'src/taskpane/planted.ts', "import { excelHostFromOffice } from '../excel/excelHost';\nexport const start = excelHostFromOffice;\n", PATHS),
  violation('the pane imports host detection', 'src/taskpane/planted.ts', "import { hostKindOf } from '../host/detect';\nexport const kind = hostKindOf;\n", PATHS),
  clean('the pane imports the adapter interface', 'src/taskpane/planted.ts', "import { DocumentStoreFull } from '../host/adapter';\nexport const full = DocumentStoreFull;\n"),
  clean('main.tsx imports the Excel factory', 'src/taskpane/main.tsx', "import { excelHostFromOffice } from '../excel/excelHost';\nimport { hostKindOf } from '../host/detect';\nexport const start = [excelHostFromOffice, hostKindOf];\n"),
  violation('main.tsx imports the highlight code', 'src/taskpane/main.tsx', "import { applyHighlights } from '../excel/highlight';\nexport const mark = applyHighlights;\n", PATHS),
  clean('main.tsx imports the Word factory', 'src/taskpane/main.tsx', "export const start = () => import('../word/wordHost');\n"),
  violation('main.tsx imports the marks code', 'src/taskpane/main.tsx', "import { applySentenceMarks } from '../word/marks';\nexport const mark = applySentenceMarks;\n", PATHS),
  violation('main.tsx imports the Excel requirements (the factory gives the notices)', 'src/taskpane/main.tsx', "import { capabilityNotices } from '../excel/requirements';\nexport const notices = capabilityNotices;\n", PATHS),
  violation('a Word pane file imports the Word factory', 'src/taskpane/word/planted.ts', "import { wordHostFromOffice } from '../../word/wordHost';\nexport const start = wordHostFromOffice;\n", PATHS),
  violation('the pane imports the Office settings store (the keys are in the adapter interface)', 'src/taskpane/planted.ts', "import { officeSettingsStore } from '../host/officeSettings';\nexport const store = officeSettingsStore;\n", PATHS),
  violation('the pane imports a Node module', 'src/taskpane/planted.ts', "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n", IMPORTS),
  // Nothing outside src/core imports a core internal: only the facade.
  violation('the CLI imports core/recognize', 'src/cli/planted.ts', "import { recognizeWorkbook } from '../core/recognize';\nexport const recognize = recognizeWorkbook;\n", PATHS),
  violation('the Word pane imports core/labels', 'src/taskpane/word/planted.ts', "import { normalizeText } from '../../core/labels';\nexport const normalize = normalizeText;\n", PATHS),
  violation('io imports core/values', 'src/io/planted.ts', "import { readCell } from '../core/values';\nexport const read = readCell;\n", PATHS),
  violation('a host imports core/labels', 'src/excel/planted.ts', "import { normalizeText } from '../core/labels';\nexport const normalize = normalizeText;\n", PATHS),
  clean('the CLI imports the facade', 'src/cli/planted.ts', "import { recognizeWorkbook } from '../core';\nexport const recognize = recognizeWorkbook;\n"),
  clean('the Word pane imports the facade', 'src/taskpane/word/planted.ts', "import { normalizeText } from '../../core';\nexport const normalize = normalizeText;\n"),
  clean('a test imports a core internal', 'test/core/planted.test.ts', "import { recognizeWorkbook } from '../../src/core/recognize';\nexport const recognize = recognizeWorkbook;\n"),
  // The other layers.
  violation('io imports the CLI', 'src/io/planted.ts', "import { parseYear } from '../cli/options';\nexport const parse = parseYear;\n", PATHS),
  violation('the CLI imports a host', 'src/cli/planted.ts', "import { applyHighlights } from '../excel/highlight';\nexport const mark = applyHighlights;\n", PATHS),
  violation('one host imports the other', 'src/excel/planted.ts', "import { applySentenceMarks } from '../word/marks';\nexport const mark = applySentenceMarks;\n", PATHS),
  // WPS: its host is a host like the others; the pane reaches it only through the start-up factory.
  violation('the WPS host imports the Excel host', 'src/wps/planted.ts', "import { applyHighlights } from '../excel/highlight';\nexport const mark = applyHighlights;\n", PATHS),
  clean('the WPS host imports what the hosts share', 'src/wps/planted.ts', "import { decideCell } from '../host/highlightMemory';\nexport const decide = decideCell;\n"),
  violation('a pane file imports the WPS 表格 host', 'src/taskpane/planted.ts', "import { createEtHost } from '../wps/etHost';\nexport const start = createEtHost;\n", PATHS),
  clean('main.tsx imports the WPS factory', 'src/taskpane/main.tsx', "export const start = () => import('../wps/wpsHost');\n"),
  violation('main.tsx imports the WPS 表格 host itself', 'src/taskpane/main.tsx', "import { createEtHost } from '../wps/etHost';\nexport const start = createEtHost;\n", PATHS),
];

interface Linted {
  file: string;
  messages: { ruleId: string | null; message: string; line: number }[];
}

let results: Linted[];

beforeAll(() => {
  const input = JSON.stringify(cases.map(({ file, text }) => ({ file, text })));
  const output = execFileSync(process.execPath, [path.join(ROOT, 'test', 'support', 'lint-text.mjs')], { cwd: ROOT, input, encoding: 'utf8' });
  results = JSON.parse(output) as Linted[];
}, 120_000);

test('every planted text was linted', () => {
  expect(results).toHaveLength(cases.length);
});

describe.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
  const { file, rule } = cases[i];
  if (rule) {
    test(`is reported by ${rule}, and by nothing else`, () => {
      expect(results[i].file).toBe(file);
      const messages = results[i].messages;
      expect(messages.map((m) => m.ruleId)).toEqual([rule]);
      expect(messages[0].message).toMatch(/src\/core|src\/excel|pane|CLI|host|Office|facade/);
    });
  } else {
    test('is clean', () => {
      expect(results[i].file).toBe(file);
      expect(results[i].messages).toEqual([]);
    });
  }
});

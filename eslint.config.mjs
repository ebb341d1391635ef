// The lint: typescript-eslint's recommended rules, the React hooks rules for the pane, the Office add-in
// rules for the code that calls Excel and Word, and the layer boundaries of docs/architecture.md as rules.
// Not type-aware (no parserOptions.project): the boundaries need no types, and `npm run typecheck` already
// runs the compiler, so the lint stays fast (about 7 s of CPU for the whole repository).
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import officeAddins from 'eslint-plugin-office-addins';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const root = import.meta.dirname;

/** The layers, as folders under src (docs/architecture.md). `wps` is the host that comes next. */
const LAYERS = ['core', 'io', 'cli', 'host', 'excel', 'word', 'wps', 'taskpane'];
const HOSTS = ['excel', 'word', 'wps'];
const src = (...folders) => folders.map((folder) => `./src/${folder}`);
const others = (...kept) => LAYERS.filter((layer) => !kept.includes(layer));

/**
 * Which layer may import which, by resolved path (so '../io/xlsx' and '../../io/xlsx' are the same file).
 * `paneFromHosts` ({ excel: ['./excelHost.ts'] }) and `paneFromHost` are the files of src/<host> and src/host
 * a pane file may import: none of a host adapter's except in the pane's two start-up factories.
 */
function boundaryZones({ paneFromHosts = {}, paneFromHost = ['./adapter.ts'] } = {}) {
  const zones = [
    {
      target: src('core'),
      from: src(...others('core')),
      message: 'src/core is pure: it imports no io, host, pane or CLI code (docs/architecture.md).',
    },
    {
      target: src(...others('core')),
      from: src('core'),
      except: ['./index.ts'],
      message: "Import the engine from its facade ('../core'), not a core internal (docs/architecture.md).",
    },
    {
      target: src('io'),
      from: src(...others('core', 'io')),
      message: 'src/io reads and writes files for every front end: it imports no host, pane or CLI code.',
    },
    {
      target: src('cli'),
      from: src(...others('core', 'io', 'cli')),
      message: 'The CLI runs in Node: it imports no host or pane code.',
    },
    {
      target: src('host'),
      from: src(...others('core', 'host')),
      message: 'src/host is the interface every host implements: it imports no host, io, pane or CLI code.',
    },
    ...HOSTS.map((host) => ({
      target: src(host),
      from: src(...others('core', 'io', 'host', host)),
      message: 'A host adapter imports no other host, no pane and no CLI code.',
    })),
    ...HOSTS.map((host) => ({
      target: src('taskpane'),
      from: src(host),
      except: paneFromHosts[host] ?? [],
      message: 'The pane reaches a host only through src/host/adapter.ts; only its start-up factories import a host adapter.',
    })),
    {
      target: src('taskpane'),
      from: src('host'),
      except: paneFromHost,
      message: 'The pane reaches a host only through src/host/adapter.ts.',
    },
    {
      target: src('taskpane'),
      from: src('cli'),
      message: 'The pane imports no CLI code.',
    },
  ];
  return zones;
}

const boundaries = (options) => ['error', { basePath: root, zones: boundaryZones(options) }];

/** The Office host globals: calling them is what only a host adapter does. */
const OFFICE_GLOBALS = ['Office', 'Excel', 'Word', 'OfficeExtension'];
const hostGlobal = (name, where) => ({ name, message: `Only ${where} call the Office APIs (docs/architecture.md).` });

/**
 * Globals src/core must not touch: everything a browser or Node adds to the language (DOM, storage,
 * network, process, Buffer …) and the Office hosts. Kept: the few that behave the same everywhere.
 */
const PORTABLE = new Set(['console', 'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'structuredClone', 'queueMicrotask']);
const language = new Set([...Object.keys(globals.builtin), ...Object.keys(globals.es2021)]);
const CORE_FORBIDDEN_GLOBALS = [
  ...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)].filter((name) => !language.has(name) && !PORTABLE.has(name))),
]
  .map((name) => ({ name, message: 'src/core is pure: no DOM, Node or network API (docs/architecture.md).' }))
  .concat(OFFICE_GLOBALS.map((name) => ({ name, message: 'src/core is pure: no Office API (docs/architecture.md).' })));

const NODE_MODULES = [...builtinModules.filter((name) => !name.startsWith('_')), 'node:*'];

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'dist-web/', 'dist-wps/', 'coverage/', 'test-output/', 'certs/', 'assets/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      // `cond ? a++ : b++` is a terse statement the code uses on purpose; a bare `a.b;` or `x === 1;` is still an error.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
      // The code's convention, which TypeScript's noUnusedParameters follows too: a leading _ marks unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // Node scripts and configs written in CommonJS JavaScript.
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The WPS add-in's entry script: a plain browser script WPS runs, its ribbon callbacks set on window.
    files: ['src/wps/addin/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },

  // ---- src: the layers and their boundaries ----
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': boundaries(),
      'no-restricted-globals': ['error', ...OFFICE_GLOBALS.map((name) => hostGlobal(name, 'src/excel and src/word'))],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...CORE_FORBIDDEN_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'jszip', 'mammoth', 'docx', 'node-html-parser', 'saxes', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'src/core is pure: file formats are read in src/io, the pane is src/taskpane.',
          })),
          patterns: [{ group: NODE_MODULES, message: 'src/core is pure: no Node module (docs/architecture.md).' }],
        },
      ],
    },
  },
  {
    // Browser code: the pane and the host adapters run in Office's webview, where no Node module exists.
    files: ['src/{taskpane,host,excel,word,wps}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_MODULES, message: 'This code runs in Office’s webview: no Node module.' }] }],
    },
  },
  {
    files: ['src/{excel,word,wps}/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'no-restricted-globals': 'off',
      // The add-in rules for mistakes with the proxy objects. Left out: no-navigational-load and no-empty-load
      // (style), no-office-initialize (the pane uses Office.onReady), and load-object-before-read and
      // call-sync-before-read, which cannot follow a proxy into a function or a closure that runs after the sync
      // (writeFill(target.format.fill), queueFillRead's reader) nor tell a ClientResult (getOoxml().value) from
      // a proxy: every one of their findings here was such a false alarm.
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // The document-settings store every host shares: Office.Settings is the Common API, not a host's.
    files: ['src/host/officeSettings.ts'],
    rules: {
      'no-restricted-globals': ['error', ...['Excel', 'Word'].map((name) => hostGlobal(name, 'src/excel and src/word'))],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic hook rules. The React Compiler's rules in the plugin's recommended set (purity, refs,
      // immutability, set-state-in-effect …) found nothing here and took 60% of the rules' time (TIMING=1).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The pane's start-up: finds WPS or waits for Office.onReady, follows Office's theme, and builds the host
    // adapter (the Word and WPS ones in lazy chunks).
    files: ['src/taskpane/main.tsx'],
    rules: {
      'import-x/no-restricted-paths': boundaries({
        paneFromHosts: { excel: ['./excelHost.ts'], word: ['./wordHost.ts'], wps: ['./wpsHost.ts'] },
        paneFromHost: ['./adapter.ts', './detect.ts'],
      }),
      'no-restricted-globals': ['error', ...['Excel', 'Word', 'OfficeExtension'].map((name) => hostGlobal(name, 'src/excel and src/word'))],
    },
  },

  // ---- scripts and tests: Node, and free to use any module (tests may import internals) ----
  {
    files: ['scripts/**/*.ts', 'test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      // The fakes of Office's proxy objects return getters that read the object they belong to.
      '@typescript-eslint/no-this-alias': 'off',
      // jest.isolateModules and module mocks load the engine afresh with require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);

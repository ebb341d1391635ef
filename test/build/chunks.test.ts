import { parse } from 'acorn';
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import ts from 'typescript';
import vm from 'vm';

/**
 * The built pane (dist-web/, from `npm run build`) against the webviews Office really uses
 * (learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins): every chunk
 * parses as ES2017 (EdgeHTML 18, Office 2016/2019 retail without WebView2), the guard and its
 * Internet Explorer message parse as ES5 (Internet Explorer 11) and the guard loads first, and every
 * built-in newer than EdgeHTML 18 that a chunk uses is one the shims chunk adds there.
 */
const DIST = path.join(__dirname, '..', '..', 'dist-web');
if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist-web/ is missing: run `npm run build` before this test.');

const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));
const guardFile = scripts.find((f) => /^guard\./.test(f))!;
const tridentFile = scripts.find((f) => /^trident\./.test(f))!;
const shimsFile = scripts.find((f) => /^shims\./.test(f))!;
const chunks = scripts.filter((f) => f !== guardFile && f !== tridentFile);
const read = (file: string) => readFileSync(path.join(DIST, file), 'utf8');

function syntaxError(source: string, ecmaVersion: 5 | 2017): string | null {
  try {
    parse(source, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? 0;
    return `${(error as Error).message} near ${JSON.stringify(source.slice(Math.max(0, pos - 40), pos + 40))}`;
  }
}

describe('the syntax of the built chunks', () => {
  test('finds the guard, its message, the shims and the chunks', () => {
    expect(guardFile).toBeDefined();
    expect(tridentFile).toBeDefined();
    expect(shimsFile).toBeDefined();
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.some((f) => /^taskpane\./.test(f))).toBe(true);
  });

  test.each(chunks)('%s parses as ES2017 (EdgeHTML 18)', (file) => {
    expect(syntaxError(read(file), 2017)).toBeNull();
  });

  test('the guard and its message parse as ES5 (Internet Explorer 11)', () => {
    expect(syntaxError(read(guardFile), 5)).toBeNull();
    expect(syntaxError(read(tridentFile), 5)).toBeNull();
  });

  test('the check does fail on newer syntax', () => {
    expect(syntaxError('const a = b?.c ?? {...d};', 2017)).not.toBeNull();
    expect(syntaxError('var a = /\\p{L}/u;', 2017)).not.toBeNull();
    expect(syntaxError('const a = 1;', 5)).not.toBeNull();
  });
});

describe('the page', () => {
  const html = read('taskpane.html');
  const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({ attributes, body }));

  test('loads the guard first and blocking, then office.js, then the pane deferred; no inline script', () => {
    const sources = tags.map((t) => /src="?([^"\s>]+)/.exec(t.attributes)?.[1]);
    expect(sources[0]).toBe(guardFile);
    expect(tags[0].attributes).not.toMatch(/\b(defer|async)\b/);
    expect(tags[0].attributes).toContain(`data-trident-message=${tridentFile}`);
    expect(sources).not.toContain(tridentFile);
    expect(sources[1]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(tags.slice(2).every((t) => /\bdefer\b/.test(t.attributes))).toBe(true);
    expect(sources.slice(2).some((s) => /^taskpane\./.test(s ?? ''))).toBe(true);
    expect(tags.every((t) => t.body.trim() === '')).toBe(true);
  });
});

/**
 * Built-ins that EdgeHTML 18 lacks (MDN browser-compat-data: first in Edge 79 or later), as they
 * appear in minified code.
 */
const NEWER_THAN_EDGEHTML: { name: string; pattern: RegExp; remove: string[] }[] = [
  { name: 'Array.prototype.flat', pattern: /\.flat\(/, remove: ['Array.prototype.flat'] },
  { name: 'Array.prototype.flatMap', pattern: /\.flatMap\(/, remove: ['Array.prototype.flatMap'] },
  { name: 'Array.prototype.findLast', pattern: /\.findLast\(/, remove: ['Array.prototype.findLast'] },
  { name: 'Array.prototype.findLastIndex', pattern: /\.findLastIndex\(/, remove: ['Array.prototype.findLastIndex'] },
  { name: 'Array.prototype.at', pattern: /\.at\((-?\d|[a-z]\.length)/, remove: ['Array.prototype.at', 'String.prototype.at'] },
  { name: 'Array.prototype.toSorted', pattern: /\.to(Sorted|Reversed|Spliced)\(/, remove: ['Array.prototype.toSorted', 'Array.prototype.toReversed', 'Array.prototype.toSpliced'] },
  { name: 'Object.fromEntries', pattern: /\bfromEntries\b/, remove: ['Object.fromEntries'] },
  { name: 'Object.hasOwn', pattern: /Object\.hasOwn\(/, remove: ['Object.hasOwn'] },
  { name: 'Object.groupBy', pattern: /(Object|Map)\.groupBy\(/, remove: ['Object.groupBy', 'Map.groupBy'] },
  { name: 'String.prototype.trimStart', pattern: /\.trimStart\(/, remove: ['String.prototype.trimStart'] },
  { name: 'String.prototype.trimEnd', pattern: /\.trimEnd\(/, remove: ['String.prototype.trimEnd'] },
  { name: 'String.prototype.matchAll', pattern: /\.matchAll\(/, remove: ['String.prototype.matchAll'] },
  { name: 'String.prototype.replaceAll', pattern: /\.replaceAll\(/, remove: ['String.prototype.replaceAll'] },
  { name: 'Promise.allSettled', pattern: /\ballSettled\b/, remove: ['Promise.allSettled'] },
  { name: 'Promise.any', pattern: /Promise\.any\(/, remove: ['Promise.any', 'this.AggregateError'] },
  { name: 'globalThis', pattern: /\bglobalThis\b/, remove: ['this.globalThis'] },
  { name: 'queueMicrotask', pattern: /\bqueueMicrotask\b/, remove: ['this.queueMicrotask'] },
  { name: 'WeakRef', pattern: /\bWeakRef\b/, remove: ['this.WeakRef'] },
  { name: 'FinalizationRegistry', pattern: /\bFinalizationRegistry\b/, remove: ['this.FinalizationRegistry'] },
  { name: 'ResizeObserver', pattern: /\bResizeObserver\b/, remove: ['this.ResizeObserver'] },
  { name: 'TextEncoder', pattern: /\bTextEncoder\b/, remove: ['this.TextEncoder'] },
  { name: 'TextDecoder', pattern: /\bTextDecoder\b/, remove: ['this.TextDecoder'] },
  { name: 'Symbol.asyncIterator', pattern: /Symbol\.asyncIterator/, remove: ['Symbol.asyncIterator'] },
  { name: 'structuredClone', pattern: /\bstructuredClone\b/, remove: ['this.structuredClone'] },
  { name: 'Intl.Segmenter', pattern: /Intl\.(Segmenter|ListFormat|DisplayNames)\b/, remove: ['Intl.Segmenter', 'Intl.ListFormat', 'Intl.DisplayNames'] },
];

const EDGE_18 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';

/** A fresh JavaScript realm without the built-ins above, with just enough of a page for the guard to run. */
function edgeHtmlRealm(userAgent = EDGE_18) {
  const realm = vm.createContext({});
  vm.runInContext(
    // Symbol.asyncIterator cannot be deleted; a Symbol without it stands in, as in EdgeHTML.
    `var window = this;
     var OwnSymbol = Symbol;
     Symbol = function Symbol(description) { return OwnSymbol(description); };
     Symbol.iterator = OwnSymbol.iterator;
     ${NEWER_THAN_EDGEHTML.flatMap((api) => api.remove.map((expression) => `delete ${expression};`)).join(' ')}
     var attributes = {}; var appended = []; var loaded = function () {}; var onError = function () {};
     var self = this;
     var navigator = { userAgent: ${JSON.stringify(userAgent)} };
     var guardTag = { getAttribute: function (name) { return name === 'data-trident-message' ? 'trident.message.js' : null; } };
     var document = {
       documentElement: { setAttribute: function (k, v) { attributes[k] = v; } },
       getElementsByTagName: function () { return [{}, guardTag]; },
       addEventListener: function (type, listener) { if (type === 'DOMContentLoaded') loaded = listener; },
       createElement: function () { return {}; },
       body: { appendChild: function (node) { appended.push(node.src); } }
     };
     window.addEventListener = function (type, listener) { if (type === 'error') onError = listener; };
     function setTimeout(f) { f(); }`,
    realm,
  );
  return realm;
}

const inRealm = (realm: vm.Context, code: string) => vm.runInContext(code, realm) as unknown;

describe('the shims chunk in EdgeHTML 18', () => {
  const realm = edgeHtmlRealm();
  const before = NEWER_THAN_EDGEHTML.filter((api) => api.remove.some((expression) => defined(realm, expression))).map((api) => api.name);
  const missingBefore = runMissing(realm);
  runShims(realm);
  const added = NEWER_THAN_EDGEHTML.filter((api) => defined(realm, api.remove[0])).map((api) => api.name);

  test('adds each newer built-in that a chunk uses', () => {
    const used = NEWER_THAN_EDGEHTML.filter((api) => chunks.some((f) => api.pattern.test(read(f)))).map((api) => api.name);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((name) => !added.includes(name))).toEqual([]);
  });

  test('the realm really lacked them, the pane sees that they are missing, and no longer after the shims', () => {
    expect(before).toEqual([]);
    expect(missingBefore).toBe(true);
    expect(runMissing(realm)).toBe(false);
  });

  test('what it adds behaves like the built-in, and is not enumerable', () => {
    const results = inRealm(
      realm,
      `JSON.stringify({
        flat: [1, [2, [3, [4]]], , 5].flat(),
        deep: [1, [2, [3, [4]]]].flat(Infinity),
        flatMap: [1, 2, 3].flatMap(function (x) { return x === 2 ? [] : [x, [x * 10]]; }),
        findLast: [1, 2, 3, 4].findLast(function (x) { return x % 2 === 1; }),
        findLastIndex: [1, 2, 3, 4].findLastIndex(function (x) { return x > 9; }),
        fromEntries: Object.fromEntries(new Map([['a', 1], ['b', 2]])),
        trim: ['  甲 '.trimStart(), ' 乙\\u3000 '.trimEnd()],
        matchAll: Array.from('C2 D10 E7'.matchAll(/([A-Z])(\\d+)/g), function (m) { return [m[0], m[2], m.index]; }),
        enumerable: Object.keys(Array.prototype).concat(Object.keys(String.prototype)),
        global: globalThis === this,
        weak: new WeakRef(Math).deref() === Math,
        asyncIterator: typeof Symbol.asyncIterator
      })`,
    );
    expect(JSON.parse(results as string)).toEqual({
      flat: [1, 2, [3, [4]], 5],
      deep: [1, 2, 3, 4],
      flatMap: [1, [10], 3, [30]],
      findLast: 3,
      findLastIndex: -1,
      fromEntries: { a: 1, b: 2 },
      trim: ['甲 ', ' 乙'],
      matchAll: [
        ['C2', '2', 0],
        ['D10', '10', 3],
        ['E7', '7', 7],
      ],
      enumerable: [],
      global: true,
      weak: true,
      asyncIterator: 'symbol',
    });
    expect(() => inRealm(realm, "'a'.matchAll(/a/)")).toThrow('global');
  });

  test('Promise.allSettled and queueMicrotask settle as the built-ins do', async () => {
    const settled = await (inRealm(realm, "Promise.allSettled([1, Promise.reject('x'), Promise.resolve(3)])") as Promise<unknown>);
    expect(JSON.parse(JSON.stringify(settled))).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: 'x' },
      { status: 'fulfilled', value: 3 },
    ]);
    const order = await (inRealm(realm, "new Promise(function (done) { var seen = []; queueMicrotask(function () { seen.push('micro'); done(seen); }); seen.push('sync'); })") as Promise<string[]>);
    expect([...order]).toEqual(['sync', 'micro']);
  });

  test('TextEncoder and TextDecoder agree with Node on Chinese text, emoji, lone surrogates and bad bytes', () => {
    const text = '年报助手 2024：收到申请 8,295 件 😀 \ud800 end';
    const encoded = inRealm(realm, `Array.from(new TextEncoder().encode(${JSON.stringify(text)}))`) as number[];
    expect([...encoded]).toEqual([...new TextEncoder().encode(text)]);
    const bytes = [0xef, 0xbb, 0xbf, ...new TextEncoder().encode('表二'), 0xff, 0xe4, 0xbd, 0x41, 0xf0, 0x9f, 0x98, 0x80];
    const decoded = inRealm(realm, `new TextDecoder('utf-8').decode(new Uint8Array(${JSON.stringify(bytes)}))`);
    expect(decoded).toBe(new TextDecoder('utf-8').decode(new Uint8Array(bytes)));
    const kept = inRealm(realm, `new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]).buffer)`);
    expect(kept).toBe('\ufeffA');
  });
});

describe('the guard', () => {
  test('in Internet Explorer 11: marks the page unsupported and loads the message named on its tag', () => {
    const realm = edgeHtmlRealm('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko');
    vm.runInContext(read(guardFile), realm);
    expect(inRealm(realm, 'JSON.stringify(attributes)')).toBe('{"data-nianbao-unsupported":"trident"}');
    vm.runInContext('loaded()', realm);
    expect(inRealm(realm, 'JSON.stringify(appended)')).toBe(JSON.stringify(['trident.message.js']));
  });

  test('elsewhere: changes nothing and loads nothing', () => {
    const realm = edgeHtmlRealm();
    vm.runInContext(read(guardFile), realm);
    vm.runInContext('loaded()', realm);
    expect(inRealm(realm, 'JSON.stringify([attributes, appended])')).toBe('[{},[]]');
  });

  test('notes an office.js that failed to load, and only that', () => {
    const realm = edgeHtmlRealm();
    vm.runInContext(read(guardFile), realm);
    vm.runInContext("onError({ target: { tagName: 'SCRIPT', src: 'https://example.com/x.js' } }); onError({ target: { tagName: 'SCRIPT', src: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' } })", realm);
    expect(inRealm(realm, 'JSON.stringify(attributes)')).toBe('{"data-nianbao-officejs-failed":"https://appsforoffice.microsoft.com/lib/1/hosted/office.js"}');
  });
});

describe('the shims in a current webview', () => {
  test('leave its own built-ins in place', () => {
    const realm = vm.createContext({});
    vm.runInContext('var window = this; var self = this; var own = [Array.prototype.flatMap, Object.fromEntries, String.prototype.matchAll, Promise.allSettled];', realm);
    runShims(realm);
    expect(inRealm(realm, 'own[0] === Array.prototype.flatMap && own[1] === Object.fromEntries && own[2] === String.prototype.matchAll && own[3] === Promise.allSettled')).toBe(true);
  });
});

/** Runs the built shims chunk's module in the realm (a webpack chunk: modules registered on self.webpackChunknianbao). */
function runShims(realm: vm.Context): void {
  vm.runInContext(read(shimsFile), realm);
  vm.runInContext(
    `(function () {
       var modules = self.webpackChunknianbao[self.webpackChunknianbao.length - 1][1];
       var require = { d: function (exports, getters) { for (var k in getters) Object.defineProperty(exports, k, { get: getters[k], enumerable: true }); }, r: function () {} };
       for (var id in modules) { var module = { exports: {} }; modules[id](module, module.exports, require); if (module.exports.installShims) module.exports.installShims(window); }
     })()`,
    realm,
  );
}

/** missingBuiltIns as built into the pane's entry, run in the realm (compiled from its source the way the build compiles it). */
function runMissing(realm: vm.Context): boolean {
  const source = readFileSync(path.join(__dirname, '..', '..', 'src', 'taskpane', 'guard', 'missing.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES5 } }).outputText;
  return vm.runInContext(`(function () { var exports = {}; ${js}; return exports.missingBuiltIns(window); })()`, realm) as boolean;
}

function defined(realm: vm.Context, expression: string): boolean {
  return inRealm(realm, `(function () { try { return typeof (${expression}) !== 'undefined'; } catch (e) { return false; } }).call(this)`) as boolean;
}

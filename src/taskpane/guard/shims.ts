/**
 * The built-ins that the pane's code and its dependencies use and that EdgeHTML 18 (Microsoft Edge
 * Legacy, the webview of Office 2016/2019 retail without WebView2) does not have. Loaded only there
 * (index.tsx, missing.ts); each is added only when missing, non-enumerable like the real one, and only
 * as far as the pane needs it. test/build/chunks.test.ts scans the built chunks for built-ins newer
 * than EdgeHTML 18 and fails when one is used that is not added here.
 */

type Scope = object;

function define(target: object, name: PropertyKey, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function flatten(source: ArrayLike<unknown>, depth: number, out: unknown[]): unknown[] {
  for (let i = 0; i < source.length; i++) {
    if (!(i in source)) continue;
    const item = source[i];
    if (depth > 0 && Array.isArray(item)) flatten(item, depth - 1, out);
    else out.push(item);
  }
  return out;
}

/** Iterates any iterable (Map, Set, arrays, generators) without relying on for…of being compiled. */
function eachOf(iterable: Iterable<unknown>, visit: (item: unknown) => void): void {
  const iterator = iterable[Symbol.iterator]();
  for (let step = iterator.next(); !step.done; step = iterator.next()) visit(step.value);
}

/** RegExp.prototype.flags is itself missing from EdgeHTML. */
function flagsOf(pattern: RegExp): string {
  return (pattern.global ? 'g' : '') + (pattern.ignoreCase ? 'i' : '') + (pattern.multiline ? 'm' : '') + (pattern.unicode ? 'u' : '') + (pattern.sticky ? 'y' : '');
}

/** UTF-8 as the Encoding Standard writes it; a lone surrogate becomes U+FFFD, as TextEncoder does. */
function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return new Uint8Array(bytes);
}

/** The Encoding Standard's UTF-8 decoder: each maximal bad subsequence becomes one U+FFFD; a leading BOM is dropped unless kept. */
function fromUtf8(bytes: Uint8Array, keepBom: boolean): string {
  const units: number[] = [];
  const emit = (code: number) => {
    if (code < 0x10000) units.push(code);
    else units.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 1023));
  };
  let needed = 0;
  let seen = 0;
  let code = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (needed === 0) {
      if (byte <= 0x7f) emit(byte);
      else if (byte >= 0xc2 && byte <= 0xdf) { needed = 1; code = byte & 31; }
      else if (byte >= 0xe0 && byte <= 0xef) { needed = 2; code = byte & 15; lower = byte === 0xe0 ? 0xa0 : 0x80; upper = byte === 0xed ? 0x9f : 0xbf; }
      else if (byte >= 0xf0 && byte <= 0xf4) { needed = 3; code = byte & 7; lower = byte === 0xf0 ? 0x90 : 0x80; upper = byte === 0xf4 ? 0x8f : 0xbf; }
      else emit(0xfffd);
      continue;
    }
    if (byte < lower || byte > upper) {
      needed = seen = code = 0;
      lower = 0x80;
      upper = 0xbf;
      emit(0xfffd);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    code = (code << 6) | (byte & 63);
    if (++seen === needed) {
      emit(code);
      needed = seen = code = 0;
    }
  }
  if (needed > 0) emit(0xfffd);
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode.apply(null, units.slice(i, i + 4096));
  return !keepBom && out.charCodeAt(0) === 0xfeff ? out.slice(1) : out;
}

export function installShims(scope: Scope): void {
  const arrays = Array.prototype as unknown as Record<string, unknown>;
  define(arrays, 'flat', function (this: unknown[], depth?: number) {
    return flatten(this, depth === undefined ? 1 : Number(depth), []);
  });
  define(arrays, 'flatMap', function (this: unknown[], fn: (item: unknown, index: number, all: unknown[]) => unknown, thisArg?: unknown) {
    const mapped: unknown[] = [];
    for (let i = 0; i < this.length; i++) if (i in this) mapped.push(fn.call(thisArg, this[i], i, this));
    return flatten(mapped, 1, []);
  });
  define(arrays, 'findLast', function (this: unknown[], fn: (item: unknown, index: number, all: unknown[]) => unknown, thisArg?: unknown) {
    for (let i = this.length - 1; i >= 0; i--) if (fn.call(thisArg, this[i], i, this)) return this[i];
    return undefined;
  });
  define(arrays, 'findLastIndex', function (this: unknown[], fn: (item: unknown, index: number, all: unknown[]) => unknown, thisArg?: unknown) {
    for (let i = this.length - 1; i >= 0; i--) if (fn.call(thisArg, this[i], i, this)) return i;
    return -1;
  });

  define(Object, 'fromEntries', (entries: Iterable<unknown>) => {
    const out: Record<PropertyKey, unknown> = {};
    eachOf(entries, (entry) => {
      const pair = entry as [PropertyKey, unknown];
      out[pair[0]] = pair[1];
    });
    return out;
  });

  const strings = String.prototype as unknown as Record<string, unknown>;
  define(strings, 'trimStart', function (this: string) {
    return String(this).replace(/^\s+/, '');
  });
  define(strings, 'trimEnd', function (this: string) {
    return String(this).replace(/\s+$/, '');
  });
  define(strings, 'matchAll', function (this: string, pattern: RegExp | string) {
    if (pattern instanceof RegExp && !pattern.global) throw new TypeError('matchAll requires a global RegExp');
    const regexp = pattern instanceof RegExp ? new RegExp(pattern.source, flagsOf(pattern)) : new RegExp(pattern, 'g');
    if (pattern instanceof RegExp) regexp.lastIndex = pattern.lastIndex;
    const text = String(this);
    const found: RegExpExecArray[] = [];
    for (let match = regexp.exec(text); match !== null; match = regexp.exec(text)) {
      found.push(match);
      if (match[0] === '') regexp.lastIndex++;
    }
    return found[Symbol.iterator]();
  });

  define(Promise, 'allSettled', (values: Iterable<unknown>) => {
    const settled: Promise<unknown>[] = [];
    eachOf(values, (value) =>
      settled.push(
        Promise.resolve(value).then(
          (result) => ({ status: 'fulfilled', value: result }),
          (reason: unknown) => ({ status: 'rejected', reason }),
        ),
      ),
    );
    return Promise.all(settled);
  });

  define(Symbol, 'asyncIterator', Symbol('Symbol.asyncIterator'));
  define(scope, 'globalThis', scope);
  define(scope, 'queueMicrotask', (task: () => void) => {
    Promise.resolve()
      .then(task)
      .catch((error: unknown) =>
        setTimeout(() => {
          throw error;
        }),
      );
  });

  // Function constructors rather than classes: the guard is compiled to ES5, where classes cost helpers.
  /** Holds its target strongly: nothing is collected early, which is all the pane relies on. */
  function StrongRef(this: { deref(): unknown }, target: object) {
    this.deref = () => target;
  }
  define(scope, 'WeakRef', StrongRef);

  /** Observes nothing: Fluent's message bars and pop-ups then keep their first layout. */
  function InertResizeObserver(this: Record<string, () => void>) {
    this.observe = this.unobserve = this.disconnect = () => undefined;
  }
  define(scope, 'ResizeObserver', InertResizeObserver);

  function Utf8Encoder(this: { encoding: string; encode(text?: string): Uint8Array }) {
    this.encoding = 'utf-8';
    this.encode = (text = '') => utf8(String(text));
  }
  define(scope, 'TextEncoder', Utf8Encoder);

  /** UTF-8 only: the pane and its libraries decode nothing else (another label throws, as an unknown one does). */
  function Utf8Decoder(this: { encoding: string; decode(input?: ArrayBuffer | ArrayBufferView): string }, label = 'utf-8', options: { ignoreBOM?: boolean } = {}) {
    if (!/^\s*(utf-?8|unicode-1-1-utf-8)\s*$/i.test(label)) throw new RangeError(`TextDecoder: ${label} is not supported here`);
    this.encoding = 'utf-8';
    this.decode = (input) => {
      if (!input) return '';
      const bytes = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
      return fromUtf8(bytes, Boolean(options.ignoreBOM));
    };
  }
  define(scope, 'TextDecoder', Utf8Decoder);
}

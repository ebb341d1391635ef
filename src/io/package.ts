/**
 * The zip container of an .xlsx or .docx, inspected before any library inflates it. exceljs and mammoth
 * (through JSZip) inflate whatever an entry holds, whatever size it declares, and take each part by the
 * name in its local header with a leading "/" dropped. So before they see a package, every entry is
 * listed by that name, the declared sizes are added up and held to a limit, two entries for one part
 * are refused (what is checked must be what Excel opens), and each entry is inflated once, as a stream,
 * stopping as soon as it yields more than it declared.
 *
 * Written with web-platform APIs only (DataView, DecompressionStream, TextDecoder): the Word pane reads a
 * picked workbook through the same code in the browser.
 */
import { InputTooLargeError, UnreadableInputError, UnsupportedInputError } from './errors';
import { ioMessages } from './messages';

export interface PackageEntry {
  /** The name as stored in the entry's local header (what JSZip calls it). */
  stored: string;
  /** The part's name as exceljs and mammoth use it: without a leading "/". */
  name: string;
  method: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  /** Where the compressed data starts. */
  dataOffset: number;
}

export interface PackageIndex {
  entries: PackageEntry[];
  /** An entry by part name (case-insensitive, as part names are in a package). */
  get(name: string): PackageEntry | undefined;
  /** Sum of the declared uncompressed sizes. */
  totalSize: number;
}

/** Receives an entry's inflated content chunk by chunk; it may throw to stop the inflation. */
export interface EntrySink {
  write(chunk: Uint8Array): void;
  /** The entry is complete, and held exactly its declared size. */
  end(): void;
}

export interface InspectOptions {
  /** What to say when the bytes are not a readable zip. */
  corrupt: (file: string) => string;
  /** What to say when the package declares more than maxBytes. */
  tooLarge: (file: string, megabytes: number, limit: number) => string;
  /** Most uncompressed bytes the whole package may hold. */
  maxBytes: number;
  /** A sink for the entries whose content the caller wants to see. */
  sinkFor?: (entry: PackageEntry) => EntrySink | undefined;
  /** Sees the entries and their declared sizes before any is inflated (it may throw to refuse). */
  beforeInflating?: (entries: PackageEntry[]) => void;
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };
const STORED = 0;
const DEFLATED = 8;

/** The key two names for one part share: no leading "/", case folded. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
}

const utf8 = new TextDecoder('utf-8');

/** Lists the entries and checks the package's structure and declared sizes, inflating nothing. */
export function indexPackage(bytes: Uint8Array, file: string, options: Pick<InspectOptions, 'corrupt' | 'tooLarge' | 'maxBytes'>): PackageIndex {
  const corrupt = () => new UnreadableInputError(options.corrupt(file));
  const lies = () => new UnreadableInputError(ioMessages.packageInconsistent(file));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => view.getUint32(at + 4, true) * 0x1_0000_0000 + view.getUint32(at, true);
  const inside = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;

  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === SIG.end) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt();
  let count = u16(end + 10);
  let cdSize = u32(end + 12);
  let cdOffset = u32(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = end - 20;
    if (!inside(locator, 20) || u32(locator) !== SIG.locator64) throw corrupt();
    const record = u64(locator + 8);
    if (!inside(record, 56) || u32(record) !== SIG.end64) throw corrupt();
    count = u64(record + 32);
    cdSize = u64(record + 40);
    cdOffset = u64(record + 48);
  }
  if (!inside(cdOffset, cdSize)) throw corrupt();

  const entries: PackageEntry[] = [];
  const spans: { from: number; to: number }[] = [];
  let totalSize = 0;
  let at = cdOffset;
  while (inside(at, 46) && u32(at) === SIG.central) {
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localOffset = u32(at + 42);
    if (!inside(at + 46, nameLength + extraLength + commentLength)) throw corrupt();
    const centralName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Sizes too large for 32 bits are in the zip64 extra field, in this order, only those marked so.
    const extras = extraFields(bytes, at + 46 + nameLength, extraLength);
    const zip64 = extras.get(0x0001);
    let z = 0;
    const next64 = () => {
      if (!zip64 || z + 8 > zip64.length) throw corrupt();
      const value = u64(zip64.offset + z);
      z += 8;
      return value;
    };
    if (size === 0xffffffff) size = next64();
    if (compressedSize === 0xffffffff) compressedSize = next64();
    if (localOffset === 0xffffffff) localOffset = next64();
    at += 46 + nameLength + extraLength + commentLength;

    if (!inside(localOffset, 30) || u32(localOffset) !== SIG.local) throw corrupt();
    const localNameLength = u16(localOffset + 26);
    const dataOffset = localOffset + 30 + localNameLength + u16(localOffset + 28);
    if (!inside(localOffset + 30, localNameLength) || !inside(dataOffset, compressedSize) || dataOffset + compressedSize > cdOffset) throw corrupt();
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    // JSZip names an entry from its local header, most zip tools (and Excel) from the central directory.
    if (!sameBytes(localName, centralName)) throw lies();
    if ((flags & 0x0008) === 0) {
      const localCompressed = u32(localOffset + 18);
      const localSize = u32(localOffset + 22);
      if ((localCompressed !== 0xffffffff && localCompressed !== compressedSize) || (localSize !== 0xffffffff && localSize !== size)) throw lies();
    }
    const stored = utf8.decode(localName);
    const unicodePath = extras.get(0x7075);
    if (unicodePath && (flags & 0x0800) === 0 && unicodePath.length > 5 && utf8.decode(bytes.subarray(unicodePath.offset + 5, unicodePath.offset + unicodePath.length)) !== stored) throw lies();
    if (flags & 0x0001) throw new UnreadableInputError(ioMessages.packageEncrypted(file));
    if (method !== STORED && method !== DEFLATED) throw new UnsupportedInputError(ioMessages.packageCompression(file));

    spans.push({ from: localOffset, to: dataOffset + compressedSize });
    totalSize += size;
    if (stored.endsWith('/')) continue;
    entries.push({ stored, name: stored.startsWith('/') ? stored.slice(1) : stored, method, compressedSize, size, dataOffset });
  }
  if (spans.length !== count) throw corrupt();
  // Two entries sharing compressed bytes: one small file standing for many large ones.
  spans.sort((a, b) => a.from - b.from);
  for (let i = 1; i < spans.length; i++) if (spans[i].from < spans[i - 1].to) throw lies();
  if (totalSize > options.maxBytes) throw new InputTooLargeError(options.tooLarge(file, Math.ceil(totalSize / 1024 / 1024), Math.round(options.maxBytes / 1024 / 1024)));

  const byKey = new Map<string, PackageEntry>();
  for (const e of entries) {
    const key = partKey(e.stored);
    const other = byKey.get(key);
    if (other) throw new UnsupportedInputError(ioMessages.duplicatePart(file, other.stored, e.stored));
    byKey.set(key, e);
  }
  return { entries, totalSize, get: (name) => byKey.get(partKey(name)) };
}

/**
 * Indexes the package, then inflates every entry once, each held to its declared size: the first
 * byte past it stops the inflation and the package is refused.
 */
export async function inspectPackage(bytes: Uint8Array, file: string, options: InspectOptions): Promise<PackageIndex> {
  const index = indexPackage(bytes, file, options);
  options.beforeInflating?.(index.entries);
  for (const entry of index.entries) {
    const sink = options.sinkFor?.(entry);
    await inflateEntry(bytes, entry, file, sink && ((chunk) => sink.write(chunk)));
    sink?.end();
  }
  return index;
}

/** Inflates one entry, chunk by chunk, into sink; never past its declared size. */
export async function inflateEntry(bytes: Uint8Array, entry: PackageEntry, file: string, sink?: (chunk: Uint8Array) => void): Promise<void> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.size) throw new UnreadableInputError(ioMessages.packageInconsistent(file));
    sink?.(data);
    return;
  }
  // Typed as a plain transform: DOM and Node type the writable side differently (BufferSource).
  const inflate = new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;
  const reader = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  })
    .pipeThrough(inflate)
    .getReader();
  // A deflate stream that is cut short or malformed: the package is damaged or crafted.
  const next = () => reader.read().catch(() => Promise.reject(new UnreadableInputError(ioMessages.packageInconsistent(file))));
  let total = 0;
  try {
    for (let chunk = await next(); !chunk.done; chunk = await next()) {
      total += chunk.value.length;
      if (total > entry.size) throw new UnreadableInputError(ioMessages.packageInconsistent(file));
      sink?.(chunk.value);
    }
  } catch (err) {
    reader.cancel().catch(() => undefined);
    throw err;
  }
  if (total !== entry.size) throw new UnreadableInputError(ioMessages.packageInconsistent(file));
}

/** Inflates one whole entry as text (a small part: the caller has checked its declared size). */
export async function entryText(bytes: Uint8Array, entry: PackageEntry, file: string): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  await inflateEntry(bytes, entry, file, (chunk) => (text += decoder.decode(chunk, { stream: true })));
  return text + decoder.decode();
}

function extraFields(bytes: Uint8Array, from: number, length: number): Map<number, { offset: number; length: number }> {
  const fields = new Map<number, { offset: number; length: number }>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = from; at + 4 <= from + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > from + length) break;
    if (!fields.has(id)) fields.set(id, { offset: at + 4, length: size });
    at += 4 + size;
  }
  return fields;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

import * as path from 'path';
import type { Workbook } from '../core';
import { readBoundedFile, statInput } from './files';
import { readHtmlReport } from './html';
import { readPdfReport } from './pdf';
import { engineLimitError, InputTooLargeError, UnreadableInputError, UnsupportedInputError, UsageError } from './errors';
import { ioMessages } from './messages';
import { isOle, oleKind } from './ole';
import { inspectPackage, isZip } from './package';
import { readTextReport } from './text';
import { loadWorkbook, workbookToGrid } from './xlsx';

export interface Input {
  file: string;
  kind: 'xlsx' | 'text' | 'html' | 'docx' | 'pdf';
  workbook: Workbook;
  /** The prose of a text report, kept for proofreading. */
  text?: string;
  /** A web page's own <title>, which often names the body and year. */
  pageTitle?: string;
  /** The bytes that were read: a copy is patched from these, not from a second read of the file. */
  bytes: Buffer;
}

export const READABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.docx', '.pdf', '.html', '.htm', '.txt', '.md'];

const MB = 1024 * 1024;

/**
 * Most bytes read from a file of each kind. A workbook's package is held to MAX_PACKAGE_MB once
 * inflated (xlsx.ts); a published report's page or text is rarely over 1 MB, and a .docx over a few
 * MB only for its pictures, which are not read.
 */
export const MAX_FILE_BYTES = { xlsx: 100 * MB, docx: 50 * MB, pdf: 50 * MB, html: 10 * MB, text: 10 * MB } as const;

/** A .docx package, pictures included; its document part alone is held lower, as mammoth builds a tree of it. */
const MAX_DOCX_PACKAGE_BYTES = 100 * MB;
const MAX_DOCX_DOCUMENT_BYTES = 20 * MB;

export type InputKind = Input['kind'];

/** Reads a statistics workbook or a report into the core's grid model. */
export async function readInput(file: string): Promise<Input> {
  const { kind, bytes } = await readInputFile(file);
  return parseInput(file, kind, bytes);
}

/** A report's file as bytes, with the kind its name gives: refused with the reason when it is not one this tool reads. */
export async function readInputFile(file: string): Promise<{ kind: InputKind; bytes: Buffer }> {
  const ext = path.extname(file).toLowerCase();
  const stat = await statInput(file);
  if (stat.isDirectory()) throw new UsageError(ioMessages.isDirectory(file));
  if (ext === '.xls') throw new UnsupportedInputError(ioMessages.legacyXls(file));
  if (!READABLE_EXTENSIONS.includes(ext)) throw new UnsupportedInputError(ioMessages.unsupportedType(file));
  const kind = ext === '.xlsx' || ext === '.xlsm' ? 'xlsx' : ext === '.docx' ? 'docx' : ext === '.pdf' ? 'pdf' : ext === '.html' || ext === '.htm' ? 'html' : 'text';
  return { kind, bytes: await readBoundedFile(file, MAX_FILE_BYTES[kind]) };
}

/** A file's bytes, read by readInputFile (here or in another thread), into the grid model. */
export async function parseInput(file: string, kind: InputKind, bytes: Buffer): Promise<Input> {
  try {
    const input = await parse(kind, bytes, file);
    if (kind !== 'xlsx') input.workbook.origin = kind;
    return { ...input, bytes };
  } catch (err) {
    throw engineLimitError(err, file) ?? err;
  }
}

async function parse(kind: Input['kind'], data: Buffer, file: string): Promise<Omit<Input, 'bytes'>> {
  switch (kind) {
    case 'xlsx': {
      const workbook = workbookToGrid(await loadWorkbook(data, file));
      if (workbook.sheets.length === 0) throw new UnreadableInputError(ioMessages.emptyWorkbook(file));
      return { file, kind, workbook };
    }
    case 'text': {
      // Line ends as the text reader expects them: a file saved with CR alone (old Mac editors) is read too.
      const report = readTextReport(decodeText(data, file).replace(/\r\n?/g, '\n'));
      return { file, kind, workbook: report.workbook, text: report.narrative };
    }
    case 'html': {
      const report = readHtmlReport(decodeHtml(data, file), ioMessages.htmlSheetName, file);
      return { file, kind, workbook: report.workbook, text: report.narrative, ...(report.pageTitle ? { pageTitle: report.pageTitle } : {}) };
    }
    case 'pdf': {
      const report = await readPdfReport(data, file);
      return { file, kind, workbook: report.workbook, text: report.narrative, ...(report.pageTitle ? { pageTitle: report.pageTitle } : {}) };
    }
    case 'docx': {
      const html = await docxToHtml(data, file);
      const report = readHtmlReport(html, ioMessages.docxSheetName, file);
      return { file, kind, workbook: report.workbook, text: report.narrative };
    }
  }
}

/** mammoth turns the document into HTML, merged table cells as rowspan/colspan; the HTML reader does the rest. */
async function docxToHtml(data: Buffer, file: string): Promise<string> {
  if (isOle(data)) {
    const kind = oleKind(data);
    if (kind === 'encrypted') throw new UnreadableInputError(ioMessages.encryptedDocx(file));
    throw new UnsupportedInputError(
      kind === 'doc'
        ? ioMessages.docRenamed(file)
        : ioMessages.oleNotDocument(file, kind === 'xls' ? ioMessages.oleXlsName : kind === 'ppt' ? ioMessages.oleNames.ppt : ioMessages.oleNames.other),
    );
  }
  if (!isZip(data)) throw new UnreadableInputError(ioMessages.unreadableDocx(file));
  const index = await inspectPackage(data, file, { corrupt: ioMessages.unreadableDocx, tooLarge: ioMessages.documentTooLarge, maxBytes: MAX_DOCX_PACKAGE_BYTES });
  const document = index.get('word/document.xml');
  if (!document) throw index.get('xl/workbook.xml') ? new UnsupportedInputError(ioMessages.workbookNotDocument(file)) : new UnreadableInputError(ioMessages.unreadableDocx(file));
  if (document.size > MAX_DOCX_DOCUMENT_BYTES) {
    throw new InputTooLargeError(ioMessages.documentTooLarge(file, Math.ceil(document.size / MB), MAX_DOCX_DOCUMENT_BYTES / MB));
  }
  const mammoth = await import('mammoth');
  try {
    // Pictures are not needed for the figures: left unread (and uninflated) rather than inlined as base64.
    const noPicture = mammoth.images.imgElement(async () => ({ src: '' }));
    return (await mammoth.convertToHtml({ buffer: data }, { convertImage: noPicture })).value;
  } catch (err) {
    throw engineLimitError(err, file) ?? new UnreadableInputError(ioMessages.unreadableDocx(file));
  }
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function decodes(data: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a text without a declaration: a byte-order mark; UTF-16 by its zero bytes (the high
 * byte of every ASCII character); UTF-8 when the bytes are valid UTF-8; else GB18030 (GBK's superset,
 * what Chinese Windows saves) when they are valid GB18030; else undefined.
 */
export function detectEncoding(data: Uint8Array): string | undefined {
  for (const [bom, encoding] of BOMS) if (bom.every((b, i) => data[i] === b)) return encoding;
  const sample = data.subarray(0, 4096 - (Math.min(data.length, 4096) % 2));
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? zerosOdd++ : zerosEven++;
  const half = sample.length / 2;
  if (half > 0 && data.length % 2 === 0) {
    // Chinese characters rarely have a zero byte ("一" is U+4E00), ASCII characters always have one.
    if (zerosOdd > half * 0.05 && zerosOdd > 4 * zerosEven && decodes(data, 'utf-16le')) return 'utf-16le';
    if (zerosEven > half * 0.05 && zerosEven > 4 * zerosOdd && decodes(data, 'utf-16be')) return 'utf-16be';
  }
  if (decodes(data, 'utf-8')) return 'utf-8';
  if (decodes(data, 'gb18030')) return 'gb18030';
  return undefined;
}

function decodeWith(data: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(data).replace(/^\uFEFF/, '');
}

/** A text report: its encoding detected, since a text file does not declare one. */
export function decodeText(data: Uint8Array, file: string): string {
  const encoding = detectEncoding(data);
  if (!encoding) throw new UnsupportedInputError(ioMessages.textEncodingUnknown(file));
  return decodeWith(data, encoding);
}

/**
 * A page in the charset its meta tag declares, unless it declares UTF-8 while its bytes are not (older
 * government sites serve GBK pages under either label); a page that declares nothing is detected.
 */
export function decodeHtml(data: Uint8Array, file: string): string {
  const bom = BOMS.find(([b]) => b.every((x, i) => data[i] === x));
  if (bom) return decodeWith(data, bom[1]);
  const head = new TextDecoder('latin1').decode(data.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return decodeWith(data, declared);
    } catch {
      // A label TextDecoder does not know: detect instead.
    }
  }
  return decodeText(data, file);
}

import { promises as fs } from 'fs';
import * as path from 'path';
import type { Workbook } from '../core/grid';
import { InputError, ioMessages } from './messages';
import { readHtmlReport } from './html';
import { readTextReport } from './text';
import { loadWorkbook, workbookToGrid } from './xlsx';

export interface Input {
  file: string;
  kind: 'xlsx' | 'text' | 'html' | 'docx';
  workbook: Workbook;
  /** The prose of a text report, kept for proofreading. */
  text?: string;
  /** A web page's own <title>, which often names the body and year. */
  pageTitle?: string;
}

export const READABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.docx', '.html', '.htm', '.txt', '.md'];

/** Reads a statistics workbook or a text report into the core's grid model. */
export async function readInput(file: string): Promise<Input> {
  const ext = path.extname(file).toLowerCase();
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    throw new InputError(ioMessages.notFound(file));
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    const wb = await loadWorkbook(data, file);
    const workbook = workbookToGrid(wb);
    if (workbook.sheets.length === 0) throw new InputError(ioMessages.emptyWorkbook(file));
    return { file, kind: 'xlsx', workbook };
  }
  if (ext === '.txt' || ext === '.md') {
    const report = readTextReport(data.toString('utf8'));
    return { file, kind: 'text', workbook: report.workbook, text: report.narrative };
  }
  if (ext === '.html' || ext === '.htm') {
    const report = readHtmlReport(decodeHtml(data));
    return { file, kind: 'html', workbook: report.workbook, text: report.narrative, ...(report.pageTitle ? { pageTitle: report.pageTitle } : {}) };
  }
  if (ext === '.docx') {
    // mammoth turns the document into HTML, merged table cells as rowspan/colspan; the HTML reader does the rest.
    const mammoth = await import('mammoth');
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: data })).value;
    } catch {
      throw new InputError(ioMessages.unreadableDocx(file));
    }
    const report = readHtmlReport(html, ioMessages.docxSheetName);
    return { file, kind: 'docx', workbook: report.workbook, text: report.narrative };
  }
  if (ext === '.xls') throw new InputError(ioMessages.legacyXls(file));
  throw new InputError(ioMessages.unsupportedType(file));
}

/** Published pages are UTF-8 today, but older government sites still serve GBK; the meta tag says which. */
function decodeHtml(data: Buffer): string {
  const head = data.subarray(0, 2048).toString('latin1');
  const charset = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (charset && /^(gbk|gb2312|gb18030)$/.test(charset)) return new TextDecoder('gb18030').decode(data);
  return data.toString('utf8').replace(/^\uFEFF/, '');
}

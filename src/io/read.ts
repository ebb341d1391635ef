import { promises as fs } from 'fs';
import * as path from 'path';
import type { Workbook } from '../core/grid';
import { InputError, ioMessages } from './messages';
import { readTextReport } from './text';
import { loadWorkbook, workbookToGrid } from './xlsx';

export interface Input {
  file: string;
  kind: 'xlsx' | 'text';
  workbook: Workbook;
  /** The prose of a text report, kept for proofreading. */
  text?: string;
}

export const READABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.txt', '.md'];

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
  if (ext === '.xls') throw new InputError(ioMessages.legacyXls(file));
  throw new InputError(ioMessages.unsupportedType(file));
}

import type { Cell, Sheet, Workbook } from '../core/grid';
import { ioMessages } from './messages';

export interface TextReport {
  workbook: Workbook;
  /** The report's prose: every line that is not part of a table. */
  narrative: string;
}

const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function toCell(text: string): Cell | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  // A plain number in a text table is a number, as it would be in a workbook; anything else keeps its text.
  return /^-?\d+(\.\d+)?$/.test(t) ? { value: Number(t), text: t } : { value: t };
}

/**
 * Reads a text report whose table is written with "|" between cells (as the seed and Markdown do).
 * Each line is a row, so a cell address names its line: 文本表格!C24 is line 24, third cell.
 */
export function readTextReport(content: string): TextReport {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: (Cell | undefined)[][] = [];
  const prose: string[] = [];
  for (const line of lines) {
    if (!line.includes('|')) {
      rows.push(line.trim() ? [{ value: line.trim() }] : []);
      if (line.trim()) prose.push(line.trim());
      continue;
    }
    if (SEPARATOR.test(line)) {
      rows.push([]);
      continue;
    }
    let parts = line.split('|');
    if (parts[0].trim() === '' && line.trimStart().startsWith('|')) parts = parts.slice(1);
    if (parts.length && parts[parts.length - 1].trim() === '') parts = parts.slice(0, -1);
    rows.push(parts.map(toCell));
  }
  const sheet: Sheet = { name: ioMessages.textSheetName, rows, merges: [] };
  return { workbook: { sheets: [sheet] }, narrative: prose.join('\n') };
}

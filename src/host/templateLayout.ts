import type { BlankCell, BlankTemplate } from '../core';

/** What every spreadsheet host works out alike before it writes the blank template. */

/** `base`, or `base (2)`, `base (3)`, … : the first name no sheet has (Excel compares names without case). */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  if (!names.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) if (!names.has(`${base} (${k})`.toLowerCase())) return `${base} (${k})`;
}

/** Each table's bordered rectangle: runs of consecutive rows that have bordered cells. */
export function tableBoxes(template: BlankTemplate): { top: number; bottom: number; right: number }[] {
  const right = new Map<number, number>();
  for (const cell of template.cells) {
    if (!cell.bordered) continue;
    const end = spanOf(template, cell)?.right ?? cell.col;
    right.set(cell.row, Math.max(right.get(cell.row) ?? 0, end));
  }
  const boxes: { top: number; bottom: number; right: number }[] = [];
  for (const row of [...right.keys()].sort((a, b) => a - b)) {
    const last = boxes[boxes.length - 1];
    if (last && last.bottom === row - 1) {
      last.bottom = row;
      last.right = Math.max(last.right, right.get(row)!);
    } else boxes.push({ top: row, bottom: row, right: right.get(row)! });
  }
  return boxes;
}

export function spanOf(template: BlankTemplate, cell: BlankCell) {
  return template.merges.find((m) => m.top === cell.row && m.left === cell.col);
}

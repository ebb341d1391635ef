import { isTableBlock, type NarrativeBlock, type TableBlock } from '../core';

/**
 * What every document host compares alike to tell whether the user edited an inserted part since: the
 * part's text as inserted, and a comparison key that ignores how the application reports paragraph
 * breaks, spaces and a table's cell and row marks (control characters).
 */
export type InsertedPart = NarrativeBlock | TableBlock;

export const comparable = (text: string) => text.replace(/[\s\p{Cc}]+/gu, '');

export const partText = (part: InsertedPart) =>
  isTableBlock(part)
    ? part.grid.title + part.grid.rows.flat().map((c) => c.text).join('')
    : part.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('');

/** Whether the text now in the document is still what was inserted (nothing remembered: not ours to keep). */
export const editedSince = (current: string, inserted: string | undefined) => comparable(current) !== comparable(inserted ?? '');

/**
 * Recognition: finds every template table in a workbook, wherever it sits, and locates each indicator's
 * cell. Each sheet is scanned once for the templates' labels (align.ts); every region where a table's
 * labels cluster is read by that table (table.ts, reading figures with columns.ts); the readings of one
 * region by several formats are compared and one kept (choose.ts). What the templates are turned into
 * for this is prepared on first use (prepare.ts).
 */
import type { Workbook } from '../grid';
import { SheetView } from '../sheetview';
import { TEMPLATES } from '../templates';
import { anchorHits, clusters, unsupportedLayoutIn } from './align';
import { chooseReadings } from './choose';
import { isLabelOf, rowLabelKind, vocabularyOf } from './prepare';
import { readRegion, type Candidate } from './table';
import type { Recognition } from './types';

export type { Recognition, RecognitionProblem } from './types';
export { looksLikeTitle } from './table';

/** Finds every template table in a workbook, wherever it sits, and locates each indicator's cell. */
export function recognizeWorkbook(workbook: Workbook): Recognition {
  const vocabulary = vocabularyOf(TEMPLATES);
  const candidates: Candidate[] = [];
  workbook.sheets.forEach((sheet, sheetIndex) => {
    const view = new SheetView(sheet, (text) => rowLabelKind(vocabulary, text));
    const hits = anchorHits(view, vocabulary);
    for (const prepared of vocabulary.tables) {
      for (const cluster of clusters(hits.get(prepared) ?? [])) {
        // An old local layout (本年度/历年累计) shares row labels with the legacy 统计表 but not its meaning.
        if (unsupportedLayoutIn(view, vocabulary, cluster)) continue;
        candidates.push(readRegion(view, vocabulary, prepared, cluster, sheetIndex));
      }
    }
  });
  return chooseReadings(candidates);
}

/** Whether a text is one of the templates' own labels (a row, a group or a column header). */
export function isTemplateLabel(text: string): boolean {
  return isLabelOf(vocabularyOf(TEMPLATES), text);
}

import { a1, parseCellRef } from '../core/grid';
import type { CellMark, DocumentStore, SpreadsheetHost } from '../host/adapter';
import { officeSettingsStore } from '../host/officeSettings';
import { applyHighlights } from './highlight';
import { readWorkbookContent } from './read';
import { detectCapabilities, type ExcelCapabilities } from './requirements';
import { hasUndoMemory, undoWrittenTotals, writeTotals } from './totals';

/** `Excel.run` with a context-taking batch; injected so tests can hand in a recording fake. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function createExcelHost(run: ExcelRunner, store: DocumentStore, caps: ExcelCapabilities): SpreadsheetHost {
  return {
    kind: 'excel',
    store,
    readWorkbook: () => run((context) => readWorkbookContent(context, caps)),
    highlight: (marks: CellMark[]) => run((context) => applyHighlights(context, caps, store, marks)),
    clearHighlights: () => run((context) => applyHighlights(context, caps, store, [])),
    selectCells: (refs: string[]) => run((context) => selectRefs(context, caps, refs)),
    applyTotals: (writes) => run((context) => writeTotals(context, store, writes)),
    undoTotals: () => run((context) => undoWrittenTotals(context, store)),
    hasTotalsUndo: () => hasUndoMemory(store),
  };
}

/** The adapter for the running Excel: the one place in the pane that reaches `Excel.run`. */
export function excelHostFromOffice(): { host: SpreadsheetHost; caps: ExcelCapabilities } {
  const requirements = Office.context.requirements;
  const caps = detectCapabilities(
    (name, version) => requirements.isSetSupported(name, version),
    Office.context.platform === Office.PlatformType.OfficeOnline,
  );
  const run: ExcelRunner = (batch) => Excel.run(batch);
  return { host: createExcelHost(run, officeSettingsStore(Office.context.document.settings), caps), caps };
}

/** Selects the cells of one sheet (the first ref's); Excel scrolls the selection into view. */
async function selectRefs(context: Excel.RequestContext, caps: ExcelCapabilities, refs: string[]): Promise<void> {
  const positions = refs.map(parseCellRef).filter((p) => p !== null);
  if (positions.length === 0) return;
  const sheet = positions[0].sheet;
  const onSheet = positions.filter((p) => p.sheet === sheet).map((p) => a1(p.row, p.col));
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  if (caps.multiSelect && onSheet.length > 1) worksheet.getRanges(onSheet.join(',')).select();
  else worksheet.getRange(onSheet[0]).select();
  await context.sync();
}

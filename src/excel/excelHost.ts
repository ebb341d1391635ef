import { a1, parseCellRef } from '../core/grid';
import type { CellMark, DocumentStore, SpreadsheetHost } from '../host/adapter';
import { officeSettingsStore, STORE_KEYS } from '../host/officeSettings';
import { detectCapabilities, type ExcelCapabilities } from './requirements';
import type { TotalsUndoMemory } from './totals';

/*
 * The batches that read and write the workbook arrive with the first action, not with the pane's
 * first paint (one chunk for the three of them).
 */
const reading = () => import(/* webpackChunkName: "excel" */ './read');
const marking = () => import(/* webpackChunkName: "excel" */ './highlight');
const totals = () => import(/* webpackChunkName: "excel" */ './totals');

/** `Excel.run` with a context-taking batch; injected so tests can hand in a recording fake. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function createExcelHost(run: ExcelRunner, store: DocumentStore, caps: ExcelCapabilities): SpreadsheetHost {
  return {
    kind: 'excel',
    store,
    readWorkbook: async () => {
      const { readWorkbookContent } = await reading();
      return run((context) => readWorkbookContent(context, caps));
    },
    highlight: async (marks: CellMark[]) => {
      const { applyHighlights } = await marking();
      return run((context) => applyHighlights(context, caps, store, marks));
    },
    clearHighlights: async () => {
      const { applyHighlights } = await marking();
      return run((context) => applyHighlights(context, caps, store, []));
    },
    selectCells: (refs: string[]) => run((context) => selectRefs(context, caps, refs)),
    applyTotals: async (writes) => {
      const { writeTotals } = await totals();
      return run((context) => writeTotals(context, store, writes));
    },
    undoTotals: async () => {
      const { undoWrittenTotals } = await totals();
      return run((context) => undoWrittenTotals(context, store));
    },
    hasTotalsUndo: () => (store.get<TotalsUndoMemory>(STORE_KEYS.totalsUndo)?.writes.length ?? 0) > 0,
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

import { STORE_KEYS, type CellMark, type DocumentStore, type HostNotice, type SpreadsheetHost } from '../host/adapter';
import { officeSettingsStore } from '../host/officeSettings';
import { capabilityNotices, detectCapabilities, type ExcelCapabilities } from './requirements';
import type { TotalsUndoMemory } from '../host/totalsMemory';

/*
 * The batches that read and write the workbook arrive with the first action, not with the pane's
 * first paint (one chunk for the three of them).
 */
const reading = () => import(/* webpackChunkName: "excel" */ './read');
const marking = () => import(/* webpackChunkName: "excel" */ './highlight');
const totals = () => import(/* webpackChunkName: "excel" */ './totals');
const selecting = () => import(/* webpackChunkName: "excel" */ './select');
const templating = () => import(/* webpackChunkName: "excel" */ './template');

/** `Excel.run` with a context-taking batch; injected so tests can hand in a recording fake. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function createExcelHost(run: ExcelRunner, store: DocumentStore, caps: ExcelCapabilities, canDownload = true): SpreadsheetHost {
  return {
    kind: 'excel',
    app: 'office',
    store,
    canDownload,
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
    selectCells: async (refs: string[]) => {
      const { selectRefs } = await selecting();
      return run((context) => selectRefs(context, caps, refs));
    },
    applyTotals: async (writes) => {
      const { writeTotals } = await totals();
      return run((context) => writeTotals(context, store, writes));
    },
    undoTotals: async () => {
      const { undoWrittenTotals } = await totals();
      return run((context) => undoWrittenTotals(context, store));
    },
    insertBlankTemplate: async (template, sheetName) => {
      const { insertTemplate } = await templating();
      return run((context) => insertTemplate(context, template, sheetName));
    },
    hasTotalsUndo: () => (store.get<TotalsUndoMemory>(STORE_KEYS.totalsUndo)?.writes.length ?? 0) > 0,
  };
}

/**
 * The adapter for the running Excel: the one place in the pane that reaches `Excel.run`; with what it
 * can do and the notices for what it cannot (missing API sets), shown when the pane opens.
 */
export function excelHostFromOffice(): { host: SpreadsheetHost; caps: ExcelCapabilities; notices: HostNotice[] } {
  const requirements = Office.context.requirements;
  const caps = detectCapabilities((name, version) => requirements.isSetSupported(name, version));
  const run: ExcelRunner = (batch) => Excel.run(batch);
  const canDownload = Office.context.platform !== Office.PlatformType.Mac;
  return { host: createExcelHost(run, officeSettingsStore(Office.context.document.settings), caps, canDownload), caps, notices: capabilityNotices(caps) };
}

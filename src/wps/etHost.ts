import { STORE_KEYS, type DocumentStore, type SpreadsheetHost } from '../host/adapter';
import type { TotalsUndoMemory } from '../host/totalsMemory';
import type { EtApplication, EtWorkbook } from './api';
import { boundTo, NoDocumentOpen, WPS_MESSAGES } from './errors';
import { applyEtHighlights } from './highlight';
import { readEtWorkbook } from './read';
import { selectEtCells } from './select';
import { propertyStore } from './store';
import { insertEtTemplate } from './template';
import { undoEtTotals, writeEtTotals } from './totals';

/**
 * The spreadsheet host in WPS 表格: the same interface as the Excel host, over WPS's COM-like object
 * model. It belongs to the workbook active when the pane opened, whose custom properties are its document
 * store (store.ts); each call works on that workbook while it is the active one, and fails plainly otherwise.
 */
export function createEtHost(app: EtApplication, store: DocumentStore): SpreadsheetHost {
  const opened = app.ActiveWorkbook;
  const workbook: () => EtWorkbook = opened ? boundTo(() => app.ActiveWorkbook, opened.FullName, opened.Name) : () => {
    throw new NoDocumentOpen(WPS_MESSAGES.nothingOpen);
  };
  return {
    kind: 'excel',
    app: 'wps',
    store,
    // WPS's task pane is an embedded Chromium with no download handling documented: the pane offers copying.
    canDownload: false,
    readWorkbook: async () => readEtWorkbook(workbook()),
    highlight: async (marks) => applyEtHighlights(workbook(), store, marks),
    clearHighlights: async () => applyEtHighlights(workbook(), store, []),
    selectCells: async (refs) => selectEtCells(workbook(), refs),
    applyTotals: async (writes) => writeEtTotals(workbook(), store, writes),
    undoTotals: async () => undoEtTotals(workbook(), store),
    hasTotalsUndo: () => (store.get<TotalsUndoMemory>(STORE_KEYS.totalsUndo)?.writes.length ?? 0) > 0,
    insertBlankTemplate: async (template, sheetName) => insertEtTemplate(workbook(), template, sheetName),
  };
}

/** The host for the workbook open in WPS 表格, its store in that workbook's custom properties; null with none open. */
export function etHostFromWps(app: EtApplication): SpreadsheetHost | null {
  const workbook = app.ActiveWorkbook;
  return workbook ? createEtHost(app, propertyStore(workbook.CustomDocumentProperties)) : null;
}

import { STORE_KEYS, type DocumentStore, type SpreadsheetHost } from '../host/adapter';
import type { TotalsUndoMemory } from '../host/totalsMemory';
import type { EtApplication, EtWorkbook } from './api';
import { NoDocumentOpen } from './errors';
import { applyEtHighlights } from './highlight';
import { readEtWorkbook } from './read';
import { selectEtCells } from './select';
import { propertyStore } from './store';
import { insertEtTemplate } from './template';
import { undoEtTotals, writeEtTotals } from './totals';

/**
 * The spreadsheet host in WPS 表格: the same interface as the Excel host, over WPS's COM-like object
 * model. Each call works on the workbook active when it is made; the document store is the workbook's
 * own custom properties (store.ts), made when the pane opens.
 */
export function createEtHost(app: EtApplication, store: DocumentStore): SpreadsheetHost {
  const workbook = (): EtWorkbook => {
    const active = app.ActiveWorkbook;
    if (!active) throw new NoDocumentOpen('没有打开的工作簿');
    return active;
  };
  return {
    kind: 'excel',
    store,
    // WPS's task pane is an embedded Chromium that saves no downloaded file.
    canDownload: false,
    readWorkbook: async () => readEtWorkbook(workbook()),
    highlight: (marks) => applyEtHighlights(workbook(), store, marks),
    clearHighlights: () => applyEtHighlights(workbook(), store, []),
    selectCells: async (refs) => selectEtCells(workbook(), refs),
    applyTotals: (writes) => writeEtTotals(workbook(), store, writes),
    undoTotals: () => undoEtTotals(workbook(), store),
    hasTotalsUndo: () => (store.get<TotalsUndoMemory>(STORE_KEYS.totalsUndo)?.writes.length ?? 0) > 0,
    insertBlankTemplate: async (template, sheetName) => insertEtTemplate(workbook(), template, sheetName),
  };
}

/** The host for the workbook open in WPS 表格, its store in that workbook's custom properties; null with none open. */
export function etHostFromWps(app: EtApplication): SpreadsheetHost | null {
  const workbook = app.ActiveWorkbook;
  return workbook ? createEtHost(app, propertyStore(workbook.CustomDocumentProperties)) : null;
}

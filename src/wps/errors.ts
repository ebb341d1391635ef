/** No workbook or document open in WPS: the pane's action fails with this, shown as its error. */
export class NoDocumentOpen extends Error {}

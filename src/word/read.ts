import type { DocumentContent } from '../host/adapter';
import { ioMessages } from '../io/messages';
import { readOoxmlTables } from '../io/ooxmlTables';
import type { WordCapabilities } from './requirements';

/**
 * Reads the document in one sync: every paragraph's text (the positions proofreading reports) and the
 * body's Office Open XML, whose tables (tables 二, 三, 四 of a report, merged cells included) the engine
 * reads. Not getHtml, whose output differs between Windows, Mac and the web (ooxmlTables.ts).
 */
export async function readDocumentContent(context: Word.RequestContext, caps: WordCapabilities): Promise<DocumentContent> {
  const paragraphs = context.document.body.paragraphs;
  // Paragraphs inside tables are table cells: their text is read as the table's, not as prose.
  paragraphs.load(caps.wordApi13 ? 'items/text,items/tableNestingLevel' : 'items/text');
  const ooxml = context.document.body.getOoxml();
  await context.sync();
  return {
    paragraphs: paragraphs.items.map((p) => (caps.wordApi13 && p.tableNestingLevel > 0 ? '' : p.text)),
    tables: readOoxmlTables(ooxml.value, ioMessages.docxSheetName),
  };
}

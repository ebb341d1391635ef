import { TEXT_HIGHLIGHTS } from '../core';
import {
  type DocumentContent,
  type DocumentHost,
  type DocumentStore,
  type InsertOutcome,
  type MarkOutcome,
  type SentenceMark,
  type SentenceRef,
  STORE_KEYS,
} from '../host/adapter';
import { editedSince, type InsertedPart, partText } from '../host/insertedParts';
import { searchPlan } from '../host/sentenceLocate';
import { ensureMarksFit, keepSentenceMarks } from '../host/sentenceMarks';
import { readOoxmlTables } from '../io/ooxmlTables';
import { ioMessages } from '../io/messages';
import { blockPackage } from '../io/wordOoxml';
import type { WpsApplication, WpsDocument, WpsRange } from './api';
import { boundTo, NoDocumentOpen, WPS_MESSAGES } from './errors';
import { propertyStore } from './store';

/**
 * The document host in WPS 文字, over its COM-like object model (Word's): the same 公文 parts as the Word
 * host inserts, as the same Office Open XML (Range.InsertXML), each part under a bookmark named for its
 * key, so that inserting again replaces it where it stands; sentences highlighted through
 * HighlightColorIndex with the original remembered in the document; the text and tables read for
 * proofreading. Positions are character offsets in the document, as COM gives them.
 */

/** WdColorIndex by the colour it shows; 9999999 (wdUndefined) is a range of several highlights. */
const HIGHLIGHT_INDEX: Record<string, number> = {
  '#000000': 1, '#0000FF': 2, '#00FFFF': 3, '#00FF00': 4, '#FF00FF': 5, '#FF0000': 6, '#FFFF00': 7, '#FFFFFF': 8,
  '#000080': 9, '#008080': 10, '#008000': 11, '#800080': 12, '#800000': 13, '#808000': 14, '#808080': 15, '#C0C0C0': 16,
};
const NO_HIGHLIGHT = 0;
const MIXED_HIGHLIGHT = 9999999;
/** Range.Information(wdWithInTable). */
const WITHIN_TABLE = 12;

/** A part's bookmark: "nianbao_" and its key, spelled with the letters, digits and underscores names allow. */
export function bookmarkName(part: InsertedPart): string {
  const spelled = [...part.key].map((ch) => (/[A-Za-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}`)).join('');
  // Names are at most 40 characters: a longer key keeps its head and a checksum of the whole.
  if (spelled.length <= 32) return `nianbao_${spelled}`;
  let hash = 0;
  for (const ch of part.key) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return `nianbao_${spelled.slice(0, 23)}_${hash.toString(36)}`;
}

interface StoredMark extends SentenceRef {
  /** The highlight index before marking (0 for none). */
  original: number;
  colour: number;
}

export function createWpsDocumentHost(app: WpsApplication, store: DocumentStore): DocumentHost {
  const opened = app.ActiveDocument;
  const documentOf: () => WpsDocument = opened ? boundTo(() => app.ActiveDocument, opened.FullName, opened.Name) : () => {
    throw new NoDocumentOpen(WPS_MESSAGES.nothingOpen);
  };
  return {
    kind: 'word',
    store,
    readDocument: async () => readContent(documentOf()),
    insertBlocks: async (blocks, options) => insertParts(app, documentOf(), store, blocks, options?.replaceEdited ?? false),
    markSentences: async (marks) => markSentences(documentOf(), store, marks),
    clearMarks: async () => markSentences(documentOf(), store, []),
    selectSentence: async (sentence) => {
      const range = locate(documentOf(), paragraphTexts(documentOf()), sentence);
      range?.Select();
      return range !== null;
    },
  };
}

/** The host for the document open in WPS 文字, its store in that document's custom properties; null with none open. */
export function wpsDocumentHostFromWps(app: WpsApplication): DocumentHost | null {
  const document = app.ActiveDocument;
  return document ? createWpsDocumentHost(app, propertyStore(document.CustomDocumentProperties)) : null;
}

/** A paragraph's text without its mark: \r, and a table cell's end-of-cell mark (character 7) after it. */
const withoutMark = (text: string) => {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\r' || text.charCodeAt(end - 1) === 7)) end--;
  return text.slice(0, end);
};

function paragraphTexts(document: WpsDocument): string[] {
  return Array.from({ length: document.Paragraphs.Count }, (_, i) => withoutMark(document.Paragraphs.Item(i + 1).Range.Text));
}

/**
 * The paragraphs (those in tables as empty strings: their text is the tables') and the tables, read from
 * the document's Office Open XML as the Word host reads them (merged cells included).
 */
function readContent(document: WpsDocument): DocumentContent {
  const paragraphs = Array.from({ length: document.Paragraphs.Count }, (_, i) => {
    const range = document.Paragraphs.Item(i + 1).Range;
    return range.Information(WITHIN_TABLE) ? '' : withoutMark(range.Text);
  });
  return { paragraphs, tables: readOoxmlTables(document.Content.WordOpenXML, ioMessages.docxSheetName) };
}

/**
 * Inserts or replaces each part. A new part goes after the previous part of this insert, or after the
 * paragraph holding the cursor: an empty paragraph is added there and the part's XML put at its start, so
 * the part never runs into the user's text. What a part took is measured by how much the document grew,
 * and its bookmark set over exactly that. A part the user edited since is left alone unless confirmed.
 */
async function insertParts(app: WpsApplication, document: WpsDocument, store: DocumentStore, blocks: InsertedPart[], replaceEdited: boolean): Promise<InsertOutcome> {
  const remembered = store.get<Record<string, string>>(STORE_KEYS.insertedText) ?? {};
  const written: Record<string, string> = { ...remembered };
  const outcome: InsertOutcome = { inserted: [], replaced: [], edited: [], notices: [] };
  let after: number | null = null;
  const placed: [string, number, number][] = [];
  const put = (start: number, end: number, part: InsertedPart) => {
    const before = document.Content.End;
    document.Range(start, end).InsertXML(blockPackage(part));
    const last = end + document.Content.End - before;
    placed.push([bookmarkName(part), start, last]);
    written[part.key] = partText(part);
    return last;
  };
  for (const part of blocks) {
    const name = bookmarkName(part);
    if (document.Bookmarks.Exists(name)) {
      const mark = document.Bookmarks.Item(name).Range;
      // A bookmark may have grown at its start over the parts just put before it: those are not its own.
      const start: number = after !== null && mark.Start < after && after <= mark.End ? after : mark.Start;
      const range: WpsRange = start === mark.Start ? mark : document.Range(start, mark.End);
      if (editedSince(range.Text, remembered[part.key]) && !replaceEdited) {
        outcome.edited.push(part.key);
        placed.push([name, start, range.End]);
        after = range.End;
        continue;
      }
      after = put(start, range.End, part);
      outcome.replaced.push(part.key);
      continue;
    }
    if (after === null) {
      const cursor = app.Selection.Range.Paragraphs.Item(1).Range;
      // Where the empty paragraph starts: the range itself may grow over it (as Word's does).
      const end = cursor.End;
      cursor.InsertParagraphAfter();
      after = end;
    }
    // At the start of the empty paragraph after the cursor's, or of the paragraph after the last part.
    after = put(after, after, part);
    outcome.inserted.push(part.key);
  }
  // Set once every part is in: a bookmark may grow over text put at its end (the next part), and parts are
  // placed in order, so what was measured for one part is not moved by those after it.
  for (const [name, start, end] of placed) document.Bookmarks.Add(name, document.Range(start, end));
  if (outcome.inserted.length + outcome.replaced.length > 0) {
    store.set(STORE_KEYS.insertedText, written);
    await store.save();
  }
  return outcome;
}

/** The sentence's range, found again where it was or, if the paragraph changed, wherever it is now. */
function locate(document: WpsDocument, texts: string[], ref: SentenceRef): WpsRange | null {
  const plan = searchPlan(texts, ref);
  if (!plan) return null;
  const start = document.Paragraphs.Item(plan.paragraph + 1).Range.Start + plan.at;
  return document.Range(start, start + ref.text.length);
}

/**
 * Restores earlier marks, then highlights these sentences, remembering each one's highlight before. A
 * sentence the user highlighted in several colours is not marked; one recoloured since it was marked
 * keeps the user's colour; nothing is highlighted when the memory would not fit the document's store.
 */
async function markSentences(document: WpsDocument, store: DocumentStore, marks: SentenceMark[]): Promise<MarkOutcome> {
  const remembered = store.get<StoredMark[]>(STORE_KEYS.sentenceMarks) ?? [];
  const texts = paragraphTexts(document);
  const notFound: string[] = [];
  const kept: string[] = [];
  const writes: (() => void)[] = [];
  const originalAt = new Map<string, number>();
  let restored = 0;
  for (const mark of remembered) {
    const range = locate(document, texts, mark);
    if (!range) {
      notFound.push(mark.text);
      continue;
    }
    if (range.HighlightColorIndex !== mark.colour) {
      kept.push(mark.text);
      continue;
    }
    writes.push(() => (range.HighlightColorIndex = mark.original));
    originalAt.set(`${range.Start}`, mark.original);
    restored++;
  }
  const stored: StoredMark[] = [];
  for (const mark of marks) {
    const plan = searchPlan(texts, mark);
    const range = locate(document, texts, mark);
    if (!plan || !range) {
      notFound.push(mark.text);
      continue;
    }
    const original = originalAt.get(`${range.Start}`) ?? range.HighlightColorIndex;
    if (original === MIXED_HIGHLIGHT) {
      kept.push(mark.text);
      continue;
    }
    const colour = HIGHLIGHT_INDEX[TEXT_HIGHLIGHTS[mark.severity].toUpperCase()];
    writes.push(() => (range.HighlightColorIndex = colour));
    stored.push({ paragraph: plan.paragraph, offset: plan.at, text: mark.text, original: original ?? NO_HIGHLIGHT, colour });
  }
  ensureMarksFit(store, stored);
  writes.forEach((write) => write());
  return keepSentenceMarks(store, stored, restored, notFound, kept);
}

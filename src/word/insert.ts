import { isTableBlock, type NarrativeBlock, type TableBlock } from '../core';
import { type DocumentStore, type InsertOutcome, STORE_KEYS } from '../host/adapter';
import { editedSince, partText } from '../host/insertedParts';
import { blockBodyXml, blockPackage, bodyPackage } from '../io/wordOoxml';

/**
 * Inserts narrative parts as native Word paragraphs in 公文 style, written as Office Open XML (ooxml.ts
 * says why: fixed line spacing and the East-Asian font cannot be set through the API), each part in a
 * content control tagged with its key, so the next insert finds the part and replaces its content
 * instead of adding a second copy. A table (its title and the w:tbl, merges kept: the API's own tables
 * cannot merge cells) is a part of its own, in a control tagged with its table id.
 */

export const BLOCK_TAG_PREFIX = 'nianbao-narrative:';
export const TABLE_TAG_PREFIX = 'nianbao-table:';

type Part = NarrativeBlock | TableBlock;

export const partTag = (part: Part) => (isTableBlock(part) ? TABLE_TAG_PREFIX + part.grid.table : BLOCK_TAG_PREFIX + part.key);


/** Makes `holder` (an empty paragraph) a tagged content control holding the part. */
function fillBlock(holder: Word.Paragraph, block: Part): Word.ContentControl {
  const control = holder.insertContentControl();
  control.tag = partTag(block);
  control.title = block.label;
  control.appearance = 'BoundingBox';
  control.insertOoxml(blockPackage(block), 'Replace');
  return control;
}

/**
 * Two syncs whatever the number and size of parts: one to find parts inserted before, one to write. A part
 * already in the document is replaced where it stands; a new part goes after the previous part of
 * this insert, or after the paragraph holding the cursor. A part the user edited since it was
 * inserted is left alone unless `replaceEdited` (the pane asks first): their words are not lost.
 */
export async function insertNarrativeBlocks(
  context: Word.RequestContext,
  store: DocumentStore,
  blocks: Part[],
  options: { replaceEdited?: boolean } = {},
): Promise<InsertOutcome> {
  const remembered = store.get<Record<string, string>>(STORE_KEYS.insertedText) ?? {};
  const existing = blocks.map((block) => {
    const controls = context.document.contentControls.getByTag(partTag(block));
    controls.load('items/text');
    return controls;
  });
  const selection = context.document.getSelection();
  await context.sync();

  const outcome: InsertOutcome = { inserted: [], replaced: [], edited: [], notices: [] };
  const written: Record<string, string> = { ...remembered };
  let previous: Word.ContentControl | null = null;
  blocks.forEach((block, i) => {
    const current = existing[i].items[0];
    if (!current) {
      const holder = previous ? previous.insertParagraph('', 'After') : selection.insertParagraph('', 'After');
      previous = fillBlock(holder, block);
      outcome.inserted.push(block.key);
    } else if (editedSince(current.text, remembered[block.key]) && !options.replaceEdited) {
      previous = current;
      outcome.edited.push(block.key);
      return;
    } else {
      // Replaced where it stands, in its own control.
      current.title = block.label;
      current.insertOoxml(blockPackage(block), 'Replace');
      previous = current;
      outcome.replaced.push(block.key);
    }
    written[block.key] = partText(block);
  });
  await context.sync();
  if (outcome.inserted.length + outcome.replaced.length > 0) {
    store.set(STORE_KEYS.insertedText, written);
    await store.save();
  }
  return outcome;
}

/**
 * Where Word has no WordApi 1.1 (no content controls, no Word.run: Word 2013) but takes Office Open XML
 * through the common API (OoxmlCoercion): every part at the cursor in one package, in 公文 style and
 * with merged cells, but in no control, so a second insert adds a second copy.
 */
export async function insertWithoutControls(setSelectedOoxml: (ooxml: string) => Promise<void>, blocks: Part[]): Promise<InsertOutcome> {
  await setSelectedOoxml(bodyPackage(blocks.map(blockBodyXml).join('')));
  return {
    inserted: blocks.map((b) => b.key),
    replaced: [],
    edited: [],
    notices: [{ code: 'not-replaceable', set: 'WordApi', version: '1.1' }],
  };
}

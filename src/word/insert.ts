import type { NarrativeBlock } from '../core';
import { type DocumentStore, type InsertOutcome, STORE_KEYS } from '../host/adapter';
import { blockPackage } from './ooxml';

/**
 * Inserts narrative parts as native Word paragraphs in 公文 style, written as Office Open XML (ooxml.ts
 * says why: fixed line spacing and the East-Asian font cannot be set through the API), each part in a
 * content control tagged with its key, so the next insert finds the part and replaces its content
 * instead of adding a second copy.
 */

export const BLOCK_TAG_PREFIX = 'nianbao-narrative:';

/** What the part says, as a comparison key: Word reports paragraph breaks and spaces its own way. */
const comparable = (text: string) => text.replace(/\s+/g, '');
const blockText = (block: NarrativeBlock) => block.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('');

/** Makes `holder` (an empty paragraph) a tagged content control holding the part. */
function fillBlock(holder: Word.Paragraph, block: NarrativeBlock): Word.ContentControl {
  const control = holder.insertContentControl();
  control.tag = BLOCK_TAG_PREFIX + block.key;
  control.title = block.label;
  control.appearance = 'BoundingBox';
  control.insertOoxml(blockPackage(block), 'Replace');
  return control;
}

/**
 * Two syncs whatever the number of parts: one to find parts inserted before, one to write. A part
 * already in the document is replaced where it stands; a new part goes after the previous part of
 * this insert, or after the paragraph holding the cursor. A part the user edited since it was
 * inserted is left alone unless `replaceEdited` (the pane asks first): their words are not lost.
 */
export async function insertNarrativeBlocks(
  context: Word.RequestContext,
  store: DocumentStore,
  blocks: NarrativeBlock[],
  options: { replaceEdited?: boolean } = {},
): Promise<InsertOutcome> {
  const remembered = store.get<Record<string, string>>(STORE_KEYS.insertedText) ?? {};
  const existing = blocks.map((block) => {
    const controls = context.document.contentControls.getByTag(BLOCK_TAG_PREFIX + block.key);
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
    } else if (comparable(current.text) !== comparable(remembered[block.key] ?? '') && !options.replaceEdited) {
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
    written[block.key] = blockText(block);
  });
  await context.sync();
  if (outcome.inserted.length + outcome.replaced.length > 0) {
    store.set(STORE_KEYS.insertedText, written);
    await store.save();
  }
  return outcome;
}

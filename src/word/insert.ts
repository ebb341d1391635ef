import { GONGWEN, type BlockParagraph, type BlockRole, type NarrativeBlock } from '../core/narrative/style';
import type { DocumentStore, InsertOutcome } from '../host/adapter';
import { STORE_KEYS } from '../host/officeSettings';
import type { WordCapabilities } from './requirements';

/**
 * Inserts narrative parts as native Word paragraphs (not insertHtml, which loses fonts and indents in
 * Word on the web), each part wrapped in a content control tagged with its key, so the next insert
 * finds the part and replaces it instead of adding a second copy.
 */

export const BLOCK_TAG_PREFIX = 'nianbao-narrative:';
/** Placeholders (〔待补充：…〕) stand out as they do in the .docx download. */
const PLACEHOLDER_HIGHLIGHT = 'Yellow';

const BUILT_IN_STYLE: Record<BlockRole, 'Title' | 'Heading1' | 'Heading2' | 'Normal'> = {
  title: 'Title',
  heading: 'Heading1',
  subheading: 'Heading2',
  body: 'Normal',
};
const FONT: Record<BlockRole, string> = {
  title: GONGWEN.fonts.title,
  heading: GONGWEN.fonts.heading,
  subheading: GONGWEN.fonts.subheading,
  body: GONGWEN.fonts.body,
};

/** What the part says, as a comparison key: Word reports paragraph breaks and spaces its own way. */
const comparable = (text: string) => text.replace(/\s+/g, '');
const blockText = (block: NarrativeBlock) => block.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('');

function writeParagraph(paragraph: Word.Paragraph, content: BlockParagraph, caps: WordCapabilities): void {
  // The built-in style first: setting a style resets direct formatting, so the 公文 look goes on top of it.
  if (caps.wordApi13) paragraph.styleBuiltIn = BUILT_IN_STYLE[content.role];
  for (const run of content.runs) {
    const range = paragraph.insertText(run.text, 'End');
    if (run.placeholder) range.font.highlightColor = PLACEHOLDER_HIGHLIGHT;
  }
  const font = FONT[content.role];
  const title = content.role === 'title';
  // Heading styles are bold, blue and in a Latin font; 公文 headings are plain black 黑体 / 楷体.
  paragraph.font.set({ name: font, size: title ? GONGWEN.sizes.erhao : GONGWEN.sizes.sanhao, bold: false, italic: false, color: '#000000' });
  // `font.name` sets every script's font; where Word offers the East-Asian font on its own, set it explicitly too.
  if (caps.scriptFonts) paragraph.font.set({ nameFarEast: font, nameAscii: font });
  paragraph.set({
    alignment: title ? 'Centered' : 'Justified',
    firstLineIndent: title ? 0 : GONGWEN.firstLineIndent,
    leftIndent: 0,
    lineSpacing: title ? GONGWEN.lineSpacing.title : GONGWEN.lineSpacing.body,
    spaceBefore: 0,
    spaceAfter: title ? GONGWEN.titleSpaceAfter : 0,
  });
}

/** Wraps the empty paragraph `holder` in a tagged content control and fills it with the part. */
function fillBlock(holder: Word.Paragraph, block: NarrativeBlock, caps: WordCapabilities): Word.ContentControl {
  const control = holder.insertContentControl();
  control.tag = BLOCK_TAG_PREFIX + block.key;
  control.title = block.label;
  control.appearance = 'BoundingBox';
  block.paragraphs.forEach((content, i) => writeParagraph(i === 0 ? holder : control.insertParagraph('', 'End'), content, caps));
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
  caps: WordCapabilities,
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
      previous = fillBlock(holder, block, caps);
      outcome.inserted.push(block.key);
    } else if (comparable(current.text) !== comparable(remembered[block.key] ?? '') && !options.replaceEdited) {
      previous = current;
      outcome.edited.push(block.key);
      return;
    } else {
      const holder = current.insertParagraph('', 'Before');
      current.delete(false);
      previous = fillBlock(holder, block, caps);
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

/**
 * Paragraphs and sentences of a report's text, with their positions, so a finding can name the
 * sentence and a host can find it again (Word: paragraph index and offset within the paragraph).
 */

export interface TextParagraph {
  index: number;
  text: string;
  /** Offset of the paragraph's first character in the whole text (paragraphs joined by "\n"). */
  start: number;
  /** A 一、-level heading: short, starts with 一、 … 十、 and has no full stop. */
  heading: boolean;
}

export interface Sentence {
  text: string;
  paragraph: number;
  /** Offsets in the whole text. */
  start: number;
  end: number;
  /** Offset of the sentence within its paragraph. */
  paragraphOffset: number;
}

const SECTION_HEADING = /^[一二三四五六七八九十]{1,2}、/;
/** A heading is a line, not a paragraph of prose that happens to start with 一、. */
const HEADING_MAX_LENGTH = 40;
/** Marks that end a sentence, and the closing marks that stay with it. */
const SENTENCE_END = /[。！？!?]+[”’」』）)】]*/g;

export function splitParagraphs(paragraphs: readonly string[]): TextParagraph[] {
  let offset = 0;
  return paragraphs.map((text, index) => {
    const trimmed = text.trim();
    const paragraph: TextParagraph = {
      index,
      text,
      start: offset,
      heading: SECTION_HEADING.test(trimmed) && trimmed.length <= HEADING_MAX_LENGTH && !/[。；]/.test(trimmed),
    };
    offset += text.length + 1;
    return paragraph;
  });
}

/** Sentences of a paragraph: up to and including 。！？ (with closing quotes); a heading is one sentence. */
export function sentencesOf(paragraph: TextParagraph): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (from: number, to: number) => {
    const raw = paragraph.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') return;
    sentences.push({
      text,
      paragraph: paragraph.index,
      start: paragraph.start + from + lead,
      end: paragraph.start + from + lead + text.length,
      paragraphOffset: from + lead,
    });
  };
  let from = 0;
  for (const match of paragraph.text.matchAll(SENTENCE_END)) {
    const to = (match.index ?? 0) + match[0].length;
    push(from, to);
    from = to;
  }
  push(from, paragraph.text.length);
  return sentences;
}

/** How much of a long sentence a finding shows: enough to recognize it, never a whole page. */
export const EXCERPT_LENGTH = 120;

/** The sentence, or a window of it around [from, to) marked with … where it is cut. */
export function excerpt(text: string, from = 0, to = from, length = EXCERPT_LENGTH): string {
  if (text.length <= length) return text;
  const span = Math.min(to - from, length);
  let start = Math.max(0, from - Math.floor((length - span) / 2));
  start = Math.min(start, text.length - length);
  const window = text.slice(start, start + length);
  return `${start > 0 ? '…' : ''}${window}${start + length < text.length ? '…' : ''}`;
}

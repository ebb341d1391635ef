import { asciiDigits } from './numbers';
import { TITLE } from './years';
import { excerpt, sentencesOf, splitParagraphs, type Sentence, type TextParagraph } from './sentences';

/**
 * Sentences repeated from last year's report (a report copied with only the year changed). Years are
 * not counted as a difference; the title, headings, very short sentences and the preface every report carries
 * (本报告根据…编制, 统计期限…) are left out, so that what remains is the text a body writes itself.
 */

/** From this share of repeated sentences on, the report is worth a reviewer's look. */
export const REPEATED_SHARE = 0.3;
/** Shorter sentences (本年度无其他需要报告的事项。) repeat in every report. */
const MIN_LENGTH = 20;
const SUBHEADING = /^[（(][一二三四五六七八九十\d]{1,3}[）)][^。；]{0,30}$/;
const PREFACE = /本(?:年度)?报告|统计期限|电子版|以下简称|如对本|联系电话|联系地址|办公地址|邮政编码|邮编/;

export interface RepeatedPassage {
  /** The repeated sentences (a window of a long passage). */
  text: string;
  paragraph: number;
  /** Offsets in the whole text. */
  start: number;
  end: number;
  sentences: number;
}

export interface Repetition {
  /** Sentences of this year's text found in last year's. */
  sentences: number;
  /** Sentences compared (headings, short sentences and the preface left out). */
  considered: number;
  share: number;
  passages: RepeatedPassage[];
}

/** One form for comparison: no spaces, one width of punctuation, every year the same. */
function normalized(text: string): string {
  return asciiDigits(text)
    .replace(/\s+/g, '')
    .replace(/(?:19|20)\d{2}(?=年)/g, '#')
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

function comparable(paragraph: TextParagraph, form: string): boolean {
  const line = asciiDigits(paragraph.text.trim());
  if (paragraph.heading || SUBHEADING.test(line) || TITLE.test(line)) return false;
  return form.length >= MIN_LENGTH && !PREFACE.test(form);
}

function formsOf(paragraphs: TextParagraph[]): { sentence: Sentence; form: string }[] {
  const out: { sentence: Sentence; form: string }[] = [];
  for (const p of paragraphs) {
    for (const sentence of sentencesOf(p)) {
      const form = normalized(sentence.text);
      if (comparable(p, form)) out.push({ sentence, form });
    }
  }
  return out;
}

export function repeatedFromPrevious(paragraphs: TextParagraph[], previousText: string): Repetition {
  const previous = new Set(formsOf(splitParagraphs(previousText.replace(/\r\n?/g, '\n').split('\n'))).map((f) => f.form));
  const current = formsOf(paragraphs);
  const passages: RepeatedPassage[] = [];
  let repeated = 0;
  let open: { sentences: Sentence[] } | null = null;
  const close = () => {
    if (!open) return;
    const first = open.sentences[0];
    const last = open.sentences[open.sentences.length - 1];
    const text = open.sentences.map((s) => s.text).join('');
    passages.push({ text: excerpt(text), paragraph: first.paragraph, start: first.start, end: last.end, sentences: open.sentences.length });
    open = null;
  };
  current.forEach(({ sentence, form }, i) => {
    if (!previous.has(form)) return close();
    repeated++;
    // Sentences next to each other in one paragraph form one passage.
    const before = i > 0 ? current[i - 1].sentence : null;
    if (open && before && open.sentences[open.sentences.length - 1] === before && before.paragraph === sentence.paragraph) open.sentences.push(sentence);
    else {
      close();
      open = { sentences: [sentence] };
    }
  });
  close();
  return { sentences: repeated, considered: current.length, share: current.length ? repeated / current.length : 0, passages };
}

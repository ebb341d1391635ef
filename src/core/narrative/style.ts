import type { Narrative, Paragraph } from './model';

/**
 * The 公文 look of the report (GB/T 9704), in points, shared by every writer (io/docx and the Word
 * adapter): title in 小标宋 (or 黑体) 二号 centred, 一、 headings in 黑体, (一) headings in 楷体, body in
 * 仿宋 三号, first line indented two characters, fixed 28-point line spacing.
 */
export const GONGWEN = {
  fonts: { title: '方正小标宋简体', heading: '黑体', subheading: '楷体', body: '仿宋', pageNumber: '宋体' },
  /** 二号 22pt, 三号 16pt, 四号 14pt. */
  sizes: { erhao: 22, sanhao: 16, sihao: 14 },
  /** Fixed line spacing of the text, and of the title. */
  lineSpacing: { body: 28, title: 35 },
  /** A blank line's worth of space under the title, as in printed reports. */
  titleSpaceAfter: 28,
  /** Two characters of 三号. */
  firstLineIndent: 2 * 16,
  /**
   * The statistics tables: 宋体 in 五号 (10.5pt), titles in 黑体 四号 centred; a compact table (表四's fifteen
   * columns) in 小五 (9pt), so that it fits the portrait page's 156mm between the 公文 margins.
   */
  table: { font: '宋体', titleFont: '黑体', size: 10.5, compactSize: 9, titleSize: 14 },
  /** A4 with the 公文 margins (top 37mm, bottom 35mm, left 28mm, right 26mm), in twips (Word's unit, 1/20 pt). */
  page: {
    size: { width: 11906, height: 16838 },
    margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 992 },
  },
} as const;

/** The width between the 公文 margins, in twips: every table takes it whole. */
export const TEXT_WIDTH = GONGWEN.page.size.width - GONGWEN.page.margin.left - GONGWEN.page.margin.right;

/** The role of a paragraph, which decides its font and, in Word, its built-in style (for the navigation pane). */
export type BlockRole = 'title' | 'heading' | 'subheading' | 'body';

export interface BlockParagraph {
  role: BlockRole;
  runs: { text: string; placeholder: boolean }[];
}

/** A part of the narrative inserted as one unit: title and introduction, or one 一、 section. */
export interface NarrativeBlock {
  /** Stable across drafts: `intro`, `section-1` … `section-6`. */
  key: string;
  /** What the user knows it as: the section heading, or 标题和导语. */
  label: string;
  paragraphs: BlockParagraph[];
}

const toBlock = (p: Paragraph): BlockParagraph => ({
  role: p.kind === 'subheading' ? 'subheading' : 'body',
  runs: p.runs.map((r) => ({ text: r.text, placeholder: r.kind === 'placeholder' })),
});

/** The narrative as blocks in reading order, each paragraph with its role. */
export function narrativeBlocks(n: Narrative, introLabel: string): NarrativeBlock[] {
  const title: BlockParagraph = { role: 'title', runs: n.title.map((r) => ({ text: r.text, placeholder: r.kind === 'placeholder' })) };
  return [
    { key: 'intro', label: introLabel, paragraphs: [title, ...n.intro.map(toBlock)] },
    ...n.sections.map((s, i) => ({
      key: `section-${i + 1}`,
      label: s.heading,
      paragraphs: [{ role: 'heading' as const, runs: [{ text: s.heading, placeholder: false }] }, ...s.paragraphs.map(toBlock)],
    })),
  ];
}

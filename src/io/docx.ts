import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import { GONGWEN, type Narrative, type Paragraph as NarrativeParagraph, type Run } from '../core';

/**
 * Writes a narrative as a Word document in 公文 style (GB/T 9704): title in 小标宋 (or 黑体) 二号 centred,
 * 一、 headings in 黑体, (一) headings in 楷体, body in 仿宋 三号 with a two-character first-line indent
 * and fixed 28-point line spacing; placeholders highlighted so nobody can miss them.
 * No Node-only API: it runs in the CLI and, lazy-loaded, in the task pane.
 */

export interface DocxOptions {
  /** 方正小标宋简体 by default; 黑体 for offices without it. */
  titleFont?: string;
}

const FONTS = GONGWEN.fonts;
/** docx measures font sizes in half-points and spacing in twips (twentieths of a point). */
const halfPoints = (pt: number) => pt * 2;
const twips = (pt: number) => pt * 20;
const SIZE = { erhao: halfPoints(GONGWEN.sizes.erhao), sanhao: halfPoints(GONGWEN.sizes.sanhao), sihao: halfPoints(GONGWEN.sizes.sihao) };
const LINE = { line: twips(GONGWEN.lineSpacing.body), lineRule: LineRuleType.EXACT };
/** Two characters, also in twips for readers that ignore character units. */
const INDENT_TWO_CHARS = { firstLineChars: 200, firstLine: twips(GONGWEN.firstLineIndent) };
/** A4 with the 公文 margins (top 37mm, bottom 35mm, left 28mm, right 26mm), in twips. */
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 992 },
};

/** The font of every script: East-Asian text must be set as East-Asian, or Word falls back to its default. */
const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' });

function textRun(run: Run | string, font: string, size: number): TextRun {
  const text = typeof run === 'string' ? run : run.text;
  const isPlaceholder = typeof run !== 'string' && run.kind === 'placeholder';
  return new TextRun({
    text,
    font: fontOf(font),
    size,
    language: { eastAsia: 'zh-CN' },
    ...(isPlaceholder ? { highlight: 'yellow' as const } : {}),
  });
}

function paragraph(runs: (Run | string)[], font: string, size: number, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: INDENT_TWO_CHARS,
    children: runs.map((r) => textRun(r, font, size)),
    ...options,
  });
}

function narrativeParagraph(p: NarrativeParagraph): Paragraph {
  return paragraph(p.runs, p.kind === 'subheading' ? FONTS.subheading : FONTS.body, SIZE.sanhao);
}

export async function narrativeToDocx(n: Narrative, opts: DocxOptions = {}): Promise<Uint8Array> {
  const titleFont = opts.titleFont ?? FONTS.title;
  const title = n.title.map((r) => r.text).join('');
  const children: Paragraph[] = [
    paragraph(n.title, titleFont, SIZE.erhao, {
      alignment: AlignmentType.CENTER,
      indent: undefined,
      spacing: { line: twips(GONGWEN.lineSpacing.title), lineRule: LineRuleType.EXACT, after: twips(GONGWEN.titleSpaceAfter) },
    }),
    ...n.intro.map(narrativeParagraph),
  ];
  for (const section of n.sections) {
    children.push(paragraph([section.heading], FONTS.heading, SIZE.sanhao), ...section.paragraphs.map(narrativeParagraph));
  }
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf(FONTS.pageNumber), size: SIZE.sihao }),
    ],
  });
  const document = new Document({
    title,
    creator: '年报助手',
    styles: {
      default: {
        document: { run: { font: fontOf(FONTS.body), size: SIZE.sanhao, language: { eastAsia: 'zh-CN' } } },
      },
    },
    sections: [{ properties: { page: PAGE }, footers: { default: new Footer({ children: [pageNumber] }) }, children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

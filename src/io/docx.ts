import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { completeReport, GONGWEN, TEXT_WIDTH, type BlockParagraph, type GridCell, type Narrative, type TableGrid } from '../core';

/**
 * Writes a narrative as a Word document in 公文 style (GB/T 9704): title in 小标宋 (or 黑体) 二号 centred,
 * 一、 headings in 黑体, (一) headings in 楷体, body in 仿宋 三号 with a two-character first-line indent
 * and fixed 28-point line spacing; placeholders highlighted so nobody can miss them.
 * No Node-only API: it runs in the CLI and, lazy-loaded, in the task pane.
 */

export interface DocxOptions {
  /** 方正小标宋简体 by default; 黑体 for offices without it. */
  titleFont?: string;
  /** The report's tables in their official layout, each put where the narrative's 〔待插入〕 asks for it. */
  tables?: readonly TableGrid[];
}

const FONTS = GONGWEN.fonts;
/** docx measures font sizes in half-points and spacing in twips (twentieths of a point). */
const halfPoints = (pt: number) => pt * 2;
const twips = (pt: number) => pt * 20;
const SIZE = { erhao: halfPoints(GONGWEN.sizes.erhao), sanhao: halfPoints(GONGWEN.sizes.sanhao), sihao: halfPoints(GONGWEN.sizes.sihao) };
const TABLE = GONGWEN.table;
const LINE = { line: twips(GONGWEN.lineSpacing.body), lineRule: LineRuleType.EXACT };
/** Two characters, also in twips for readers that ignore character units. */
const INDENT_TWO_CHARS = { firstLineChars: 200, firstLine: twips(GONGWEN.firstLineIndent) };
const PAGE = GONGWEN.page;

/** The font of every script: East-Asian text must be set as East-Asian, or Word falls back to its default. */
const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' });

type RunInput = BlockParagraph['runs'][number] | string;

function textRun(run: RunInput, font: string, size: number): TextRun {
  const text = typeof run === 'string' ? run : run.text;
  const isPlaceholder = typeof run !== 'string' && run.placeholder;
  return new TextRun({
    text,
    font: fontOf(font),
    size,
    language: { eastAsia: 'zh-CN' },
    ...(isPlaceholder ? { highlight: 'yellow' as const } : {}),
  });
}

function paragraph(runs: RunInput[], font: string, size: number, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: INDENT_TWO_CHARS,
    children: runs.map((r) => textRun(r, font, size)),
    ...options,
  });
}

const ROLE_FONT = { heading: FONTS.heading, subheading: FONTS.subheading, body: FONTS.body } as const;

function reportParagraph(p: BlockParagraph, titleFont: string): Paragraph {
  if (p.role === 'title') {
    return paragraph(p.runs, titleFont, SIZE.erhao, {
      alignment: AlignmentType.CENTER,
      indent: undefined,
      spacing: { line: twips(GONGWEN.lineSpacing.title), lineRule: LineRuleType.EXACT, after: twips(GONGWEN.titleSpaceAfter) },
    });
  }
  return paragraph(p.runs, ROLE_FONT[p.role], SIZE.sanhao);
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A table cell: single-spaced small type, no indent; header cells centred and bold. */
function tableCell(cell: GridCell, width: number, size: number): TableCell {
  return new TableCell({
    rowSpan: cell.rowSpan,
    columnSpan: cell.colSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    children: [
      new Paragraph({
        alignment: ALIGN[cell.align],
        children: [new TextRun({ text: cell.text, font: fontOf(TABLE.font), size, bold: cell.header, language: { eastAsia: 'zh-CN' } })],
      }),
    ],
  });
}

/** A table's title (黑体 四号, centred) and the table in its official layout, as wide as the text. */
function reportTable(grid: TableGrid): (Paragraph | Table)[] {
  const size = halfPoints(grid.compact ? TABLE.compactSize : TABLE.size);
  const columnWidths = grid.widths.map((w) => Math.floor(w * TEXT_WIDTH));
  const rows = grid.rows.map(
    (cells, r) =>
      new TableRow({
        children: cells.map((cell) => tableCell(cell, sum(columnWidths.slice(cell.col, cell.col + cell.colSpan)), size)),
        tableHeader: r < grid.headerRows,
        cantSplit: true,
      }),
  );
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: twips(GONGWEN.lineSpacing.body / 2), after: twips(GONGWEN.lineSpacing.body / 4) },
    children: [textRun(grid.title, TABLE.titleFont, halfPoints(TABLE.titleSize))],
  });
  const table = new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
  return [title, table];
}

/**
 * The report as a .docx: the narrative, and with `tables` each table in its place instead of its
 * 〔待插入〕 (a table the narrative does not ask for follows it; a placeholder without its table stays).
 * 表四's fifteen columns stay on the portrait page in 小五: a landscape section in the middle of a 公文
 * would turn the page and its footer for one table, and published reports keep it portrait in small type.
 */
export async function narrativeToDocx(n: Narrative, opts: DocxOptions = {}): Promise<Uint8Array> {
  const titleFont = opts.titleFont ?? FONTS.title;
  const title = n.title.map((r) => r.text).join('');
  const children: (Paragraph | Table)[] = completeReport(n, opts.tables ?? []).flatMap((part) =>
    part.kind === 'table' ? reportTable(part.grid) : [reportParagraph(part, titleFont)],
  );
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

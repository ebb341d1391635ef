import { type BlockParagraph, type BlockRole, GONGWEN, type GridCell, TEXT_WIDTH, isTableBlock, type NarrativeBlock, type TableBlock, type TableGrid } from '../core';

/**
 * A narrative part as an Office Open XML package (the flat "pkg:package" form insertOoxml takes),
 * because the API cannot say what 公文 needs (learn.microsoft.com/office/dev/add-ins/word/create-better-add-ins-for-word-with-office-open-xml):
 * - fixed line spacing: `paragraph.lineSpacing = 28` is shown by Word as 多倍行距 2.33 (points ÷ 12),
 *   not 固定值 28 磅 (office-js #2296, #3203); `w:spacing w:lineRule="exact"` is 固定值;
 * - the East-Asian font: `font.name` sets the Latin font; Chinese text takes `w:rFonts w:eastAsia`,
 *   which the API offers only as nameFarEast in WordApiDesktop 1.3, never in Word on the web;
 * - heading styles for the navigation pane without WordApi 1.3: a style named in document.xml is
 *   ignored unless the package carries styles.xml, and a style the document already uses keeps the
 *   document's own definition; the 公文 look goes on top as direct formatting.
 * Pure, so it is tested alone; WordApi 1.1 inserts it.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

/** Built-in styles by their locale-independent id and name; the outline level puts headings in the navigation pane. */
const STYLE: Record<BlockRole, { id: string; name: string; outline?: number } | null> = {
  title: { id: 'Title', name: 'Title' },
  heading: { id: 'Heading1', name: 'heading 1', outline: 0 },
  subheading: { id: 'Heading2', name: 'heading 2', outline: 1 },
  body: null,
};
const FONT: Record<BlockRole, string> = {
  title: GONGWEN.fonts.title,
  heading: GONGWEN.fonts.heading,
  subheading: GONGWEN.fonts.subheading,
  body: GONGWEN.fonts.body,
};

/** Word measures spacing and indents in twips (1/20 pt) and font sizes in half-points. */
const twips = (points: number) => Math.round(points * 20);
const halfPoints = (points: number) => Math.round(points * 2);

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function runProperties(role: BlockRole, placeholder: boolean): string {
  const font = escapeXml(FONT[role]);
  const size = halfPoints(role === 'title' ? GONGWEN.sizes.erhao : GONGWEN.sizes.sanhao);
  return (
    '<w:rPr>' +
    `<w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}" w:cs="${font}" w:hint="eastAsia"/>` +
    // Heading styles are bold, blue and in a Latin font; 公文 headings are plain black 黑体 / 楷体.
    '<w:b w:val="0"/><w:bCs w:val="0"/><w:i w:val="0"/><w:iCs w:val="0"/><w:color w:val="000000"/>' +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    (placeholder ? '<w:highlight w:val="yellow"/>' : '') +
    '<w:lang w:eastAsia="zh-CN"/>' +
    '</w:rPr>'
  );
}

function paragraphXml(paragraph: BlockParagraph): string {
  const { role } = paragraph;
  const title = role === 'title';
  const style = STYLE[role];
  const line = twips(title ? GONGWEN.lineSpacing.title : GONGWEN.lineSpacing.body);
  const after = twips(title ? GONGWEN.titleSpaceAfter : 0);
  const indent = title ? '<w:ind w:left="0" w:firstLine="0"/>' : `<w:ind w:left="0" w:firstLineChars="200" w:firstLine="${twips(GONGWEN.firstLineIndent)}"/>`;
  const properties =
    '<w:pPr>' +
    (style ? `<w:pStyle w:val="${style.id}"/>` : '') +
    `<w:spacing w:before="0" w:after="${after}" w:line="${line}" w:lineRule="exact"/>` +
    indent +
    `<w:jc w:val="${title ? 'center' : 'both'}"/>` +
    runProperties(role, false) +
    '</w:pPr>';
  const runs = paragraph.runs
    .filter((run) => run.text !== '')
    .map((run) => `<w:r>${runProperties(role, run.placeholder)}<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`)
    .join('');
  return `<w:p>${properties}${runs}</w:p>`;
}

function stylesXml(): string {
  const styles = Object.values(STYLE)
    .filter((s): s is NonNullable<typeof s> => s !== null)
    .map(
      (s) =>
        `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${s.name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
        `<w:pPr><w:keepNext/>${s.outline === undefined ? '' : `<w:outlineLvl w:val="${s.outline}"/>`}</w:pPr></w:style>`,
    )
    .join('');
  return `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>${styles}</w:styles>`;
}

const TABLE = GONGWEN.table;
const CELL_BORDER = '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>';

function tableRunProperties(font: string, size: number, bold: boolean): string {
  const f = escapeXml(font);
  const sz = halfPoints(size);
  return (
    '<w:rPr>' +
    `<w:rFonts w:ascii="${f}" w:eastAsia="${f}" w:hAnsi="${f}" w:cs="${f}" w:hint="eastAsia"/>` +
    `<w:b w:val="${bold ? 1 : 0}"/><w:bCs w:val="${bold ? 1 : 0}"/><w:color w:val="000000"/>` +
    `<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/><w:lang w:eastAsia="zh-CN"/>` +
    '</w:rPr>'
  );
}

/** A cell's paragraph: single-spaced, no indent; a blank cell keeps no run, so it stays blank. */
function cellParagraph(text: string, align: GridCell['align'], size: number, bold: boolean): string {
  const rPr = tableRunProperties(TABLE.font, size, bold);
  const run = text === '' ? '' : `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="0" w:firstLine="0"/><w:jc w:val="${align}"/>${rPr}</w:pPr>${run}</w:p>`;
}

function cellXml(width: number, span: number, vMerge: 'restart' | 'continue' | null, paragraph: string): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>` +
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') +
    (vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge === 'continue' ? '<w:vMerge/>' : '') +
    `<w:vAlign w:val="center"/></w:tcPr>${paragraph}</w:tc>`
  );
}

/**
 * A table grid (src/core/layout) as a table's title (黑体 四号, centred) and a w:tbl: merges as w:gridSpan
 * and w:vMerge (a vertical merge lists a continuing cell in every row it covers), single borders, the
 * header rows repeated on each page, 宋体 五号 (a compact table in 小五), header cells centred and bold,
 * figures right-aligned, blank kept blank, as wide as the text.
 */
export function tableXml(grid: TableGrid): string {
  const size = grid.compact ? TABLE.compactSize : TABLE.size;
  // Column widths from the 公文 text width; the table itself is 100% of the text width, so Word scales it to the document's own margins.
  const columns = grid.widths.map((w) => Math.floor(w * TEXT_WIDTH));
  const spanWidth = (col: number, span: number) => columns.slice(col, col + span).reduce((a, b) => a + b, 0);
  /** Cells merged down from an earlier row, by the rows they still cover. */
  const continuing: { cell: GridCell; until: number }[] = [];
  const rows = grid.rows.map((cells, r) => {
    const here = [
      ...cells.map((cell) => ({ cell, continues: false })),
      ...continuing.filter((c) => c.until >= r).map((c) => ({ cell: c.cell, continues: true })),
    ].sort((a, b) => a.cell.col - b.cell.col);
    for (const cell of cells) if (cell.rowSpan > 1) continuing.push({ cell, until: r + cell.rowSpan - 1 });
    const tcs = here.map(({ cell, continues }) =>
      continues
        ? cellXml(spanWidth(cell.col, cell.colSpan), cell.colSpan, 'continue', cellParagraph('', cell.align, size, cell.header))
        : cellXml(spanWidth(cell.col, cell.colSpan), cell.colSpan, cell.rowSpan > 1 ? 'restart' : null, cellParagraph(cell.text, cell.align, size, cell.header)),
    );
    return `<w:tr><w:trPr><w:cantSplit/>${r < grid.headerRows ? '<w:tblHeader/>' : ''}</w:trPr>${tcs.join('')}</w:tr>`;
  });
  const title =
    '<w:p><w:pPr><w:keepNext/>' +
    `<w:spacing w:before="${twips(GONGWEN.lineSpacing.body / 2)}" w:after="${twips(GONGWEN.lineSpacing.body / 4)}"/><w:ind w:left="0" w:firstLine="0"/><w:jc w:val="center"/>` +
    `${tableRunProperties(TABLE.titleFont, TABLE.titleSize, false)}</w:pPr>` +
    `<w:r>${tableRunProperties(TABLE.titleFont, TABLE.titleSize, false)}<w:t xml:space="preserve">${escapeXml(grid.title)}</w:t></w:r></w:p>`;
  const properties =
    '<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>' +
    `<w:tblBorders>${CELL_BORDER}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>';
  const gridCols = columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  return `${title}<w:tbl>${properties}<w:tblGrid>${gridCols}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

/** What a part is in the document's body: its paragraphs, or a table's title and table. */
export function blockBodyXml(block: NarrativeBlock | TableBlock): string {
  return isTableBlock(block) ? tableXml(block.grid) : block.paragraphs.map(paragraphXml).join('');
}

/** A part as a package for insertOoxml. */
export function blockPackage(block: NarrativeBlock | TableBlock): string {
  return bodyPackage(blockBodyXml(block));
}

/** Body XML (parts one after another) as the flat package insertOoxml and the Ooxml coercion take. */
export function bodyPackage(body: string): string {
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
    `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="word/document.xml"/></Relationships>` +
    '</pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
    `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${STYLES}" Target="styles.xml"/></Relationships>` +
    '</pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>' +
    `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>` +
    '</pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"><pkg:xmlData>' +
    stylesXml() +
    '</pkg:xmlData></pkg:part>' +
    '</pkg:package>'
  );
}

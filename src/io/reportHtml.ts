import { completeReport, GONGWEN, type BlockParagraph, type GridCell, type Narrative, type TableGrid } from '../core';

/**
 * Writes the complete report as one self-contained HTML page: no script, no external resource, the style
 * inline; the narrative in the 公文 fonts and the tables as <table> with rowspan/colspan in their official
 * layout, ready to paste into a website editor or publish as is.
 */

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FONTS = GONGWEN.fonts;
const TABLE = GONGWEN.table;

const STYLE = [
  `body{max-width:46em;margin:2em auto;padding:0 1em;font-family:"${FONTS.body}",serif;font-size:${GONGWEN.sizes.sanhao}pt;line-height:${GONGWEN.lineSpacing.body}pt;color:#000}`,
  `h1{font-family:"${FONTS.title}","${FONTS.heading}",serif;font-size:${GONGWEN.sizes.erhao}pt;line-height:${GONGWEN.lineSpacing.title}pt;font-weight:normal;text-align:center;margin:0 0 ${GONGWEN.titleSpaceAfter}pt}`,
  `h2{font-family:"${FONTS.heading}",sans-serif;font-size:${GONGWEN.sizes.sanhao}pt;font-weight:normal;margin:0;text-indent:2em}`,
  `p{margin:0;text-indent:2em;text-align:justify}`,
  `p.subheading{font-family:"${FONTS.subheading}",serif}`,
  `mark{background:#ff0}`,
  `table{border-collapse:collapse;width:100%;table-layout:fixed;margin:0.5em 0 1em;font-family:"${TABLE.font}",serif;font-size:${TABLE.size}pt;line-height:1.4}`,
  `table.compact{font-size:${TABLE.compactSize}pt}`,
  `caption{font-family:"${TABLE.titleFont}",sans-serif;font-size:${TABLE.titleSize}pt;padding:0.5em 0}`,
  `th,td{border:1px solid #000;padding:2px 3px;vertical-align:middle;word-break:break-all}`,
  `th{text-align:center;font-weight:bold}`,
  `td.left{text-align:left}td.center{text-align:center}td.right{text-align:right}`,
].join('\n');

const runsHtml = (runs: BlockParagraph['runs']): string =>
  runs.map((r) => (r.placeholder ? `<mark>${escape(r.text)}</mark>` : escape(r.text))).join('');

function paragraphHtml(p: BlockParagraph): string {
  switch (p.role) {
    case 'title':
      return `<h1>${runsHtml(p.runs)}</h1>`;
    case 'heading':
      return `<h2>${runsHtml(p.runs)}</h2>`;
    case 'subheading':
      return `<p class="subheading">${runsHtml(p.runs)}</p>`;
    case 'body':
      return `<p>${runsHtml(p.runs)}</p>`;
  }
}

function cellHtml(cell: GridCell): string {
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  return cell.header ? `<th${spans}>${escape(cell.text)}</th>` : `<td${spans} class="${cell.align}">${escape(cell.text)}</td>`;
}

function tableHtml(grid: TableGrid): string {
  const columns = grid.widths.map((w) => `<col style="width:${(w * 100).toFixed(2)}%">`).join('');
  const rows = grid.rows.map((cells) => `<tr>${cells.map(cellHtml).join('')}</tr>`);
  return [
    `<table${grid.compact ? ' class="compact"' : ''}>`,
    `<caption>${escape(grid.title)}</caption>`,
    `<colgroup>${columns}</colgroup>`,
    ...rows,
    '</table>',
  ].join('\n');
}

/** The report as an HTML page (UTF-8 text). */
export function narrativeToHtml(n: Narrative, tables: readonly TableGrid[] = []): string {
  const title = n.title.map((r) => r.text).join('');
  const body = completeReport(n, tables).map((part) => (part.kind === 'table' ? tableHtml(part.grid) : paragraphHtml(part)));
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

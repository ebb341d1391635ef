/**
 * Turns templates into what matching needs: each table's data rows and column headers with their label
 * forms, the exact label cores that mark it, and its indicator ids; and, over a set of templates, the
 * vocabulary every sheet is scanned with (all label cores, which labels name rows, the character pairs
 * labels share, the headers of the old layouts that are refused). Computed on first use and cached per template (and per list of templates), never at
 * import, so a template added or loaded later is prepared like the built-in ones.
 */
import { fullCore, labelCore, prepareLabel, type PreparedLabel } from '../labels';
import type { RowLabelKind } from '../reflow';
import { UNSUPPORTED_LAYOUTS } from '../templates/unsupported';
import { indicatorId, type BlockSpec, type ColumnSpec, type RowSpec, type TableSpec, type TemplateSpec } from '../templates';

/** A template's data row, with the label forms it is matched by. */
export interface RowEntry {
  block: BlockSpec;
  row: RowSpec;
  label: PreparedLabel;
}

/** A block's column header, with the label forms it is matched by. */
export interface ColumnEntry {
  spec: ColumnSpec;
  label: PreparedLabel;
}

export interface PreparedTable {
  template: TemplateSpec;
  table: TableSpec;
  /** Data rows of all blocks, in table order. */
  entries: RowEntry[];
  columns: Map<BlockSpec, ColumnEntry[]>;
  /** Exact label cores that mark this table: rows (groups included) and column headers. */
  anchors: Map<string, string>;
  /** Label cores of the table's rows (groups included) and of its column headers. */
  rowCores: ReadonlySet<string>;
  columnCores: ReadonlySet<string>;
  /** Every indicator the table defines, and those the format allows to be absent. */
  indicatorIds: string[];
  optionalIds: Set<string>;
}

function prepareTable(template: TemplateSpec, table: TableSpec): PreparedTable {
  const entries: RowEntry[] = [];
  const columns = new Map<BlockSpec, ColumnEntry[]>();
  const anchors = new Map<string, string>();
  const rowCores = new Set<string>();
  const columnCores = new Set<string>();
  for (const block of table.blocks) {
    const blockColumns = block.columns.map((spec) => ({ spec, label: prepareLabel(spec) }));
    columns.set(block, blockColumns);
    for (const { spec, label } of blockColumns) {
      for (const core of label.cores) {
        anchors.set(core, `col:${block.id}.${spec.id}`);
        columnCores.add(core);
      }
    }
    for (const row of block.rows) {
      const label = prepareLabel(row);
      for (const core of label.cores) {
        anchors.set(core, `row:${row.id}`);
        rowCores.add(core);
      }
      if (row.kind === 'data') entries.push({ block, row, label });
    }
  }
  const ids = (list: RowEntry[]) => list.flatMap((e) => e.block.columns.map((c) => indicatorId(table, e.block, e.row, c)));
  return { template, table, entries, columns, anchors, rowCores, columnCores, indicatorIds: ids(entries), optionalIds: new Set(ids(entries.filter((e) => e.row.optional))) };
}

const preparedTemplates = new WeakMap<TemplateSpec, PreparedTable[]>();

/** A template's tables prepared for matching, once per template object. */
export function prepareTemplate(template: TemplateSpec): PreparedTable[] {
  let tables = preparedTemplates.get(template);
  if (!tables) {
    tables = template.tables.map((table) => prepareTable(template, table));
    preparedTemplates.set(template, tables);
  }
  return tables;
}

/** What a sheet is scanned with: every table of a list of templates, and the words they share. */
export interface Vocabulary {
  /** Every table of every template, templates in their order. */
  tables: PreparedTable[];
  /** Every label core any table uses, rows, groups and column headers alike. */
  anchors: ReadonlySet<string>;
  /**
   * Row labels, data rows and groups: what separates the rows of a flowed sheet. A word that also heads
   * a column ("总计") separates nothing.
   */
  rowLabels: ReadonlyMap<string, 'data' | 'group'>;
  /** Every pair of adjacent Chinese characters in any label: a cell sharing none is not a label. */
  bigrams: ReadonlySet<string>;
  /** Label cores of the column headers of each old local layout that is refused (本年度/历年累计). */
  refusedHeaders: string[][];
  /** All of them in one set, to look a cell up once. */
  refusedCores: ReadonlySet<string>;
}

function buildVocabulary(templates: readonly TemplateSpec[]): Vocabulary {
  const tables = templates.flatMap(prepareTemplate);
  const anchors = new Set(tables.flatMap((p) => Array.from(p.anchors.keys())));
  const headers = new Set(tables.flatMap((p) => Array.from(p.columnCores)));
  const rowLabels = new Map<string, 'data' | 'group'>();
  for (const p of tables) {
    for (const block of p.table.blocks) {
      // A label that is a data row in one format (2019 (六)其他处理) and a group in another is a data row.
      for (const row of block.rows) {
        for (const core of prepareLabel(row).cores) if (!headers.has(core) && rowLabels.get(core) !== 'data') rowLabels.set(core, row.kind);
      }
    }
  }
  const bigrams = new Set(
    Array.from(anchors).flatMap((core) => {
      const chars = Array.from(core);
      return chars.slice(1).map((ch, i) => chars[i] + ch);
    }),
  );
  const refusedHeaders = UNSUPPORTED_LAYOUTS.map((layout) => layout.headers.map((h) => labelCore(h)));
  return { tables, anchors, rowLabels, bigrams, refusedHeaders, refusedCores: new Set(refusedHeaders.flat()) };
}

const vocabularies = new WeakMap<readonly TemplateSpec[], { size: number; vocabulary: Vocabulary }>();

/**
 * The vocabulary of a list of templates, once per list and length: the registry's list only grows (a
 * format registered after the first recognition), so a longer list is built again.
 */
export function vocabularyOf(templates: readonly TemplateSpec[]): Vocabulary {
  const known = vocabularies.get(templates);
  if (known && known.size === templates.length) return known.vocabulary;
  const vocabulary = buildVocabulary(templates);
  vocabularies.set(templates, { size: templates.length, vocabulary });
  return vocabulary;
}

/** What a label names in the templates: a data row, a group of rows, or nothing (null). */
export function rowLabelKind(vocabulary: Vocabulary, text: string): RowLabelKind {
  return vocabulary.rowLabels.get(labelCore(text)) ?? null;
}

/** Whether a text is one of the templates' own labels (a row, a group or a column header). */
export function isLabelOf(vocabulary: Vocabulary, text: string): boolean {
  const core = labelCore(text);
  return core.length > 0 && (vocabulary.anchors.has(core) || vocabulary.anchors.has(fullCore(text)));
}

const HAN = /\p{Script=Han}/u;

/**
 * A quick test run on every text cell of a sheet before any label work: in a data sheet of 100,000
 * rows almost no cell shares a pair of characters with a template label, and most labels share many.
 */
export function mayBeLabel(vocabulary: Vocabulary, text: string): boolean {
  if (text.length > 200) return false;
  let previous = '';
  for (const ch of text) {
    if (!HAN.test(ch)) {
      previous = '';
      continue;
    }
    if (previous && vocabulary.bigrams.has(previous + ch)) return true;
    previous = ch;
  }
  return false;
}

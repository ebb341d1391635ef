import { TemplateSpecSchema, type BlockSpec, type ColumnSpec, type RowSpec, type TableSpec, type TemplateSpec } from './schema';

export type { BlockSpec, ColumnSpec, RowSpec, RuleSpec, TableSpec, TemplateSpec } from './schema';

/** One figure a template defines: a data row of a block crossed with one of its columns. */
export interface IndicatorSpec {
  id: string;
  table: string;
  block: string;
  row: RowSpec;
  column: ColumnSpec;
  /** Row label, with the column's when the block has several: 予以公开/自然人. */
  label: string;
}

export function indicatorId(table: TableSpec, block: BlockSpec, row: RowSpec, column: ColumnSpec): string {
  return block.columns.length === 1 ? `${table.id}.${row.id}` : `${table.id}.${row.id}.${column.id}`;
}

export function indicatorsOf(template: TemplateSpec): IndicatorSpec[] {
  const out: IndicatorSpec[] = [];
  for (const table of template.tables) {
    for (const block of table.blocks) {
      for (const row of block.rows) {
        if (row.kind !== 'data') continue;
        for (const column of block.columns) {
          out.push({
            id: indicatorId(table, block, row, column),
            table: table.id,
            block: block.id,
            row,
            column,
            label: labelOf(block, row, column),
          });
        }
      }
    }
  }
  return out;
}

/**
 * Validates template data and checks that every rule names indicators the template has, so a typo in
 * a data file fails at load time rather than silently skipping a check.
 */
export function loadTemplate(input: unknown): TemplateSpec {
  const template = TemplateSpecSchema.parse(input);
  const ids = new Set(indicatorsOf(template).map((i) => i.id));
  if (ids.size !== indicatorsOf(template).length) throw new Error(`template ${template.id}: duplicate indicator ids`);
  for (const rule of template.rules) {
    for (const ref of expandRefs(refsOf(rule), rule.forEach)) {
      if (!ids.has(ref.replace(/^prev:/, ''))) throw new Error(`template ${template.id}: rule ${rule.id} names unknown indicator ${ref}`);
    }
  }
  return template;
}

function expandRefs(refs: string[], forEach: Record<string, string[]> | undefined): string[] {
  if (!forEach) return refs;
  return expandBindings(forEach).flatMap((binding) => refs.map((r) => substitute(r, binding)));
}

/** Every combination of a rule's forEach lists, e.g. {col: [a, b]} → [{col: a}, {col: b}]. */
export function expandBindings(forEach: Record<string, string[]> | undefined): Record<string, string>[] {
  let bindings: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(forEach ?? {})) {
    bindings = bindings.flatMap((b) => values.map((v) => ({ ...b, [name]: v })));
  }
  return bindings;
}

export function substitute(ref: string, binding: Record<string, string>): string {
  return ref.replace(/\{(\w+)\}/g, (_, name: string) => binding[name] ?? `{${name}}`);
}

/**
 * The label users know for an indicator id (t3.granted.person): its row's label, joined with its
 * column's (予以公开/自然人) when its block has several columns and withColumn is not false; the id
 * itself when the template has no such indicator.
 */
export function indicatorLabel(template: Pick<TemplateSpec, 'tables'>, id: string, { withColumn = true }: { withColumn?: boolean } = {}): string {
  const [tableId, rowId, columnId] = id.split('.');
  for (const block of template.tables.find((t) => t.id === tableId)?.blocks ?? []) {
    const row = block.rows.find((r) => r.id === rowId);
    if (!row) continue;
    if (!withColumn || block.columns.length === 1) return row.label;
    const column = block.columns.find((c) => c.id === columnId);
    return column ? labelOf(block, row, column) : id;
  }
  return id;
}

/** 予以公开/自然人: the row's label, with the column's when the block has several. */
function labelOf(block: BlockSpec, row: RowSpec, column: ColumnSpec): string {
  return block.columns.length === 1 ? row.label : `${row.label}/${column.label}`;
}

/** The fields that name indicators, by kind: a rule as written (RuleSpec) and a rule instance have the same. */
type RuleRefs =
  | { kind: 'sum-equal'; left: readonly string[]; right: readonly string[]; minus: readonly string[] }
  | { kind: 'sum-at-least'; total: string; parts: readonly string[] }
  | { kind: 'at-most'; part: string; whole: readonly string[] }
  | { kind: 'requires-level'; refs: readonly string[] };

/** Every indicator a rule names ("prev:" ones included), whatever its kind. */
export function refsOf(rule: RuleRefs): string[] {
  switch (rule.kind) {
    case 'sum-equal':
      return [...rule.left, ...rule.right, ...rule.minus];
    case 'sum-at-least':
      return [rule.total, ...rule.parts];
    case 'at-most':
      return [rule.part, ...rule.whole];
    case 'requires-level':
      return [...rule.refs];
  }
}

import { FORMATS } from '../formats/registry';
import type { TemplateSpec } from './schema';

export type { BlockSpec, ColumnSpec, RowSpec, RuleSpec, TableSpec, TemplateSpec } from './schema';
export { expandBindings, indicatorId, indicatorsOf, loadTemplate, substitute, type IndicatorSpec } from './load';

/** The templates of the registered formats (src/core/formats/registry.ts); their order decides nothing. */
export const TEMPLATES: readonly TemplateSpec[] = FORMATS.templates;

export function templateById(id: string): TemplateSpec {
  const format = FORMATS.find(id);
  if (!format) throw new Error(`unknown template ${id}`);
  return format.template;
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
    return column ? `${row.label}/${column.label}` : id;
  }
  return id;
}

import { FORMATS } from '../formats/registry';
import type { TemplateSpec } from './schema';

export type { BlockSpec, ColumnSpec, RowSpec, RuleSpec, TableSpec, TemplateSpec } from './schema';
export { expandBindings, indicatorId, indicatorLabel, indicatorsOf, loadTemplate, refsOf, substitute, type IndicatorSpec } from './load';

/** The templates of the registered formats (src/core/formats/registry.ts); their order decides nothing. */
export const TEMPLATES: readonly TemplateSpec[] = FORMATS.templates;

export function templateById(id: string): TemplateSpec {
  const format = FORMATS.find(id);
  if (!format) throw new Error(`unknown template ${id}`);
  return format.template;
}

import { validateLayout, type FormatLayout } from '../layout/model';
import type { FigureReader } from '../narrative/analytics';
import type { FormatWriting } from '../narrative/phrases/common';
import { deriveClaims } from '../proofread/claim-derivation';
import { validateClaims, type FormatClaims } from '../proofread/claims';
import { indicatorsOf, loadTemplate } from '../templates/load';
import type { TemplateInput, TemplateSpec } from '../templates/schema';
import type { ReportFacts } from '../types';

/**
 * One format of the statistics table, whole: its table (labels and rules), what a report's text may claim
 * about it, and how its narrative is drafted. A provincial variant is a new folder exporting one of these
 * and one line in registry.ts.
 */
export interface FormatPlugin {
  /** The template's id, e.g. national-2021. */
  id: string;
  /** The name users see, e.g. 2021年国家格式（国办公开办函〔2021〕30号）. */
  name: string;
  /**
   * Which format reads a table when two read it equally well (表四 is the same in 2019 and 2021): the
   * higher priority wins. Unique among registered formats, so registration order never decides.
   */
  priority: number;
  template: TemplateInput;
  /** Proofreading: the figures the text may state and where the table holds them (checked at registration). */
  claims: FormatClaims;
  /** The narrative: the format's analysis of its figures, put into words. Without it the format is not drafted. */
  narrative?: (reader: FigureReader, facts: ReportFacts) => FormatWriting;
  /** The official layout of its tables, for the complete report (checked at registration). Without it the tables are not drawn. */
  layout?: FormatLayout;
}

/** A registered format: its template loaded and its claims validated against it, with their derived forms. */
export interface LoadedFormat extends Omit<FormatPlugin, 'template'> {
  template: TemplateSpec;
}

/**
 * The formats the engine knows. Registering validates the template (every rule's indicators), the
 * claims (every cited indicator, fact and claim) and the layout (every indicator in one cell), so a typo fails at load rather than silently skipping
 * a check. The lists it keeps grow in place as formats are registered.
 */
export class FormatRegistry {
  private readonly byId = new Map<string, LoadedFormat>();
  /** Loaded templates in registration order; the order means nothing (ties go by priority). */
  readonly templates: TemplateSpec[] = [];
  /** Display names by format id. */
  readonly names: Record<string, string> = {};
  /** Ids of the formats a narrative can be drafted for. */
  readonly draftable: string[] = [];

  constructor(plugins: readonly FormatPlugin[] = []) {
    for (const plugin of plugins) this.register(plugin);
  }

  /** Adds a format; the next recognition, check, draft or proofreading uses it. */
  register(plugin: FormatPlugin): LoadedFormat {
    if (this.byId.has(plugin.id)) throw new Error(`format ${plugin.id} is registered twice`);
    const rival = [...this.byId.values()].find((f) => f.priority === plugin.priority);
    if (rival) throw new Error(`format ${plugin.id} has the priority of ${rival.id} (${plugin.priority}); priorities must differ`);
    const template = loadTemplate(plugin.template);
    if (template.id !== plugin.id) throw new Error(`format ${plugin.id}: its template's id is ${template.id}`);
    validateClaims(plugin.id, plugin.claims, new Set(indicatorsOf(template).map((i) => i.id)));
    if (plugin.layout) validateLayout(plugin.id, plugin.layout, template);
    const loaded: LoadedFormat = { ...plugin, template, claims: deriveClaims(plugin.claims) };
    this.byId.set(plugin.id, loaded);
    this.templates.push(template);
    this.names[plugin.id] = plugin.name;
    if (plugin.narrative) this.draftable.push(plugin.id);
    return loaded;
  }

  list(): LoadedFormat[] {
    return [...this.byId.values()];
  }

  find(id: string): LoadedFormat | undefined {
    return this.byId.get(id);
  }

  get(id: string): LoadedFormat {
    const format = this.byId.get(id);
    if (!format) throw new Error(`unknown format ${id}`);
    return format;
  }

  /** A format's tie priority; an unknown format ranks below every known one. */
  priority(id: string): number {
    return this.byId.get(id)?.priority ?? Number.NEGATIVE_INFINITY;
  }
}

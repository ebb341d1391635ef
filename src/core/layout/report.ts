import type { Narrative, Run } from '../narrative/model';
import type { BlockParagraph, BlockRole, NarrativeBlock } from '../narrative/style';
import type { TableGrid } from './grid';

/** A part of the complete report in reading order: a paragraph of the narrative, or a table. */
export type ReportPart = ({ kind: 'paragraph' } & BlockParagraph) | { kind: 'table'; grid: TableGrid };

const TABLE_NEED = /^table:(.+)$/;

const tableOf = (run: Run, grids: readonly TableGrid[]): TableGrid | undefined => {
  const match = run.kind === 'placeholder' ? TABLE_NEED.exec(run.need) : null;
  return match ? grids.find((g) => g.table === match[1]) : undefined;
};

/**
 * The narrative with each 〔待插入〕 table placeholder replaced by its table (the text before and after it
 * kept as paragraphs of their own). A placeholder whose table the input did not have stays; a table no
 * placeholder asks for (the legacy 统计表) follows the narrative.
 */
export function completeReport(n: Narrative, grids: readonly TableGrid[]): ReportPart[] {
  const parts: ReportPart[] = [];
  const placed = new Set<string>();
  const add = (role: BlockRole, runs: Run[]) => {
    let pending: Run[] = [];
    const flush = () => {
      if (pending.length > 0) parts.push({ kind: 'paragraph', role, runs: pending.map((r) => ({ text: r.text, placeholder: r.kind === 'placeholder' })) });
      pending = [];
    };
    for (const run of runs) {
      const grid = tableOf(run, grids);
      if (!grid) {
        pending.push(run);
        continue;
      }
      flush();
      parts.push({ kind: 'table', grid });
      placed.add(grid.table);
    }
    flush();
  };
  add('title', n.title);
  for (const p of n.intro) add(p.kind === 'subheading' ? 'subheading' : 'body', p.runs);
  for (const section of n.sections) {
    add('heading', [{ kind: 'text', text: section.heading }]);
    for (const p of section.paragraphs) add(p.kind === 'subheading' ? 'subheading' : 'body', p.runs);
  }
  for (const grid of grids) if (!placed.has(grid.table)) parts.push({ kind: 'table', grid });
  return parts;
}

/** A table inserted as a unit of its own (Word: its own content control), keyed by its table id. */
export interface TableBlock {
  kind: 'table';
  /** `table-t3`: stable across drafts. */
  key: string;
  label: string;
  grid: TableGrid;
}

/**
 * A unit of the complete report inserted at once: a narrative part (text only) or a table. `section` names the
 * narrative part it belongs to (`intro`, `section-3`), so a section is inserted with its tables in place;
 * a table no placeholder asks for (the legacy 统计表) belongs to none.
 */
export type ReportBlock = (NarrativeBlock | TableBlock) & { section?: string };

export const isTableBlock = (block: NarrativeBlock | TableBlock): block is TableBlock => 'grid' in block;

/**
 * The complete report (completeReport) as insertable units: the narrative parts of narrativeBlocks, each
 * cut where a table stands in it (the text after a table keeps the part's label, its key gets `~2`, `~3`),
 * and every table a unit of its own.
 */
export function reportBlocks(n: Narrative, grids: readonly TableGrid[], introLabel: string): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  let section: { key: string; label: string; pieces: number } | null = null;
  let pending: BlockParagraph[] = [];
  let sections = 0;
  const runs = [n.title, ...n.intro.map((p) => p.runs), ...n.sections.flatMap((s) => s.paragraphs.map((p) => p.runs))].flat();
  const asked = new Set(runs.flatMap((r) => (r.kind === 'placeholder' ? [TABLE_NEED.exec(r.need)?.[1]] : [])).filter((t): t is string => t !== undefined));
  const flush = () => {
    if (section && pending.length > 0) {
      section.pieces++;
      const key = section.pieces === 1 ? section.key : `${section.key}~${section.pieces}`;
      blocks.push({ key, label: section.label, paragraphs: pending, section: section.key });
    }
    pending = [];
  };
  for (const part of completeReport(n, grids)) {
    if (part.kind === 'table') {
      flush();
      // The legacy 统计表 follows the narrative without being asked for: it belongs to no section.
      const inSection = section && asked.has(part.grid.table);
      blocks.push({ kind: 'table', key: `table-${part.grid.table}`, label: part.grid.title, grid: part.grid, ...(inSection ? { section: section!.key } : {}) });
      continue;
    }
    if (part.role === 'title' || part.role === 'heading') {
      flush();
      section = part.role === 'title' ? { key: 'intro', label: introLabel, pieces: 0 } : { key: `section-${++sections}`, label: part.runs.map((r) => r.text).join(''), pieces: 0 };
    }
    pending.push({ role: part.role, runs: part.runs });
  }
  flush();
  return blocks;
}

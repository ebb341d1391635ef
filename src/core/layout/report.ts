import type { Narrative, Run } from '../narrative/model';
import type { BlockParagraph, BlockRole } from '../narrative/style';
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

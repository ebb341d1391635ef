/**
 * Findings about reading the workbook rather than about its figures: rows or columns not found, a
 * table that could not be read, a merged cell over two figures, tables of two formats, no table at all.
 */
import type { Workbook } from '../grid';
import { labelCore } from '../labels';
import { FORMAT_NAMES } from '../messages';
import type { RecognitionProblem } from '../recognize';
import { say } from '../render';
import { indicatorLabel, templateById } from '../templates';
import { UNSUPPORTED_LAYOUTS } from '../templates/unsupported';
import type { Finding, RecognizedTable } from '../types';
import { makeFinding } from './finding';

/** Rows of one table that could not be read in order are named in one finding, not one each. */
export function mergeRowProblems(problems: RecognitionProblem[]): RecognitionProblem[] {
  const merged = new Map<string, RecognitionProblem>();
  const out: RecognitionProblem[] = [];
  for (const p of problems) {
    if (p.kind !== 'row-values-mismatch') {
      out.push(p);
      continue;
    }
    const key = `${p.format}|${p.sheet}|${p.table}`;
    const first = merged.get(key);
    if (!first) {
      const copy = { ...p, rows: [{ label: p.indicators[0], found: p.found ?? 0, cell: p.cells[0] }] };
      merged.set(key, copy);
      out.push(copy);
      continue;
    }
    first.rows!.push({ label: p.indicators[0], found: p.found ?? 0, cell: p.cells[0] });
    first.indicators.push(...p.indicators);
    first.cells.push(...p.cells);
  }
  return out;
}

/** The recognized table a problem was found in, if one was recognized there. */
export function ownerOf<T extends RecognizedTable>(p: RecognitionProblem, tables: T[]): T | undefined {
  return tables.find((t) => t.table === p.table && t.sheet === p.sheet && t.format === p.format);
}

/** A problem is told with its table, when there is one; columns not found concern the sheet. */
export const belongsToTable = (p: RecognitionProblem, owner: RecognizedTable | undefined): owner is RecognizedTable => !!owner && p.kind !== 'columns-not-found';

export function problemFinding(p: RecognitionProblem, owner: RecognizedTable | undefined): Finding {
  const tableName = templateById(p.format).tables.find((t) => t.id === p.table)?.name ?? p.table;
  const base = { kind: 'recognition' as const, table: p.table, cells: p.cells };
  switch (p.kind) {
    case 'merged-across-figures':
      return makeFinding({
        ...base,
        rule: 'recognition.merged-across-figures',
        severity: 'error',
        message: say('mergedAcrossFigures', p.cells[0], p.indicators.map((id) => owner?.figures[id]?.label ?? id)),
        indicators: p.indicators,
        identity: [p.format, 'recognition.merged', ...p.indicators],
      });
    case 'mixed-formats':
      return makeFinding({
        ...base,
        rule: 'recognition.mixed-formats',
        severity: 'warning',
        message: say('mixedFormats', tableName, FORMAT_NAMES[p.format] ?? p.format, FORMAT_NAMES[p.otherFormat ?? ''] ?? '', p.indicators),
        indicators: [],
        identity: [p.format, 'recognition.mixed', p.table, ...p.indicators],
      });
    case 'row-values-mismatch':
      return makeFinding({
        ...base,
        rule: 'recognition.row-values-mismatch',
        severity: 'warning',
        message: say('rowValuesMismatch', tableName, p.rows ?? [], p.expected ?? 0),
        indicators: [],
        identity: [p.format, 'recognition.row-values', p.table, ...p.indicators],
      });
    case 'columns-not-found':
      return makeFinding({
        ...base,
        rule: 'recognition.columns-not-found',
        severity: 'warning',
        message: say('columnsNotFound', tableName, p.indicators),
        indicators: [],
        identity: [p.format, 'recognition.columns', p.table, ...p.indicators],
      });
  }
}

export function missingRows(table: RecognizedTable): Finding[] {
  if (!table.missing.length) return [];
  const template = templateById(table.format);
  const names = table.missing.map((id) => indicatorLabel(template, id, { withColumn: false }));
  return [
    makeFinding({
      rule: 'recognition.missing-rows',
      severity: 'warning',
      kind: 'recognition',
      table: table.table,
      message: say('missingRows', table.tableName, Array.from(new Set(names))),
      cells: [],
      indicators: table.missing,
      identity: [table.format, 'recognition.missing', ...table.missing],
    }),
  ];
}

export function weakLabels(table: RecognizedTable): Finding[] {
  return table.weakMatches.map((w) =>
    makeFinding({
      rule: 'recognition.weak-label',
      severity: 'hint',
      kind: 'recognition',
      table: table.table,
      message: say('weakLabel', w.expected, w.found, w.cell),
      cells: [w.cell],
      indicators: [],
      identity: [table.format, 'recognition.weak', w.id, w.found],
    }),
  );
}

/** Tables of one report in two national formats (表四 is the same in both). */
export function mixedTableFormats(tables: RecognizedTable[]): Finding[] {
  const compared = tables.filter((t) => t.table !== 't4');
  const nationalFormats = Array.from(new Set(compared.filter((t) => t.format !== 'legacy-2016').map((t) => t.format)));
  if (nationalFormats.length < 2) return [];
  return [
    makeFinding({
      rule: 'recognition.mixed-table-formats',
      severity: 'warning',
      kind: 'recognition',
      table: '',
      message: say('mixedTableFormats', compared.map((t) => ({ table: t.tableName, format: FORMAT_NAMES[t.format] ?? t.format }))),
      cells: [],
      indicators: [],
      identity: ['recognition.mixed-table-formats', ...nationalFormats],
    }),
  ];
}

const unreadable = (problems: RecognitionProblem[]) => problems.some((p) => p.kind === 'row-values-mismatch' || p.kind === 'columns-not-found');

/**
 * Rows of a table were found but none of its figures could be placed under its columns: the report
 * has a table; this tool could not read it (the problems say where).
 */
export function tableUnreadable(tables: RecognizedTable[], problems: RecognitionProblem[]): Finding[] {
  if (tables.length > 0 || !unreadable(problems)) return [];
  return [
    makeFinding({
      rule: 'recognition.table-unreadable',
      severity: 'warning',
      kind: 'recognition',
      table: '',
      message: say('tableUnreadable'),
      cells: [],
      indicators: [],
      identity: ['recognition.table-unreadable'],
    }),
  ];
}

/** No table of any format, and no table rows that could not be read either. */
export function noTemplate(tables: RecognizedTable[], problems: RecognitionProblem[], workbook: Workbook): Finding[] {
  if (tables.length > 0 || unreadable(problems)) return [];
  return [
    makeFinding({
      rule: 'recognition.no-template',
      severity: 'error',
      kind: 'recognition',
      table: '',
      message: workbook.origin && !unsupportedLayoutOf(workbook) ? say('noTableInDocument', workbook.origin) : say('noTemplate', unsupportedLayoutOf(workbook)),
      cells: [],
      indicators: [],
      identity: ['recognition.no-template'],
    }),
  ];
}

/** The name of an old layout the workbook seems to hold, when its headers say so. */
function unsupportedLayoutOf(workbook: Workbook): string | undefined {
  const texts = new Set<string>();
  for (const sheet of workbook.sheets) for (const row of sheet.rows) for (const cell of row ?? []) if (typeof cell?.value === 'string') texts.add(labelCore(cell.value));
  return UNSUPPORTED_LAYOUTS.find((layout) => layout.headers.every((h) => texts.has(labelCore(h))))?.name;
}

/** The same table found more than once: each is checked, and the user is told so. */
export function severalTables(tables: RecognizedTable[]): Finding[] {
  const byTable = new Map<string, RecognizedTable[]>();
  for (const t of tables) byTable.set(`${t.format}|${t.table}`, [...(byTable.get(`${t.format}|${t.table}`) ?? []), t]);
  return Array.from(byTable.values())
    .filter((list) => list.length > 1)
    .map((list) =>
      makeFinding({
        rule: 'recognition.several-tables',
        severity: 'hint',
        kind: 'recognition',
        table: list[0].table,
        message: say('severalTables', list[0].tableName, list.map((t) => `${t.sheet}!${t.range}`)),
        cells: [],
        indicators: [],
        identity: [list[0].format, 'recognition.several', list[0].table],
      }),
    );
}

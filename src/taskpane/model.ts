import { type BodyLevel, type Finding, SEVERITIES, type Severity, SEVERITY_STYLE, type WorkbookAnalysis } from '../core';
import { type CellMark, type DocumentStore, STORE_KEYS } from '../host/adapter';

/** A 核实 or 提示 finding the user explained; kept in the workbook, keyed by the finding's fingerprint. */
export interface Acknowledgement {
  note: string;
  /** ISO date of the explanation. */
  at: string;
  /** The rule and message when explained, so a reviewer opening the file sees what was explained. */
  rule: string;
  message: string;
}

export type Acknowledgements = Record<string, Acknowledgement>;

/** The report facts the user states in the pane (the table does not carry them). */
export interface PaneFacts {
  bodyName?: string;
  level?: BodyLevel;
  reportYear?: number;
}


/** Errors must be fixed; only 核实 and 提示 can be explained away. */
export function canAcknowledge(finding: Finding): boolean {
  return finding.severity !== 'error';
}

export function isAcknowledged(finding: Finding, acks: Acknowledgements): boolean {
  return canAcknowledge(finding) && acks[finding.fingerprint] !== undefined;
}

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

export interface TableGroup {
  key: string;
  tableName: string;
  sheet: string;
  open: number;
  counts: Record<Severity, number>;
  bySeverity: SeverityGroup[];
}

export interface FindingsView {
  tables: TableGroup[];
  notices: Finding[];
  open: number;
  acknowledged: number;
}

/** Groups findings by table, then by severity (强制, 核实, 提示); counts leave explained ones out. */
export function groupFindings(analysis: WorkbookAnalysis, acks: Acknowledgements): FindingsView {
  let open = 0;
  let acknowledged = 0;
  const count = (findings: Finding[]) => {
    for (const f of findings) {
      if (isAcknowledged(f, acks)) acknowledged++;
      else open++;
    }
  };
  const tables = analysis.tables.map((table) => {
    count(table.findings);
    const counts = { error: 0, warning: 0, hint: 0 };
    for (const f of table.findings) if (!isAcknowledged(f, acks)) counts[f.severity]++;
    return {
      key: `${table.sheet}|${table.format}|${table.table}|${table.range}`,
      tableName: table.tableName,
      sheet: table.sheet,
      open: counts.error + counts.warning + counts.hint,
      counts,
      bySeverity: SEVERITIES.map((severity) => ({ severity, findings: table.findings.filter((f) => f.severity === severity) })).filter(
        (g) => g.findings.length > 0,
      ),
    };
  });
  count(analysis.notices);
  return { tables, notices: analysis.notices, open, acknowledged };
}

/** Every cell of every open finding (the total and each component), coloured by its most severe finding. */
export function marksFor(analysis: WorkbookAnalysis, acks: Acknowledgements): CellMark[] {
  const worst = new Map<string, Severity>();
  const findings = [...analysis.tables.flatMap((t) => t.findings), ...analysis.notices];
  for (const f of findings) {
    if (isAcknowledged(f, acks)) continue;
    for (const cell of f.cells) {
      const current = worst.get(cell);
      if (current === undefined || SEVERITY_STYLE[f.severity].rank < SEVERITY_STYLE[current].rank) worst.set(cell, f.severity);
    }
  }
  return [...worst].map(([cell, severity]) => ({ cell, severity }));
}

export function loadAcknowledgements(store: DocumentStore): Acknowledgements {
  return store.get<Acknowledgements>(STORE_KEYS.acknowledgements) ?? {};
}

export async function saveAcknowledgements(store: DocumentStore, acks: Acknowledgements): Promise<void> {
  store.set(STORE_KEYS.acknowledgements, acks);
  await store.save();
}

export function loadFacts(store: DocumentStore): PaneFacts {
  return store.get<PaneFacts>(STORE_KEYS.facts) ?? {};
}

export async function saveFacts(store: DocumentStore, facts: PaneFacts): Promise<void> {
  store.set(STORE_KEYS.facts, facts);
  await store.save();
}

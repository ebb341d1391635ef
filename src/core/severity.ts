import type { Severity } from './types';

/**
 * Everything a severity means, in one table: its rank (most serious first), its name in every view,
 * the cell fill that marks it in Excel and the .xlsx copy (Excel's own Bad / Neutral / light-blue
 * styles, so the marks read as familiar), and the text highlight that marks it in Word (Word's
 * highlight palette has only a few named colours).
 */
export const SEVERITY_STYLE: Readonly<Record<Severity, { rank: number; name: string; cellFill: string; textHighlight: string }>> = {
  error: { rank: 0, name: '强制', cellFill: '#FFC7CE', textHighlight: '#FF00FF' },
  warning: { rank: 1, name: '核实', cellFill: '#FFEB9C', textHighlight: '#00FFFF' },
  hint: { rank: 2, name: '提示', cellFill: '#DDEBF7', textHighlight: '#00FF00' },
};

/** Most serious first. */
export const SEVERITIES: readonly Severity[] = (Object.keys(SEVERITY_STYLE) as Severity[]).sort((a, b) => SEVERITY_STYLE[a].rank - SEVERITY_STYLE[b].rank);

export const SEVERITY_NAMES = Object.fromEntries(SEVERITIES.map((s) => [s, SEVERITY_STYLE[s].name])) as Record<Severity, string>;

export const CELL_FILLS = Object.fromEntries(SEVERITIES.map((s) => [s, SEVERITY_STYLE[s].cellFill])) as Record<Severity, string>;

export const TEXT_HIGHLIGHTS = Object.fromEntries(SEVERITIES.map((s) => [s, SEVERITY_STYLE[s].textHighlight])) as Record<Severity, string>;

/** Sort order for findings: most serious first. */
export function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return SEVERITY_STYLE[a.severity].rank - SEVERITY_STYLE[b.severity].rank;
}

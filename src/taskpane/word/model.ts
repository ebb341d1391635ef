import { bySeverity, DRAFTABLE_FORMATS, draftNarrative, isTableBlock, type ProofFinding, type ProofreadResult, type ReportBlock, reportBlocks, reportTableGrids, withUserFacts } from '../../core';
import type { SentenceMark } from '../../host/adapter';
import type { Intent } from '../actions';
import type { PaneFacts } from '../model';
import type { LoadedFigures } from './figures';
import { W } from './strings';

/**
 * What the Word pane shows, decided without React: from the figures loaded, the narrative parts
 * drafted from them, the parts the user edited since insertion and the last proofreading.
 */

/** The value of the part picker that inserts every part, tables included. */
export const WHOLE_TEXT = 'all';

export interface WordPaneState {
  figures: LoadedFigures | null;
  blocks: ReportBlock[] | null;
  /** Keys of inserted parts the user edited since (left alone by the last insert). */
  edited: string[];
  proofread: ProofreadResult | null;
}

export interface Message {
  intent: Intent;
  text: string;
  title?: string;
}

export interface FiguresView {
  /** What was recognized, or that nothing was, and whether the table's own arithmetic is wrong. */
  messages: Message[];
}

export type InsertView =
  | { kind: 'hidden' }
  | { kind: 'unsupported'; text: string }
  | {
      kind: 'parts';
      options: { value: string; label: string }[];
      /** The edited parts by name, with the offer to replace them anyway; null when none was edited. */
      edited: { title: string; names: string } | null;
    };

export interface ProofreadView {
  /** The all-clear, or a plain line (nothing to check, the counts); null before any proofreading. */
  outcome: Message | { text: string } | null;
  uncheckedNote: string | null;
  /** Most severe first, then in reading order. */
  findings: { finding: ProofFinding; selectable: boolean }[];
}

export interface WordPaneView {
  figures: FiguresView;
  insert: InsertView;
  proofread: ProofreadView;
}

/**
 * The complete report for the loaded report as insertable parts: the narrative, with the facts the user
 * stated (body name, year) over the report's own, and each table the figures came with in its official
 * layout, in its place; null when there is no report or its format has no drafting.
 */
export function draftBlocks(figures: LoadedFigures | null, stated: PaneFacts): ReportBlock[] | null {
  const report = figures?.report;
  if (!report || !DRAFTABLE_FORMATS.includes(report.format)) return null;
  const facts = withUserFacts(report.facts, { bodyName: stated.bodyName, reportYear: stated.reportYear });
  const narrative = draftNarrative({ format: report.format, figures: report.figures, facts });
  return reportBlocks(narrative, reportTableGrids(report.format, report.tables, report.figures), W.introLabel);
}

/** The parts the picker's value stands for: everything, a section with its tables in place, or one table. */
export function chosenBlocks(blocks: ReportBlock[], part: string): ReportBlock[] {
  if (part === WHOLE_TEXT) return blocks;
  return blocks.filter((b) => b.key === part || b.section === part);
}

/** What the picker offers: the whole report, each section (with its tables), then each table on its own. */
function insertOptions(blocks: ReportBlock[]): { value: string; label: string }[] {
  const sections = new Map<string, string>();
  for (const b of blocks) if (!isTableBlock(b) && b.section && !sections.has(b.section)) sections.set(b.section, b.label);
  return [
    { value: WHOLE_TEXT, label: W.wholeText },
    ...[...sections].map(([value, label]) => ({ value, label })),
    ...blocks.filter(isTableBlock).map((b) => ({ value: b.key, label: W.tableOption(b.label) })),
  ];
}

/** The sentences to highlight: findings about the document as a whole (a missing part) have none. */
export function sentenceMarks(result: ProofreadResult): SentenceMark[] {
  return result.findings
    .filter((f) => f.paragraph >= 0)
    .map((f) => ({ paragraph: f.paragraph, offset: f.paragraphOffset, text: f.sentence, severity: f.severity }));
}

/** A report's title is its first line of text. */
export function titleOf(paragraphs: string[]): string | undefined {
  return paragraphs.find((p) => p.trim() !== '')?.trim();
}

/** What to tell when figures arrive: a workbook with several reports gives the first. */
export function loadedNotice(loaded: LoadedFigures): Message | null {
  return loaded.reports > 1 ? { intent: 'info', text: W.severalReports(loaded.reports) } : null;
}

function figuresView(figures: LoadedFigures | null): FiguresView {
  if (!figures) return { messages: [] };
  const messages: Message[] = [
    figures.report
      ? { intent: 'success', text: W.recognized(figures.report.formatName, figures.tableNames, figures.source) }
      : { intent: 'warning', text: W.noTable(figures.source) },
  ];
  if (figures.tableErrors > 0) messages.push({ intent: 'warning', text: W.tableErrors(figures.tableErrors) });
  return { messages };
}

function insertView({ figures, blocks, edited }: WordPaneState): InsertView {
  const report = figures?.report;
  if (!report) return { kind: 'hidden' };
  if (!blocks) return { kind: 'unsupported', text: W.draftNotSupported(report.formatName) };
  return {
    kind: 'parts',
    options: insertOptions(blocks),
    edited:
      edited.length > 0 ? { title: W.editedTitle, names: edited.map((key) => blocks.find((b) => b.key === key)?.label ?? key).join('、') } : null,
  };
}

function proofreadView(result: ProofreadResult | null): ProofreadView {
  if (!result) return { outcome: null, uncheckedNote: null, findings: [] };
  const findings = [...result.findings].sort((a, b) => bySeverity(a, b) || a.start - b.start);
  const count = (severity: ProofFinding['severity']) => findings.filter((f) => f.severity === severity).length;
  let outcome: ProofreadView['outcome'];
  if (findings.length > 0) outcome = { text: W.proofreadSummary(result.checked, count('error'), count('warning')) };
  else if (result.checked > 0) outcome = { intent: 'success', title: W.allGoodTitle, text: W.allGood(result.checked) };
  else outcome = { text: W.nothingToCheck };
  return {
    outcome,
    uncheckedNote: result.unchecked > 0 ? W.uncheckedNote(result.unchecked) : null,
    findings: findings.map((finding) => ({ finding, selectable: finding.paragraph >= 0 })),
  };
}

export function wordPaneView(state: WordPaneState): WordPaneView {
  return { figures: figuresView(state.figures), insert: insertView(state), proofread: proofreadView(state.proofread) };
}

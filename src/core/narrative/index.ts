import { FORMATS } from '../formats/registry';
import { indicatorLabel } from '../templates/load';
import type { Figure, FormatId } from '../types';
import { figureReader, type FigureReader } from './analytics';
import type { Narrative, Paragraph, PlaceholderRun, ReportFacts, Run } from './model';
import { placeholderCountNote, ROUNDING_DESCRIPTION, title, type FormatWriting } from './phrases/common';

export type {
  Derivation,
  FactRun,
  FigureRun,
  Narrative,
  Paragraph,
  PlaceholderRun,
  ReportFacts,
  RoundingRule,
  Run,
  Section,
  SourceCell,
  TextRun,
} from './model';

/** The formats a narrative can be drafted for: the registered formats that give a narrative. */
export const DRAFTABLE_FORMATS: readonly FormatId[] = FORMATS.draftable;

export interface DraftInput {
  format: FormatId;
  figures: Record<string, Figure>;
  facts: ReportFacts;
}

/**
 * Drafts the report's narrative from its figures. Deterministic: the same input always gives the
 * same narrative. Every number in it is a figure run carrying its source cells, or a report fact.
 */
export function draftNarrative(input: DraftInput): Narrative {
  const { format, figures, facts } = input;
  const reader = figureReader(figures, labelOf(format), facts.previous);
  const writing = writingFor(format, reader, facts);
  const narrative: Narrative = {
    format,
    title: title(facts),
    intro: writing.intro,
    sections: writing.sections,
    rounding: { decimals: 1, method: 'largest-remainder', description: ROUNDING_DESCRIPTION },
    notes: [],
  };
  const all = allRuns(narrative);
  const placeholders = all.filter((run): run is PlaceholderRun => run.kind === 'placeholder');
  if (all.some((run) => run.kind === 'figure' && run.derivation === 'share')) {
    narrative.notes.push(ROUNDING_DESCRIPTION);
  }
  narrative.notes.push(...writing.notes);
  if (placeholders.length > 0) narrative.notes.push(placeholderCountNote(placeholders));
  return narrative;
}

function writingFor(format: FormatId, reader: FigureReader, facts: ReportFacts): FormatWriting {
  const write = FORMATS.get(format).narrative;
  // A format registered without its analysis and wording cannot be drafted (DRAFTABLE_FORMATS leaves it out).
  if (!write) throw new Error(`no narrative for format ${format}`);
  return write(reader, facts);
}

/** Every run of the narrative, title first, in reading order. */
export function allRuns(n: Narrative): Run[] {
  return [...n.title, ...allParagraphs(n).flatMap((p) => p.runs)];
}

export function allParagraphs(n: Narrative): Paragraph[] {
  return [...n.intro, ...n.sections.flatMap((s) => s.paragraphs)];
}

const paragraphText = (p: Paragraph): string => p.runs.map((r) => r.text).join('');

/** The draft as plain text: title, paragraphs and headings one per line; editor notes after a rule. */
export function narrativeToText(n: Narrative): string {
  const lines = [n.title.map((r) => r.text).join(''), '', ...n.intro.map(paragraphText)];
  for (const section of n.sections) {
    lines.push(section.heading, ...section.paragraphs.map(paragraphText));
  }
  if (n.notes.length > 0) lines.push('', '——', ...n.notes);
  return lines.join('\n') + '\n';
}

/** Template labels by indicator id, to name a figure the sheet lacks in its placeholder. */
function labelOf(format: FormatId): (indicator: string) => string {
  const template = FORMATS.get(format).template;
  return (indicator) => indicatorLabel(template, indicator);
}

import { legacy2016 } from '../templates/legacy2016';
import { national2019 } from '../templates/national2019';
import { national2021 } from '../templates/national2021';
import type { TemplateInput } from '../templates/schema';
import type { Figure, FormatId } from '../types';
import { figureReader, type FigureReader } from './analytics';
import { analyzeLegacy } from './legacy-analysis';
import type { Narrative, Paragraph, PlaceholderRun, ReportFacts, Run } from './model';
import { analyzeNational2019 } from './national2019-analysis';
import { analyzeNational2021 } from './national2021-analysis';
import { placeholderCountNote, ROUNDING_DESCRIPTION, title, type FormatWriting } from './phrases/common';
import { writeLegacy } from './phrases/legacy';
import { writeNational2019 } from './phrases/national2019';
import { writeNational2021 } from './phrases/national2021';

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

/** The formats a narrative can be drafted for. */
export const DRAFTABLE_FORMATS: readonly FormatId[] = ['legacy-2016', 'national-2019', 'national-2021'];

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
  switch (format) {
    case 'legacy-2016':
      return writeLegacy(analyzeLegacy(reader), facts);
    case 'national-2019':
      return writeNational2019(analyzeNational2019(reader), facts);
    case 'national-2021':
      return writeNational2021(analyzeNational2021(reader), facts);
    default: {
      // A format added to the recognizer needs its own analysis and wording before it can be drafted.
      const unsupported: never = format;
      throw new Error(`no narrative for format ${String(unsupported)}`);
    }
  }
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

const TEMPLATES: Record<FormatId, TemplateInput> = {
  'legacy-2016': legacy2016,
  'national-2019': national2019,
  'national-2021': national2021,
};
const labelMaps = new Map<FormatId, Map<string, string>>();

/** Template labels by indicator id, to name a figure the sheet lacks in its placeholder. */
function labelOf(format: FormatId): (indicator: string) => string {
  let labels = labelMaps.get(format);
  if (!labels) {
    labels = indicatorLabels(TEMPLATES[format]);
    labelMaps.set(format, labels);
  }
  const known = labels;
  return (indicator) => known.get(indicator) ?? indicator;
}

function indicatorLabels(template: TemplateInput): Map<string, string> {
  const labels = new Map<string, string>();
  for (const table of template.tables) {
    for (const block of table.blocks) {
      for (const row of block.rows) {
        if (row.kind === 'group') continue;
        if (block.columns.length === 1) {
          labels.set(`${table.id}.${row.id}`, row.label);
        } else {
          for (const column of block.columns) labels.set(`${table.id}.${row.id}.${column.id}`, `${row.label}/${column.label}`);
        }
      }
    }
  }
  return labels;
}

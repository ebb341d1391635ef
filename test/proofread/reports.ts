import { FORMAT_NAMES, type ReportFigures } from '../../src/core';
import type { ReportFacts } from '../../src/core/narrative';
import type { FormatId } from '../../src/core/types';
import { figuresFrom, NATIONAL_SAMPLE, nationalValues, SEED_VALUES, type NationalSpec } from '../narrative/fixtures';

/** Report figures for proofreading tests: the seed's table, or a consistent 2021 table, with changes. */
export function reportOf(format: FormatId, values: Record<string, number>, facts: ReportFacts = {}): ReportFigures {
  return { format, formatName: FORMAT_NAMES[format], tables: [], figures: figuresFrom(format, values), facts };
}

export const seedReport = (changes: Record<string, number> = {}, facts: ReportFacts = {}) =>
  reportOf('legacy-2016', { ...SEED_VALUES, ...changes }, facts);

export const nationalReport = (spec: Partial<NationalSpec> = {}, facts: ReportFacts = {}) =>
  reportOf('national-2021', nationalValues({ ...NATIONAL_SAMPLE, ...spec }), facts);

import type { FigureReader, Part, Quantity } from '../../narrative/analytics';
import { analyzeAppeals, analyzeApplications, type NationalTables3And4 } from '../national-common/analysis';

/**
 * The facts of a 2021 national-format report that the narrative states: table 二 here, tables 三 and
 * 四 as in every national format. Indicator ids: `t2.<row>.<col>` or `t2.<row>`.
 */

/** The three sub-rows of (六)其他处理 in 2021. */
export const OTHER_HANDLING_ROWS_2021 = ['otherNoAmendment', 'otherNoFee', 'otherOther'] as const;

export const DECISION_KINDS = ['licensing', 'punishment', 'coercion'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface DocumentCounts {
  issued: Quantity;
  repealed: Quantity;
  inForce: Quantity;
}

export interface National2021Analysis extends NationalTables3And4 {
  documents: { regulations: DocumentCounts; normativeDocs: DocumentCounts };
  decisions: Part<DecisionKind>[];
  fees: Quantity;
}

export function analyzeNational2021(reader: FigureReader): National2021Analysis {
  const documents = (row: string): DocumentCounts => ({
    issued: reader.get(`t2.${row}.issued`),
    repealed: reader.get(`t2.${row}.repealed`),
    inForce: reader.get(`t2.${row}.inForce`),
  });
  return {
    documents: { regulations: documents('regulations'), normativeDocs: documents('normativeDocs') },
    decisions: DECISION_KINDS.map((key) => ({ key, q: reader.get(`t2.${key}`) })),
    fees: reader.get('t2.fees'),
    applications: analyzeApplications(reader, OTHER_HANDLING_ROWS_2021),
    appeals: analyzeAppeals(reader),
  };
}

import { signedChange, type Change, type FigureReader, type Quantity } from '../../narrative/analytics';
import { analyzeAppeals, analyzeApplications, type NationalTables3And4 } from '../national-common/analysis';

/**
 * The facts of a report in the 2019 trial format (国办公开办函〔2019〕60号) that the narrative states:
 * its own table 二 here, tables 三 and 四 as in every national format, with (六)其他处理 one row.
 * Indicator ids: `t2.<row>.<col>`.
 */

export const OTHER_HANDLING_ROWS_2019 = ['otherHandling'] as const;

/** The rows of 第二十条第(五)项 and 第(六)项: items (事项) counted, with the decisions made on them. */
export const MATTER_KINDS = ['licensing', 'otherServices', 'punishment', 'coercion'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

/** Units of money a cell may state; any other unit typed into 采购总金额 does not say what the amount is. */
const MONEY_UNITS = ['万元', '元'];

export interface DocumentCounts2019 {
  made: Quantity;
  published: Quantity;
  total: Quantity;
}

/** A count of items (事项, 项目) as table 二 gives it: last year's count and this year's signed change. */
export interface ItemCount {
  previous: Quantity;
  /** The 本年增/减 cell as read: negative for a decrease. */
  changeCell: Quantity;
  /** Which way and by how much; null when the 本年增/减 cell is blank or unreadable. */
  change: Change | null;
}

export interface Matter {
  key: MatterKind;
  items: ItemCount;
  decisions: Quantity;
}

export interface National2019Analysis extends NationalTables3And4 {
  documents: { regulations: DocumentCounts2019; normativeDocs: DocumentCounts2019 };
  matters: Matter[];
  fees: ItemCount;
  procurement: {
    projects: Quantity;
    /** 采购总金额, its unit the money unit typed into the cell, or left as the template's own. */
    amount: Quantity;
    /** False when the cell states no money unit: the format defines none, so none may be assumed. */
    unitStated: boolean;
  };
}

export function analyzeNational2019(reader: FigureReader): National2019Analysis {
  const documents = (row: string): DocumentCounts2019 => ({
    made: reader.get(`t2.${row}.made`),
    published: reader.get(`t2.${row}.published`),
    total: reader.get(`t2.${row}.total`),
  });
  const items = (row: string): ItemCount => {
    const changeCell = reader.get(`t2.${row}.change`);
    return { previous: reader.get(`t2.${row}.previous`), changeCell, change: signedChange(changeCell) };
  };
  const amount = reader.get('t2.procurement.amount');
  const statedUnit = MONEY_UNITS.find((unit) => unit === amount.typedUnit);
  return {
    documents: { regulations: documents('regulations'), normativeDocs: documents('normativeDocs') },
    matters: MATTER_KINDS.map((key) => ({ key, items: items(key), decisions: reader.get(`t2.${key}.decisions`) })),
    fees: items('fees'),
    procurement: {
      projects: reader.get('t2.procurement.projects'),
      amount: statedUnit ? { ...amount, unit: statedUnit } : amount,
      unitStated: statedUnit !== undefined,
    },
    applications: analyzeApplications(reader, OTHER_HANDLING_ROWS_2019),
    appeals: analyzeAppeals(reader),
  };
}

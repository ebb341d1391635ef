import type { LayoutCell, TableLayout } from '../../layout/model';
import type { TemplateInput } from '../../templates/schema';

/**
 * The official layouts of tables 三 and 四 (the same in the 2019 and 2021 formats but for (六)其他处理),
 * and the pieces of 表二's. Labels come from the template, the header words of the published tables are here.
 */
type TableInput = TemplateInput['tables'][number];
type RowInput = TableInput['blocks'][number]['rows'][number];

export const header = (text: string, span: { rowSpan?: number; colSpan?: number } = {}): LayoutCell => ({ text, header: true, ...span });
export const label = (text: string, span: { rowSpan?: number; colSpan?: number } = {}): LayoutCell => ({ text, ...span });
export const figures = (prefix: string, columns: readonly string[], colSpan?: number): LayoutCell[] =>
  columns.map((c) => ({ indicator: `${prefix}.${c}`, ...(colSpan ? { colSpan } : {}) }));

const APPLICANT_COLUMNS = ['natural', 'business', 'research', 'publicInterest', 'legalService', 'other', 'total'] as const;

/** The rows of 三、本年度办理结果 from (一) to (七): groups of numbered sub-rows, or rows standing alone. */
const OUTCOME_GROUP_IDS = ['deniedSection', 'unableSection', 'notProcessedSection', 'otherSection'];

/**
 * 表三 as the national template prints it: the 勾稽关系 note over the three label columns, 申请人情况 over
 * 自然人 / 法人或其他组织 (its five kinds) / 总计; 三、本年度办理结果 merged down its outcome rows, and each
 * of (三) to (六) merged down its numbered rows.
 */
export function table3Layout(table: TableInput): TableLayout {
  const rows = table.blocks[0].rows;
  const labelOf = (id: string) => rows.find((r) => r.id === id)!.label;
  const line = (id: string, labelCells: LayoutCell[]) => [...labelCells, ...figures(`t3.${id}`, APPLICANT_COLUMNS)];
  const body: LayoutCell[][] = [];
  const resultsStart = rows.findIndex((r) => r.id === 'resultsSection');
  const resultsEnd = rows.findIndex((r) => r.id === 'total');
  const outcomeRows = rows.slice(resultsStart + 1, resultsEnd + 1);
  const outcomeLines = outcomeRows.filter((r) => r.kind !== 'group').length;

  body.push(line('newApplications', [label(labelOf('newApplications'), { colSpan: 3 })]));
  body.push(line('carriedOver', [label(labelOf('carriedOver'), { colSpan: 3 })]));
  let first = true;
  for (let i = 0; i < outcomeRows.length; i++) {
    const r = outcomeRows[i];
    const lead = first ? [label(labelOf('resultsSection'), { rowSpan: outcomeLines })] : [];
    first = false;
    if (OUTCOME_GROUP_IDS.includes(r.id)) {
      const members = takeMembers(outcomeRows, i + 1);
      members.forEach((m, k) => {
        const groupCell = k === 0 ? [label(r.label, { rowSpan: members.length })] : [];
        body.push(line(m.id, [...(k === 0 ? lead : []), ...groupCell, label(m.label)]));
      });
      i += members.length;
    } else {
      body.push(line(r.id, [...lead, label(r.label, { colSpan: 2 })]));
    }
  }
  body.push(line('carryForward', [label(labelOf('carryForward'), { colSpan: 3 })]));

  return {
    table: 't3',
    title: table.name,
    widths: [3, 3, 10, 3, 3, 3, 3, 3, 3, 3],
    headerRows: 3,
    rows: [
      [header('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowSpan: 3, colSpan: 3 }), header('申请人情况', { colSpan: 7 })],
      [header('自然人', { rowSpan: 2 }), header('法人或其他组织', { colSpan: 5 }), header('总计', { rowSpan: 2 })],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => header(t)),
      ...body,
    ],
  };
}

/** The numbered rows under a group label: those after it up to the next group or a row standing alone. */
function takeMembers(rows: RowInput[], from: number): RowInput[] {
  const members: RowInput[] = [];
  for (let i = from; i < rows.length && rows[i].kind !== 'group' && /^\d/.test(rows[i].label); i++) members.push(rows[i]);
  return members;
}

const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
const APPEAL_HEADERS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/**
 * 表四 as the national template prints it: 行政复议 over its five columns (each merged down two rows), 行政诉讼
 * over 未经复议直接起诉 and 复议后起诉 with five columns each; one row of fifteen figures. Compact: fifteen
 * columns on a portrait A4 page.
 */
export const TABLE_4_LAYOUT: TableLayout = {
  table: 't4',
  title: '表四 政府信息公开行政复议、行政诉讼情况',
  widths: new Array<number>(15).fill(1),
  headerRows: 3,
  compact: true,
  rows: [
    [header('行政复议', { colSpan: 5 }), header('行政诉讼', { colSpan: 10 })],
    [...APPEAL_HEADERS.map((t) => header(t, { rowSpan: 2 })), header('未经复议直接起诉', { colSpan: 5 }), header('复议后起诉', { colSpan: 5 })],
    [...APPEAL_HEADERS, ...APPEAL_HEADERS].map((t) => header(t)),
    [...figures('t4.review', APPEAL_COLUMNS), ...figures('t4.litigationDirect', APPEAL_COLUMNS), ...figures('t4.litigationAfterReview', APPEAL_COLUMNS)],
  ],
};

/** A block of 表二: its 第二十条 clause over the table's width, 信息内容 and the column headers, then its rows. */
export function table2Block(
  clause: string,
  columns: { header: string; colSpan?: number; id: string }[],
  rows: { id: string; label: string }[],
): LayoutCell[][] {
  return [
    [header(clause, { colSpan: 4 })],
    [header('信息内容'), ...columns.map((c) => header(c.header, c.colSpan ? { colSpan: c.colSpan } : {}))],
    ...rows.map((r) => [label(r.label), ...columns.map((c) => ({ indicator: `t2.${r.id}${c.id ? `.${c.id}` : ''}`, ...(c.colSpan ? { colSpan: c.colSpan } : {}) }))]),
  ];
}

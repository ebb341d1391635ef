/**
 * Builders for statistics tables laid out as real offices lay them out (titles, merged headers, split
 * label columns, tables off A1), in both formats. Tests build variants in memory; scripts/make-samples.ts
 * writes the bundled sample workbooks from the same builders.
 */
import type { Cell, CellValue, MergeArea, Sheet } from '../../src/core/grid';
import { OUTCOME_ROWS } from '../../src/core/formats/national-2021/template';

export class GridBuilder {
  rows: (Cell | undefined)[][] = [];
  merges: MergeArea[] = [];

  set(row: number, col: number, value: CellValue | Cell): this {
    while (this.rows.length <= row) this.rows.push([]);
    const cell = value !== null && typeof value === 'object' ? value : { value };
    this.rows[row][col] = cell;
    return this;
  }

  merge(top: number, left: number, bottom: number, right: number): this {
    this.merges.push({ top, left, bottom, right });
    return this;
  }

  /** Writes a label and merges it over the given size. */
  label(row: number, col: number, text: string, height = 1, width = 1): this {
    this.set(row, col, text);
    if (height > 1 || width > 1) this.merge(row, col, row + height - 1, col + width - 1);
    return this;
  }

  sheet(name: string): Sheet {
    return { name, rows: this.rows, merges: this.merges };
  }
}

/** The seed report's table (2017, legacy format): label, unit, value; "——" marks section rows. */
export const SEED_ROWS: [string, string, number | '——'][] = [
  ['一、主动公开情况', '——', '——'],
  ['(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)', '条', 8295],
  ['其中:主动公开规范性文件数', '条', 17],
  ['制发规范性文件总数', '件', 17],
  ['(二)通过不同渠道和方式公开政府信息的情况', '——', '——'],
  ['1.政府公报公开政府信息数', '条', 0],
  ['2.政府网站公开政府信息数', '条', 6563],
  ['3.政务微博公开政府信息数', '条', 0],
  ['4.政务微信公开政府信息数', '条', 390],
  ['5.其他方式公开政府信息数', '条', 1325],
  ['二、回应解读情况', '——', '——'],
  ['(一)回应公众关注热点或重大舆情数 (不同方式回应同一热点或舆情计1次)', '次', 195],
  ['(二)通过不同渠道和方式回应解读的情况', '——', '——'],
  ['1.参加或举办新闻发布会总次数', '次', 0],
  ['其中:主要负责同志参加新闻发布会次数', '次', 0],
  ['2.政府网站在线访谈次数', '次', 0],
  ['其中:主要负责同志参加政府网站在线访谈次数', '次', 0],
  ['3.政策解读稿件发布数', '篇', 90],
  ['4.微博微信回应事件数', '次', 2],
  ['5.其他方式回应事件数', '次', 103],
  ['三、依申请公开情况', '——', '——'],
  ['(一)收到申请数', '件', 2],
  ['1.当面申请数', '件', 0],
  ['2.传真申请数', '件', 0],
  ['3.网络申请数', '件', 2],
  ['4.信函申请数', '件', 0],
  ['(二)申请办结数', '件', 2],
  ['1.按时办结数', '件', 2],
  ['2.延期办结数', '件', 0],
  ['(三)申请答复数', '件', 2],
  ['1.属于已主动公开范围数', '件', 0],
  ['2.同意公开答复数', '件', 0],
  ['3.同意部分公开答复数', '件', 0],
  ['4.不同意公开答复数', '件', 2],
  ['其中:涉及国家秘密', '件', 0],
  ['涉及商业秘密', '件', 2],
  ['涉及个人隐私', '件', 0],
  ['危及国家安全、公共安全、经济安全和社会稳定', '件', 0],
  ['不是《条例》所指政府信息', '件', 0],
  ['法律法规规定的其他情形', '件', 0],
  ['5.不属于本行政机关公开数', '件', 0],
  ['6.申请信息不存在数', '件', 0],
  ['7.告知作出更改补充数', '件', 0],
  ['8.告知通过其他途径办理数', '件', 0],
  ['四、行政复议数量', '件', 0],
  ['(一)维持具体行政行为数', '件', 0],
  ['(二)被依法纠错数', '件', 0],
  ['(三)其他情形数', '件', 0],
  ['五、行政诉讼数量', '件', 0],
  ['(一)维持具体行政行为或者驳回原告诉讼请求数', '件', 0],
  ['(二)被依法纠错数', '件', 0],
  ['(三)其他情形数', '件', 0],
  ['六、举报投诉数量', '件', 0],
  ['七、依申请公开信息收取的费用', '万元', 0],
  ['八、机构建设和保障经费情况', '——', '——'],
  ['(一)政府信息公开工作专门机构数', '个', 1],
  ['(二)设置政府信息公开查阅点数', '个', 11],
  ['(三)从事政府信息公开工作人员数', '人', 1],
  ['1.专职人员数(不包括政府公报及政府网站工作人员数)', '人', 0],
  ['2.兼职人员数', '人', 1],
  ['(四)政府信息公开专项经费(不包括用于政府公报编 辑管理及政府网站建设维护等方面的经费)', '万元', 15],
  ['九、政府信息公开会议和培训情况', '——', '——'],
  ['(一)召开政府信息公开工作会议或专题会议数', '次', 2],
  ['(二)举办各类培训班数', '次', 1],
  ['(三)接受培训人员数', '人次', 230],
];

export const SEED_TITLE = '中共嵊泗县委嵊泗县人民政府办公室2017年度政府信息公开情况统计表';

export interface LegacyLayout {
  top?: number;
  left?: number;
  title?: string | null;
  /** Section rows merged across the three columns instead of carrying "——". */
  mergeSections?: boolean;
  /** Replace labels: exact seed label → what the sheet shows. */
  relabel?: Record<string, string>;
  /** Override values by row label. */
  values?: Record<string, CellValue | Cell>;
  header?: [string, string, string];
}

/** The legacy table as a county office lays it out: title, header, merged section rows, 单位 column. */
export function legacySheet(name: string, layout: LegacyLayout = {}): Sheet {
  const g = new GridBuilder();
  const top = layout.top ?? 0;
  const left = layout.left ?? 0;
  let r = top;
  const title = layout.title === undefined ? SEED_TITLE : layout.title;
  if (title) {
    g.label(r, left, title, 1, 3);
    r += 2;
  }
  const [h1, h2, h3] = layout.header ?? ['统 计 指 标', '单位', '统计数'];
  g.set(r, left, h1).set(r, left + 1, h2).set(r, left + 2, h3);
  r++;
  for (const [label, unit, value] of SEED_ROWS) {
    const shown = layout.relabel?.[label] ?? label;
    if (value === '——' && layout.mergeSections) {
      g.label(r, left, shown, 1, 3);
    } else {
      g.set(r, left, shown).set(r, left + 1, unit);
      const v = layout.values && label in layout.values ? layout.values[label] : value;
      g.set(r, left + 2, v);
    }
    r++;
  }
  return g.sheet(name);
}

/** Figures of a filled 2021-format report (a county office, fictitious but consistent). */
export interface National2021Data {
  t2: { regulations: [number, number, number]; normativeDocs: [number, number, number]; licensing: number; punishment: number; coercion: number; fees: number };
  /** Table 三 by row id, each the six applicant columns; 总计 is derived unless given in t3Totals. */
  t3: Record<string, number[]>;
  t4: Record<'review' | 'litigationDirect' | 'litigationAfterReview', [number, number, number, number]>;
}

export const T3_ROWS = ['newApplications', 'carriedOver', ...OUTCOME_ROWS, 'total', 'carryForward'];

/** Builds table 三's rows from new, carried and outcomes so that every relationship holds. */
export function consistentT3(columns: { newApplications: number; carriedOver: number; outcomes: Record<string, number> }[]): Record<string, number[]> {
  const rows: Record<string, number[]> = {};
  for (const id of T3_ROWS) rows[id] = [];
  columns.forEach((c) => {
    let total = 0;
    for (const o of OUTCOME_ROWS) {
      rows[o].push(c.outcomes[o] ?? 0);
      total += c.outcomes[o] ?? 0;
    }
    rows.newApplications.push(c.newApplications);
    rows.carriedOver.push(c.carriedOver);
    rows.total.push(total);
    rows.carryForward.push(c.newApplications + c.carriedOver - total);
  });
  return rows;
}

export const SAMPLE_2021: National2021Data = {
  t2: { regulations: [0, 0, 0], normativeDocs: [5, 2, 38], licensing: 1256, punishment: 342, coercion: 17, fees: 12.35 },
  t3: consistentT3([
    {
      newApplications: 40,
      carriedOver: 3,
      outcomes: { granted: 18, partial: 5, deniedLawForbidden: 1, deniedThirdParty: 2, deniedInternalAffairs: 1, deniedProcessInfo: 2, deniedQueryMatter: 1, unableNotHeld: 6, unableNeedsCreation: 1, unableUnclear: 1, notProcessedComplaint: 1, notProcessedRepeat: 1, otherNoAmendment: 1 },
    },
    { newApplications: 6, carriedOver: 0, outcomes: { granted: 3, partial: 1, unableNotHeld: 1 } },
    { newApplications: 0, carriedOver: 0, outcomes: {} },
    { newApplications: 1, carriedOver: 0, outcomes: { granted: 1 } },
    { newApplications: 2, carriedOver: 1, outcomes: { granted: 1, partial: 1, unableUnclear: 1 } },
    { newApplications: 0, carriedOver: 0, outcomes: {} },
  ]),
  t4: { review: [2, 1, 0, 1], litigationDirect: [1, 0, 0, 1], litigationAfterReview: [0, 0, 0, 0] },
};

export const T3_LABELS: Record<string, string> = {
  newApplications: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  deniedStateSecret: '1.属于国家秘密',
  deniedLawForbidden: '2.其他法律行政法规禁止公开',
  deniedSafetyStability: '3.危及“三安全一稳定”',
  deniedThirdParty: '4.保护第三方合法权益',
  deniedInternalAffairs: '5.属于三类内部事务信息',
  deniedProcessInfo: '6.属于四类过程性信息',
  deniedEnforcementFile: '7.属于行政执法案卷',
  deniedQueryMatter: '8.属于行政查询事项',
  unableNotHeld: '1.本机关不掌握相关政府信息',
  unableNeedsCreation: '2.没有现成信息需要另行制作',
  unableUnclear: '3.补正后申请内容仍不明确',
  notProcessedComplaint: '1.信访举报投诉类申请',
  notProcessedRepeat: '2.重复申请',
  notProcessedPublication: '3.要求提供公开出版物',
  notProcessedMassRepeat: '4.无正当理由大量反复申请',
  notProcessedConfirm: '5.要求行政机关确认或重新出具已获取信息',
  otherNoAmendment: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  otherNoFee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  otherOther: '3.其他',
  total: '（七）总计',
  carryForward: '四、结转下年度继续办理',
};

const T3_GROUPS: [string, string, string[]][] = [
  ['deniedSection', '（三）不予公开', OUTCOME_ROWS.filter((r) => r.startsWith('denied'))],
  ['unableSection', '（四）无法提供', OUTCOME_ROWS.filter((r) => r.startsWith('unable'))],
  ['notProcessedSection', '（五）不予处理', OUTCOME_ROWS.filter((r) => r.startsWith('notProcessed'))],
  ['otherSection', '（六）其他处理', OUTCOME_ROWS.filter((r) => r.startsWith('other'))],
];

/** Table 三 of the 2019 format: (六)其他处理 is one row, the sum of 2021's three. */
export function to2019T3(t3: Record<string, number[]>): Record<string, number[]> {
  const { otherNoAmendment, otherNoFee, otherOther, ...rest } = t3;
  return { ...rest, otherHandling: otherNoAmendment.map((v, i) => v + otherNoFee[i] + otherOther[i]) };
}

export interface T3Layout {
  top?: number;
  left?: number;
  /** split: labels over three merged columns as in the official table; single: one label column with group rows. */
  labels?: 'split' | 'single';
  /** A header cell split in two rows: "商业" over "企业". */
  splitHeader?: boolean;
  relabel?: Record<string, string>;
  /** Override cells: `${rowId}.${columnIndex}` (0..6, 6 = 总计) → content. */
  cells?: Record<string, CellValue | Cell>;
  /** The 2019 format's single (六)其他处理 row instead of 2021's three sub-rows. */
  otherHandling?: 'rows' | 'single';
}

/** Writes table 三 into a builder; returns the next free row. */
export function writeT3(g: GridBuilder, data: Record<string, number[]>, layout: T3Layout = {}): number {
  const top = layout.top ?? 0;
  const left = layout.left ?? 0;
  const split = (layout.labels ?? 'split') === 'split';
  const labelWidth = split ? 3 : 1;
  const c0 = left + labelWidth;
  g.label(top, left, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, labelWidth);
  g.label(top, c0, '申请人情况', 1, 7);
  g.label(top + 1, c0, '自然人', 2, 1);
  g.label(top + 1, c0 + 1, '法人或其他组织', 1, 5);
  g.label(top + 1, c0 + 6, '总计', 2, 1);
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].forEach((h, i) => g.set(top + 2, c0 + 1 + i, h));
  if (layout.splitHeader) {
    // 法人或其他组织 sits one row higher and 商业企业 is typed as 商业 / 企业 in two rows.
    g.set(top + 1, c0 + 1, '商业');
    g.merges = g.merges.filter((m) => !(m.top === top + 1 && m.left === c0 + 1));
    g.set(top + 2, c0 + 1, '企业');
    g.label(top, c0, '法人或其他组织', 1, 7);
  }
  const label = (id: string) => layout.relabel?.[id] ?? T3_LABELS[id];
  let r = top + 3;
  const values = (id: string) => {
    const row = data[id];
    const total = row.reduce((a, b) => a + b, 0);
    [...row, total].forEach((v, i) => {
      const key = `${id}.${i}`;
      g.set(r, c0 + i, layout.cells && key in layout.cells ? layout.cells[key] : v);
    });
  };
  const plain = (id: string) => {
    g.label(r, left, label(id), 1, labelWidth);
    values(id);
    r++;
  };
  plain('newApplications');
  plain('carriedOver');
  const resultsTop = r;
  if (!split) {
    g.set(r, left, '三、本年度办理结果');
    r++;
  }
  for (const id of ['granted', 'partial']) {
    if (split) g.label(r, left + 1, label(id), 1, 2);
    else g.set(r, left, label(id));
    values(id);
    r++;
  }
  for (const [groupId, groupLabel, members] of T3_GROUPS) {
    if (groupId === 'otherSection' && layout.otherHandling === 'single') {
      if (split) g.label(r, left + 1, groupLabel, 1, 2);
      else g.set(r, left, groupLabel);
      values('otherHandling');
      r++;
      continue;
    }
    if (split) g.label(r, left + 1, groupLabel, members.length, 1);
    else {
      g.set(r, left, groupLabel);
      r++;
    }
    for (const id of members) {
      g.set(r, split ? left + 2 : left, label(id));
      values(id);
      r++;
    }
  }
  if (split) g.label(r, left + 1, label('total'), 1, 2);
  else g.set(r, left, label('total'));
  values('total');
  r++;
  if (split) g.label(resultsTop, left, '三、本年度办理结果', r - resultsTop, 1);
  plain('carryForward');
  return r;
}

export function writeT2(g: GridBuilder, data: National2021Data['t2'], top = 0, left = 0): number {
  let r = top;
  const head = (item: string, cols: string[]) => {
    g.label(r, left, `第二十条第（${item}）项`, 1, 4);
    r++;
    g.set(r, left, '信息内容');
    if (cols.length === 1) g.label(r, left + 1, cols[0], 1, 3);
    else cols.forEach((c, i) => g.set(r, left + 1 + i, c));
    r++;
  };
  const line = (label: string, values: number[]) => {
    g.set(r, left, label);
    if (values.length === 1) g.label(r, left + 1, '', 1, 3).set(r, left + 1, values[0]);
    else values.forEach((v, i) => g.set(r, left + 1 + i, v));
    r++;
  };
  head('一', ['本年制发件数', '本年废止件数', '现行有效件数']);
  line('规章', data.regulations);
  line('行政规范性文件', data.normativeDocs);
  head('五', ['本年处理决定数量']);
  line('行政许可', [data.licensing]);
  head('六', ['本年处理决定数量']);
  line('行政处罚', [data.punishment]);
  line('行政强制', [data.coercion]);
  head('八', ['本年收费金额（单位：万元）']);
  line('行政事业性收费', [data.fees]);
  return r;
}

const T4_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
const T4_HEADERS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export function writeT4(g: GridBuilder, data: National2021Data['t4'], layout: 'one-row' | 'three-rows', top = 0, left = 0): number {
  const withTotal = (g4: number[]) => [...g4, g4.reduce((a, b) => a + b, 0)];
  if (layout === 'one-row') {
    g.label(top, left, '行政复议', 2, 5);
    g.label(top, left + 5, '行政诉讼', 1, 10);
    g.label(top + 1, left + 5, '未经复议直接起诉', 1, 5);
    g.label(top + 1, left + 10, '复议后起诉', 1, 5);
    T4_GROUPS.forEach((_, gi) => T4_HEADERS.forEach((h, i) => g.set(top + 2, left + gi * 5 + i, h)));
    T4_GROUPS.forEach((id, gi) => withTotal(data[id]).forEach((v, i) => g.set(top + 3, left + gi * 5 + i, v)));
    return top + 4;
  }
  T4_HEADERS.forEach((h, i) => g.set(top, left + 1 + i, h));
  const names = { review: '行政复议', litigationDirect: '行政诉讼（未经复议直接起诉）', litigationAfterReview: '行政诉讼（复议后起诉）' };
  T4_GROUPS.forEach((id, gi) => {
    g.set(top + 1 + gi, left, names[id]);
    withTotal(data[id]).forEach((v, i) => g.set(top + 1 + gi, left + 1 + i, v));
  });
  return top + 4;
}

export const SAMPLE_2021_TITLE = '某县人民政府办公室2023年政府信息公开工作年度报告统计表';

/** All three 2021 tables on one sheet, under a title and section headings, as many offices send them. */
export function national2021OneSheet(name: string, data: National2021Data = SAMPLE_2021, t3: T3Layout = {}, title = SAMPLE_2021_TITLE): Sheet {
  const g = new GridBuilder();
  g.label(0, 0, title, 1, 10);
  g.set(2, 0, '二、主动公开政府信息情况');
  let r = writeT2(g, data.t2, 3, 0);
  g.set(r + 1, 0, '三、收到和处理政府信息公开申请情况');
  r = writeT3(g, data.t3, { top: r + 2, ...t3 });
  g.set(r + 1, 0, '四、政府信息公开行政复议、行政诉讼情况');
  writeT4(g, data.t4, 'one-row', r + 2, 0);
  return g.sheet(name);
}

/** The three tables on three sheets (表二, 表三, 表四), 表四 as three rows of five. */
export function national2021ThreeSheets(data: National2021Data = SAMPLE_2021): Sheet[] {
  const g2 = new GridBuilder();
  g2.label(0, 0, SAMPLE_2021_TITLE, 1, 4);
  writeT2(g2, data.t2, 2, 0);
  const g3 = new GridBuilder();
  writeT3(g3, data.t3, { top: 1, left: 1, labels: 'single' });
  const g4 = new GridBuilder();
  writeT4(g4, data.t4, 'three-rows', 1, 0);
  return [g2.sheet('表二'), g3.sheet('表三'), g4.sheet('表四')];
}

/** The 2021 tables as a report prints them: each on its own, no title, table 四 in one row under its grouped headers. */
export function bareTables2021(data: National2021Data = SAMPLE_2021): Sheet[] {
  const g2 = new GridBuilder();
  writeT2(g2, data.t2);
  const g3 = new GridBuilder();
  writeT3(g3, data.t3);
  const g4 = new GridBuilder();
  writeT4(g4, data.t4, 'one-row');
  return [g2.sheet('表二'), g3.sheet('表三'), g4.sheet('表四')];
}

/** The 2019 trial format's table 二 (docs/formats.md §7), with the odd values real sheets carry ("减4", "251000元"). */
export interface T2Data2019 {
  regulations: CellValue[];
  normativeDocs: CellValue[];
  licensing: CellValue[];
  otherServices: CellValue[];
  punishment: CellValue[];
  coercion: CellValue[];
  fees: CellValue[];
  procurement: CellValue[];
}

export const SAMPLE_2019_T2: T2Data2019 = {
  regulations: [0, 0, 0],
  normativeDocs: [4, 4, 36],
  licensing: [86, '减4', 1180],
  otherServices: [12, 0, 230],
  punishment: [210, '增3', 356],
  coercion: [15, 0, 20],
  fees: [6, '减1'],
  procurement: [14, 251000],
};

export function writeT2of2019(g: GridBuilder, data: T2Data2019, top = 0, left = 0): number {
  let r = top;
  const head = (item: string, cols: string[]) => {
    g.label(r, left, `第二十条第（${item}）项`, 1, 4);
    r++;
    g.set(r, left, '信息内容');
    cols.forEach((c, i) => g.set(r, left + 1 + i, c));
    r++;
  };
  const line = (label: string, values: CellValue[]) => {
    g.set(r, left, label);
    values.forEach((v, i) => g.set(r, left + 1 + i, v));
    r++;
  };
  const change = ['上一年项目数量', '本年增/减', '处理决定数量'];
  head('一', ['本年新制作数量', '本年新公开数量', '对外公开总数量']);
  line('规章', data.regulations);
  line('规范性文件', data.normativeDocs);
  head('五', change);
  line('行政许可', data.licensing);
  line('其他对外管理服务事项', data.otherServices);
  head('六', change);
  line('行政处罚', data.punishment);
  line('行政强制', data.coercion);
  head('八', change.slice(0, 2));
  line('行政事业性收费', data.fees);
  head('九', ['采购项目数量', '采购总金额']);
  line('政府集中采购', data.procurement);
  return r;
}

export const SAMPLE_2019_TITLE = '某县交通运输局2020年政府信息公开工作年度报告统计表';

/** A filled 2019-format report on one sheet: table 二 of 2019, table 三 with one (六) row, table 四. */
export function national2019OneSheet(name: string, t2: T2Data2019 = SAMPLE_2019_T2, t3 = to2019T3(SAMPLE_2021.t3), t4 = SAMPLE_2021.t4): Sheet {
  const g = new GridBuilder();
  g.label(0, 0, SAMPLE_2019_TITLE, 1, 10);
  g.set(2, 0, '二、主动公开政府信息情况');
  let r = writeT2of2019(g, t2, 3, 0);
  g.set(r + 1, 0, '三、收到和处理政府信息公开申请情况');
  r = writeT3(g, t3, { top: r + 2, otherHandling: 'single' });
  g.set(r + 1, 0, '四、政府信息公开行政复议、行政诉讼情况');
  writeT4(g, t4, 'one-row', r + 2, 0);
  return g.sheet(name);
}

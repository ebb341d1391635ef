import type { TemplateInput } from '../../templates/schema';

/**
 * Tables 三 and 四 and their rules, shared by the 2019 trial format and the 2021 format: they differ
 * only in (六)其他处理, one numeric row in 2019 and three sub-rows in 2021 (docs/formats.md §1).
 */
type TableInput = TemplateInput['tables'][number];
type RowInput = TableInput['blocks'][number]['rows'][number];
type RuleInput = TemplateInput['rules'][number];

export const group = (id: string, label: string, variants: string[] = []): RowInput => ({ id, label, kind: 'group', variants });
export const row = (id: string, label: string, variants: string[] = []): RowInput => ({ id, label, variants });

export const APPLICANT_COLUMNS = ['natural', 'business', 'research', 'publicInterest', 'legalService', 'other'] as const;
const ALL_COLUMNS = [...APPLICANT_COLUMNS, 'total'];

/** The outcome categories of 表三 before (六)其他处理 and their rows, the same in both formats. */
export const OUTCOME_GROUPS = {
  granted: ['granted'],
  partial: ['partial'],
  denied: [
    'deniedStateSecret',
    'deniedLawForbidden',
    'deniedSafetyStability',
    'deniedThirdParty',
    'deniedInternalAffairs',
    'deniedProcessInfo',
    'deniedEnforcementFile',
    'deniedQueryMatter',
  ],
  unable: ['unableNotHeld', 'unableNeedsCreation', 'unableUnclear'],
  notProcessed: ['notProcessedComplaint', 'notProcessedRepeat', 'notProcessedPublication', 'notProcessedMassRepeat', 'notProcessedConfirm'],
} as const;

const OUTCOMES_BEFORE_OTHER: string[] = Object.values(OUTCOME_GROUPS).flat();

/** The rows of (六)其他处理: the 2021 sub-rows, or the 2019 single row. */
export const OTHER_HANDLING_2021: RowInput[] = [
  group('otherSection', '(六)其他处理'),
  row('otherNoAmendment', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['申请人无正当理由逾期不补正']),
  row('otherNoFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['申请人逾期未按收费通知要求缴纳费用']),
  row('otherOther', '3.其他'),
];
export const OTHER_HANDLING_2019: RowInput[] = [row('otherHandling', '(六)其他处理')];

export function outcomeRows(other: RowInput[]): string[] {
  return [...OUTCOMES_BEFORE_OTHER, ...other.filter((r) => r.kind !== 'group').map((r) => r.id)];
}

export function table3(other: RowInput[]): TableInput {
  return {
    id: 't3',
    name: '表三 收到和处理政府信息公开申请情况',
    blocks: [
      {
        id: 'applications',
        columns: [
          { id: 'natural', label: '自然人' },
          { id: 'business', label: '商业企业' },
          { id: 'research', label: '科研机构' },
          { id: 'publicInterest', label: '社会公益组织' },
          { id: 'legalService', label: '法律服务机构' },
          { id: 'other', label: '其他' },
          { id: 'total', label: '总计', variants: ['合计'] },
        ],
        rows: [
          row('newApplications', '一、本年新收政府信息公开申请数量', ['本年新收政府信息公开申请数']),
          row('carriedOver', '二、上年结转政府信息公开申请数量', ['上年结转政府信息公开申请数']),
          group('resultsSection', '三、本年度办理结果'),
          row('granted', '(一)予以公开'),
          row('partial', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', ['部分公开']),
          group('deniedSection', '(三)不予公开'),
          row('deniedStateSecret', '1.属于国家秘密'),
          row('deniedLawForbidden', '2.其他法律行政法规禁止公开'),
          row('deniedSafetyStability', '3.危及"三安全一稳定"', ['危及三安全一稳定']),
          row('deniedThirdParty', '4.保护第三方合法权益'),
          row('deniedInternalAffairs', '5.属于三类内部事务信息'),
          row('deniedProcessInfo', '6.属于四类过程性信息'),
          row('deniedEnforcementFile', '7.属于行政执法案卷'),
          row('deniedQueryMatter', '8.属于行政查询事项'),
          group('unableSection', '(四)无法提供'),
          row('unableNotHeld', '1.本机关不掌握相关政府信息'),
          row('unableNeedsCreation', '2.没有现成信息需要另行制作'),
          row('unableUnclear', '3.补正后申请内容仍不明确'),
          group('notProcessedSection', '(五)不予处理'),
          row('notProcessedComplaint', '1.信访举报投诉类申请'),
          row('notProcessedRepeat', '2.重复申请'),
          row('notProcessedPublication', '3.要求提供公开出版物'),
          row('notProcessedMassRepeat', '4.无正当理由大量反复申请'),
          row('notProcessedConfirm', '5.要求行政机关确认或重新出具已获取信息'),
          ...other,
          row('total', '(七)总计', ['总计', '合计']),
          row('carryForward', '四、结转下年度继续办理', ['结转下年度继续办理']),
        ],
      },
    ],
  };
}

const GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'];

export const TABLE_4: TableInput = {
  id: 't4',
  name: '表四 政府信息公开行政复议、行政诉讼情况',
  blocks: [
    {
      id: 'appeals',
      rowsMayBeColumnGroups: true,
      columns: [
        { id: 'upheld', label: '结果维持' },
        { id: 'corrected', label: '结果纠正' },
        { id: 'other', label: '其他结果' },
        { id: 'pending', label: '尚未审结' },
        { id: 'total', label: '总计', variants: ['合计'] },
      ],
      rows: [
        row('review', '行政复议'),
        row('litigationDirect', '未经复议直接起诉', ['行政诉讼未经复议直接起诉', '直接起诉']),
        row('litigationAfterReview', '复议后起诉', ['行政诉讼复议后起诉', '经复议后起诉']),
      ],
    },
  ],
};

/** The hard rules of tables 三 and 四 (docs/formats.md §7). */
export function tableRules(other: RowInput[]): RuleInput[] {
  const outcomes = outcomeRows(other);
  const numericRows = ['newApplications', 'carriedOver', ...outcomes, 'total', 'carryForward'];
  return [
    {
      id: 't3.balance',
      kind: 'sum-equal',
      severity: 'error',
      forEach: { col: ALL_COLUMNS },
      left: ['t3.newApplications.{col}', 't3.carriedOver.{col}'],
      right: ['t3.total.{col}', 't3.carryForward.{col}'],
      why: '表三本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和。',
    },
    {
      id: 't3.outcomes-total',
      kind: 'sum-equal',
      severity: 'error',
      total: true,
      forEach: { col: ALL_COLUMNS },
      left: ['t3.total.{col}'],
      right: outcomes.map((r) => `t3.${r}.{col}`),
      why: '每件申请只计入一种办理结果，(七)总计等于各办理结果之和。',
    },
    {
      id: 't3.row-total',
      kind: 'sum-equal',
      severity: 'error',
      total: true,
      forEach: { row: numericRows },
      left: ['t3.{row}.total'],
      right: APPLICANT_COLUMNS.map((c) => `t3.{row}.${c}`),
      why: '总计等于自然人与各类法人或其他组织之和。',
    },
    {
      id: 't3.carried-from-last-year',
      kind: 'sum-equal',
      severity: 'warning',
      forEach: { col: ALL_COLUMNS },
      left: ['t3.carriedOver.{col}'],
      right: ['prev:t3.carryForward.{col}'],
      why: '本年“上年结转”应等于上一年度报告中的“结转下年度继续办理”。',
    },
    {
      id: 't4.group-total',
      kind: 'sum-equal',
      severity: 'error',
      total: true,
      forEach: { group: GROUPS },
      left: ['t4.{group}.total'],
      right: ['t4.{group}.upheld', 't4.{group}.corrected', 't4.{group}.other', 't4.{group}.pending'],
      why: '总计等于结果维持、结果纠正、其他结果与尚未审结之和。',
    },
  ];
}

/** 规章 may be reported only by bodies that can make them (docs/formats.md §3, requires-level). */
export function regulationsByLevel(refs: string[]): RuleInput {
  return {
    id: 't2.regulations-by-level',
    kind: 'requires-level',
    severity: 'error',
    refs,
    levels: ['city', 'province', 'state-dept'],
    why: '《立法法》规定只有国务院部门、省级人民政府和设区的市人民政府可以制定规章。',
  };
}

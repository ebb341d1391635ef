/**
 * Every Chinese word of the batch review: statuses, reasons, the figures totalled and their rates.
 * Functions take plain facts and return text; nothing here decides anything.
 */
import type { ReviewStatus } from './model';

export const STATUS_NAMES: Readonly<Record<ReviewStatus, string>> = {
  pass: '通过',
  error: '有强制问题',
  warning: '有核实问题',
  unrecognized: '无法识别',
};

export const reviewMessages = {
  noTable: '未找到可识别的统计表',
  unreadable: (reason: string) => reason,
  /** Where a finding stands when it belongs to no table. */
  textPlace: '正文',
  workbookPlace: '全文',
  /** Level unknown: the name says nothing of it. */
  levelUnknown: '未知',
  yearUnknown: '未知',
  /** Region unknown: neither the roster nor the body's name says it. */
  regionUnknown: '未注明',
  quoted: (message: string, excerpt: string) => (excerpt ? `${message}（原文：${excerpt}）` : message),
  figures: {
    received: '本年新收申请',
    concluded: '办理结果总计（办结）',
    granted: '予以公开',
    partial: '部分公开',
    reviews: '行政复议',
    reviewsCorrected: '行政复议结果纠正',
    lawsuits: '行政诉讼',
    lawsuitsCorrected: '行政诉讼结果纠正',
  },
  rates: {
    disclosure: { name: '公开率', numerator: '予以公开+部分公开', denominator: '办理结果总计' },
    reviewCorrection: { name: '复议纠错率', numerator: '行政复议结果纠正', denominator: '行政复议总计' },
    lawsuitCorrection: { name: '诉讼纠错率', numerator: '行政诉讼结果纠正', denominator: '行政诉讼总计' },
  },
  /** A rate as shown: never bare on a tiny base, never a division by zero. */
  rate: (value: number | null, denominator: number, smallBase: boolean) =>
    value === null ? '—（基数为0）' : `${(value * 100).toFixed(1)}%${smallBase ? `（基数仅${denominator}，过小，仅供参考）` : ''}`,
} as const;

/**
 * Each rule's short name, as the office's 通报 would call it. The summary, the dashboard's chart and the
 * workbook show it beside the rule's id; a rule a later format adds without a name shows its id alone.
 */
export const RULE_TITLES: Readonly<Record<string, string>> = {
  // 表二 (2019, 2021)
  't2.in-force-roll-forward': '表二 现行有效件数与制发、废止不衔接',
  't2.repealed-within-stock': '表二 废止件数超过现行有效件数',
  't2.regulations-by-level': '表二 无规章制定权却填报规章',
  // 表三
  't3.balance': '表三 新收+上年结转≠办理结果总计+结转下年',
  't3.outcomes-total': '表三 (七)总计≠各办理结果之和',
  't3.row-total': '表三 总计≠自然人与法人或其他组织之和',
  't3.carried-from-last-year': '表三 上年结转≠上年报告的结转下年度',
  // 表四
  't4.group-total': '表四 总计≠结果维持、纠正、其他、尚未审结之和',
  // 旧格式统计表
  'legacy.channels-cover-total': '各渠道公开数之和小于主动公开总数',
  'legacy.normative-within-issued': '主动公开规范性文件数超过制发数',
  'legacy.normative-within-proactive': '主动公开规范性文件数超过主动公开总数',
  'legacy.received-sum': '收到申请数≠各申请方式之和',
  'legacy.replies-sum': '答复数≠各答复类型之和',
  'legacy.denied-sum': '不予公开数≠各不予公开理由之和',
  'legacy.response-channels-cover-total': '回应关切各渠道之和小于总数',
  'legacy.concluded-sum': '办结数≠各办理结果之和',
  'legacy.reviews-sum': '行政复议数≠各复议结果之和',
  'legacy.lawsuits-sum': '行政诉讼数≠各诉讼结果之和',
  'legacy.staff-sum': '工作人员数≠专职与兼职之和',
  'legacy.interview-leaders': '领导参加访谈数超过访谈总数',
  'legacy.press-leaders': '主要负责人参加的发布会超过发布会总数',
  // 填写
  'value.blank': '单元格未填',
  'value.placeholder': '填写“/”“——”等非数字',
  'value.not-a-number': '单元格不是数字',
  'value.odd-form': '数字以文本或全角形式填写',
  'value.negative': '出现负数',
  'value.fraction': '件数出现小数',
  'value.too-large': '数字异常偏大',
  'value.unit-in-cell': '数字带单位填写',
  'value.excel-error': '单元格为公式错误值',
  'value.uncalculated': '公式未计算',
  // 识别
  'recognition.no-template': '未找到统计表',
  'recognition.missing-rows': '统计表缺少指标行',
  'recognition.columns-not-found': '统计表缺少列标题',
  'recognition.weak-label': '行列标题与格式不完全一致',
  'recognition.mixed-formats': '同一张表混用两版格式',
  'recognition.mixed-table-formats': '各表格式版本不一致',
  'recognition.merged-across-figures': '一个合并单元格跨多个指标',
  'recognition.row-values-mismatch': '行中数字个数与列数不符',
  'recognition.several-tables': '同一张表出现多次',
  'recognition.table-unreadable': '统计表无法读取',
  // 年度与上年
  'plausibility.title-year': '标题年度与内容不符',
  'plausibility.statistics-period': '统计期限与报告年度不符',
  'cross-year.identical': '数据与上年完全相同（疑似照搬）',
  // 正文
  'proofread.count-mismatch': '正文数字与统计表不一致',
  'proofread.share-mismatch': '正文百分比与统计表不一致',
  'proofread.parts-sum': '正文所列分项之和与总数不符',
  'proofread.all-contradicted': '正文称“均……”与统计表不符',
  'proofread.none-contradicted': '正文称“未……”与统计表不符',
  'proofread.subitem-as-total': '正文把分项当作总数',
  'proofread.total-as-subitem': '正文把总数当作分项',
  'proofread.fee-contradiction': '正文收费说法与统计表不符',
  'proofread.year-not-report-year': '正文年份不是报告年度',
  'proofread.section-missing': '缺少规定的部分',
  'proofread.section-empty': '规定的部分内容为空',
  'proofread.section-number': '部分编号错误',
  'proofread.section-order': '部分顺序错误',
  'proofread.preface-parts': '前言所述部分与正文不符',
  'proofread.enumeration-number': '“一是、二是”序号错误',
  'proofread.repeated-from-previous': '正文大段照搬上年报告',
};

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

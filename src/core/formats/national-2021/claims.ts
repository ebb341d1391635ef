import type { CountClaim, FormatClaims } from '../../proofread/claims';
import { document, nationalClaims } from '../national-common/claims';

/** Table 二 of the 2021 format: 本年制发件数 | 本年废止件数 | 现行有效件数, decisions and fees as single figures. */
const table2: CountClaim[] = [
  { id: 'regulationsIssued', keywords: ['制发规章'], name: '制发规章', ref: ['t2.regulations.issued'] },
  { id: 'regulationsRepealed', keywords: ['废止规章'], name: '废止规章', ref: ['t2.regulations.repealed'] },
  { id: 'regulationsInForce', keywords: ['现行有效规章'], name: '现行有效规章', ref: ['t2.regulations.inForce'] },
  { id: 'normativeIssued', keywords: ['制发行政规范性文件', '制发规范性文件'], name: '制发行政规范性文件', ref: ['t2.normativeDocs.issued'] },
  { id: 'normativeRepealed', keywords: ['废止行政规范性文件', '废止规范性文件'], name: '废止行政规范性文件', ref: ['t2.normativeDocs.repealed'] },
  { id: 'normativeInForce', keywords: ['现行有效行政规范性文件', '现行有效规范性文件'], name: '现行有效行政规范性文件', ref: ['t2.normativeDocs.inForce'] },
  { id: 'documentsIssued', keywords: ['制发'], name: '制发', ref: document('issued') },
  { id: 'documentsRepealed', keywords: ['废止'], name: '废止', ref: document('repealed') },
  { id: 'documentsInForce', keywords: ['现行有效'], name: '现行有效', ref: document('inForce') },
  { id: 'fees', keywords: ['行政事业性收费'], name: '行政事业性收费', ref: ['t2.fees'] },
];

/** What a 2021-format report's text may claim about tables 二, 三 and 四. */
export const national2021Claims: FormatClaims = nationalClaims({
  table2,
  decision: (row) => [`t2.${row}`],
  contexts: [],
  otherHandling: {
    rows: ['otherNoAmendment', 'otherNoFee', 'otherOther'],
    details: [
      { row: 'otherNoAmendment', keywords: ['申请人无正当理由逾期不补正', '逾期不补正'] },
      { row: 'otherNoFee', keywords: ['申请人逾期未按收费通知要求缴纳费用', '未按收费通知要求缴纳费用'] },
      { row: 'otherOther', keywords: ['其他原因'] },
    ],
  },
  feeNones: [{ pattern: /未收取行政事业性收费/, ref: ['t2.fees'] }],
  documentNones: [
    { pattern: /无现行有效规章/, ref: ['t2.regulations.inForce'] },
    { pattern: /无现行有效(?:行政)?规范性文件/, ref: ['t2.normativeDocs.inForce'] },
  ],
});

import type { CountClaim, FormatClaims } from '../../proofread/claims';
import { document, nationalClaims } from '../national-common/claims';

/**
 * Table 二 of the 2019 trial format: 本年新制作数量 | 本年新公开数量 | 对外公开总数量, and items with their
 * decisions in a column of their own. 2019: 新制作规范性文件4件、新公开4件，对外公开规范性文件总数36件；
 * 行政许可事项…，作出处理决定1180件.
 */
const MATTERS = ['licensing', 'otherServices', 'punishment', 'coercion'];
const table2: CountClaim[] = [
  { id: 'documentsMade', keywords: ['新制作'], name: '新制作', ref: document('made') },
  { id: 'documentsPublished', keywords: ['新公开'], name: '新公开', ref: document('published') },
  { id: 'documentsTotal', keywords: ['对外公开'], name: '对外公开总数', ref: document('total') },
  {
    id: 'decisions',
    keywords: ['处理决定'],
    name: '处理决定',
    ref: Object.fromEntries(MATTERS.map((m) => [m, [`t2.${m}.decisions`]])),
    units: ['件'],
  },
];

/** What a 2019-format report's text may claim about tables 二, 三 and 四. */
export const national2019Claims: FormatClaims = nationalClaims({
  table2,
  decision: (row) => [`t2.${row}.decisions`],
  contexts: [
    { keyword: '行政许可', context: 'licensing' },
    { keyword: '其他对外管理服务事项', context: 'otherServices' },
    { keyword: '行政处罚', context: 'punishment' },
    { keyword: '行政强制', context: 'coercion' },
  ],
  otherHandling: { rows: ['otherHandling'], details: [] },
  feeNones: [],
  // The 2019 table has no 现行有效 column: the 规章 and 规范性文件 in force are those 对外公开 in all (对外公开总数量).
  documentNones: [
    { pattern: /无现行有效规章/, ref: ['t2.regulations.total'] },
    { pattern: /无现行有效(?:行政)?规范性文件/, ref: ['t2.normativeDocs.total'] },
  ],
});

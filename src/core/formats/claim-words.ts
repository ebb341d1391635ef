import type { FormatClaims } from '../proofread/claims';

/** Claim wording more than one format shares: the appeal contexts and the statements of no fee. */

export const APPEAL_CONTEXTS: FormatClaims['contexts'] = [
  { keyword: '行政复议', context: 'review' },
  { keyword: '行政诉讼', context: 'litigation' },
  { keyword: '起诉', context: 'litigation' },
];

/** "未收取任何费用": about the fees of the applications (legacy 七, 2021 信息处理费 in 六), never 行政事业性收费. */
export const NO_FEE_AT_ALL = /(?:均?未收(?:取)?(?:任何)?费用|均未收费|未收取任何费用|免费提供)/;
/** The statements of no fee that another sentence stating a fee contradicts (免费提供 may be about a service). */
export const NO_FEE_STATED = /均?未收(?:取)?(?:任何)?(?:信息处理)?费用?|均未收费|未收取(?:任何)?信息处理费/;

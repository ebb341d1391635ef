import type { ContextRefs, CountClaim, FormatClaims, NoneClaim, Ref } from '../../proofread/claims';
import { APPEAL_CONTEXTS, NO_FEE_STATED } from '../claim-words';

const T3 = (row: string, col = 'total') => `t3.${row}.${col}`;
const INCLUDES_CARRIED_OVER = /(?:含|包括|包含)[^。；;]{0,6}上一?年度?结转/;
/** A row of an outcome category, with the words a sentence names it by. */
export interface OutcomeDetail {
  row: string;
  keywords: string[];
}

/** The named rows of table 三's outcome categories before (六)其他处理, the same in 2019 and 2021. */
const OUTCOME_DETAILS: Record<string, OutcomeDetail[]> = {
  denied: [
    { row: 'deniedStateSecret', keywords: ['属于国家秘密', '国家秘密'] },
    { row: 'deniedLawForbidden', keywords: ['其他法律行政法规禁止公开', '法律行政法规禁止公开'] },
    { row: 'deniedSafetyStability', keywords: ['三安全一稳定'] },
    { row: 'deniedThirdParty', keywords: ['保护第三方合法权益', '第三方合法权益'] },
    { row: 'deniedInternalAffairs', keywords: ['三类内部事务信息', '内部事务信息'] },
    { row: 'deniedProcessInfo', keywords: ['四类过程性信息', '过程性信息'] },
    { row: 'deniedEnforcementFile', keywords: ['行政执法案卷'] },
    { row: 'deniedQueryMatter', keywords: ['行政查询事项'] },
  ],
  unable: [
    { row: 'unableNotHeld', keywords: ['不掌握相关政府信息', '不掌握'] },
    { row: 'unableNeedsCreation', keywords: ['没有现成信息需要另行制作', '需要另行制作', '没有现成信息'] },
    { row: 'unableUnclear', keywords: ['补正后申请内容仍不明确', '仍不明确'] },
  ],
  notProcessed: [
    { row: 'notProcessedComplaint', keywords: ['信访举报投诉类申请', '信访举报投诉'] },
    { row: 'notProcessedRepeat', keywords: ['重复申请'] },
    { row: 'notProcessedPublication', keywords: ['要求提供公开出版物', '公开出版物'] },
    { row: 'notProcessedMassRepeat', keywords: ['无正当理由大量反复申请', '大量反复申请'] },
    { row: 'notProcessedConfirm', keywords: ['要求行政机关确认或重新出具已获取信息', '重新出具已获取信息'] },
  ],
};
const OUTCOMES: { id: string; keywords: string[]; rows: string[] }[] = [
  { id: 'granted', keywords: ['予以公开'], rows: ['granted'] },
  { id: 'partial', keywords: ['部分公开'], rows: ['partial'] },
  ...Object.entries({ denied: ['不予公开'], unable: ['无法提供'], notProcessed: ['不予处理'], otherHandling: ['其他处理'] }).map(
    ([id, keywords]) => ({ id, keywords, rows: (OUTCOME_DETAILS[id] ?? []).map((d) => d.row) }),
  ),
];
const APPLICANTS: { col: string; keywords: string[] }[] = [
  { col: 'natural', keywords: ['自然人'] },
  { col: 'business', keywords: ['商业企业'] },
  { col: 'research', keywords: ['科研机构'] },
  { col: 'publicInterest', keywords: ['社会公益组织'] },
  { col: 'legalService', keywords: ['法律服务机构'] },
  { col: 'other', keywords: ['其他法人或其他组织'] },
];
const LITIGATION = ['t4.litigationDirect', 't4.litigationAfterReview'];
const appealOutcome = (col: string): ContextRefs => ({
  review: [`t4.review.${col}`],
  litigation: LITIGATION.map((g) => `${g}.${col}`),
});
const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'];
/** A table 二 document column, by the 规章 or 规范性文件 the sentence is about. */
export const document = (col: string): ContextRefs => ({ regulations: [`t2.regulations.${col}`], normativeDocs: [`t2.normativeDocs.${col}`] });

/** What a national format's claims say of its own table 二 and of (六)其他处理; the rest is shared. */
export interface NationalClaimsSpec {
  /** The claims about table 二 (documents, fees, items), first in the list as before the shared ones. */
  table2: CountClaim[];
  /** The cells of the decisions on 行政许可, 行政处罚 and 行政强制 (t2.licensing, or t2.licensing.decisions). */
  decision: (row: string) => Ref;
  /** Contexts table 二's claims need beyond 规章 and 规范性文件. */
  contexts: FormatClaims['contexts'];
  /** (六)其他处理: its rows in table 三 and the named reasons a sentence may give for them. */
  otherHandling: { rows: string[]; details: OutcomeDetail[] };
  /** "未收取…" statements about table 二's fees (2021 has 行政事业性收费 as one figure). */
  feeNones: NoneClaim[];
  /** "无现行有效规章" and the like, with the cells of the format's table 二 they deny. */
  documentNones: NoneClaim[];
}

/**
 * The national formats: tables 三 and 四 are the same in 2019 and 2021 but for (六)其他处理 (one row in
 * 2019); table 二 differs, so each format's folder gives its own table 二 claims.
 */
export function nationalClaims(spec: NationalClaimsSpec): FormatClaims {
  const outcomes = OUTCOMES.map((o) => (o.id === 'otherHandling' ? { ...o, rows: spec.otherHandling.rows } : o));
  const details: Record<string, OutcomeDetail[]> = { ...OUTCOME_DETAILS, otherHandling: spec.otherHandling.details };
  const decision = spec.decision;
  return {
    groups: [
      ['newApplications', 'carriedOver'],
      ['review', 'litigation'],
      ['licensing', 'punishment', 'coercion'],
    ],
    reasonCategories: outcomes.filter((o) => o.rows.length > 1).map((o) => o.id),
    applicants: [
      ...APPLICANTS.map((a) => ({ keywords: a.keywords, columns: [a.col] })),
      { keywords: ['法人或其他组织'], columns: APPLICANTS.filter((a) => a.col !== 'natural').map((a) => a.col) },
    ],
    fees: { none: NO_FEE_STATED, amounts: ['feeCollected'] },
    contexts: [
      ...APPEAL_CONTEXTS,
      { keyword: '规章', context: 'regulations' },
      { keyword: '规范性文件', context: 'normativeDocs' },
      ...spec.contexts,
    ],
    counts: [
      ...spec.table2,
      { id: 'licensing', keywords: ['行政许可'], name: '行政许可', ref: decision('licensing'), units: ['件'] },
      { id: 'punishment', keywords: ['行政处罚'], name: '行政处罚', ref: decision('punishment'), units: ['件'] },
      { id: 'coercion', keywords: ['行政强制'], name: '行政强制', ref: decision('coercion'), units: ['件'] },
      // 新收/收到 is this year's applications (75 for 本年新收74 + 上年结转1 is wrong), unless the sentence says it
      // includes the carried-over ones; 受理 is used either way.
      {
        id: 'newApplications',
        keywords: ['新收', '收到'],
        name: '新收申请',
        ref: [T3('newApplications')],
        filler: ['申请'],
        alternatives: [[T3('newApplications'), T3('carriedOver')]],
        alternativesWhen: INCLUDES_CARRIED_OVER,
        parts: APPLICANTS.map((a) => `applicant.${a.col}`),
      },
      {
        id: 'applicationsAccepted',
        keywords: ['受理', '申请总数'],
        name: '受理申请',
        ref: [T3('newApplications')],
        filler: ['申请'],
        alternatives: [[T3('newApplications'), T3('carriedOver')]],
        parts: APPLICANTS.map((a) => `applicant.${a.col}`),
      },
      ...APPLICANTS.map((a) => ({
        id: `applicant.${a.col}`,
        keywords: a.keywords,
        name: a.keywords[0],
        ref: [T3('newApplications', a.col)],
        shareBase: [T3('newApplications')],
      })),
      {
        id: 'applicant.organizations',
        keywords: ['法人或其他组织'],
        name: '法人或其他组织',
        ref: APPLICANTS.filter((a) => a.col !== 'natural').map((a) => T3('newApplications', a.col)),
        shareBase: [T3('newApplications')],
      },
      { id: 'carriedOver', keywords: ['上年结转', '上年度结转', '上一年度结转'], name: '上年结转', ref: [T3('carriedOver')] },
      {
        id: 'outcomesTotal',
        keywords: ['办理结果总计', '办理结果', '办结', '办理完毕', '答复'],
        name: '办理结果总计',
        ref: [T3('total')],
        filler: ['申请'],
        parts: outcomes.map((o) => o.id),
      },
      ...outcomes.map((o) => ({
        id: o.id,
        keywords: o.keywords,
        name: o.keywords[0],
        ref: o.rows.map((r) => T3(r)),
        shareBase: [T3('total')],
        ...(o.rows.length > 1 ? { parts: details[o.id].map((d) => d.row) } : {}),
      })),
      ...Object.values(details)
        .flat()
        .map((d) => ({ id: d.row, keywords: d.keywords, name: d.keywords[0], ref: [T3(d.row)], shareBase: [T3('total')] })),
      { id: 'carryForward', keywords: ['结转下年度'], name: '结转下年度继续办理', ref: [T3('carryForward')] },
      {
        id: 'review',
        keywords: ['行政复议'],
        name: '行政复议',
        ref: ['t4.review.total'],
        parts: APPEAL_OUTCOMES.map((c) => `appeal.${c}`),
      },
      {
        id: 'litigation',
        keywords: ['行政诉讼'],
        name: '行政诉讼',
        ref: LITIGATION.map((g) => `${g}.total`),
        parts: ['litigationDirect', 'litigationAfterReview'],
      },
      { id: 'litigationDirect', keywords: ['未经复议直接起诉', '直接起诉'], name: '未经复议直接起诉', ref: ['t4.litigationDirect.total'] },
      { id: 'litigationAfterReview', keywords: ['复议后起诉'], name: '复议后起诉', ref: ['t4.litigationAfterReview.total'] },
      { id: 'appeal.upheld', keywords: ['结果维持', '维持'], name: '结果维持', ref: appealOutcome('upheld') },
      { id: 'appeal.corrected', keywords: ['结果纠正', '纠正'], name: '结果纠正', ref: appealOutcome('corrected') },
      { id: 'appeal.other', keywords: ['其他结果'], name: '其他结果', ref: appealOutcome('other') },
      { id: 'appeal.pending', keywords: ['尚未审结'], name: '尚未审结', ref: appealOutcome('pending') },
      { id: 'feeCollected', keywords: ['信息处理费'], name: '信息处理费', ref: ['fact:feeCollected'] },
    ],
    alls: [
      {
        pattern: /均(?:获|予以|被)?维持|结果均为维持/,
        total: { review: ['t4.review.total'], litigation: LITIGATION.map((g) => `${g}.total`), any: ['t4.review.total', ...LITIGATION.map((g) => `${g}.total`)] },
        mustBeZero: {
          review: ['corrected', 'other', 'pending'].map((c) => `t4.review.${c}`),
          litigation: LITIGATION.flatMap((g) => ['corrected', 'other', 'pending'].map((c) => `${g}.${c}`)),
          any: ['t4.review', ...LITIGATION].flatMap((g) => ['corrected', 'other', 'pending'].map((c) => `${g}.${c}`)),
        },
      },
      {
        // 全部办结 / 均已办结 about the applications, while some are carried into next year.
        pattern: /(?:均已|已全部|全部已|均|全部)(?:按时|依法|按期|在法定期限内|在规定期限内|于法定期限内)?(?:办结|办理完毕|答复完毕)/,
        subject: /申请/,
        otherSubject: /建议|提案|信访|来信|诉求|留言|咨询|上年结转[^，。；]{0,12}$/,
        total: [T3('total')],
        mustBeZero: [T3('carryForward')],
      },
      {
        pattern: /均已审结/,
        total: { review: ['t4.review.total'], litigation: LITIGATION.map((g) => `${g}.total`), any: ['t4.review.total', ...LITIGATION.map((g) => `${g}.total`)] },
        mustBeZero: { review: ['t4.review.pending'], litigation: LITIGATION.map((g) => `${g}.pending`), any: ['t4.review.pending', ...LITIGATION.map((g) => `${g}.pending`)] },
      },
    ],
    nones: [
      { pattern: /未收到(?:新的)?[^，。；]{0,10}申请/, ref: [T3('newApplications')] },
      { pattern: /(?:无|没有)上年结转/, ref: [T3('carriedOver')] },
      { pattern: /(?:无|没有)结转下年度/, ref: [T3('carryForward')] },
      { pattern: /(?:未(?:发生|出现|收到)|没有)[^，。；]{0,30}?行政复议/, ref: ['t4.review.total'] },
      { pattern: /(?:未(?:发生|出现)|没有)[^，。；]{0,30}?行政诉讼/, ref: LITIGATION.map((g) => `${g}.total`), name: '行政诉讼' },
      ...spec.feeNones,
      { pattern: /未收取(?:任何)?信息处理费/, ref: ['fact:feeCollected'] },
      ...spec.documentNones,
      { pattern: /未作出[^，。；]{0,30}?行政许可/, ref: decision('licensing') },
      { pattern: /未作出[^，。；]{0,30}?行政处罚/, ref: decision('punishment') },
      { pattern: /未作出[^，。；]{0,30}?行政强制/, ref: decision('coercion') },
    ],
    sections: [
      { heading: '一、总体情况', keys: ['总体情况'] },
      { heading: '二、主动公开政府信息情况', keys: ['主动公开'] },
      { heading: '三、收到和处理政府信息公开申请情况', keys: ['收到和处理', '依申请公开'] },
      { heading: '四、政府信息公开行政复议、行政诉讼情况', keys: ['行政复议', '行政诉讼'] },
      { heading: '五、存在的主要问题及改进情况', keys: ['问题', '改进'] },
      { heading: '六、其他需要报告的事项', keys: ['其他需要报告'] },
    ],
  };
}

import type { FormatId } from '../types';
import { LEGACY_APPLICATION_CHANNELS, LEGACY_CHANNELS, LEGACY_DENIAL_REASONS, LEGACY_REPLIES } from '../templates/legacy2016';

/**
 * What a report's text may claim about its table, as data: the words that introduce a figure and
 * the table cells it must equal. Adding a phrasing means adding a keyword here, not code.
 *
 * A reference is a list of indicator ids whose values are summed (one id for one cell), or
 * `fact:feeCollected` for a report fact the table lacks.
 */
export type Ref = readonly string[];

/** Refs that depend on what the sentence is about (行政复议 or 行政诉讼, 规章 or 规范性文件). */
export type ContextRefs = Readonly<Record<string, Ref>>;

export interface CountClaim {
  id: string;
  /** Words after which a number with its unit states this figure: 新收 … 49件. */
  keywords: readonly string[];
  /** How messages name the figure when it is a sum of rows (a category of table 三). */
  name: string;
  ref: Ref | ContextRefs;
  /**
   * For keywords common in other contexts (收到, 办结): words between keyword and number must include
   * one of these, or be none (收到人大代表建议15件 is not about applications).
   */
  filler?: readonly string[];
  /** Units the figure is counted in, when others near the keyword mean something else (2019: 行政许可事项86项 vs 处理决定1180件). */
  units?: readonly string[];
  /** Other readings a careful writer may mean (受理 may include last year's carried-over applications). */
  alternatives?: readonly Ref[];
  /** The alternatives hold only in a sentence that says so (收到52件（含上年结转2件）). */
  alternativesWhen?: RegExp;
  /** Claims that are this figure's components (其中 …): for "sub-item quoted as total" and sums. */
  parts?: readonly string[];
  /** The parts overlap (one item published through several channels counts once): no sum check. */
  partsOverlap?: boolean;
  /** The whole that a share (占 N%) of this figure is taken of. */
  shareBase?: Ref | ContextRefs;
}

/** "均…": every item is of one kind, contradicted by any non-zero cell among the others. */
export interface AllClaim {
  pattern: RegExp;
  /** The words before the claim must say what it is about (申请), … */
  subject?: RegExp;
  /** … and not be about something else (人大代表建议…均已办结). */
  otherSubject?: RegExp;
  /** The total the claim is about, by context (`any` when the sentence names no context). */
  total: Ref | ContextRefs;
  mustBeZero: Ref | ContextRefs;
}

/** "未…": none at all, contradicted by a non-zero total. */
export interface NoneClaim {
  pattern: RegExp;
  ref: Ref;
  /** How messages name the figure when it is a sum of cells. */
  name?: string;
}

export interface FormatClaims {
  counts: CountClaim[];
  alls: AllClaim[];
  nones: NoneClaim[];
  /** Words that set what the following figures are about, in sentence order. */
  contexts: readonly { keyword: string; context: string }[];
  /**
   * Claims whose figures add up when named together before one number (予以公开及部分公开30件):
   * the parts of one total, and a few pairs reports join.
   */
  groups: readonly (readonly string[])[];
  /** Categories whose reasons may be named before them (因属于国家秘密不予公开1件). */
  reasonCategories: readonly string[];
  /** Applicant types a sentence may name (自然人申请中…): table 三's columns. Empty where the table has none. */
  applicants: readonly { keywords: readonly string[]; columns: readonly string[] }[];
  /** Statements that no fee at all was collected, and the claims that state a fee's amount. */
  fees: { none: RegExp; amounts: readonly string[] };
  /** The required sections of a report in this format, in order: each heading is recognized by any of its key words. */
  sections: readonly SectionSpec[];
}

export interface SectionSpec {
  heading: string;
  keys: readonly string[];
}

/** Context used when a context-dependent claim's sentence names none. */
export const NO_CONTEXT = 'any';

const L = (...rows: string[]): Ref => rows.map((r) => `legacy.${r}`);
const count = (id: string, keywords: string[], rest: Partial<CountClaim> = {}): CountClaim => ({
  id,
  keywords,
  name: keywords[0],
  ref: L(id),
  ...rest,
});

const APPEAL_CONTEXTS = [
  { keyword: '行政复议', context: 'review' },
  { keyword: '行政诉讼', context: 'litigation' },
  { keyword: '起诉', context: 'litigation' },
];
const except = (all: string[], one: string) => all.filter((x) => x !== one);

/** "未收取任何费用": about the fees of the applications (legacy 七, 2021 信息处理费 in 六), never 行政事业性收费. */
const NO_FEE_AT_ALL = /(?:均?未收(?:取)?(?:任何)?费用|均未收费|未收取任何费用|免费提供)/;
/** The statements of no fee that another sentence stating a fee contradicts (免费提供 may be about a service). */
const NO_FEE_STATED = /均?未收(?:取)?(?:任何)?(?:信息处理)?费用?|均未收费|未收取(?:任何)?信息处理费/;

const legacy: FormatClaims = {
  contexts: APPEAL_CONTEXTS,
  groups: [['reviews', 'lawsuits']],
  reasonCategories: ['replyDenied'],
  applicants: [],
  fees: { none: NO_FEE_STATED, amounts: ['fees'] },
  counts: [
    count('proactive', ['主动公开政府信息'], { parts: LEGACY_CHANNELS, partsOverlap: true }),
    count('channelGazette', ['政府公报公开', '通过政府公报'], { shareBase: L('proactive') }),
    count('channelWebsite', ['政府网站公开', '通过政府网站'], { shareBase: L('proactive') }),
    count('channelWeibo', ['政务微博公开', '通过政务微博'], { shareBase: L('proactive') }),
    count('channelWechat', ['政务微信公开', '通过政务微信'], { shareBase: L('proactive') }),
    count('channelOther', ['其他方式公开'], { shareBase: L('proactive') }),
    count('proactiveNormative', ['主动公开规范性文件']),
    count('normativeIssued', ['制发规范性文件']),
    count('responses', ['回应公众关注热点或重大舆情', '回应公众关注', '回应热点']),
    count('pressConferences', ['新闻发布会']),
    count('onlineInterviews', ['在线访谈']),
    count('interpretations', ['政策解读稿件', '解读稿件']),
    count('socialMediaResponses', ['微博微信回应']),
    count('otherResponses', ['其他方式回应']),
    count('received', ['收到', '受理', '申请总数'], { parts: LEGACY_APPLICATION_CHANNELS, filler: ['申请'] }),
    count('receivedInPerson', ['当面申请'], { shareBase: L('received') }),
    count('receivedFax', ['传真申请'], { shareBase: L('received') }),
    count('receivedOnline', ['网络申请'], { shareBase: L('received') }),
    count('receivedLetter', ['信函申请'], { shareBase: L('received') }),
    count('receivedEmail', ['电子邮件申请'], { shareBase: L('received') }),
    count('receivedOtherForm', ['其他形式申请'], { shareBase: L('received') }),
    count('concluded', ['办结', '办理完毕'], { parts: ['concludedOnTime', 'concludedExtended'], filler: ['申请'] }),
    count('concludedOnTime', ['按时办结'], { shareBase: L('concluded') }),
    count('concludedExtended', ['延期办结'], { shareBase: L('concluded') }),
    count('replies', ['答复'], { parts: LEGACY_REPLIES, filler: ['申请'] }),
    count('replyAlreadyPublic', ['属于已主动公开范围', '已主动公开范围'], { shareBase: L('replies') }),
    count('replyGranted', ['同意公开'], { shareBase: L('replies') }),
    count('replyPartial', ['同意部分公开'], { shareBase: L('replies') }),
    count('replyDenied', ['不同意公开', '不予公开'], { parts: LEGACY_DENIAL_REASONS, shareBase: L('replies') }),
    count('replyNotThisBody', ['不属于本行政机关公开', '不属于本行政机关'], { shareBase: L('replies') }),
    count('replyNotExist', ['申请信息不存在', '信息不存在'], { shareBase: L('replies') }),
    count('replyAskAmend', ['告知作出更改补充', '更改补充'], { shareBase: L('replies') }),
    count('replyOtherChannel', ['告知通过其他途径办理', '其他途径办理'], { shareBase: L('replies') }),
    count('deniedStateSecret', ['涉及国家秘密', '国家秘密']),
    count('deniedCommercialSecret', ['涉及商业秘密', '商业秘密']),
    count('deniedPrivacy', ['涉及个人隐私', '个人隐私']),
    count('deniedSecurity', ['危及国家安全、公共安全、经济安全和社会稳定', '危及国家安全']),
    count('deniedNotGovInfo', ['不是《条例》所指政府信息', '所指政府信息']),
    count('deniedOtherLaw', ['法律法规规定的其他情形']),
    count('reviews', ['行政复议'], { parts: ['appealUpheld', 'appealCorrected', 'appealOther'] }),
    count('lawsuits', ['行政诉讼'], { parts: ['appealUpheld', 'appealCorrected', 'appealOther'] }),
    {
      id: 'appealUpheld',
      keywords: ['维持具体行政行为', '维持'],
      name: '维持',
      ref: { review: L('reviewsUpheld'), litigation: L('lawsuitsUpheld') },
    },
    {
      id: 'appealCorrected',
      keywords: ['被依法纠错', '纠错'],
      name: '被依法纠错',
      ref: { review: L('reviewsCorrected'), litigation: L('lawsuitsCorrected') },
    },
    { id: 'appealOther', keywords: ['其他情形'], name: '其他情形', ref: { review: L('reviewsOther'), litigation: L('lawsuitsOther') } },
    count('complaints', ['举报投诉']),
    count('fees', ['收取费用', '收取的费用', '收费']),
    count('dedicatedUnits', ['专门机构']),
    count('readingPoints', ['查阅点']),
    count('staff', ['工作人员'], { parts: ['staffFullTime', 'staffPartTime'] }),
    count('staffFullTime', ['专职人员'], { shareBase: L('staff') }),
    count('staffPartTime', ['兼职人员'], { shareBase: L('staff') }),
    count('funding', ['专项经费']),
    count('meetings', ['工作会议或专题会议', '专题会议', '工作会议']),
    count('trainings', ['培训班']),
    count('trainees', ['接受培训人员', '培训人员']),
  ],
  alls: [
    { pattern: /均(?:在|于)[^，。；]{0,12}期限内/, total: L('concluded'), mustBeZero: L('concludedExtended') },
    { pattern: /(?:都|均|全部)(?:已)?(?:在|于)[^，。；]{0,12}规定的?期限内/, total: L('concluded'), mustBeZero: L('concludedExtended') },
    {
      pattern: /均(?:获|予以|被)?维持|结果均为维持/,
      total: { review: L('reviews'), litigation: L('lawsuits'), any: L('reviews', 'lawsuits') },
      mustBeZero: {
        review: L('reviewsCorrected', 'reviewsOther'),
        litigation: L('lawsuitsCorrected', 'lawsuitsOther'),
        any: L('reviewsCorrected', 'reviewsOther', 'lawsuitsCorrected', 'lawsuitsOther'),
      },
    },
  ],
  nones: [
    { pattern: /未主动公开政府信息/, ref: L('proactive') },
    { pattern: /未制发规范性文件/, ref: L('normativeIssued') },
    { pattern: /未(?:收到|受理)[^，。；]{0,10}申请/, ref: L('received') },
    { pattern: /(?:未(?:发生|出现|收到)|没有)[^，。；]{0,30}?行政复议/, ref: L('reviews') },
    { pattern: /(?:未(?:发生|出现|收到)|没有)[^，。；]{0,30}?行政诉讼/, ref: L('lawsuits') },
    { pattern: /(?:未(?:发生|出现|收到)|没有)[^，。；]{0,30}?举报投诉/, ref: L('complaints') },
    { pattern: NO_FEE_AT_ALL, ref: L('fees') },
    { pattern: /未参加或举办新闻发布会|未(?:召开|举办)[^，。；]{0,6}新闻发布会/, ref: L('pressConferences') },
    { pattern: /未开展[^，。；]{0,8}在线访谈/, ref: L('onlineInterviews') },
    { pattern: /未发布政策解读稿件/, ref: L('interpretations') },
  ],
  // The 2008 条例 (第三十二条) lists what a report covers, not its headings; legacy reports head their parts
  // in many ways (the seed's 政策解读情况 and 制度建设和机构建设 are its own), so no heading is required.
  sections: [],
};

const T3 = (row: string, col = 'total') => `t3.${row}.${col}`;
const INCLUDES_CARRIED_OVER = /(?:含|包括|包含)[^。；;]{0,6}上一?年度?结转/;
const OUTCOME_DETAILS: Record<string, { row: string; keywords: string[] }[]> = {
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
  otherHandling: [
    { row: 'otherNoAmendment', keywords: ['申请人无正当理由逾期不补正', '逾期不补正'] },
    { row: 'otherNoFee', keywords: ['申请人逾期未按收费通知要求缴纳费用', '未按收费通知要求缴纳费用'] },
    { row: 'otherOther', keywords: ['其他原因'] },
  ],
};
const OUTCOMES: { id: string; keywords: string[]; rows: string[] }[] = [
  { id: 'granted', keywords: ['予以公开'], rows: ['granted'] },
  { id: 'partial', keywords: ['部分公开'], rows: ['partial'] },
  ...Object.entries({ denied: ['不予公开'], unable: ['无法提供'], notProcessed: ['不予处理'], otherHandling: ['其他处理'] }).map(
    ([id, keywords]) => ({ id, keywords, rows: OUTCOME_DETAILS[id].map((d) => d.row) }),
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
const document = (col: string): ContextRefs => ({ regulations: [`t2.regulations.${col}`], normativeDocs: [`t2.normativeDocs.${col}`] });

/**
 * The national formats: tables 三 and 四 are the same in 2019 and 2021 but for (六)其他处理 (one row in
 * 2019); table 二 differs (2019: 本年新制作数量 … and decisions in a column of their own).
 */
function nationalClaims(variant: 2019 | 2021): FormatClaims {
  const outcomes = variant === 2021 ? OUTCOMES : OUTCOMES.map((o) => (o.id === 'otherHandling' ? { ...o, rows: ['otherHandling'] } : o));
  const details = variant === 2021 ? OUTCOME_DETAILS : { ...OUTCOME_DETAILS, otherHandling: [] };
  const decision = (row: string) => (variant === 2021 ? [`t2.${row}`] : [`t2.${row}.decisions`]);
  const documents2021: CountClaim[] = [
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
  // 2019: 新制作规范性文件4件、新公开4件，对外公开规范性文件总数36件；行政许可事项…，作出处理决定1180件.
  const matters = ['licensing', 'otherServices', 'punishment', 'coercion'];
  const documents2019: CountClaim[] = [
    { id: 'documentsMade', keywords: ['新制作'], name: '新制作', ref: document('made') },
    { id: 'documentsPublished', keywords: ['新公开'], name: '新公开', ref: document('published') },
    { id: 'documentsTotal', keywords: ['对外公开'], name: '对外公开总数', ref: document('total') },
    {
      id: 'decisions',
      keywords: ['处理决定'],
      name: '处理决定',
      ref: Object.fromEntries(matters.map((m) => [m, [`t2.${m}.decisions`]])),
      units: ['件'],
    },
  ];
  const matterContexts = [
    { keyword: '行政许可', context: 'licensing' },
    { keyword: '其他对外管理服务事项', context: 'otherServices' },
    { keyword: '行政处罚', context: 'punishment' },
    { keyword: '行政强制', context: 'coercion' },
  ];
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
      ...(variant === 2019 ? matterContexts : []),
    ],
    counts: [
      ...(variant === 2021 ? documents2021 : documents2019),
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
      ...(variant === 2021 ? [{ pattern: /未收取行政事业性收费/, ref: ['t2.fees'] }] : []),
      { pattern: /未收取(?:任何)?信息处理费/, ref: ['fact:feeCollected'] },
      { pattern: /无现行有效规章/, ref: ['t2.regulations.inForce'] },
      { pattern: /无现行有效(?:行政)?规范性文件/, ref: ['t2.normativeDocs.inForce'] },
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

/** "均为<part>": every item of a total is of that part, so the total's other parts must be 0. */
function allOfOnePart(counts: CountClaim[]): AllClaim[] {
  const byId = new Map(counts.map((c) => [c.id, c]));
  const claims: AllClaim[] = [];
  for (const total of counts) {
    if (!total.parts || !Array.isArray(total.ref)) continue;
    const parts = total.parts.map((id) => byId.get(id)).filter((p): p is CountClaim => p !== undefined && Array.isArray(p.ref));
    for (const part of parts) {
      const words = part.keywords.map(escapeRegExp).join('|');
      claims.push({
        pattern: new RegExp(`均(?:为|是|系|由|通过|属于)?[“"]?(?:${words})`),
        total: total.ref as Ref,
        mustBeZero: except(parts.map((p) => p.id), part.id).flatMap((id) => byId.get(id)!.ref as Ref),
      });
    }
  }
  return claims;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names that add up when joined before one number: the parts of each total (not overlapping channels), and the format's pairs. */
function groupsOf(claims: FormatClaims): string[][] {
  const fromParts = claims.counts.filter((c) => c.parts && !c.partsOverlap).map((c) => [...c.parts!]);
  return [...fromParts, ...claims.groups.map((g) => [...g])];
}

const withDerived = (claims: FormatClaims): FormatClaims => ({
  ...claims,
  alls: [...allOfOnePart(claims.counts), ...claims.alls],
  groups: groupsOf(claims),
});

export const CLAIMS: Record<FormatId, FormatClaims> = {
  'legacy-2016': withDerived(legacy),
  'national-2019': withDerived(nationalClaims(2019)),
  'national-2021': withDerived(nationalClaims(2021)),
};

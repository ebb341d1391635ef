import { isPositive, isZero, type Breakdown, type Quantity } from '../../narrative/analytics';
import type { Paragraph, ReportFacts } from '../../narrative/model';
import type {
  AppealOutcome,
  AppealsAnalysis,
  ApplicantKind,
  ApplicationsAnalysis,
  LitigationRoute,
  NationalTables3And4,
  OutcomeCategory,
} from './analysis';
import { body, subheading, type Piece } from '../../narrative/runs';
import { allOf, amount, changeClause, type FormatWriting, list, named, placeholder, SEMICOLONS, statisticsPeriod, tablePlaceholder, yearStart } from '../../narrative/phrases/common';

/**
 * The wording both national formats share (2019 trial format and 2021): the six parts, the overview's
 * sub-heads, and the sentences on tables 三 and 四. Each format words its own table 二 and section 六.
 */

export const NATIONAL_HEADINGS = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

const OVERVIEW_SUBHEADINGS = {
  proactive: '（一）主动公开',
  applications: '（二）依申请公开',
  management: '（三）政府信息管理',
  platforms: '（四）政府信息公开平台建设',
  oversight: '（五）监督保障',
};

const APPLICANT: Record<ApplicantKind, string> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他法人或其他组织',
};

const OUTCOME: Record<OutcomeCategory, string> = {
  granted: '予以公开',
  partial: '部分公开',
  denied: '不予公开',
  unable: '无法提供',
  notProcessed: '不予处理',
  otherHandling: '其他处理',
};

/** The rows under 不予公开, 无法提供, 不予处理 and (2021) 其他处理, as reports name them in the text. */
const OUTCOME_ROW: Record<string, string> = {
  deniedStateSecret: '属于国家秘密',
  deniedLawForbidden: '其他法律行政法规禁止公开',
  deniedSafetyStability: '危及“三安全一稳定”',
  deniedThirdParty: '保护第三方合法权益',
  deniedInternalAffairs: '属于三类内部事务信息',
  deniedProcessInfo: '属于四类过程性信息',
  deniedEnforcementFile: '属于行政执法案卷',
  deniedQueryMatter: '属于行政查询事项',
  unableNotHeld: '本机关不掌握相关政府信息',
  unableNeedsCreation: '没有现成信息需要另行制作',
  unableUnclear: '补正后申请内容仍不明确',
  notProcessedComplaint: '信访举报投诉类申请',
  notProcessedRepeat: '重复申请',
  notProcessedPublication: '要求提供公开出版物',
  notProcessedMassRepeat: '无正当理由大量反复申请',
  notProcessedConfirm: '要求行政机关确认或重新出具已获取信息',
  otherNoAmendment: '申请人无正当理由逾期不补正',
  otherNoFee: '申请人逾期未按收费通知要求缴纳费用',
  otherOther: '其他原因',
};

const APPEAL_OUTCOME: Record<AppealOutcome, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};
/** Said only when every case has that outcome; 尚未审结 is an outcome, so "均维持" cannot hide a pending case. */
const ALL_APPEALS: Record<AppealOutcome, string> = {
  upheld: '结果均为维持',
  corrected: '结果均为纠正',
  other: '均为其他结果',
  pending: '均尚未审结',
};
const LITIGATION_ROUTE: Record<LitigationRoute, string> = {
  litigationDirect: '未经复议直接起诉',
  litigationAfterReview: '复议后起诉',
};

/** The opening paragraph: the report's basis (the format's document), its six parts and its period. */
export const nationalIntro = (formatDocument: string, facts: ReportFacts): Paragraph =>
  body(
    '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和',
    formatDocument,
    '要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、',
    '政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。',
    statisticsPeriod(facts),
  );

/** （其中本机关不掌握相关政府信息8件、没有现成信息需要另行制作2件） / （均为“重复申请”情形） */
function outcomeDetail(detail: Breakdown<string> | undefined): Piece {
  if (!detail || detail.listed.length === 0) return null;
  if (detail.soleKind) return ['（', allOf(detail.total, '均为“'), OUTCOME_ROW[detail.soleKind], '”情形）'];
  return ['（其中', list(named(detail.listed, (k) => OUTCOME_ROW[k])), '）'];
}

function applications(a: ApplicationsAnalysis, facts: ReportFacts): Paragraph[] {
  const { received, carriedOver, applicants, outcomes, outcomeShares, carryForward } = a;
  if (isZero(received) && isZero(carriedOver)) {
    return [body(yearStart(facts), '，本机关未收到政府信息公开申请，也无上年结转的申请。')];
  }
  const receivedSentence: Piece = [
    yearStart(facts),
    '，本机关',
    isZero(received) ? '未收到新的政府信息公开申请' : ['新收政府信息公开申请', amount(received), changeClause(a.change)],
    '，',
    isZero(carriedOver) ? '无上年结转申请' : ['上年结转申请', amount(carriedOver)],
    '。',
  ];
  const applicantSentence: Piece =
    !isZero(received) &&
    (applicants.soleKind
      ? ['新收申请', allOf(received, '均由'), APPLICANT[applicants.soleKind], '提出。']
      : applicants.listed.length > 0 && ['从申请人类型看，', list(named(applicants.listed, (k) => `${APPLICANT[k]}申请`)), '。']);

  const outcomeItem = (category: OutcomeCategory, q: Quantity): Piece => {
    const share = outcomeShares?.get(category);
    return [OUTCOME[category], amount(q), share && ['，占', amount(share)], outcomeDetail(a.outcomeDetails[category])];
  };
  const outcomeSentence: Piece = isZero(outcomes.total)
    ? '本年度尚无办理完毕的申请。'
    : [
        '本年度办理结果总计',
        amount(outcomes.total),
        outcomes.soleKind
          ? ['，', allOf(outcomes.total, '均为'), OUTCOME[outcomes.soleKind], outcomeDetail(a.outcomeDetails[outcomes.soleKind])]
          : outcomes.listed.length > 0 && ['，其中', list(outcomes.listed.map((p) => outcomeItem(p.key, p.q)), SEMICOLONS)],
        '。',
      ];
  const carryForwardSentence: Piece = isZero(carryForward)
    ? '无结转下年度继续办理的申请。'
    : ['结转下年度继续办理', amount(carryForward), '。'];
  return [body(receivedSentence, applicantSentence), body(outcomeSentence, carryForwardSentence)];
}

function appeals(a: AppealsAnalysis): Paragraph {
  const outcomesClause = (b: Breakdown<AppealOutcome>): Piece =>
    b.soleKind
      ? ['，', allOf(b.total, ALL_APPEALS[b.soleKind])]
      : b.listed.length > 0 && ['，其中', list(named(b.listed, (k) => APPEAL_OUTCOME[k]))];
  const { review, litigation, litigationRoutes } = a;
  if (isZero(review.total) && isZero(litigation.total)) {
    return body('全年，本机关未发生政府信息公开行政复议、行政诉讼案件。');
  }
  const routes: Piece = litigationRoutes.soleKind
    ? ['（', allOf(litigationRoutes.total, '均为'), LITIGATION_ROUTE[litigationRoutes.soleKind], '）']
    : litigationRoutes.listed.length > 0 && ['（', list(named(litigationRoutes.listed, (k) => LITIGATION_ROUTE[k])), '）'];
  return body(
    '全年，本机关',
    list(
      [
        isZero(review.total)
          ? '未发生政府信息公开行政复议案件'
          : ['因政府信息公开被申请行政复议', amount(review.total), outcomesClause(review)],
        isZero(litigation.total)
          ? '未发生政府信息公开行政诉讼案件'
          : [isZero(review.total) ? '因政府信息公开被提起行政诉讼' : '被提起行政诉讼', amount(litigation.total), routes, outcomesClause(litigation)],
      ],
      SEMICOLONS,
    ),
    '。',
  );
}

function problems(a: AppealsAnalysis): Paragraph[] {
  // Decisions corrected on appeal are the one problem the figures show by themselves.
  const corrected = isPositive(a.corrected);
  return [
    body(
      corrected && [
        '本年度有',
        amount(a.corrected),
        '政府信息公开行政复议、行政诉讼案件结果被纠正，依申请公开答复的规范性有待进一步提高。',
      ],
      placeholder(corrected ? '存在的其他主要问题' : '存在的主要问题'),
    ),
    body(placeholder('上年度问题整改情况和本年度改进措施')),
  ];
}

/** The other matters every report may add, after what the format itself asks for in section 六. */
export const otherMattersPlaceholder = (): Paragraph =>
  body(placeholder('落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开等其他需要报告的事项'));

const SHARE_BASE_NOTE = '办理结果的占比均以表三“(七)总计”的总计栏为分母。';

/** A national-format report: the format supplies its intro, its table 二 paragraphs and its section 六. */
export function writeNational(
  a: NationalTables3And4,
  facts: ReportFacts,
  own: { intro: Paragraph; proactive: Paragraph[]; other: Paragraph[] },
): FormatWriting {
  return {
    intro: [own.intro],
    notes: a.applications.outcomeShares ? [SHARE_BASE_NOTE] : [],
    sections: [
      {
        heading: NATIONAL_HEADINGS.overview,
        paragraphs: [
          body(placeholder('本年度政府信息公开工作总体情况概述')),
          subheading(OVERVIEW_SUBHEADINGS.proactive),
          ...own.proactive,
          body(placeholder('主动公开工作的主要做法和成效')),
          subheading(OVERVIEW_SUBHEADINGS.applications),
          ...applications(a.applications, facts),
          appeals(a.appeals),
          subheading(OVERVIEW_SUBHEADINGS.management),
          body(placeholder('政府信息管理工作情况，如公开属性认定、保密审查、政策文件清理等')),
          subheading(OVERVIEW_SUBHEADINGS.platforms),
          body(placeholder('政府网站、政务新媒体、政务公开专区等平台建设情况')),
          subheading(OVERVIEW_SUBHEADINGS.oversight),
          body(placeholder('监督保障情况，如工作考核、社会评议、责任追究、业务培训等')),
        ],
      },
      { heading: NATIONAL_HEADINGS.proactive, paragraphs: [body(tablePlaceholder('t2', '表二 主动公开政府信息情况'))] },
      { heading: NATIONAL_HEADINGS.applications, paragraphs: [body(tablePlaceholder('t3', '表三 收到和处理政府信息公开申请情况'))] },
      { heading: NATIONAL_HEADINGS.appeals, paragraphs: [body(tablePlaceholder('t4', '表四 政府信息公开行政复议、行政诉讼情况'))] },
      { heading: NATIONAL_HEADINGS.problems, paragraphs: problems(a.appeals) },
      { heading: NATIONAL_HEADINGS.other, paragraphs: own.other },
    ],
  };
}

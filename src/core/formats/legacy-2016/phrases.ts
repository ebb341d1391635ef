import { isPositive, isZero, type Breakdown, type Quantity } from '../../narrative/analytics';
import type {
  LegacyAnalysis,
  LegacyAppealOutcome,
  LegacyApplicationChannel,
  LegacyChannel,
  LegacyDenialReason,
  LegacyReply,
} from './analysis';
import type { Paragraph, ReportFacts } from '../../narrative/model';
import { body, type Piece } from '../../narrative/runs';
import {
  allOf,
  amount,
  CLAUSES,
  type FormatWriting,
  changeClause,
  list,
  named,
  placeholder,
  SEMICOLONS,
  statisticsPeriod,
  yearStart,
} from '../../narrative/phrases/common';

/** The wording of a legacy-format (2016–2018) report, in the register of the seed report. */

export const LEGACY_HEADINGS = {
  proactive: '一、主动公开政府信息情况',
  applications: '二、依申请公开政府信息情况',
  interpretation: '三、政策解读情况',
  organization: '四、制度建设和机构建设',
  problems: '五、政府信息公开工作存在的主要问题和改进措施',
  other: '六、其他需要报告的事项',
};

const CHANNEL: Record<LegacyChannel, string> = {
  channelGazette: '政府公报',
  channelWebsite: '政府网站',
  channelWeibo: '政务微博',
  channelWechat: '政务微信',
  channelOther: '其他方式',
};

const APPLICATION_CHANNEL: Record<LegacyApplicationChannel, string> = {
  receivedInPerson: '当面申请',
  receivedFax: '传真申请',
  receivedOnline: '网络申请',
  receivedLetter: '信函申请',
  receivedEmail: '电子邮件申请',
  receivedOtherForm: '其他形式申请',
};

/** "All applications came this way." */
const ALL_BY_APPLICATION_CHANNEL: Record<LegacyApplicationChannel, string> = {
  receivedInPerson: '均为当面申请',
  receivedFax: '均通过传真申请',
  receivedOnline: '均通过网络申请',
  receivedLetter: '均通过信函申请',
  receivedEmail: '均通过电子邮件申请',
  receivedOtherForm: '均为其他形式申请',
};

const REPLY: Record<LegacyReply, string> = {
  replyAlreadyPublic: '属于已主动公开范围',
  replyGranted: '同意公开',
  replyPartial: '同意部分公开',
  replyDenied: '不同意公开',
  replyNotThisBody: '不属于本行政机关公开',
  replyNotExist: '申请信息不存在',
  replyAskAmend: '告知作出更改补充',
  replyOtherChannel: '告知通过其他途径办理',
};

const DENIAL_REASON: Record<LegacyDenialReason, string> = {
  deniedStateSecret: '涉及国家秘密',
  deniedCommercialSecret: '涉及商业秘密',
  deniedPrivacy: '涉及个人隐私',
  deniedSecurity: '危及国家安全、公共安全、经济安全和社会稳定',
  deniedNotGovInfo: '不是《条例》所指政府信息',
  deniedOtherLaw: '法律法规规定的其他情形',
};

const REVIEW_OUTCOME: Record<LegacyAppealOutcome, string> = {
  Upheld: '维持具体行政行为',
  Corrected: '被依法纠错',
  Other: '其他情形',
};
const LAWSUIT_OUTCOME: Record<LegacyAppealOutcome, string> = {
  ...REVIEW_OUTCOME,
  Upheld: '维持具体行政行为或者驳回原告诉讼请求',
};

const known = (q: Quantity) => q.value !== null;

/** 其中a、b和c / ，均为a: the parts of a total; nothing when no part is non-zero. */
function partsClause<K extends string>(b: Breakdown<K>, name: (key: K) => string, all: (key: K) => string): Piece {
  if (b.soleKind) return ['，', allOf(b.total, all(b.soleKind))];
  if (b.listed.length === 0) return null;
  return ['，其中', list(named(b.listed, name))];
}

function proactive(a: LegacyAnalysis['proactive'], facts: ReportFacts): Paragraph {
  const { total, channels } = a;
  const opening: Piece = isZero(total)
    ? [yearStart(facts), '，未主动公开政府信息。']
    : [
        yearStart(facts),
        '，共主动公开政府信息',
        amount(total),
        changeClause(a.change),
        channels.soleKind
          ? ['，', allOf(total, `均通过${CHANNEL[channels.soleKind]}公开`)]
          : channels.listed.length > 0 && ['，其中通过', list(named(channels.listed, (k) => `${CHANNEL[k]}公开政府信息`), CLAUSES)],
        '。',
      ];
  const normative: Piece =
    isZero(a.normativeIssued) && isZero(a.proactiveNormative)
      ? '全年未制发规范性文件。'
      : [
          '全年',
          list(
            [
              !isZero(a.normativeIssued) && ['制发规范性文件', amount(a.normativeIssued)],
              !isZero(a.proactiveNormative) && ['主动公开规范性文件', amount(a.proactiveNormative)],
            ],
            CLAUSES,
          ),
          '。',
        ];
  return body(opening, normative);
}

function applications(a: LegacyAnalysis['applications'], facts: ReportFacts): Paragraph {
  const { received, concluded, replies, denied } = a;
  if (isZero(received.total)) {
    return body(yearStart(facts), '，未收到政府信息公开申请。');
  }
  const receivedSentence: Piece = [
    yearStart(facts),
    '，本机关共受理依申请公开',
    amount(received.total),
    changeClause(a.change),
    partsClause(received, (k) => APPLICATION_CHANNEL[k], (k) => ALL_BY_APPLICATION_CHANNEL[k]),
    '。',
  ];
  const concludedSentence: Piece = isZero(concluded.total)
    ? '收到的申请尚未办结。'
    : [
        '已办结',
        amount(concluded.total),
        concluded.soleKind === 'concludedOnTime'
          ? ['，', allOf(concluded.total, '均在《条例》规定的期限内办结')]
          : concluded.soleKind === 'concludedExtended'
            ? ['，', allOf(concluded.total, '均为延期办结')]
            : concluded.listed.length > 0 && [
                '，其中',
                list(named(concluded.listed, (k) => (k === 'concludedOnTime' ? '按时办结' : '延期办结'))),
              ],
        '。',
      ];
  const denialClause: Piece =
    isPositive(denied.total) || !known(denied.total)
      ? denied.soleKind
        ? ['，不同意公开的原因', allOf(denied.total, `均为${DENIAL_REASON[denied.soleKind]}`)]
        : denied.listed.length > 0 && [
            '；不同意公开的',
            amount(denied.total),
            '中，',
            list(named(denied.listed, (k) => DENIAL_REASON[k])),
          ]
      : null;
  const repliesSentence: Piece = !isZero(replies.total) && [
    '作出答复',
    amount(replies.total),
    partsClause(replies, (k) => REPLY[k], (k) => `均为${REPLY[k]}`),
    denialClause,
    '。',
  ];
  const feesSentence: Piece = isZero(a.fees)
    ? '所有依申请公开办件均未收取费用。'
    : ['依申请公开收取费用', amount(a.fees), '。'];
  return body(receivedSentence, concludedSentence, repliesSentence, feesSentence);
}

function appeals(a: LegacyAnalysis['appeals']): Paragraph {
  const kinds = [
    { name: '行政复议', total: a.reviews.total },
    { name: '行政诉讼', total: a.lawsuits.total },
    { name: '举报投诉', total: a.complaints },
  ];
  const outcomes = (b: Breakdown<LegacyAppealOutcome>, names: Record<LegacyAppealOutcome, string>) =>
    partsClause(b, (k) => names[k], (k) => `均为${names[k]}`);
  const clauses: Piece[] = [
    !isZero(a.reviews.total) && ['因政府信息公开被申请行政复议', amount(a.reviews.total), outcomes(a.reviews, REVIEW_OUTCOME)],
    !isZero(a.lawsuits.total) && ['因政府信息公开被提起行政诉讼', amount(a.lawsuits.total), outcomes(a.lawsuits, LAWSUIT_OUTCOME)],
    !isZero(a.complaints) && ['收到有关政府信息公开的举报投诉', amount(a.complaints)],
  ];
  const none = kinds.filter((k) => isZero(k.total)).map((k) => k.name);
  if (none.length > 0) clauses.push(['未发生因政府信息公开引起的', list(none)]);
  return body('全年，本机关', list(clauses, SEMICOLONS), '。');
}

function interpretation(a: LegacyAnalysis['responses'], facts: ReportFacts): Paragraph[] {
  const withLeaders = (leaders: Quantity): Piece =>
    !isZero(leaders) && ['（其中主要负责同志参加', amount(leaders), '）'];
  const done: Piece[] = [];
  const notDone: Piece[] = [];
  const activity = (q: Quantity, doneText: Piece, notDoneText: string | null) => {
    if (!isZero(q)) done.push(doneText);
    else if (notDoneText) notDone.push(notDoneText);
  };
  activity(a.pressConferences, ['参加或举办新闻发布会', amount(a.pressConferences), withLeaders(a.pressConferencesByLeaders)], '未参加或举办新闻发布会');
  activity(a.onlineInterviews, ['开展政府网站在线访谈', amount(a.onlineInterviews), withLeaders(a.onlineInterviewsByLeaders)], '未开展政府网站在线访谈');
  activity(a.interpretations, ['发布政策解读稿件', amount(a.interpretations)], '未发布政策解读稿件');
  activity(a.socialMediaResponses, ['通过微博微信回应事件', amount(a.socialMediaResponses)], null);
  activity(a.otherResponses, ['通过其他方式回应事件', amount(a.otherResponses)], null);
  const figures = body(
    yearStart(facts),
    '，',
    !isZero(a.total) && ['共回应公众关注热点或重大舆情', amount(a.total), '。'],
    list([list(done, CLAUSES), list(notDone, CLAUSES)], SEMICOLONS),
    '。',
  );
  return [figures, body(placeholder('政策解读工作的主要做法，如解读机制、解读形式、解读专栏建设等'))];
}

function organization(a: LegacyAnalysis['organization']): Paragraph[] {
  const either = (q: Quantity, doneText: Piece, notDoneText: string): Piece => (isZero(q) ? notDoneText : doneText);
  const { staff } = a;
  const staffSentence: Piece = isZero(staff.total)
    ? '暂无从事政府信息公开工作的人员。'
    : [
        '从事政府信息公开工作人员',
        amount(staff.total),
        partsClause(staff, (k) => (k === 'staffFullTime' ? '专职人员' : '兼职人员'), (k) =>
          k === 'staffFullTime' ? '均为专职人员' : '均为兼职人员',
        ),
        '。',
      ];
  const organizationParagraph = body(
    list(
      [
        either(a.dedicatedUnits, ['设立政府信息公开工作专门机构', amount(a.dedicatedUnits)], '未设立政府信息公开工作专门机构'),
        either(a.readingPoints, ['设置政府信息公开查阅点', amount(a.readingPoints)], '未设置政府信息公开查阅点'),
      ],
      CLAUSES,
    ),
    '。',
    staffSentence,
    either(a.funding, ['政府信息公开专项经费', amount(a.funding), '。'], '未安排政府信息公开专项经费。'),
  );
  const trainingParagraph = body(
    '全年',
    list(
      [
        either(a.meetings, ['召开政府信息公开工作会议或专题会议', amount(a.meetings)], '未召开政府信息公开工作会议或专题会议'),
        either(a.trainings, ['举办各类培训班', amount(a.trainings)], '未举办政府信息公开培训班'),
        !isZero(a.trainees) && ['接受培训人员', amount(a.trainees)],
      ],
      CLAUSES,
    ),
    '。',
  );
  return [body(placeholder('政府信息公开制度建设情况')), organizationParagraph, trainingParagraph];
}

function problems(a: LegacyAnalysis['organization']): Paragraph[] {
  const { staff } = a;
  // The figures support one problem: nobody works on disclosure full-time.
  const partTimeOnly = staff.soleKind === 'staffPartTime';
  const staffProblem: Piece = partTimeOnly && [
    '目前无专职从事政府信息公开工作的人员，兼职人员',
    amount(staff.present[0].q),
    '，工作力量比较薄弱，工作时间和精力难以得到保证。',
  ];
  return [
    body('政府信息公开工作还存在一些不足。', staffProblem, placeholder(partTimeOnly ? '存在的其他主要问题' : '存在的主要问题')),
    body(placeholder('改进措施')),
  ];
}

export function writeLegacy(a: LegacyAnalysis, facts: ReportFacts): FormatWriting {
  const intro = body(
    '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制，全文包括主动公开政府信息情况、',
    '依申请公开政府信息情况、政策解读情况、制度建设和机构建设、政府信息公开工作存在的主要问题和改进措施',
    '以及其他需要报告的事项。',
    statisticsPeriod(facts),
  );
  return {
    intro: [intro],
    notes: [],
    sections: [
      { heading: LEGACY_HEADINGS.proactive, paragraphs: [proactive(a.proactive, facts)] },
      { heading: LEGACY_HEADINGS.applications, paragraphs: [applications(a.applications, facts), appeals(a.appeals)] },
      { heading: LEGACY_HEADINGS.interpretation, paragraphs: interpretation(a.responses, facts) },
      { heading: LEGACY_HEADINGS.organization, paragraphs: organization(a.organization) },
      { heading: LEGACY_HEADINGS.problems, paragraphs: problems(a.organization) },
      {
        heading: LEGACY_HEADINGS.other,
        paragraphs: [body(placeholder('其他需要报告的事项；如无，写明“本年度无其他需要报告的事项。”'))],
      },
    ],
  };
}

import type { TemplateInput } from '../../templates/schema';

/**
 * The legacy 政府信息公开情况统计表 (2016–2018): one list of 统计指标 | 单位 | 统计数.
 * Labels as published (docs/formats.md §7); indicator ids are `legacy.<row>`.
 */
const count = (id: string, label: string, unit: '条' | '件' | '次' | '篇' | '个' | '人' | '人次', variants: string[] = []) =>
  ({ id, label, unit, variants });
const group = (id: string, label: string, variants: string[] = []) => ({ id, label, kind: 'group' as const, variants });

/** The parts of each legacy total, shared by the rules below, the narrative and proofreading. */
export const LEGACY_CHANNELS = ['channelGazette', 'channelWebsite', 'channelWeibo', 'channelWechat', 'channelOther'] as const;
export const LEGACY_RESPONSE_CHANNELS = ['pressConferences', 'onlineInterviews', 'interpretations', 'socialMediaResponses', 'otherResponses'] as const;
export const LEGACY_APPLICATION_CHANNELS = ['receivedInPerson', 'receivedFax', 'receivedOnline', 'receivedLetter', 'receivedEmail', 'receivedOtherForm'] as const;
export const LEGACY_REPLIES = [
  'replyAlreadyPublic',
  'replyGranted',
  'replyPartial',
  'replyDenied',
  'replyNotThisBody',
  'replyNotExist',
  'replyAskAmend',
  'replyOtherChannel',
] as const;
export const LEGACY_DENIAL_REASONS = ['deniedStateSecret', 'deniedCommercialSecret', 'deniedPrivacy', 'deniedSecurity', 'deniedNotGovInfo', 'deniedOtherLaw'] as const;

const L = (ids: readonly string[]) => ids.map((id) => `legacy.${id}`);

export const legacy2016: TemplateInput = {
  id: 'legacy-2016',
  name: '政府信息公开情况统计表（2016—2018年旧格式）',
  years: '2016—2018',
  tables: [
    {
      id: 'legacy',
      name: '政府信息公开情况统计表',
      blocks: [
        {
          id: 'main',
          columns: [{ id: 'value', label: '统计数', variants: ['数量', '统计数值', '数值'] }],
          rows: [
            group('proactiveSection', '一、主动公开情况'),
            count('proactive', '(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)', '条', ['主动公开政府信息数']),
            count('proactiveNormative', '其中:主动公开规范性文件数', '条', ['主动公开规范性文件数']),
            count('normativeIssued', '制发规范性文件总数', '件', ['制发规范性文件数']),
            group('channelsSection', '(二)通过不同渠道和方式公开政府信息的情况'),
            count('channelGazette', '1.政府公报公开政府信息数', '条', ['政府公报公开信息数']),
            count('channelWebsite', '2.政府网站公开政府信息数', '条', ['政府网站公开信息数']),
            count('channelWeibo', '3.政务微博公开政府信息数', '条', ['政务微博公开信息数']),
            count('channelWechat', '4.政务微信公开政府信息数', '条', ['政务微信公开信息数']),
            count('channelOther', '5.其他方式公开政府信息数', '条', ['其他方式公开信息数']),
            group('responseSection', '二、回应解读情况'),
            count('responses', '(一)回应公众关注热点或重大舆情数(不同方式回应同一热点或舆情计1次)', '次', ['回应公众关注热点或重大舆情数']),
            group('responseChannelsSection', '(二)通过不同渠道和方式回应解读的情况'),
            count('pressConferences', '1.参加或举办新闻发布会总次数', '次', ['参加或举办新闻发布会次数']),
            count('pressConferencesByLeaders', '其中:主要负责同志参加新闻发布会次数', '次'),
            count('onlineInterviews', '2.政府网站在线访谈次数', '次'),
            count('onlineInterviewsByLeaders', '其中:主要负责同志参加政府网站在线访谈次数', '次'),
            count('interpretations', '3.政策解读稿件发布数', '篇', ['政策解读稿件发布数(篇)']),
            count('socialMediaResponses', '4.微博微信回应事件数', '次', ['微博微信回应事件数(次)']),
            count('otherResponses', '5.其他方式回应事件数', '次', ['其他方式回应事件数(次)']),
            group('applicationSection', '三、依申请公开情况'),
            count('received', '(一)收到申请数', '件'),
            count('receivedInPerson', '1.当面申请数', '件'),
            count('receivedFax', '2.传真申请数', '件'),
            count('receivedOnline', '3.网络申请数', '件'),
            count('receivedLetter', '4.信函申请数', '件'),
            { ...count('receivedEmail', '电子邮件申请数', '件'), optional: true },
            { ...count('receivedOtherForm', '其他形式申请数', '件', ['其他形式']), optional: true },
            count('concluded', '(二)申请办结数', '件'),
            count('concludedOnTime', '1.按时办结数', '件'),
            count('concludedExtended', '2.延期办结数', '件'),
            count('replies', '(三)申请答复数', '件'),
            count('replyAlreadyPublic', '1.属于已主动公开范围数', '件'),
            count('replyGranted', '2.同意公开答复数', '件'),
            count('replyPartial', '3.同意部分公开答复数', '件'),
            count('replyDenied', '4.不同意公开答复数', '件'),
            count('deniedStateSecret', '其中:涉及国家秘密', '件', ['涉及国家秘密']),
            count('deniedCommercialSecret', '涉及商业秘密', '件'),
            count('deniedPrivacy', '涉及个人隐私', '件'),
            count('deniedSecurity', '危及国家安全、公共安全、经济安全和社会稳定', '件'),
            count('deniedNotGovInfo', '不是《条例》所指政府信息', '件', ['不是条例所指政府信息']),
            count('deniedOtherLaw', '法律法规规定的其他情形', '件'),
            count('replyNotThisBody', '5.不属于本行政机关公开数', '件'),
            count('replyNotExist', '6.申请信息不存在数', '件'),
            count('replyAskAmend', '7.告知作出更改补充数', '件'),
            count('replyOtherChannel', '8.告知通过其他途径办理数', '件'),
            count('reviews', '四、行政复议数量', '件', ['行政复议数']),
            count('reviewsUpheld', '(一)维持具体行政行为数', '件'),
            count('reviewsCorrected', '(二)被依法纠错数', '件'),
            count('reviewsOther', '(三)其他情形数', '件'),
            count('lawsuits', '五、行政诉讼数量', '件', ['行政诉讼数']),
            count('lawsuitsUpheld', '(一)维持具体行政行为或者驳回原告诉讼请求数', '件'),
            count('lawsuitsCorrected', '(二)被依法纠错数', '件'),
            count('lawsuitsOther', '(三)其他情形数', '件'),
            count('complaints', '六、举报投诉数量', '件'),
            { id: 'fees', label: '七、依申请公开信息收取的费用', unit: '万元', decimal: true },
            group('organizationSection', '八、机构建设和保障经费情况'),
            count('dedicatedUnits', '(一)政府信息公开工作专门机构数', '个'),
            count('readingPoints', '(二)设置政府信息公开查阅点数', '个'),
            count('staff', '(三)从事政府信息公开工作人员数', '人'),
            count('staffFullTime', '1.专职人员数(不包括政府公报及政府网站工作人员数)', '人', ['专职人员数']),
            count('staffPartTime', '2.兼职人员数', '人'),
            {
              id: 'funding',
              label: '(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)',
              variants: ['政府信息公开专项经费'],
              unit: '万元',
              decimal: true,
            },
            group('meetingsSection', '九、政府信息公开会议和培训情况'),
            count('meetings', '(一)召开政府信息公开工作会议或专题会议数', '次'),
            count('trainings', '(二)举办各类培训班数', '次'),
            count('trainees', '(三)接受培训人员数', '人次'),
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: 'legacy.channels-cover-total',
      kind: 'sum-at-least',
      severity: 'error',
      total: 'legacy.proactive',
      parts: L(LEGACY_CHANNELS),
      why: '同一条信息通过多个渠道公开时在总数中只计1条，所以各渠道之和不应小于主动公开总数。',
    },
    { id: 'legacy.normative-within-proactive', kind: 'at-most', severity: 'error', part: 'legacy.proactiveNormative', whole: 'legacy.proactive' },
    {
      id: 'legacy.normative-within-issued',
      kind: 'at-most',
      severity: 'warning',
      part: 'legacy.proactiveNormative',
      whole: 'legacy.normativeIssued',
      why: '主动公开的规范性文件通常不多于本年制发的规范性文件；如公开了往年文件，请加说明。',
    },
    {
      id: 'legacy.response-channels-cover-total',
      kind: 'sum-at-least',
      severity: 'error',
      total: 'legacy.responses',
      parts: L(LEGACY_RESPONSE_CHANNELS),
      why: '不同方式回应同一热点只计1次，所以各回应方式之和不应小于回应总数。',
    },
    { id: 'legacy.press-leaders', kind: 'at-most', severity: 'error', part: 'legacy.pressConferencesByLeaders', whole: 'legacy.pressConferences' },
    { id: 'legacy.interview-leaders', kind: 'at-most', severity: 'error', part: 'legacy.onlineInterviewsByLeaders', whole: 'legacy.onlineInterviews' },
    {
      id: 'legacy.received-sum',
      kind: 'sum-equal',
      severity: 'error',
      total: true,
      left: ['legacy.received'],
      right: L(LEGACY_APPLICATION_CHANNELS),
    },
    { id: 'legacy.concluded-sum', kind: 'sum-equal', severity: 'error', total: true, left: ['legacy.concluded'], right: L(['concludedOnTime', 'concludedExtended']) },
    {
      id: 'legacy.replies-sum',
      kind: 'sum-equal',
      severity: 'error',
      total: true,
      left: ['legacy.replies'],
      right: L(LEGACY_REPLIES),
    },
    {
      id: 'legacy.denied-sum',
      kind: 'sum-equal',
      severity: 'error',
      total: true,
      left: ['legacy.replyDenied'],
      right: L(LEGACY_DENIAL_REASONS),
    },
    { id: 'legacy.reviews-sum', kind: 'sum-equal', severity: 'error', total: true, left: ['legacy.reviews'], right: L(['reviewsUpheld', 'reviewsCorrected', 'reviewsOther']) },
    { id: 'legacy.lawsuits-sum', kind: 'sum-equal', severity: 'error', total: true, left: ['legacy.lawsuits'], right: L(['lawsuitsUpheld', 'lawsuitsCorrected', 'lawsuitsOther']) },
    { id: 'legacy.staff-sum', kind: 'sum-equal', severity: 'error', total: true, left: ['legacy.staff'], right: L(['staffFullTime', 'staffPartTime']) },
  ],
};

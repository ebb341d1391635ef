import { LEGACY_APPLICATION_CHANNELS, LEGACY_CHANNELS, LEGACY_DENIAL_REASONS, LEGACY_REPLIES } from './template';
import { breakdown, changeOnLastYear, type Breakdown, type Change, type FigureReader, type Quantity } from '../../narrative/analytics';

/** The facts of a legacy 统计表 (2016–2018) that the narrative states. Indicator ids are `legacy.<row>`. */

export const LEGACY_APPEAL_OUTCOMES = ['Upheld', 'Corrected', 'Other'] as const;

export type LegacyChannel = (typeof LEGACY_CHANNELS)[number];
export type LegacyApplicationChannel = (typeof LEGACY_APPLICATION_CHANNELS)[number];
export type LegacyReply = (typeof LEGACY_REPLIES)[number];
export type LegacyDenialReason = (typeof LEGACY_DENIAL_REASONS)[number];
export type LegacyAppealOutcome = (typeof LEGACY_APPEAL_OUTCOMES)[number];

export interface LegacyAnalysis {
  proactive: {
    total: Quantity;
    change: Change | null;
    channels: Breakdown<LegacyChannel>;
    normativeIssued: Quantity;
    proactiveNormative: Quantity;
  };
  responses: {
    total: Quantity;
    pressConferences: Quantity;
    pressConferencesByLeaders: Quantity;
    onlineInterviews: Quantity;
    onlineInterviewsByLeaders: Quantity;
    interpretations: Quantity;
    socialMediaResponses: Quantity;
    otherResponses: Quantity;
  };
  applications: {
    received: Breakdown<LegacyApplicationChannel>;
    change: Change | null;
    concluded: Breakdown<'concludedOnTime' | 'concludedExtended'>;
    replies: Breakdown<LegacyReply>;
    denied: Breakdown<LegacyDenialReason>;
    fees: Quantity;
  };
  appeals: {
    reviews: Breakdown<LegacyAppealOutcome>;
    lawsuits: Breakdown<LegacyAppealOutcome>;
    complaints: Quantity;
  };
  organization: {
    dedicatedUnits: Quantity;
    readingPoints: Quantity;
    staff: Breakdown<'staffFullTime' | 'staffPartTime'>;
    funding: Quantity;
    meetings: Quantity;
    trainings: Quantity;
    trainees: Quantity;
  };
}

export function analyzeLegacy(reader: FigureReader): LegacyAnalysis {
  const id = (row: string) => `legacy.${row}`;
  const get = (row: string) => reader.get(id(row));
  const parts = <K extends string>(rows: readonly K[], prefix = '') =>
    rows.map((key) => ({ key, q: get(`${prefix}${key}`) }));
  // Optional rows (电子邮件, 其他形式) absent from the sheet are not part of the picture, not blanks.
  const presentOptional = <K extends string>(rows: readonly K[], optional: readonly string[]) =>
    parts(rows).filter((p) => !(optional.includes(p.key) && p.q.value === null));

  const proactive = get('proactive');
  const received = get('received');
  return {
    proactive: {
      total: proactive,
      change: changeOnLastYear(proactive, reader.previous(id('proactive'))),
      channels: breakdown(proactive, parts(LEGACY_CHANNELS)),
      normativeIssued: get('normativeIssued'),
      proactiveNormative: get('proactiveNormative'),
    },
    responses: {
      total: get('responses'),
      pressConferences: get('pressConferences'),
      pressConferencesByLeaders: get('pressConferencesByLeaders'),
      onlineInterviews: get('onlineInterviews'),
      onlineInterviewsByLeaders: get('onlineInterviewsByLeaders'),
      interpretations: get('interpretations'),
      socialMediaResponses: get('socialMediaResponses'),
      otherResponses: get('otherResponses'),
    },
    applications: {
      received: breakdown(received, presentOptional(LEGACY_APPLICATION_CHANNELS, ['receivedEmail', 'receivedOtherForm'])),
      change: changeOnLastYear(received, reader.previous(id('received'))),
      concluded: breakdown(get('concluded'), parts(['concludedOnTime', 'concludedExtended'] as const)),
      replies: breakdown(get('replies'), parts(LEGACY_REPLIES)),
      denied: breakdown(get('replyDenied'), parts(LEGACY_DENIAL_REASONS)),
      fees: get('fees'),
    },
    appeals: {
      reviews: breakdown(get('reviews'), parts(LEGACY_APPEAL_OUTCOMES, 'reviews')),
      lawsuits: breakdown(get('lawsuits'), parts(LEGACY_APPEAL_OUTCOMES, 'lawsuits')),
      complaints: get('complaints'),
    },
    organization: {
      dedicatedUnits: get('dedicatedUnits'),
      readingPoints: get('readingPoints'),
      staff: breakdown(get('staff'), parts(['staffFullTime', 'staffPartTime'] as const)),
      funding: get('funding'),
      meetings: get('meetings'),
      trainings: get('trainings'),
      trainees: get('trainees'),
    },
  };
}

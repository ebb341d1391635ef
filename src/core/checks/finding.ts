import { fingerprint } from '../fingerprint';
import type { CheckMessageCode, CodedMessage } from '../render';
import type { Finding } from '../types';

/** What a check says about one problem; makeFinding adds the message's text, id and arguments and the fingerprint. */
export type FindingSpec = Omit<Finding, 'message' | 'code' | 'args' | 'fingerprint'> & {
  message: CodedMessage<CheckMessageCode>;
  /** What identifies the finding across runs and table moves (format, rule, indicators; never positions). */
  identity: string[];
};

/** The one place a check's finding is made. */
export function makeFinding(spec: FindingSpec): Finding {
  const { rule, severity, kind, table, message, identity, ...details } = spec;
  return { rule, severity, kind, table, message: message.text, ...details, fingerprint: fingerprint(...identity), code: message.code, args: message.args };
}

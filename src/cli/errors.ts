import { engineLimitOf, type ErrorCode, NianbaoError } from '../io/errors';
import { cliMessages } from './messages';

export { UsageError } from '../io/errors';

/**
 * Exit statuses: nothing to report; findings (check and totals: an error-severity one; proofread: any);
 * could not check; stopped by Ctrl-C (128 + SIGINT, as a shell reports a process the signal ended).
 */
export const EXIT = { ok: 0, findings: 1, unusable: 2, interrupted: 130 } as const;

/** The status each kind of failure ends a command with: every one is "could not check", as the usage says. */
const EXIT_STATUS: Record<ErrorCode, number> = {
  usage: EXIT.unusable,
  'input-unreadable': EXIT.unusable,
  'input-unsupported': EXIT.unusable,
  'input-too-large': EXIT.unusable,
  output: EXIT.unusable,
};

/** Failures that end a command or a file's check with a sentence of their own, as opposed to a bug. */
export function isExpectedFailure(err: unknown): err is NianbaoError {
  return err instanceof NianbaoError;
}

/** What to tell the user about an error that ended a command or a file's check. */
export function failureMessage(err: unknown): string {
  if (isExpectedFailure(err)) return err.message;
  // An engine limit reached where no file's reading or checking caught it: beyond what can be processed, not a bug.
  const limit = engineLimitOf(err);
  if (limit) return limit === 'nesting' ? cliMessages.nestedTooDeep : cliMessages.tooLargeToProcess;
  return cliMessages.internalError(err instanceof Error ? (err.stack ?? err.message) : String(err));
}

/** The exit status of a command ended by this error. */
export function exitStatusOf(err: unknown): number {
  return isExpectedFailure(err) ? EXIT_STATUS[err.code] : EXIT.unusable;
}

import { InputError, OutputError } from '../io/messages';
import { cliMessages } from './messages';

/** The command line was used wrongly (an option's value, a missing file name). */
export class UsageError extends Error {}

/** What to tell the user about an error that ended a command or a file's check. */
export function failureMessage(err: unknown): string {
  if (err instanceof UsageError || err instanceof InputError || err instanceof OutputError) return err.message;
  if (err instanceof TypeError && /option|argument/i.test(err.message)) return cliMessages.badOptions(err.message);
  // The engine's own limits (a call stack, a Set's size): an input beyond what can be processed, not a bug to report.
  if (err instanceof RangeError) return /call stack/i.test(err.message) ? cliMessages.nestedTooDeep : cliMessages.tooLargeToProcess;
  return cliMessages.internalError(err instanceof Error ? (err.stack ?? err.message) : String(err));
}

/** Errors that end a command with a message of their own (exit status 2), as opposed to a bug. */
export function isExpectedFailure(err: unknown): boolean {
  return err instanceof UsageError || err instanceof InputError || err instanceof OutputError || err instanceof RangeError;
}

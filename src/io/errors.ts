/**
 * The failures that end a command, or one file's check, with a sentence of their own, as opposed to a
 * bug. Each class has a stable code that JSON output carries; its message (from the messages modules)
 * is the Chinese sentence for the user. Errors a library or the engine throws are turned into these
 * where they are thrown, so nothing downstream reads an error's message to decide what it was.
 */
import { ioMessages } from './messages';

export type ErrorCode = 'usage' | 'input-unreadable' | 'input-unsupported' | 'input-too-large' | 'output';

export abstract class NianbaoError extends Error {
  abstract readonly code: ErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line was used wrongly: an option's value, a missing file name, a folder where a file is needed. */
export class UsageError extends NianbaoError {
  readonly code = 'usage';
}

/** A file given as input cannot be used; the subclass says why. */
export abstract class InputError extends NianbaoError {}

/** The file cannot be read: missing, not permitted, corrupt, truncated, encrypted. */
export class UnreadableInputError extends InputError {
  readonly code = 'input-unreadable';
}

/** The file is of a kind this tool does not read: a legacy .xls or .doc, another type, an unusual package. */
export class UnsupportedInputError extends InputError {
  readonly code = 'input-unsupported';
}

/** The file is beyond what can be processed (size, cells, nesting); it is not broken. */
export class InputTooLargeError extends InputError {
  readonly code = 'input-too-large';
}

/** An output file cannot be written where it was asked, or must not be. */
export class OutputError extends NianbaoError {
  readonly code = 'output';
}

/**
 * Which of the engine's own limits a RangeError reports: the call stack (input nested too deep) or a
 * Set's, Map's or array's size (too much content). V8 tells them apart only by the message, so this is
 * the one place that reads it.
 */
export function engineLimitOf(err: unknown): 'nesting' | 'size' | undefined {
  if (!(err instanceof RangeError)) return undefined;
  return /call stack/i.test(err.message) ? 'nesting' : 'size';
}

/** A RangeError from the engine while reading or checking a file, as the error it deserves. */
export function engineLimitError(err: unknown, file: string): InputTooLargeError | undefined {
  const limit = engineLimitOf(err);
  if (!limit) return undefined;
  return new InputTooLargeError(limit === 'nesting' ? ioMessages.nestedTooDeep(file) : ioMessages.contentTooLarge(file));
}

/** Runs work on one file's content (checking it, say), an engine limit it reaches becoming the file's error. */
export function withinEngineLimits<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (err) {
    throw engineLimitError(err, file) ?? err;
  }
}

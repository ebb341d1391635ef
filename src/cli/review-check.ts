/**
 * One file's check in the batch review, as a worker thread runs it (review-worker.ts) and as the review
 * runs it in its own thread for a batch of one or two: the file's bytes in, read into the grid model and
 * checked (against last year's report of the body when the task names one), a CheckedReport out. A
 * failure, even a bug, is the file's reason; the grid never leaves the thread that read it.
 */
import { checkReport, type CheckedReport, type ReportInput } from '../core';
import { withinEngineLimits } from '../io/errors';
import { type InputKind, parseInput } from '../io/read';
import { isExpectedFailure } from './errors';
import { cliMessages } from './messages';

/** A file as read from disk by the review: its path, its kind (from its name) and its bytes. */
export interface FileBytes {
  file: string;
  kind: InputKind;
  bytes: Uint8Array;
}

/** A report to check, alone or against last year's report of its body. */
export interface CheckTask extends FileBytes {
  previous?: FileBytes;
}

export interface CheckOutcome {
  report: CheckedReport;
  /**
   * The outcome follows from the bytes alone: a report checked, or a file refused for its content. Not
   * so for a bug, which a later build may not have.
   */
  fromContent: boolean;
}

export async function checkTask(task: CheckTask): Promise<CheckOutcome> {
  let input: ReportInput;
  try {
    input = await readReport(task);
  } catch (err) {
    return failed(task.file, err);
  }
  let previous: ReportInput | undefined;
  if (task.previous) {
    try {
      previous = await readReport(task.previous);
    } catch {
      // Last year's file read a moment ago and no longer does (changed since): this one is checked alone.
    }
  }
  try {
    return { report: withinEngineLimits(task.file, () => checkReport(input, previous)), fromContent: true };
  } catch (err) {
    return failed(task.file, err);
  }
}

async function readReport({ file, kind, bytes }: FileBytes): Promise<ReportInput> {
  // Bytes that crossed from another thread arrive as a plain Uint8Array: viewed as a Buffer, not copied.
  const input = await parseInput(file, kind, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { file, workbook: input.workbook, ...(input.text !== undefined ? { text: input.text } : {}), ...(input.pageTitle ? { pageTitle: input.pageTitle } : {}) };
}

function failed(file: string, err: unknown): CheckOutcome {
  return { report: { file, unreadable: reasonOf(err) }, fromContent: isExpectedFailure(err) };
}

/** A failure in the user's words: its own sentence, or, for a bug, what to report. */
export function reasonOf(err: unknown): string {
  return isExpectedFailure(err) ? err.message : cliMessages.internalError(err instanceof Error ? err.message : String(err));
}

/**
 * Checking a batch of reports for `nianbao review`: every file in a pool of worker threads (a thread per
 * core, at most one per file; a batch of one or two stays in this thread), each file's result taken from
 * the cache when its bytes were checked before. With last year's reports, two passes: every file of both
 * years checked alone; then, once this year's reports are paired with last year's by body, each pair
 * checked again together (the cross-year checks, a copied report). Results come back in the order of the
 * files, whatever order the threads finish in.
 *
 * Memory stays bounded: this thread holds the bytes of the files under way, two per thread, and the small
 * CheckedReports; the grid of a file exists only in the thread reading it, while it is checked.
 */
import * as path from 'path';
import type { Worker } from 'worker_threads';
import { type CheckedReport, PreviousYear } from '../core';
import { readInputFile } from '../io/read';
import type { Candidate } from './main';
import { contentHash, type ReviewCache } from './review-cache';
import { type CheckOutcome, type CheckTask, checkTask, type FileBytes, reasonOf } from './review-check';
import { reviewCliMessages as M } from './review-messages';
import type { Progress } from './review-progress';
import { startWorker, type WorkerDeath, WorkerPool } from './worker-pool';

/** The batch was interrupted (Ctrl-C) before every file was checked. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

export interface BatchOptions {
  /** Threads wanted (--jobs, else one per core); 1 checks in this thread. */
  jobs: number;
  cache?: ReviewCache;
  progress?: Progress;
  /** Starts one worker of the pool (the tests give one that fails on purpose). */
  startWorker?: () => Worker;
}

export interface BatchResult {
  /** This year's reports, in the order of the files. */
  reports: CheckedReport[];
  previousYear?: PreviousYear;
  /** Files read and checked in this run (a pair checked reads both). */
  read: number;
  /** Files whose every result came from the cache. */
  cached: number;
}

/** What checks a file: a pool of worker threads, or this thread. */
interface Checker {
  /** How many files are under way at once (read, waiting for a thread, or being checked). */
  lanes: number;
  check(task: CheckTask): Promise<CheckOutcome>;
  close(): Promise<void>;
}

/** A file to check, alone or against last year's; in the second pass, the result of the first to keep when last year's file no longer reads. */
interface Item {
  file: string;
  skipped?: string;
  previousFile?: string;
  fallback?: CheckedReport;
}

/** A batch of one or two files is checked in this thread: starting workers would take longer than the files. */
const SMALL_BATCH = 2;

/**
 * The heap each worker may grow to: well above what the largest file the readers accept needs (a workbook
 * of MAX_CELLS cells takes some 300 MB), so that only a runaway file reaches it, and dies alone (a PDF's
 * extraction runs in a worker of its own, with its own limit).
 */
const WORKER_HEAP_MB = 2048;

export class ReviewBatch {
  private interrupted = false;
  private checker: Checker | undefined;
  private readonly readFiles = new Set<string>();
  private readonly cachedFiles = new Set<string>();
  /** Cache entries being written: not waited for file by file, but all before the batch ends. */
  private readonly writes = new Set<Promise<void>>();

  constructor(private readonly options: BatchOptions) {}

  /** Stops the batch now: the workers end, and run() rejects with InterruptedError once the writes under way are done. */
  interrupt(): void {
    this.interrupted = true;
    void this.checker?.close();
  }

  /** Checks this year's files, and with last year's (even none) pairs them and checks each pair. */
  async run(current: readonly Candidate[], previous?: readonly Candidate[]): Promise<BatchResult> {
    const all = [...current, ...(previous ?? [])];
    const readable = all.filter((c) => !c.skipped).length;
    const threads = Math.min(this.options.jobs, readable);
    this.checker = threads <= 1 || readable <= SMALL_BATCH ? inThisThread() : this.pool(threads);
    if (this.interrupted) void this.checker.close();
    const { progress } = this.options;
    try {
      progress?.phase(M.progress.checking, all.length);
      const first = await this.checkAll(all);
      const reports = first.slice(0, current.length);
      if (!previous) return this.result(reports);
      const previousYear = new PreviousYear(first.slice(current.length));
      const pairs: (Item & { index: number })[] = [];
      reports.forEach((report, index) => {
        const previousFile = report.unreadable === undefined ? previousYear.fileFor(report) : undefined;
        if (previousFile) pairs.push({ index, file: report.file, previousFile, fallback: report });
      });
      progress?.phase(M.progress.pairing, pairs.length);
      const second = await this.checkAll(pairs);
      pairs.forEach((pair, k) => (reports[pair.index] = second[k]));
      return { ...this.result(reports), previousYear };
    } finally {
      progress?.clear();
      await this.checker.close();
    }
  }

  private result(reports: CheckedReport[]): BatchResult {
    const cached = [...this.cachedFiles].filter((f) => !this.readFiles.has(f)).length;
    return { reports, read: this.readFiles.size, cached };
  }

  private pool(threads: number): Checker {
    const pool = new WorkerPool<CheckTask, CheckOutcome>({
      size: threads,
      start: this.options.startWorker ?? (() => startWorker(path.join(__dirname, 'review-worker'), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })),
      onDeath: (task, death) => ({ report: { file: task.file, unreadable: deathReason(task.file, death) }, fromContent: false }),
    });
    // Twice as many files under way as threads: each thread has its next file read and waiting for it.
    return { lanes: 2 * threads, check: (task) => pool.run(task), close: () => pool.close() };
  }

  /** Each item checked, as many at once as the checker takes, the results in the items' order. */
  private async checkAll(items: readonly Item[]): Promise<CheckedReport[]> {
    const results: CheckedReport[] = new Array(items.length);
    let next = 0;
    const lane = async () => {
      while (!this.interrupted && next < items.length) {
        const i = next++;
        results[i] = await this.checkOne(items[i]);
        this.options.progress?.fileDone();
      }
    };
    // Every lane is let finish, and every cache entry under way written whole, before an interruption is reported.
    const lanes = await Promise.allSettled(Array.from({ length: this.checker!.lanes }, lane));
    await Promise.all(this.writes);
    if (this.interrupted) throw new InterruptedError();
    const failed = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (failed) throw failed.reason;
    return results;
  }

  private async checkOne(item: Item): Promise<CheckedReport> {
    if (item.skipped) return { file: item.file, unreadable: item.skipped };
    this.options.progress?.fileStarted(item.file);
    let current: FileBytes;
    try {
      current = await readFileBytes(item.file);
    } catch (err) {
      this.readFiles.add(item.file);
      return { file: item.file, unreadable: reasonOf(err) };
    }
    let previous: FileBytes | undefined;
    if (item.previousFile) {
      try {
        previous = await readFileBytes(item.previousFile);
      } catch {
        // Last year's file was read in the first pass and no longer is: the report stands checked alone.
        return item.fallback!;
      }
    }
    const { cache } = this.options;
    const key = cache?.key(contentHash(current.bytes), previous ? contentHash(previous.bytes) : undefined);
    if (cache && key) {
      const hit = await cache.get(key, item.file, item.previousFile);
      if (hit) {
        this.cachedFiles.add(item.file);
        return hit;
      }
    }
    const outcome = await this.checker!.check(previous ? { ...current, previous } : current);
    this.readFiles.add(item.file);
    if (previous) this.readFiles.add(previous.file);
    if (cache && key && outcome.fromContent) {
      const write = cache.put(key, outcome.report).finally(() => this.writes.delete(write));
      this.writes.add(write);
    }
    return outcome.report;
  }
}

async function readFileBytes(file: string): Promise<FileBytes> {
  const { kind, bytes } = await readInputFile(file);
  return { file, kind, bytes };
}

function inThisThread(): Checker {
  return { lanes: 1, check: checkTask, close: async () => undefined };
}

/** A worker that died with a file: out of memory is the file's size; anything else is a bug to report. */
function deathReason(file: string, death: WorkerDeath): string {
  switch (death.kind) {
    case 'out-of-memory':
      return M.workerOutOfMemory(file);
    case 'error':
      return M.workerCrashed(file, death.message);
    case 'exit':
      return M.workerCrashed(file, M.workerExited(death.code));
  }
}

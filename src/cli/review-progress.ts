/**
 * The batch review's progress bar on a terminal: files done of the total, the file being read, the time
 * left; one line redrawn in place at most ten times a second, wiped at the end. Silent when the stream
 * is not a terminal (a pipe, a log file) or when the command prints JSON.
 */
import * as path from 'path';
import { reviewCliMessages as M } from './review-messages';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** What one line of the bar shows. */
export interface ProgressState {
  label: string;
  done: number;
  total: number;
  file?: string;
  /** Unknown until a file is done and a second has passed. */
  secondsLeft?: number;
}

const BAR_WIDTH = 20;
const REDRAW_MS = 100;
const TICK_MS = 1000;

/**
 * Columns a string takes on a terminal: two for a CJK character or a full-width form, one otherwise.
 * The bar itself is ASCII: block characters take two columns on a Chinese Windows console.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** The end of the text that fits in width columns, an ellipsis in front when something was cut. */
function fitEnd(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width < 2) return '';
  const chars = [...text];
  let kept = '';
  let used = 1;
  for (let i = chars.length - 1; i >= 0; i--) {
    const w = displayWidth(chars[i]);
    if (used + w > width) break;
    kept = chars[i] + kept;
    used += w;
  }
  return `…${kept}`;
}

/** One line of the bar, no wider than columns − 1 (a full line would wrap on some terminals). */
export function progressLine(state: ProgressState, columns: number): string {
  const filled = state.total > 0 ? Math.round((BAR_WIDTH * state.done) / state.total) : BAR_WIDTH;
  const bar = `[${'='.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}]`;
  const head = M.progress.line(state.label, bar, state.done, state.total, M.progress.left(state.secondsLeft));
  const room = columns - 1;
  if (displayWidth(head) > room) return fitEnd(head, room);
  const file = state.file ? path.basename(state.file) : '';
  const space = room - displayWidth(head) - 2;
  return file && space >= 4 ? `${head}  ${fitEnd(file, space)}` : head;
}

export class Progress {
  private state: ProgressState | undefined;
  private started = 0;
  private drawnAt = 0;
  private drawnWidth = 0;
  private ticker: NodeJS.Timeout | undefined;

  private constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number,
  ) {}

  /** A bar on the stream when it is a terminal and shown is true; else one that draws nothing. */
  static on(stream: ProgressStream, shown: boolean, now: () => number = Date.now): Progress | undefined {
    return shown && stream.isTTY ? new Progress(stream, now) : undefined;
  }

  /** A new pass over total files (checking them; checking pairs against last year's). */
  phase(label: string, total: number): void {
    this.state = { label, done: 0, total };
    this.started = this.now();
    this.draw(true);
    this.ticker ??= setInterval(() => this.draw(true), TICK_MS).unref();
  }

  fileStarted(file: string): void {
    if (!this.state) return;
    this.state.file = file;
    this.draw(false);
  }

  fileDone(): void {
    if (!this.state) return;
    this.state.done++;
    this.draw(false);
  }

  /** Wipes the bar, leaving the cursor at the start of an empty line for what the command prints next. */
  clear(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    this.state = undefined;
    if (this.drawnWidth > 0) this.stream.write(`\r${' '.repeat(this.drawnWidth)}\r`);
    this.drawnWidth = 0;
  }

  private draw(always: boolean): void {
    const state = this.state;
    if (!state) return;
    const now = this.now();
    if (!always && now - this.drawnAt < REDRAW_MS) return;
    this.drawnAt = now;
    const elapsed = (now - this.started) / 1000;
    const secondsLeft = state.done > 0 && elapsed >= 1 ? (elapsed / state.done) * (state.total - state.done) : undefined;
    const line = progressLine({ ...state, secondsLeft }, this.stream.columns ?? 80);
    const width = displayWidth(line);
    this.stream.write(`\r${line}${' '.repeat(Math.max(0, this.drawnWidth - width))}`);
    this.drawnWidth = Math.max(width, this.drawnWidth);
  }
}

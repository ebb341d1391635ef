import { useCallback, useRef, useState } from 'react';
import { DocumentStoreFull } from '../host/adapter';

/**
 * How both panes run what the user asked for: one action at a time with a busy step shown, any
 * failure turned into a Chinese notice instead of an uncaught rejection, the last few notices kept.
 */
export type Intent = 'success' | 'warning' | 'error' | 'info';

export interface Notice {
  id: number;
  intent: Intent;
  text: string;
  /** This notice offers to undo the totals just written; a newer offer replaces it. */
  undo?: boolean;
}

/** How a pane words a failed action (its strings module): a full document store has its own advice. */
export interface FailureWords {
  storeFull: string;
  error(detail: string): string;
}

/** The notices that stay on screen at most: older ones give way. */
export const MAX_NOTICES = 4;

export function failureText(error: unknown, words: FailureWords): string {
  if (error instanceof DocumentStoreFull) return words.storeFull;
  return words.error(error instanceof Error ? error.message : String(error));
}

/** The list after one more notice: an undo offer replaces an earlier one, and only the last MAX_NOTICES stay. */
export function withNotice(list: Notice[], notice: Notice): Notice[] {
  return [...list.filter((n) => !(notice.undo && n.undo)), notice].slice(-MAX_NOTICES);
}

export type Say = (intent: Intent, text: string, extra?: Pick<Notice, 'undo'>) => void;

/** `step` moves the busy label on to the action's next stage (读取 → 校验 → 标记). */
export type Perform<Step extends string> = <T>(first: Step, task: (step: (next: Step) => void) => Promise<T>) => Promise<T | undefined>;

export interface PaneActions<Step extends string> {
  /** The stage of the running action, or null when the pane is idle. */
  busy: Step | null;
  notices: Notice[];
  say: Say;
  dismiss(id: number): void;
  /** Removes the offer to undo (the undo was done). */
  dropUndo(): void;
  /** Runs one action; resolves to its result, or to undefined after saying why it failed. */
  perform: Perform<Step>;
}

/** `words` must be a module constant (the pane's strings), not an object made on each render. */
export function usePaneActions<Step extends string>(words: FailureWords): PaneActions<Step> {
  const [busy, setBusy] = useState<Step | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(0);

  const say = useCallback<Say>((intent, text, extra = {}) => {
    const notice = { id: nextId.current++, intent, text, ...extra };
    setNotices((list) => withNotice(list, notice));
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const dropUndo = useCallback(() => setNotices((list) => list.filter((n) => !n.undo)), []);

  const perform = useCallback(
    async <T>(first: Step, task: (step: (next: Step) => void) => Promise<T>): Promise<T | undefined> => {
      setBusy(first);
      try {
        return await task(setBusy);
      } catch (error) {
        say('error', failureText(error, words));
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [say, words],
  );

  return { busy, notices, say, dismiss, dropUndo, perform };
}

/** @jest-environment jsdom */
/**
 * The one way both panes run an action: busy while it runs, each stage shown, any failure a Chinese
 * notice (a full document store with its own advice), never an unhandled rejection; notices capped.
 */
import { act, renderHook } from '@testing-library/react';
import { DocumentStoreFull } from '../../src/host/adapter';
import { failureText, MAX_NOTICES, usePaneActions, withNotice, type Notice } from '../../src/taskpane/actions';
import { S } from '../../src/taskpane/strings';
import { W } from '../../src/taskpane/word/strings';

type Step = 'reading' | 'checking';

function pane() {
  return renderHook(() => usePaneActions<Step>(S));
}

test('is busy with the first step, moves on with step(), and is idle again with the result', async () => {
  const { result } = pane();
  const opened = (() => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    return { gate, open };
  });
  const [read, checked] = [opened(), opened()];
  let running!: Promise<number | undefined>;
  act(() => {
    running = result.current.perform('reading', async (step) => {
      await read.gate;
      step('checking');
      await checked.gate;
      return 42;
    });
  });
  expect(result.current.busy).toBe('reading');
  await act(async () => read.open());
  expect(result.current.busy).toBe('checking');
  let value: number | undefined;
  await act(async () => {
    checked.open();
    value = await running;
  });
  expect(value).toBe(42);
  expect(result.current.busy).toBeNull();
  expect(result.current.notices).toEqual([]);
});

test('a failure becomes an error notice, resolves to undefined, and leaves the pane idle', async () => {
  const { result } = pane();
  let value: unknown = 'not yet';
  await act(async () => {
    value = await result.current.perform('reading', async () => {
      throw new Error('ItemNotFound');
    });
  });
  expect(value).toBeUndefined();
  expect(result.current.busy).toBeNull();
  expect(result.current.notices).toEqual([{ id: 0, intent: 'error', text: S.error('ItemNotFound') }]);
});

test('a full document store is told with its own advice, in the pane that ran the action', async () => {
  const excel = pane();
  const word = renderHook(() => usePaneActions<'reading'>(W));
  const full = async () => {
    throw new DocumentStoreFull(600_000, 512 * 1024);
  };
  await act(async () => {
    await excel.result.current.perform('reading', full);
    await word.result.current.perform('reading', full);
  });
  expect(excel.result.current.notices.map((n) => n.text)).toEqual([S.storeFull]);
  expect(word.result.current.notices.map((n) => n.text)).toEqual([W.storeFull]);
  expect(S.storeFull).not.toBe(W.storeFull);
});

test('say, dismiss and dropUndo change the notices; ids stay unique', () => {
  const { result } = pane();
  act(() => {
    result.current.say('success', '已写入 3 个合计。', { undo: true });
    result.current.say('warning', '表1 受保护');
  });
  expect(result.current.notices.map((n) => [n.id, n.text, Boolean(n.undo)])).toEqual([
    [0, '已写入 3 个合计。', true],
    [1, '表1 受保护', false],
  ]);
  act(() => result.current.dropUndo());
  expect(result.current.notices.map((n) => n.id)).toEqual([1]);
  act(() => {
    result.current.say('info', '第三条');
    result.current.dismiss(1);
  });
  expect(result.current.notices.map((n) => [n.id, n.text])).toEqual([[2, '第三条']]);
});

describe('the notice list', () => {
  const notice = (id: number, undo = false): Notice => ({ id, intent: 'info', text: `n${id}`, undo });

  test(`keeps the last ${MAX_NOTICES}`, () => {
    let list: Notice[] = [];
    for (let i = 0; i < 6; i++) list = withNotice(list, notice(i));
    expect(list.map((n) => n.id)).toEqual([2, 3, 4, 5]);
  });

  test('a new undo offer replaces the old one; other notices stay', () => {
    const list = withNotice(withNotice(withNotice([], notice(0, true)), notice(1)), notice(2, true));
    expect(list.map((n) => n.id)).toEqual([1, 2]);
    expect(withNotice(list, notice(3)).map((n) => n.id)).toEqual([1, 2, 3]);
  });
});

test('failureText words what was thrown, Error or not', () => {
  expect(failureText(new Error('boom'), S)).toBe(S.error('boom'));
  expect(failureText('plain', W)).toBe(W.error('plain'));
  expect(failureText(new DocumentStoreFull(1, 0), W)).toBe(W.storeFull);
});

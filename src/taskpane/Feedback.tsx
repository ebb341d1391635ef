import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { Intent, Notice } from './actions';
import { S } from './strings';

/**
 * What a pane says after an action: notices, the busy spinner and the outcome of a check. Loaded on
 * first use, not on first paint: none of it shows before the user clicks something.
 */

interface NoticesProps {
  notices: Notice[];
  /** Whether an undo offer can still be taken up (the Word pane has none). */
  canUndo: boolean;
  busy: boolean;
  onClose(id: number): void;
  onUndo?(): void;
}

export function Notices({ notices, canUndo, busy, onClose, onUndo }: NoticesProps) {
  return (
    <>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent}>
          <MessageBarBody>{n.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" onClick={() => onClose(n.id)}>
                {S.close}
              </Button>
            }
          >
            {n.undo && canUndo && (
              <Button size="small" onClick={onUndo} disabled={busy}>
                {S.undo}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      ))}
    </>
  );
}

export function Outcome({ intent, title, body }: { intent: Intent; title: string; body: string }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Busy({ label }: { label: string }) {
  return <Spinner size="tiny" label={label} />;
}

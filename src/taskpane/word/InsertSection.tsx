import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select } from '@fluentui/react-components';
import type { InsertView } from './model';
import { W } from './strings';
import { useWordStyles } from './styles';

interface Props {
  view: Exclude<InsertView, { kind: 'hidden' }>;
  part: string;
  disabled: boolean;
  onPartChange(part: string): void;
  onInsert(replaceEdited: boolean): void;
}

/** 插入文字: which part of the drafted narrative to insert at the cursor, and what was edited since. */
export function InsertSection({ view, part, disabled, onPartChange, onInsert }: Props) {
  const styles = useWordStyles();
  return (
    <section className={styles.section} aria-labelledby="insert-heading">
      <h2 id="insert-heading" className={styles.heading}>
        {W.insertTitle}
      </h2>
      {view.kind === 'parts' ? (
        <>
          <p className={styles.help}>{W.insertHelp}</p>
          <Field label={W.insertPart}>
            <Select value={part} onChange={(_, d) => onPartChange(d.value)} disabled={disabled}>
              {view.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => onInsert(false)} disabled={disabled}>
              {W.insert}
            </Button>
          </div>
          {view.edited && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{view.edited.title}</MessageBarTitle>
                {view.edited.names}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => onInsert(true)} disabled={disabled}>
                  {W.replaceEdited}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </>
      ) : (
        <p className={styles.help}>{view.text}</p>
      )}
    </section>
  );
}

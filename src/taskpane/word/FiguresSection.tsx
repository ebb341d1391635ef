import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useRef, type ChangeEvent } from 'react';
import type { FiguresView } from './model';
import { W } from './strings';
import { useWordStyles } from './styles';

interface Props {
  view: FiguresView;
  disabled: boolean;
  onUseDocument(): void;
  onPickFile(file: File): void;
}

/** 统计数据: where the figures come from (this document's tables or a workbook) and what was recognized. */
export function FiguresSection({ view, disabled, onUseDocument, onPickFile }: Props) {
  const styles = useWordStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again is a change too.
    event.target.value = '';
    if (file) onPickFile(file);
  };
  return (
    <section className={styles.section} aria-labelledby="figures-heading">
      <h2 id="figures-heading" className={styles.heading}>
        {W.figuresTitle}
      </h2>
      <p className={styles.help}>{W.figuresHelp}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onUseDocument} disabled={disabled}>
          {W.useDocumentTables}
        </Button>
        <Button onClick={() => fileInput.current?.click()} disabled={disabled}>
          {W.pickWorkbook}
        </Button>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={W.pickWorkbookLabel}
          onChange={picked}
        />
      </div>
      {view.messages.map((m) => (
        <MessageBar key={m.text} intent={m.intent} layout="multiline">
          <MessageBarBody>{m.text}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}

import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ProofFinding } from '../../core';
import { SEVERITY_BADGE } from '../severityBadge';
import type { ProofreadView } from './model';
import { W } from './strings';
import { useWordStyles } from './styles';

interface Props {
  view: ProofreadView;
  disabled: boolean;
  onProofread(): void;
  onClear(): void;
  onSelect(finding: ProofFinding): void;
}

/** 校对: proofread the text against the figures, list what disagrees, go to a sentence. */
export function ProofreadSection({ view, disabled, onProofread, onClear, onSelect }: Props) {
  const styles = useWordStyles();
  const { outcome } = view;
  return (
    <section className={styles.section} aria-labelledby="proofread-heading">
      <h2 id="proofread-heading" className={styles.heading}>
        {W.proofreadTitle}
      </h2>
      <p className={styles.help}>{W.proofreadHelp}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onProofread} disabled={disabled}>
          {W.proofread}
        </Button>
        <Button onClick={onClear} disabled={disabled}>
          {W.clearMarks}
        </Button>
      </div>
      {outcome && 'intent' in outcome && (
        <MessageBar intent={outcome.intent} layout="multiline">
          <MessageBarBody>
            {outcome.title && <MessageBarTitle>{outcome.title}</MessageBarTitle>}
            {outcome.text}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && !('intent' in outcome) && <p className={styles.help}>{outcome.text}</p>}
      {view.uncheckedNote && <p className={styles.help}>{view.uncheckedNote}</p>}
      {view.findings.length > 0 && (
        <ul className={styles.list} aria-label={W.findingsLabel}>
          {view.findings.map(({ finding: f, selectable }) => {
            const content = (
              <>
                <span>
                  <Badge appearance="tint" color={SEVERITY_BADGE[f.severity]}>
                    {W.severity[f.severity]}
                  </Badge>{' '}
                  {f.message}
                </span>
                {f.excerpt && <span className={styles.sentence}>“{f.excerpt}”</span>}
                {f.cells.length > 0 && (
                  <span className={styles.cells}>
                    {W.cells}：{f.cells.join('、')}
                  </span>
                )}
              </>
            );
            return (
              <li key={f.fingerprint} data-fingerprint={f.fingerprint}>
                {selectable ? (
                  <button type="button" className={styles.finding} title={W.goToSentence} onClick={() => onSelect(f)} disabled={disabled}>
                    {content}
                  </button>
                ) : (
                  <div className={`${styles.finding} ${styles.findingStatic}`}>{content}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import { Badge, Button, Checkbox, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { a1, formatNumber, type TotalsPlan } from '../core';
import { S } from './strings';
import { V } from './viewStrings';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '4px', textAlign: 'left', verticalAlign: 'top' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  buttons: { display: 'flex', gap: '8px', marginTop: '8px', flexWrap: 'wrap' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '8px 0' },
  subheading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '12px 0 4px' },
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200 },
});

interface Props {
  plan: TotalsPlan;
  /** Whether the plan also writes 0 into blank figure cells (未填). */
  fillBlanks: boolean;
  onFillBlanksChange(fill: boolean): void;
  busy: boolean;
  onApply(): void;
  onCancel(): void;
}

/** The planned writes, shown before anything is written: cell, old value, new value, typed values called out. */
export function TotalsPanel({ plan, fillBlanks, onFillBlanksChange, busy, onApply, onCancel }: Props) {
  const styles = useStyles();
  const overwrites = plan.writes.filter((w) => w.overwritesTyped).length;
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading" className={styles.heading}>
        {V.totalsTitle}
      </h2>
      <Checkbox checked={fillBlanks} disabled={busy} onChange={(_, d) => onFillBlanksChange(d.checked === true)} label={V.totalsFillBlanks} />
      {plan.writes.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{V.totalsNone}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {overwrites > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{V.totalsOverwriteCount(overwrites)}</MessageBarBody>
            </MessageBar>
          )}
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>{V.totalsCell}</th>
                <th scope="col" className={styles.cell}>{V.totalsItem}</th>
                <th scope="col" className={`${styles.cell} ${styles.number}`}>{V.totalsBefore}</th>
                <th scope="col" className={`${styles.cell} ${styles.number}`}>{V.totalsAfter}</th>
              </tr>
            </thead>
            <tbody>
              {plan.writes.map((w) => (
                <tr key={w.cell}>
                  <td className={styles.cell}>
                    {w.sheet}!{a1(w.row, w.col)}
                  </td>
                  <td className={styles.cell}>
                    {w.label}
                    {w.overwritesTyped && (
                      <>
                        {' '}
                        <Badge size="small" appearance="tint" color="warning">
                          {V.totalsOverwrites}
                        </Badge>
                      </>
                    )}
                  </td>
                  <td className={`${styles.cell} ${styles.number}`}>{w.before === '' ? V.totalsBlank : w.before}</td>
                  <td className={`${styles.cell} ${styles.number}`}>{formatNumber(w.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {plan.skipped.length > 0 && (
        <>
          <h3 className={styles.subheading}>{V.totalsSkippedTitle}</h3>
          <ul className={styles.list}>
            {plan.skipped.map((s) => (
              <li key={`${s.cell}|${s.indicator}`}>
                {s.cell} {s.label}：{V.totalsSkipped[s.reason]}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.buttons}>
        {plan.writes.length > 0 && (
          <Button appearance="primary" onClick={onApply} disabled={busy}>
            {V.totalsApply(plan.writes.length)}
          </Button>
        )}
        <Button onClick={onCancel} disabled={busy}>
          {S.cancel}
        </Button>
      </div>
    </section>
  );
}

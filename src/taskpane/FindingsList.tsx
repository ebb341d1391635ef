import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { CELL_FILLS, describeCells, type Finding, formatNumber, SEVERITIES } from '../core';
import { canAcknowledge, type Acknowledgements, type FindingsView } from './model';
import { SEVERITY_BADGE } from './severityBadge';
import { S } from './strings';
import { V } from './viewStrings';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  severityHeading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '8px 0 4px' },
  item: {
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  findingButton: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: '4px',
    width: '100%',
    textAlign: 'left',
    padding: '8px',
    border: 'none',
    background: 'none',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  headline: { display: 'flex', gap: '6px', alignItems: 'flex-start' },
  swatch: { width: '10px', height: '10px', flexShrink: 0, marginTop: '5px', border: `1px solid ${tokens.colorNeutralStroke1}` },
  details: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  acknowledged: { opacity: 0.75 },
  ackArea: { padding: '0 8px 8px', display: 'flex', flexDirection: 'column', gap: '6px' },
  ackButtons: { display: 'flex', gap: '6px' },
  counts: { display: 'inline-flex', gap: '4px', marginLeft: '8px', flexShrink: 0, whiteSpace: 'nowrap' },
});

interface ItemProps {
  finding: Finding;
  sheet: string;
  acks: Acknowledgements;
  onSelect(finding: Finding): void;
  onAcknowledge(finding: Finding, note: string | null): void;
}

function FindingItem({ finding, sheet, acks, onSelect, onAcknowledge }: ItemProps) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const ack = canAcknowledge(finding) ? acks[finding.fingerprint] : undefined;
  const numbers = [
    finding.expected !== undefined && finding.expected !== null ? `${V.expected} ${formatNumber(finding.expected)}` : null,
    finding.actual !== undefined && finding.actual !== null ? `${V.actual} ${formatNumber(finding.actual)}` : null,
    finding.difference !== undefined && finding.difference !== null ? `${V.difference} ${formatNumber(finding.difference)}` : null,
  ].filter(Boolean);
  // C9、D24:I48 on the finding's own sheet; other sheets keep their name.
  const cells = describeCells(finding.cells, sheet);
  return (
    <li className={`${styles.item} ${ack ? styles.acknowledged : ''}`} data-fingerprint={finding.fingerprint}>
      <button
        type="button"
        className={styles.findingButton}
        onClick={() => onSelect(finding)}
        disabled={finding.cells.length === 0}
        title={cells ? V.goToCells(cells) : undefined}
      >
        <span className={styles.headline}>
          <span className={styles.swatch} style={{ backgroundColor: CELL_FILLS[finding.severity] }} aria-hidden="true" />
          <span>{finding.message}</span>
        </span>
        {numbers.length > 0 && <span className={styles.details}>{numbers.join(' · ')}</span>}
        {cells && (
          <span className={styles.details}>
            {V.cells}：{cells}
          </span>
        )}
      </button>
      {canAcknowledge(finding) && (
        <div className={styles.ackArea}>
          {ack ? (
            <>
              <span className={styles.details}>{V.acknowledged(ack.note)}</span>
              <div className={styles.ackButtons}>
                <Button size="small" onClick={() => onAcknowledge(finding, null)}>
                  {V.withdraw}
                </Button>
              </div>
            </>
          ) : editing ? (
            <>
              <Field label={V.acknowledgeLabel}>
                <Textarea value={note} onChange={(_, d) => setNote(d.value)} placeholder={V.acknowledgePlaceholder} autoFocus resize="vertical" />
              </Field>
              <div className={styles.ackButtons}>
                <Button
                  size="small"
                  appearance="primary"
                  disabled={note.trim() === ''}
                  onClick={() => {
                    onAcknowledge(finding, note.trim());
                    setEditing(false);
                  }}
                >
                  {V.save}
                </Button>
                <Button size="small" onClick={() => setEditing(false)}>
                  {S.cancel}
                </Button>
              </div>
            </>
          ) : (
            <div className={styles.ackButtons}>
              <Button size="small" appearance="subtle" onClick={() => setEditing(true)}>
                {V.acknowledge}
              </Button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

interface Props {
  view: FindingsView;
  acks: Acknowledgements;
  onSelect(finding: Finding): void;
  onAcknowledge(finding: Finding, note: string | null): void;
}

export function FindingsList({ view, acks, onSelect, onAcknowledge }: Props) {
  const styles = useStyles();
  const keys = view.tables.map((t) => t.key);
  const renderGroup = (findings: Finding[], sheet: string) => (
    <ul className={styles.list}>
      {findings.map((f, i) => (
        <FindingItem key={`${f.fingerprint}|${i}`} finding={f} sheet={sheet} acks={acks} onSelect={onSelect} onAcknowledge={onAcknowledge} />
      ))}
    </ul>
  );
  return (
    <section aria-label={V.findingsLabel}>
      {view.notices.length > 0 && (
        <>
          <h2 className={styles.severityHeading}>{V.otherNotices}</h2>
          {renderGroup(view.notices, '')}
        </>
      )}
      <Accordion multiple collapsible defaultOpenItems={keys}>
        {view.tables.map((table) => (
          <AccordionItem key={table.key} value={table.key}>
            <AccordionHeader as="h2" size="small">
              {V.findingsOf(table.tableName, table.sheet)}
              <span className={styles.counts}>
                {SEVERITIES.filter((s) => table.counts[s] > 0).map((s) => (
                  <Badge key={s} size="small" appearance="tint" color={SEVERITY_BADGE[s]}>
                    {V.severity[s]} {table.counts[s]}
                  </Badge>
                ))}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {table.bySeverity.map((group) => (
                <div key={group.severity}>
                  <h3 className={styles.severityHeading} title={V.severityHelp[group.severity]}>
                    {V.severityGroup(group.severity, group.findings.length)}
                  </h3>
                  {renderGroup(group.findings, table.sheet)}
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

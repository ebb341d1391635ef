import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { bySeverity, DRAFTABLE_FORMATS, draftNarrative, type NarrativeBlock, narrativeBlocks, type ProofFinding, proofreadParagraphs, type ProofreadResult, withUserFacts } from '../../core';
import { DocumentStoreFull, type DocumentHost, type DocumentNotice } from '../../host/adapter';
import { loadEngine } from '../engine';
import { loadFacts } from '../model';
import { figuresFrom, workbookFromFile, type LoadedFigures } from './figures';
import { W } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '16px', padding: '12px', minHeight: '100vh', boxSizing: 'border-box' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  help: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  hiddenInput: { display: 'none' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    width: '100%',
    textAlign: 'left',
    padding: '8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  findingStatic: { cursor: 'default' },
  sentence: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  cells: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

type Busy = keyof typeof W.working;
type Intent = 'success' | 'warning' | 'error' | 'info';
interface Notice {
  id: number;
  intent: Intent;
  text: string;
}

const WHOLE = 'all';
const BADGE_COLOR = { error: 'danger', warning: 'warning', hint: 'informative' } as const;

interface Props {
  host: DocumentHost;
}

/** The task pane in Word: load the figures, insert the drafted narrative, proofread the report's text. */
export default function WordApp({ host }: Props) {
  const styles = useStyles();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [figures, setFigures] = useState<LoadedFigures | null>(null);
  const [part, setPart] = useState(WHOLE);
  const [edited, setEdited] = useState<string[]>([]);
  const [proofread, setProofread] = useState<ProofreadResult | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const say = useCallback((intent: Intent, text: string) => {
    setNotices((list) => [...list, { id: nextId.current++, intent, text }].slice(-4));
  }, []);
  const sayHost = useCallback((list: DocumentNotice[]) => list.forEach((n) => say('warning', W.notice(n))), [say]);

  const perform = useCallback(
    async <T,>(first: Busy, task: (step: (b: Busy) => void) => Promise<T>): Promise<T | undefined> => {
      setBusy(first);
      try {
        return await task(setBusy);
      } catch (error) {
        say('error', error instanceof DocumentStoreFull ? W.storeFull : W.error(error instanceof Error ? error.message : String(error)));
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [say],
  );

  const blocks: NarrativeBlock[] | null = useMemo(() => {
    const report = figures?.report;
    if (!report || !DRAFTABLE_FORMATS.includes(report.format)) return null;
    const stated = loadFacts(host.store);
    const facts = withUserFacts(report.facts, { bodyName: stated.bodyName, reportYear: stated.reportYear });
    return narrativeBlocks(draftNarrative({ format: report.format, figures: report.figures, facts }), W.introLabel);
  }, [figures, host.store]);

  const accept = (loaded: LoadedFigures) => {
    setFigures(loaded);
    setProofread(null);
    setEdited([]);
    if (loaded.reports > 1) say('info', W.severalReports(loaded.reports));
    return loaded;
  };

  const loadFromDocument = () =>
    perform('reading', async () => {
      const [engine, content] = await Promise.all([loadEngine(), host.readDocument()]);
      return accept(figuresFrom(engine, content.tables, W.fromDocument, titleOf(content.paragraphs)));
    });

  const loadFromFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) return say('error', W.notXlsx);
    void perform('loading', async () => {
      const [engine, workbook] = await Promise.all([loadEngine(), workbookFromFile(file)]);
      accept(figuresFrom(engine, workbook, W.fromWorkbook(file.name)));
    });
  };

  const insert = (replaceEdited = false) =>
    perform('inserting', async () => {
      if (!blocks) return;
      const chosen = part === WHOLE ? blocks : blocks.filter((b) => b.key === part);
      const outcome = await host.insertBlocks(chosen, { replaceEdited });
      setEdited(outcome.edited);
      if (outcome.inserted.length + outcome.replaced.length > 0) say('success', W.inserted(outcome.inserted.length, outcome.replaced.length));
      sayHost(outcome.notices);
    });

  const runProofread = () =>
    perform('reading', async (step) => {
      const engine = await loadEngine();
      const content = await host.readDocument();
      // Without figures loaded, the report's own tables are the natural source.
      const loaded = figures?.report ? figures : accept(figuresFrom(engine, content.tables, W.fromDocument, titleOf(content.paragraphs)));
      if (!loaded.report) return;
      step('proofreading');
      const result = proofreadParagraphs(content.paragraphs, loaded.report);
      setProofread(result);
      step('marking');
      const marks = result.findings
        .filter((f) => f.paragraph >= 0)
        .map((f) => ({ paragraph: f.paragraph, offset: f.paragraphOffset, text: f.sentence, severity: f.severity }));
      const outcome = await host.markSentences(marks);
      sayHost(outcome.notices);
    });

  const clear = () =>
    perform('clearing', async () => {
      const outcome = await host.clearMarks();
      say('success', W.cleared(outcome.restored));
      sayHost(outcome.notices);
    });

  const select = (f: ProofFinding) =>
    perform('selecting', async () => {
      const found = await host.selectSentence({ paragraph: f.paragraph, offset: f.paragraphOffset, text: f.sentence });
      if (!found) say('warning', W.sentenceGone);
    });

  const findings = useMemo(
    () => [...(proofread?.findings ?? [])].sort((a, b) => bySeverity(a, b) || a.start - b.start),
    [proofread],
  );
  const count = (severity: ProofFinding['severity']) => findings.filter((f) => f.severity === severity).length;
  const disabled = busy !== null;
  const report = figures?.report ?? null;

  return (
    <main className={styles.root} aria-busy={busy !== null}>
      <header>
        <h1 className={styles.title}>{W.appTitle}</h1>
        <p className={styles.subtitle}>{W.appSubtitle}</p>
      </header>

      <div className={styles.visuallyHidden} role="status" aria-live="polite">
        {busy ? W.working[busy] : (notices[notices.length - 1]?.text ?? '')}
      </div>
      {busy && <Spinner size="tiny" label={W.working[busy]} />}
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent}>
          <MessageBarBody>{n.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" onClick={() => setNotices((l) => l.filter((x) => x.id !== n.id))}>
                {W.close}
              </Button>
            }
          />
        </MessageBar>
      ))}

      <section className={styles.section} aria-labelledby="figures-heading">
        <h2 id="figures-heading" className={styles.heading}>
          {W.figuresTitle}
        </h2>
        <p className={styles.help}>{W.figuresHelp}</p>
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={() => void loadFromDocument()} disabled={disabled}>
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
            onChange={loadFromFile}
          />
        </div>
        {figures && report && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{W.recognized(report.formatName, figures.tableNames, figures.source)}</MessageBarBody>
          </MessageBar>
        )}
        {figures && !report && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{W.noTable(figures.source)}</MessageBarBody>
          </MessageBar>
        )}
        {figures && figures.tableErrors > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{W.tableErrors(figures.tableErrors)}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      {report && (
        <section className={styles.section} aria-labelledby="insert-heading">
          <h2 id="insert-heading" className={styles.heading}>
            {W.insertTitle}
          </h2>
          {blocks ? (
            <>
              <p className={styles.help}>{W.insertHelp}</p>
              <Field label={W.insertPart}>
                <Select value={part} onChange={(_, d) => setPart(d.value)} disabled={disabled}>
                  <option value={WHOLE}>{W.wholeText}</option>
                  {blocks.map((b) => (
                    <option key={b.key} value={b.key}>
                      {b.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className={styles.buttons}>
                <Button appearance="primary" onClick={() => void insert()} disabled={disabled}>
                  {W.insert}
                </Button>
              </div>
              {edited.length > 0 && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{W.editedTitle}</MessageBarTitle>
                    {edited.map((key) => blocks.find((b) => b.key === key)?.label ?? key).join('、')}
                  </MessageBarBody>
                  <MessageBarActions>
                    <Button size="small" onClick={() => void insert(true)} disabled={disabled}>
                      {W.replaceEdited}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}
            </>
          ) : (
            <p className={styles.help}>{W.draftNotSupported(report.formatName)}</p>
          )}
        </section>
      )}

      <section className={styles.section} aria-labelledby="proofread-heading">
        <h2 id="proofread-heading" className={styles.heading}>
          {W.proofreadTitle}
        </h2>
        <p className={styles.help}>{W.proofreadHelp}</p>
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={() => void runProofread()} disabled={disabled}>
            {W.proofread}
          </Button>
          <Button onClick={() => void clear()} disabled={disabled}>
            {W.clearMarks}
          </Button>
        </div>
        {proofread && findings.length === 0 && proofread.checked > 0 && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{W.allGoodTitle}</MessageBarTitle>
              {W.allGood(proofread.checked)}
            </MessageBarBody>
          </MessageBar>
        )}
        {proofread && findings.length === 0 && proofread.checked === 0 && <p className={styles.help}>{W.nothingToCheck}</p>}
        {proofread && findings.length > 0 && <p className={styles.help}>{W.proofreadSummary(proofread.checked, count('error'), count('warning'))}</p>}
        {proofread && proofread.unchecked > 0 && <p className={styles.help}>{W.uncheckedNote(proofread.unchecked)}</p>}
        {findings.length > 0 && (
          <ul className={styles.list} aria-label={W.findingsLabel}>
            {findings.map((f) => {
              const content = (
                <>
                  <span>
                    <Badge appearance="tint" color={BADGE_COLOR[f.severity]}>
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
                  {f.paragraph >= 0 ? (
                    <button type="button" className={styles.finding} title={W.goToSentence} onClick={() => void select(f)} disabled={disabled}>
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
    </main>
  );
}

/** A report's title is its first line of text. */
function titleOf(paragraphs: string[]): string | undefined {
  return paragraphs.find((p) => p.trim() !== '')?.trim();
}

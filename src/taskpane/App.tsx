import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Finding, TotalsPlan, WorkbookAnalysis } from '../core';
import type { HostNotice, SpreadsheetHost } from '../host/adapter';
import { usePaneActions } from './actions';
import { loadEngine } from './engine';
import { tokens, withWholeTheme } from './firstPaint';
import {
  groupFindings,
  loadAcknowledgements,
  loadFacts,
  marksFor,
  saveAcknowledgements,
  saveFacts,
  type Acknowledgements,
  type PaneFacts,
} from './model';
import { ShellButton as Button } from './ShellButton';
import { S } from './strings';

/*
 * First paint carries only the title, the toolbar and the start text; everything that appears after a
 * click (findings, notices, plans, the draft) or below the fold (settings) is its own chunk, shown once
 * the whole theme is there too.
 */
const NarrativePanel = lazy(withWholeTheme(() => import(/* webpackChunkName: "narrative" */ './NarrativePanel')));
const FindingsList = lazy(withWholeTheme(() => import(/* webpackChunkName: "findings" */ './FindingsList').then((m) => ({ default: m.FindingsList }))));
const TotalsPanel = lazy(withWholeTheme(() => import(/* webpackChunkName: "totals" */ './TotalsPanel').then((m) => ({ default: m.TotalsPanel }))));
const Notices = lazy(withWholeTheme(() => import(/* webpackChunkName: "feedback" */ './Feedback').then((m) => ({ default: m.Notices }))));
const Outcome = lazy(withWholeTheme(() => import(/* webpackChunkName: "feedback" */ './Feedback').then((m) => ({ default: m.Outcome }))));
const Busy = lazy(withWholeTheme(() => import(/* webpackChunkName: "feedback" */ './Feedback').then((m) => ({ default: m.Busy }))));
const TemplatePanel = lazy(withWholeTheme(() => import(/* webpackChunkName: "template" */ './TemplatePanel').then((m) => ({ default: m.TemplatePanel }))));
const SettingsSection = lazy(withWholeTheme(() => import(/* webpackChunkName: "settings" */ './SettingsSection')));
const noticeWords = () => import(/* webpackChunkName: "feedback" */ './noticeStrings');

/**
 * The shell's few styles as plain style objects (Fluent tokens are CSS variables): no makeStyles here
 * keeps Griffel's style compiler out of the first paint; Fluent's own components ship precompiled.
 */
const styles: Record<string, CSSProperties> = {
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', minHeight: '100vh', boxSizing: 'border-box' },
  header: { display: 'flex', flexDirection: 'column' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  messages: { display: 'flex', flexDirection: 'column', gap: '6px' },
  emptyState: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300, margin: 0 },
  summary: { fontSize: tokens.fontSizeBase300, margin: 0 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
};

type Working = keyof typeof S.working;
type View = 'findings' | 'totals' | 'narrative' | 'template';

interface Props {
  host: SpreadsheetHost;
  /** Limitations found when the pane opened (missing API sets). */
  startupNotices: HostNotice[];
  canRead: boolean;
}

export function App({ host, startupNotices, canRead }: Props) {
  const { busy, notices, say, dismiss, dropUndo, perform } = usePaneActions<Working>(S);
  const [analysis, setAnalysis] = useState<WorkbookAnalysis | null>(null);
  const [acks, setAcks] = useState<Acknowledgements>(() => loadAcknowledgements(host.store));
  const [facts, setFacts] = useState<PaneFacts>(() => loadFacts(host.store));
  const [plan, setPlan] = useState<TotalsPlan | null>(null);
  const [fillBlanks, setFillBlanks] = useState(false);
  const protectedSheets = useRef<Set<string>>(new Set());
  const [view, setView] = useState<View>('findings');

  /** Host notices are worded by a module of their own, loaded with the first of them. */
  const sayHost = useCallback(
    (list: HostNotice[]) => {
      if (list.length === 0) return;
      void noticeWords().then(({ hostNotice }) => list.forEach((n) => say('warning', hostNotice(n))));
    },
    [say],
  );
  useEffect(() => sayHost(startupNotices), [sayHost, startupNotices]);

  const validate = useCallback(
    (currentAcks: Acknowledgements = acks) =>
      perform('loading', async (step) => {
        const engine = await loadEngine();
        step('reading');
        const read = await host.readWorkbook();
        step('checking');
        protectedSheets.current = new Set(read.workbook.sheets.filter((s) => s.protected).map((s) => s.name));
        const result = engine.analyzeWorkbook(read.workbook, { facts });
        // A totals plan once asked for is planned again for the new reading (without 空白填0).
        setPlan((shown) => shown && engine.planTotals(result.tables, { protectedSheets: protectedSheets.current }));
        step('marking');
        const marked = await host.highlight(marksFor(result, currentAcks));
        setAnalysis(result);
        // Protected sheets are reported once, by the read.
        sayHost([...read.notices, ...marked.notices.filter((n) => n.code !== 'sheet-protected')]);
        return result;
      }),
    [acks, facts, host, perform, sayHost],
  );

  const clear = () =>
    perform('clearing', async () => {
      const result = await host.clearHighlights();
      say('success', S.cleared(result.restored));
      sayHost(result.notices);
    });

  const showTotals = async (fillBlanks = false) => {
    const result = analysis ?? (await validate());
    if (!result) return;
    const engine = await loadEngine();
    // 空白填0 is the user's choice: blank is not 0 until they say so.
    setPlan(engine.planTotals(result.tables, { fillBlanks, protectedSheets: protectedSheets.current }));
    setFillBlanks(fillBlanks);
    setView('totals');
  };

  const applyTotals = () =>
    perform('writing', async () => {
      if (!plan) return;
      const result = await host.applyTotals(plan.writes);
      setView('findings');
      say('success', S.totalsApplied(result.written.length), { undo: result.written.length > 0 });
      sayHost(result.notices);
    }).then(() => validate());

  const undoTotals = () =>
    perform('undoing', async () => {
      const result = await host.undoTotals();
      dropUndo();
      say('success', S.undone(result.written.length));
      sayHost(result.notices);
    }).then(() => validate());

  const showNarrative = async () => {
    const result = analysis ?? (await validate());
    if (result) setView('narrative');
  };

  /** A new sheet with the blank table: never over the user's cells (the host picks a free sheet name). */
  const insertTemplate = (format: string, formulas: boolean) =>
    perform('inserting', async () => {
      const engine = await loadEngine();
      const result = await host.insertBlankTemplate(engine.blankTemplate(format, { formulas }), engine.TEMPLATE_SHEET_NAME);
      if (result.sheet) {
        say('success', S.templateInserted(result.sheet));
        setView('findings');
      }
      sayHost(result.notices);
    });

  const acknowledge = async (finding: Finding, note: string | null) => {
    const next = { ...acks };
    if (note === null) delete next[finding.fingerprint];
    else next[finding.fingerprint] = { note, at: new Date().toISOString(), rule: finding.rule, message: finding.message };
    setAcks(next);
    await perform('saving', async () => {
      await saveAcknowledgements(host.store, next);
      if (analysis) sayHost((await host.highlight(marksFor(analysis, next))).notices);
    });
  };

  const select = (finding: Finding) => {
    void perform('selecting', () => host.selectCells(finding.cells));
  };

  const saveSettings = (next: PaneFacts) => {
    setFacts(next);
    void perform('saving', async () => {
      await saveFacts(host.store, next);
      say('success', S.settingsSaved);
    });
  };

  const findingsView = useMemo(() => (analysis ? groupFindings(analysis, acks) : null), [analysis, acks]);
  const noTemplate = analysis !== null && analysis.tables.length === 0;
  const allPass = findingsView !== null && !noTemplate && findingsView.open === 0;
  const disabled = busy !== null || !canRead;

  return (
    <main style={styles.root} aria-busy={busy !== null}>
      <header style={styles.header}>
        <h1 style={styles.title}>{S.appTitle}</h1>
        <p style={styles.subtitle}>{S.appSubtitle}</p>
      </header>

      <div role="toolbar" aria-label={S.toolbarLabel} style={styles.toolbar}>
        <Button appearance="primary" onClick={() => void validate()} disabled={disabled}>
          {S.validate}
        </Button>
        <Button onClick={() => void showTotals()} disabled={disabled}>
          {S.computeTotals}
        </Button>
        <Button onClick={() => void clear()} disabled={disabled}>
          {S.clearMarks}
        </Button>
        <Button onClick={() => void showNarrative()} disabled={disabled}>
          {S.draftText}
        </Button>
        <Button onClick={() => setView('template')} disabled={disabled}>
          {S.insertTemplate}
        </Button>
      </div>

      <div style={styles.visuallyHidden} role="status" aria-live="polite">
        {busy ? S.working[busy] : (notices[notices.length - 1]?.text ?? '')}
      </div>
      {busy && (
        <Suspense fallback={<p style={styles.summary}>{S.working[busy]}</p>}>
          <Busy label={S.working[busy]} />
        </Suspense>
      )}

      {notices.length > 0 && (
        <div style={styles.messages}>
          <Suspense fallback={null}>
            <Notices
              notices={notices}
              canUndo={host.hasTotalsUndo()}
              busy={busy !== null}
              onClose={dismiss}
              onUndo={() => void undoTotals()}
            />
          </Suspense>
        </div>
      )}

      <Suspense fallback={busy ? null : <p style={styles.summary}>{S.loadingPart}</p>}>
      {view === 'totals' && plan && (
        <TotalsPanel
          plan={plan}
          fillBlanks={fillBlanks}
          onFillBlanksChange={(fill) => void showTotals(fill)}
          busy={busy !== null}
          onApply={() => void applyTotals()}
          onCancel={() => setView('findings')}
        />
      )}

      {view === 'template' && <TemplatePanel busy={busy !== null} onInsert={(format, formulas) => void insertTemplate(format, formulas)} onCancel={() => setView('findings')} />}

      {view === 'narrative' && analysis && <NarrativePanel analysis={analysis} facts={facts} host={host} onClose={() => setView('findings')} />}

      {view === 'findings' && analysis === null && (
        <section>
          <p style={styles.summary}>{S.startTitle}</p>
          <p style={styles.emptyState}>{S.startBody}</p>
        </section>
      )}

      {view === 'findings' && noTemplate && <Outcome intent="warning" title={S.noTemplateTitle} body={S.noTemplateBody} />}

      {view === 'findings' && allPass && analysis && <Outcome intent="success" title={S.allPassTitle} body={S.allPass(analysis.tables.length)} />}

      {view === 'findings' && findingsView && analysis && !noTemplate && (
        <>
          {!allPass && <p style={styles.summary}>{S.summary(analysis.tables.length, findingsView.open, findingsView.acknowledged)}</p>}
          <FindingsList view={findingsView} acks={acks} onSelect={select} onAcknowledge={(f, note) => void acknowledge(f, note)} />
        </>
      )}
      {view === 'findings' && noTemplate && findingsView && findingsView.notices.length > 1 && (
        <FindingsList view={findingsView} acks={acks} onSelect={select} onAcknowledge={(f, note) => void acknowledge(f, note)} />
      )}

      </Suspense>

      <Suspense fallback={null}>
        <SettingsSection facts={facts} onSave={saveSettings} />
      </Suspense>
    </main>
  );
}

import { useMemo, useState } from 'react';
import { type ProofFinding, proofreadParagraphs, type ProofreadResult } from '../../core';
import type { DocumentHost, DocumentNotice } from '../../host/adapter';
import { usePaneActions } from '../actions';
import { loadEngine } from '../engine';
import { Busy, Notices } from '../Feedback';
import { loadFacts } from '../model';
import { figuresFrom, workbookFromFile, type LoadedFigures } from './figures';
import { FiguresSection } from './FiguresSection';
import { InsertSection } from './InsertSection';
import { chosenBlocks, draftBlocks, loadedNotice, sentenceMarks, titleOf, WHOLE_TEXT, wordPaneView } from './model';
import { ProofreadSection } from './ProofreadSection';
import { W } from './strings';
import { useWordStyles } from './styles';

type Step = keyof typeof W.working;

interface Props {
  host: DocumentHost;
}

/** The task pane in Word: load the figures, insert the drafted narrative, proofread the report's text. */
export default function WordApp({ host }: Props) {
  const styles = useWordStyles();
  const { busy, notices, say, dismiss, perform } = usePaneActions<Step>(W);
  const [figures, setFigures] = useState<LoadedFigures | null>(null);
  const [part, setPart] = useState(WHOLE_TEXT);
  const [edited, setEdited] = useState<string[]>([]);
  const [proofread, setProofread] = useState<ProofreadResult | null>(null);

  const sayHost = (list: DocumentNotice[]) => list.forEach((n) => say('warning', W.notice(n)));
  const blocks = useMemo(() => draftBlocks(figures, loadFacts(host.store)), [figures, host.store]);
  const view = useMemo(() => wordPaneView({ figures, blocks, edited, proofread }), [figures, blocks, edited, proofread]);

  const accept = (loaded: LoadedFigures) => {
    setFigures(loaded);
    setProofread(null);
    setEdited([]);
    const notice = loadedNotice(loaded);
    if (notice) say(notice.intent, notice.text);
    return loaded;
  };

  const loadFromDocument = () =>
    perform('reading', async () => {
      const [engine, content] = await Promise.all([loadEngine(), host.readDocument()]);
      return accept(figuresFrom(engine, content.tables, W.fromDocument, titleOf(content.paragraphs)));
    });

  const loadFromFile = (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) return say('error', W.notXlsx);
    void perform('loading', async () => {
      const [engine, workbook] = await Promise.all([loadEngine(), workbookFromFile(file)]);
      accept(figuresFrom(engine, workbook, W.fromWorkbook(file.name)));
    });
  };

  const insert = (replaceEdited: boolean) =>
    perform('inserting', async () => {
      if (!blocks) return;
      const outcome = await host.insertBlocks(chosenBlocks(blocks, part), { replaceEdited });
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
      sayHost((await host.markSentences(sentenceMarks(result))).notices);
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

  const disabled = busy !== null;

  return (
    <main className={styles.root} aria-busy={disabled}>
      <header>
        <h1 className={styles.title}>{W.appTitle}</h1>
        <p className={styles.subtitle}>{W.appSubtitle}</p>
      </header>

      <div className={styles.visuallyHidden} role="status" aria-live="polite">
        {busy ? W.working[busy] : (notices[notices.length - 1]?.text ?? '')}
      </div>
      {busy && <Busy label={W.working[busy]} />}
      <Notices notices={notices} canUndo={false} busy={disabled} onClose={dismiss} />

      <FiguresSection view={view.figures} disabled={disabled} onUseDocument={() => void loadFromDocument()} onPickFile={loadFromFile} />

      {view.insert.kind !== 'hidden' && (
        <InsertSection view={view.insert} part={part} disabled={disabled} onPartChange={setPart} onInsert={(replace) => void insert(replace)} />
      )}

      <ProofreadSection view={view.proofread} disabled={disabled} onProofread={() => void runProofread()} onClear={() => void clear()} onSelect={(f) => void select(f)} />
    </main>
  );
}

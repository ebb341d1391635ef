import { Button, MessageBar, MessageBarBody, Select, Field, Textarea, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { draftNarrative, type FigureRun, formatNumber, type Narrative, narrativeToText, type Paragraph, reportFigures, type Run, type WorkbookAnalysis, withUserFacts } from '../core';
import type { SpreadsheetHost } from '../host/adapter';
import { failureText } from './actions';
import type { PaneFacts } from './model';
import { S } from './strings';
import { V } from './viewStrings';

/** Loaded only when 生成文字 is clicked: the narrative code is its own chunk, docx another. */

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '8px 0' },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: '0 0 8px' },
  draft: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px 12px',
    backgroundColor: tokens.colorNeutralBackground1,
    lineHeight: '1.8',
  },
  title: { textAlign: 'center', fontWeight: tokens.fontWeightSemibold, margin: '4px 0 8px' },
  sectionHeading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '8px 0 4px' },
  body: { textIndent: '2em', margin: '0 0 4px' },
  subheading: { margin: '0 0 4px', textIndent: '2em', fontWeight: tokens.fontWeightSemibold },
  figure: {
    border: 'none',
    background: 'none',
    padding: 0,
    font: 'inherit',
    color: tokens.colorBrandForeground1,
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  placeholder: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap', margin: '8px 0' },
  notes: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

function sourceText(run: FigureRun): string {
  const lines = run.sources.map((s) => V.figureSource(s.label, s.cell, formatNumber(s.value)));
  if (run.base && run.base.length > 0) lines.push(...run.base.map((s) => V.figureSource(s.label, s.cell, formatNumber(s.value))));
  return lines.join('\n');
}

interface Props {
  analysis: WorkbookAnalysis;
  facts: PaneFacts;
  host: SpreadsheetHost;
  onClose(): void;
}

export default function NarrativePanel({ analysis, facts, host, onClose }: Props) {
  const styles = useStyles();
  const reports = useMemo(() => reportFigures(analysis), [analysis]);
  const [index, setIndex] = useState(0);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [showText, setShowText] = useState(false);
  const narrative: Narrative | null = useMemo(() => {
    const report = reports[index];
    if (!report) return null;
    return draftNarrative({ format: report.format, figures: report.figures, facts: withUserFacts(report.facts, { bodyName: facts.bodyName, reportYear: facts.reportYear }) });
  }, [reports, index, facts]);

  if (!narrative) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{V.noReport}</MessageBarBody>
      </MessageBar>
    );
  }
  const text = narrativeToText(narrative);

  const renderRun = (run: Run, key: number) => {
    if (run.kind === 'figure') {
      const cells = run.sources.map((s) => s.cell).filter(Boolean);
      return (
        <Tooltip key={key} content={<span style={{ whiteSpace: 'pre-line' }}>{sourceText(run)}</span>} relationship="description" withArrow>
          <button type="button" className={styles.figure} onClick={() => cells.length > 0 && void host.selectCells(cells)}>
            {run.text}
          </button>
        </Tooltip>
      );
    }
    if (run.kind === 'placeholder') return <mark key={key} className={styles.placeholder}>{run.text}</mark>;
    return <span key={key}>{run.text}</span>;
  };
  const renderParagraph = (p: Paragraph, key: number) => (
    <p key={key} className={p.kind === 'subheading' ? styles.subheading : styles.body}>
      {p.runs.map(renderRun)}
    </p>
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage({ intent: 'success', text: V.copied });
    } catch {
      setShowText(true);
      setMessage({ intent: 'error', text: V.copyFailed });
    }
  };

  const download = async () => {
    try {
      const { narrativeToDocx } = await import(/* webpackChunkName: "docx" */ '../io/docx');
      const bytes = await narrativeToDocx(narrative);
      const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = V.docxName(reports[index]?.facts.reportYear ?? facts.reportYear);
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setMessage({ intent: 'error', text: failureText(error, S) });
    }
  };

  return (
    <section aria-labelledby="narrative-heading">
      <h2 id="narrative-heading" className={styles.heading}>
        {V.narrativeTitle}
      </h2>
      <p className={styles.hint}>{V.narrativeHelp}</p>
      {reports.length > 1 && (
        <Field label={V.narrativePick}>
          <Select value={String(index)} onChange={(_, d) => setIndex(Number(d.value))}>
            {reports.map((r, i) => (
              <option key={i} value={i}>
                {V.narrativeReport(r.formatName, i)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void copy()}>
          {V.copyText}
        </Button>
        {host.canDownload && <Button onClick={() => void download()}>{V.downloadDocx}</Button>}
        <Button onClick={onClose}>{S.close}</Button>
      </div>
      {!host.canDownload && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{host.app === 'wps' ? V.noDownloadInWps : V.noDownloadOnMac}</MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {showText && (
        <Field label={V.copyText}>
          <Textarea value={text} readOnly resize="vertical" rows={8} />
        </Field>
      )}
      <article className={styles.draft} lang="zh-CN">
        <p className={styles.title}>{narrative.title.map(renderRun)}</p>
        {narrative.intro.map(renderParagraph)}
        {narrative.sections.map((section, i) => (
          <div key={i}>
            <h3 className={styles.sectionHeading}>{section.heading}</h3>
            {section.paragraphs.map(renderParagraph)}
          </div>
        ))}
      </article>
      {narrative.notes.length > 0 && (
        <>
          <h3 className={styles.sectionHeading}>{V.notesTitle}</h3>
          <ul className={styles.notes}>
            {narrative.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PaneFacts } from './model';
import { type BodyLevel, LEVEL_NAMES } from '../core';
import { V } from './viewStrings';

/** The levels, named as the checks name them; only some may make 规章 (docs/formats.md §3, requires-level). */
const LEVELS = (Object.keys(LEVEL_NAMES) as BodyLevel[]).map((id) => ({ id, label: LEVEL_NAMES[id] }));

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px' },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
});

interface Props {
  facts: PaneFacts;
  onSave(facts: PaneFacts): void;
}

/** The report facts the table cannot give: saved into the workbook when a field loses focus. */
export function SettingsPanel({ facts, onSave }: Props) {
  const styles = useStyles();
  const [draft, setDraft] = useState<PaneFacts>(facts);
  const [yearText, setYearText] = useState(facts.reportYear ? String(facts.reportYear) : '');
  const commit = (next: PaneFacts) => {
    setDraft(next);
    if (JSON.stringify(next) !== JSON.stringify(facts)) onSave(next);
  };
  const yearValid = yearText === '' || /^(19|20)\d{2}$/.test(yearText);
  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()}>
      <p className={styles.hint}>{V.settingsHint}</p>
      <Field label={V.bodyName}>
        <Input
          value={draft.bodyName ?? ''}
          placeholder={V.bodyNamePlaceholder}
          onChange={(_, d) => setDraft({ ...draft, bodyName: d.value })}
          onBlur={() => commit({ ...draft, bodyName: draft.bodyName?.trim() || undefined })}
        />
      </Field>
      <Field label={V.level}>
        <Select
          value={draft.level ?? ''}
          onChange={(_, d) => commit({ ...draft, level: (d.value || undefined) as BodyLevel | undefined })}
        >
          <option value="">{V.levelPlaceholder}</option>
          {LEVELS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={V.reportYear} validationState={yearValid ? 'none' : 'error'} validationMessage={yearValid ? undefined : V.reportYearInvalid}>
        <Input
          inputMode="numeric"
          value={yearText}
          placeholder="2024"
          onChange={(_, d) => setYearText(d.value.trim())}
          onBlur={() => {
            if (yearValid) commit({ ...draft, reportYear: yearText ? Number(yearText) : undefined });
          }}
        />
      </Field>
    </form>
  );
}

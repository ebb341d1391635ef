import { Button, Checkbox, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FORMAT_NAMES, TEMPLATE_FORMATS } from '../core';
import { S } from './strings';
import { V } from './viewStrings';

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '8px 0' },
  help: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: '0 0 8px' },
  buttons: { display: 'flex', gap: '8px', marginTop: '8px', flexWrap: 'wrap' },
});

interface Props {
  busy: boolean;
  onInsert(format: string, formulas: boolean): void;
  onCancel(): void;
}

/** 插入空白统计表: which format (the one in force first) and whether the totals carry SUM formulas. */
export function TemplatePanel({ busy, onInsert, onCancel }: Props) {
  const styles = useStyles();
  const [format, setFormat] = useState<string>(TEMPLATE_FORMATS[0]);
  const [formulas, setFormulas] = useState(false);
  return (
    <section aria-labelledby="template-heading">
      <h2 id="template-heading" className={styles.heading}>
        {V.templateTitle}
      </h2>
      <p className={styles.help}>{V.templateHelp}</p>
      <Field label={V.templateFormat}>
        <RadioGroup value={format} onChange={(_, d) => setFormat(d.value)} disabled={busy}>
          {TEMPLATE_FORMATS.map((id) => (
            <Radio key={id} value={id} label={FORMAT_NAMES[id] ?? id} />
          ))}
        </RadioGroup>
      </Field>
      <Checkbox checked={formulas} disabled={busy} onChange={(_, d) => setFormulas(d.checked === true)} label={V.templateFormulas} />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => onInsert(format, formulas)}>
          {V.templateInsert}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {S.cancel}
        </Button>
      </div>
    </section>
  );
}

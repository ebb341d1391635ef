import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from '@fluentui/react-components';
import type { PaneFacts } from './model';
import { SettingsPanel } from './SettingsPanel';
import { V } from './viewStrings';

/** The 报告信息 section, collapsed at first; loaded just after first paint. */
export default function SettingsSection({ facts, onSave }: { facts: PaneFacts; onSave(next: PaneFacts): void }) {
  return (
    <Accordion collapsible>
      <AccordionItem value="settings">
        <AccordionHeader as="h2" size="small">
          {V.settingsTitle}
        </AccordionHeader>
        <AccordionPanel>
          <SettingsPanel facts={facts} onSave={onSave} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

import type { DocumentStore } from './adapter';

/**
 * Office document settings (Common API, every host): stored inside the workbook or document file, so
 * acknowledgements, report facts and highlight memory travel with it and never reach a server.
 */
export function officeSettingsStore(settings: Office.Settings): DocumentStore {
  return {
    get<T>(key: string): T | undefined {
      const value = settings.get(key) as T | null | undefined;
      return value ?? undefined;
    },
    set(key, value) {
      settings.set(key, value);
    },
    remove(key) {
      settings.remove(key);
    },
    save() {
      return new Promise((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new Error(result.error?.message ?? 'settings.saveAsync failed'));
        });
      });
    },
  };
}

/** Keys under which the add-in keeps its data in the document. Versioned so a format change can migrate. */
export const STORE_KEYS = {
  facts: 'nianbao.facts.v1',
  acknowledgements: 'nianbao.acknowledgements.v1',
  highlights: 'nianbao.highlights.v1',
  totalsUndo: 'nianbao.totalsUndo.v1',
  /** Word: sentences highlighted by proofreading, with their original highlight. */
  sentenceMarks: 'nianbao.sentenceMarks.v1',
  /** Word: the text of each inserted narrative part, to tell whether the user edited it since. */
  insertedText: 'nianbao.insertedText.v1',
} as const;

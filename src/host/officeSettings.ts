import { DocumentStoreFull, STORE_KEYS, type DocumentStore } from './adapter';

/**
 * What the add-in keeps in a document's settings at most. Office documents up to 2 MB of settings
 * (Office.Settings.set), but saving fails from about 1 MB in practice (office-js #3957), so half of that.
 */
export const SETTINGS_BUDGET_BYTES = 512 * 1024;

/** A value's size as stored JSON, non-ASCII characters counted as escapes (six bytes): the larger count. */
export function storedBytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value);
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}

/**
 * Office document settings (Common API, every host): stored inside the workbook or document file, so
 * acknowledgements, report facts and highlight memory travel with it and never reach a server. Every
 * key the add-in uses counts against one budget, checked before anything is set.
 */
export function officeSettingsStore(settings: Office.Settings, budget = SETTINGS_BUDGET_BYTES): DocumentStore {
  const get = <T>(key: string): T | undefined => (settings.get(key) as T | null | undefined) ?? undefined;
  const totalWith = (key: string, value: unknown) =>
    Object.values(STORE_KEYS).reduce((sum, k) => sum + (k === key ? storedBytes(value) : storedBytes(get(k))), 0);
  return {
    get,
    set(key, value) {
      const bytes = totalWith(key, value);
      if (bytes > budget) throw new DocumentStoreFull(bytes, budget);
      settings.set(key, value);
    },
    remove(key) {
      settings.remove(key);
    },
    fits(key, value) {
      return totalWith(key, value) <= budget;
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

import { DocumentStoreFull, STORE_KEYS, type DocumentStore } from './adapter';

/**
 * What the add-in keeps in a document at most. Office documents up to 2 MB of settings
 * (Office.Settings.set), but saving fails from about 1 MB in practice (office-js #3957), so half of that;
 * WPS's custom document properties are held to the same budget.
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

/** Where a host keeps the values: Office document settings, WPS custom document properties. */
export interface StoreBacking {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Writes pending changes into the document (to disk on the user's next save). */
  save(): Promise<void>;
}

/**
 * The document store every host shares: every key the add-in uses counts against one budget, checked
 * before anything is set, so a value that would not be kept reliably is refused with nothing changed.
 */
export function budgetedStore(backing: StoreBacking, budget = SETTINGS_BUDGET_BYTES): DocumentStore {
  const get = <T>(key: string): T | undefined => (backing.get(key) as T | null | undefined) ?? undefined;
  const totalWith = (key: string, value: unknown) =>
    Object.values(STORE_KEYS).reduce((sum, k) => sum + (k === key ? storedBytes(value) : storedBytes(get(k))), 0);
  return {
    get,
    set(key, value) {
      const bytes = totalWith(key, value);
      if (bytes > budget) throw new DocumentStoreFull(bytes, budget);
      backing.set(key, value);
    },
    remove(key) {
      backing.remove(key);
    },
    fits(key, value) {
      return totalWith(key, value) <= budget;
    },
    save: () => backing.save(),
  };
}

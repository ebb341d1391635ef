import { STORE_KEYS, type DocumentStore } from '../host/adapter';
import { budgetedStore, SETTINGS_BUDGET_BYTES } from '../host/documentStore';
import type { WpsDocumentProperties } from './api';

/**
 * The add-in's data in the document's own custom properties (文件 → 属性 → 自定义), so acknowledgements,
 * report facts and remembered fills travel with the file and are never add-in-wide (not PluginStorage,
 * which every document shares). A property's text holds at most 255 characters, so each value is JSON cut
 * into numbered parts: "nianbao.facts.v1/0", "nianbao.facts.v1/1", …
 */

/** msoPropertyTypeString. */
const PROPERTY_TYPE_STRING = 4;
export const PROPERTY_TEXT_LIMIT = 255;
const PART = /^(.+)\/(\d+)$/;

/** Cuts text into parts of at most `limit` UTF-16 units, never inside a surrogate pair. */
export function textParts(text: string, limit = PROPERTY_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + limit);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts.length > 0 ? parts : [''];
}

/** The values kept in the properties, by key: parts joined in order; a key whose parts do not parse is absent. */
export function readParts(named: { name: string; value: unknown }[]): Map<string, unknown> {
  const byKey = new Map<string, string[]>();
  for (const { name, value } of named) {
    const m = PART.exec(name);
    if (!m || !Object.values(STORE_KEYS).includes(m[1] as never)) continue;
    const parts = byKey.get(m[1]) ?? [];
    parts[Number(m[2])] = String(value ?? '');
    byKey.set(m[1], parts);
  }
  const values = new Map<string, unknown>();
  for (const [key, parts] of byKey) {
    try {
      values.set(key, JSON.parse(parts.join('')));
    } catch {
      // A part missing (the file was cut short): the value is unknown, not half-read.
    }
  }
  return values;
}

export function propertyStore(properties: WpsDocumentProperties, budget = SETTINGS_BUDGET_BYTES): DocumentStore {
  const all = () => Array.from({ length: properties.Count }, (_, i) => properties.Item(i + 1));
  const values = readParts(all().map((p) => ({ name: p.Name, value: p.Value })));
  const changed = new Set<string>();
  return budgetedStore(
    {
      get: (key) => (values.has(key) ? JSON.parse(JSON.stringify(values.get(key))) : undefined),
      set(key, value) {
        values.set(key, JSON.parse(JSON.stringify(value)));
        changed.add(key);
      },
      remove(key) {
        if (values.delete(key)) changed.add(key);
      },
      async save() {
        if (changed.size === 0) return;
        // Deleted from the last down, so the indices of those still to look at stay as they were.
        const stale = all().filter((p) => changed.has(PART.exec(p.Name)?.[1] ?? ''));
        for (const property of stale.reverse()) property.Delete();
        for (const key of changed) {
          if (!values.has(key)) continue;
          textParts(JSON.stringify(values.get(key))).forEach((part, i) => properties.Add(`${key}/${i}`, false, PROPERTY_TYPE_STRING, part));
        }
        changed.clear();
      },
    },
    budget,
  );
}

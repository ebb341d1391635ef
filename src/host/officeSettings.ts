import type { DocumentStore } from './adapter';
import { budgetedStore, SETTINGS_BUDGET_BYTES } from './documentStore';

/**
 * Office document settings (Common API, every host): stored inside the workbook or document file, so
 * acknowledgements, report facts and highlight memory travel with it and never reach a server.
 */
export function officeSettingsStore(settings: Office.Settings, budget = SETTINGS_BUDGET_BYTES): DocumentStore {
  return budgetedStore(
    {
      get: (key) => settings.get(key),
      set: (key, value) => settings.set(key, value),
      remove: (key) => settings.remove(key),
      save: () =>
        new Promise((resolve, reject) => {
          settings.saveAsync((result) => {
            if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
            else reject(new Error(result.error?.message ?? 'settings.saveAsync failed'));
          });
        }),
    },
    budget,
  );
}

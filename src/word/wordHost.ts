import type { DocumentHost, DocumentStore } from '../host/adapter';
import { officeSettingsStore } from '../host/officeSettings';
import { insertNarrativeBlocks, insertWithoutControls } from './insert';
import { applySentenceMarks, selectSentenceRange } from './marks';
import { readDocumentContent } from './read';
import { detectWordCapabilities, type WordCapabilities } from './requirements';

/** `Word.run` with a context-taking batch; injected so tests can hand in a recording fake. */
export type WordRunner = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** Office Open XML put at the cursor through the common API (Document.setSelectedDataAsync, OoxmlCoercion). */
export type SetSelectedOoxml = (ooxml: string) => Promise<void>;

export function createWordHost(run: WordRunner, store: DocumentStore, caps: WordCapabilities, setSelectedOoxml?: SetSelectedOoxml): DocumentHost {
  return {
    kind: 'word',
    store,
    readDocument: () => run((context) => readDocumentContent(context, caps)),
    insertBlocks: async (blocks, options) => {
      if (caps.wordApi11) return run((context) => insertNarrativeBlocks(context, store, blocks, options));
      if (caps.ooxmlCoercion && setSelectedOoxml) return insertWithoutControls(setSelectedOoxml, blocks);
      return { inserted: [], replaced: [], edited: [], notices: [{ code: 'insert-unsupported', set: 'WordApi', version: '1.1' }] };
    },
    markSentences: (marks) => run((context) => applySentenceMarks(context, caps, store, marks)),
    clearMarks: () => run((context) => applySentenceMarks(context, caps, store, [])),
    selectSentence: (sentence) => run((context) => selectSentenceRange(context, caps, sentence)),
  };
}

/** The adapter for the running Word: the one place in the pane that reaches `Word.run`. */
export function wordHostFromOffice(): { host: DocumentHost; caps: WordCapabilities } {
  const requirements = Office.context.requirements;
  const caps = detectWordCapabilities((name, version) => requirements.isSetSupported(name, version));
  const run: WordRunner = (batch) => Word.run(batch);
  const setSelectedOoxml: SetSelectedOoxml = (ooxml) =>
    new Promise((resolve, reject) =>
      Office.context.document.setSelectedDataAsync(ooxml, { coercionType: Office.CoercionType.Ooxml }, (result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error),
      ),
    );
  return { host: createWordHost(run, officeSettingsStore(Office.context.document.settings), caps, setSelectedOoxml), caps };
}

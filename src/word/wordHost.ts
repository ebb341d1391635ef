import type { DocumentHost, DocumentStore } from '../host/adapter';
import { officeSettingsStore } from '../host/officeSettings';
import { insertNarrativeBlocks } from './insert';
import { applySentenceMarks, selectSentenceRange } from './marks';
import { readDocumentContent } from './read';
import { detectWordCapabilities, type WordCapabilities } from './requirements';

/** `Word.run` with a context-taking batch; injected so tests can hand in a recording fake. */
export type WordRunner = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

export function createWordHost(run: WordRunner, store: DocumentStore, caps: WordCapabilities): DocumentHost {
  return {
    kind: 'word',
    store,
    readDocument: () => run((context) => readDocumentContent(context, caps)),
    insertBlocks: (blocks, options) => run((context) => insertNarrativeBlocks(context, store, blocks, options)),
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
  return { host: createWordHost(run, officeSettingsStore(Office.context.document.settings), caps), caps };
}

import { useState } from 'react';
import { wordCapabilityNotices } from '../../word/requirements';
import { wordHostFromOffice } from '../../word/wordHost';
import WordApp from './WordApp';

/** The Word pane with its host adapter: one chunk, which Excel users never download. */
export default function WordRoot() {
  const [{ host, caps }] = useState(wordHostFromOffice);
  return <WordApp host={host} startupNotices={wordCapabilityNotices(caps)} />;
}

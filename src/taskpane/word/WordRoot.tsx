import { useState } from 'react';
import { wordHostFromOffice } from '../../word/wordHost';
import WordApp from './WordApp';

/** The Word pane with its host adapter: one chunk, which Excel users never download. */
export default function WordRoot() {
  const [{ host }] = useState(wordHostFromOffice);
  return <WordApp host={host} />;
}

/**
 * The manifest requires no API set (it serves Excel and Word), so each feature checks its set at run
 * time and degrades instead of failing. WordApi 1.1 (insertParagraph, insertOoxml, getOoxml, search,
 * highlight, content controls) is what Word 2016 on has; the narrative's 公文 formatting, heading styles
 * and the tables' merged cells go in as Office Open XML, so they need nothing more. Word 2013 has only
 * the common API: there the parts are inserted through the Ooxml coercion, in no content control.
 */
export interface WordCapabilities {
  /** Content controls, insertOoxml and Word.run itself: WordApi 1.1 (Word 2016 on; Word 2013 has none of it). */
  wordApi11: boolean;
  /** Office Open XML through the common API (setSelectedDataAsync): Word 2013 inserts the parts this way. */
  ooxmlCoercion: boolean;
  /** Range.expandTo (a long sentence marked whole) and Paragraph.tableNestingLevel (table cells kept out of the prose): WordApi 1.3. */
  wordApi13: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectWordCapabilities(isSetSupported: IsSetSupported): WordCapabilities {
  return {
    wordApi11: isSetSupported('WordApi', '1.1'),
    ooxmlCoercion: isSetSupported('OoxmlCoercion', '1.1'),
    wordApi13: isSetSupported('WordApi', '1.3'),
  };
}

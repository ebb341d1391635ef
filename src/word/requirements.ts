/**
 * The manifest requires no API set (it serves Excel and Word), so each feature checks its set at run
 * time and degrades instead of failing. WordApi 1.1 (insertParagraph, insertOoxml, getOoxml, search,
 * highlight, content controls) is the floor: every Word that runs add-ins has it; the narrative's 公文
 * formatting and heading styles go in as Office Open XML, so they need nothing more.
 */
export interface WordCapabilities {
  /** Range.expandTo (a long sentence marked whole) and Paragraph.tableNestingLevel (table cells kept out of the prose): WordApi 1.3. */
  wordApi13: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectWordCapabilities(isSetSupported: IsSetSupported): WordCapabilities {
  return { wordApi13: isSetSupported('WordApi', '1.3') };
}

import type { DocumentNotice } from '../host/adapter';

/**
 * The manifest requires no API set (it serves Excel and Word), so each feature checks its set at run
 * time and degrades instead of failing. WordApi 1.1 (insertParagraph, search, highlight, content
 * controls, getHtml) is the floor: every Word that runs add-ins has it.
 */
export interface WordCapabilities {
  /** styleBuiltIn (Heading 1/2 for the navigation pane), Range.expandTo, Paragraph.tableNestingLevel: WordApi 1.3. */
  wordApi13: boolean;
  /** Font.nameFarEast / nameAscii (WordApiDesktop 1.3): East-Asian and Latin fonts set one by one. */
  scriptFonts: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectWordCapabilities(isSetSupported: IsSetSupported): WordCapabilities {
  return { wordApi13: isSetSupported('WordApi', '1.3'), scriptFonts: isSetSupported('WordApiDesktop', '1.3') };
}

/**
 * Shown once when the pane opens. Without WordApiDesktop 1.3 nothing is lost: `font.name` sets the
 * font of every script, East-Asian included, so it is not worth a notice.
 */
export function wordCapabilityNotices(caps: WordCapabilities): DocumentNotice[] {
  return caps.wordApi13 ? [] : [{ code: 'requirement-missing', feature: 'heading-styles', set: 'WordApi', version: '1.3' }];
}

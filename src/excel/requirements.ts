import type { HostNotice } from '../host/adapter';

/**
 * The manifest requires no API set (it serves Excel and Word), so each feature checks its set at run
 * time and degrades instead of failing.
 */
export interface ExcelCapabilities {
  /** getUsedRangeOrNullObject and sheet protection: without them nothing can be read. */
  read: boolean;
  /** getCellProperties reads every fill in one call and keeps pattern and tint (ExcelApi 1.9). */
  bulkFill: boolean;
  /** getMergedAreasOrNullObject (ExcelApi 1.13); without it merged labels are read from their top-left cell only. */
  merges: boolean;
  /** worksheet.getRanges to select several separate cells (ExcelApi 1.9). */
  multiSelect: boolean;
  /** getSpecialCellsOrNullObject finds the formula cells, so that only theirs are read (ExcelApi 1.9). */
  formulaCells: boolean;
  /** What one read may bring back: within Excel on the web's 5 MB, and as much on the desktop. */
  readChunkBytes: number;
}

export type IsSetSupported = (name: string, version: string) => boolean;

/**
 * Excel on the web refuses a request or response over 5 MB; pieces of 4 MB leave room for the
 * envelope. The desktop has no documented cap, but a response of tens of megabytes freezes the pane,
 * so it reads in the same pieces.
 */
const READ_CHUNK_BYTES = 4 * 1024 * 1024;

export function detectCapabilities(isSetSupported: IsSetSupported): ExcelCapabilities {
  return {
    read: isSetSupported('ExcelApi', '1.4'),
    bulkFill: isSetSupported('ExcelApi', '1.9'),
    merges: isSetSupported('ExcelApi', '1.13'),
    multiSelect: isSetSupported('ExcelApi', '1.9'),
    formulaCells: isSetSupported('ExcelApi', '1.9'),
    readChunkBytes: READ_CHUNK_BYTES,
  };
}

/** Notices for the degraded features, shown once when the pane opens. */
export function capabilityNotices(caps: ExcelCapabilities): HostNotice[] {
  const notices: HostNotice[] = [];
  if (!caps.read) notices.push({ code: 'requirement-missing', feature: 'read', set: 'ExcelApi', version: '1.4' });
  if (!caps.bulkFill) notices.push({ code: 'requirement-missing', feature: 'bulk-fill', set: 'ExcelApi', version: '1.9' });
  if (!caps.merges) notices.push({ code: 'requirement-missing', feature: 'merges', set: 'ExcelApi', version: '1.13' });
  return notices;
}

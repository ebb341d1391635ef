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
  /** Excel on the web caps a request or response at 5 MB. */
  payloadLimitBytes: number;
}

export type IsSetSupported = (name: string, version: string) => boolean;

const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Desktop has no hard cap, but a response this size already freezes the pane for seconds. */
const DESKTOP_PAYLOAD_LIMIT = 50 * 1024 * 1024;

export function detectCapabilities(isSetSupported: IsSetSupported, onTheWeb: boolean): ExcelCapabilities {
  return {
    read: isSetSupported('ExcelApi', '1.4'),
    bulkFill: isSetSupported('ExcelApi', '1.9'),
    merges: isSetSupported('ExcelApi', '1.13'),
    multiSelect: isSetSupported('ExcelApi', '1.9'),
    payloadLimitBytes: onTheWeb ? WEB_PAYLOAD_LIMIT : DESKTOP_PAYLOAD_LIMIT,
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

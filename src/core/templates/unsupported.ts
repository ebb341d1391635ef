/**
 * Older local layouts the add-in does not read (docs/formats.md §1): recognized by their column headers so
 * the user is told what the table is rather than that nothing was found.
 */
export const UNSUPPORTED_LAYOUTS: ReadonlyArray<{ headers: string[]; name: string }> = [
  { headers: ['历年累计'], name: '地方旧式的“本年度/历年累计”统计表（多见于2008—2018年）' },
  { headers: ['本期实际', '本年累计'], name: '按季度填报的统计表（本期实际/本年累计）' },
];

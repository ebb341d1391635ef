/**
 * Older local layouts the add-in does not read (formats.md §1): recognized by their column headers so
 * the user is told what the table is rather than that nothing was found.
 */
export const UNSUPPORTED_LAYOUTS: ReadonlyArray<{ headers: string[]; name: string }> = [
  { headers: ['历年累计'], name: '2008—2014年的“本年度/历年累计”统计表' },
  { headers: ['本期实际', '本年累计'], name: '按季度填报的统计表（本期实际/本年累计）' },
];

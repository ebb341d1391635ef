/**
 * Which of these sheets still exist, in a sync of their own: anything asked of a sheet that was renamed
 * or deleted (its range, its protection) fails the whole sync it is in, so whatever remembers sheets
 * by name (highlight memory, totals undo) checks first. Names compare as Excel compares them, without case.
 */
export async function existingSheets(context: Excel.RequestContext, names: string[]): Promise<Set<string>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const present = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
  return new Set(names.filter((name) => present.has(name.toLowerCase())));
}

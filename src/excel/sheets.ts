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

/**
 * Queues a read of these sheets (`queue` is told which exist) and syncs once, trusting that they all
 * still exist, as they almost always do. When that sync fails, which sheets exist is learnt in a sync
 * of its own and the read is queued again for those only: a renamed or deleted sheet costs two syncs
 * more, the usual case none. Only reads may be queued (a failed sync may have applied part of its
 * batch). A failure that is not about a missing sheet is thrown as it was.
 */
export async function readOnSheets<T>(context: Excel.RequestContext, names: string[], queue: (present: Set<string>) => T): Promise<{ read: T; present: Set<string> }> {
  const all = new Set(names);
  const read = queue(all);
  try {
    await context.sync();
    return { read, present: all };
  } catch (error) {
    const present = await existingSheets(context, names);
    if (present.size === all.size) throw error;
    const again = queue(present);
    if (present.size > 0) await context.sync();
    return { read: again, present };
  }
}

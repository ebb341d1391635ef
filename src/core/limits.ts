/**
 * The largest figure the engine can add exactly. Beyond 2^53 a difference of 1 disappears in floating
 * point, and no count or amount in a report is anywhere near that, so such a cell is reported as an
 * error (valuechecks) and left out of every sum, total and sentence rather than computed wrongly.
 */
export function beyondExactArithmetic(value: number): boolean {
  return !Number.isSafeInteger(Math.trunc(value));
}

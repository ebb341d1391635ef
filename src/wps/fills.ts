import type { CurrentFill, SavedFill } from '../host/highlightMemory';
import type { EtInterior } from './api';

/**
 * A cell's fill between WPS's COM values (BGR numbers, XlPattern constants) and the Office.js terms the
 * shared highlight memory keeps ('#RRGGBB', pattern names), so that both hosts remember fills alike.
 */

export const XL_NONE = -4142;
export const XL_SOLID = 1;

/** XlPattern by its Office.js name (Excel.FillPattern). */
const PATTERNS: Record<string, number> = {
  None: XL_NONE, Solid: XL_SOLID, Gray50: -4125, Gray75: -4126, Gray25: -4124, Horizontal: -4128, Vertical: -4166, Down: -4121, Up: -4162,
  Checker: 9, SemiGray75: 10, LightHorizontal: 11, LightVertical: 12, LightDown: 13, LightUp: 14, Grid: 15, CrissCross: 16, Gray16: 17, Gray8: 18,
  LinearGradient: 4000, RectangularGradient: 4001,
};
const NAMES = new Map(Object.entries(PATTERNS).map(([name, value]) => [value, name]));
const GRADIENTS = [PATTERNS.LinearGradient, PATTERNS.RectangularGradient];

/** A pattern constant as a name; one without a name here (xlPatternAutomatic) is kept as its number. */
export const patternName = (value: number) => NAMES.get(value) ?? String(value);
export const patternValue = (name: string) => PATTERNS[name] ?? Number(name);

/** BGR (VBA's RGB(r, g, b) = r + 256 g + 65536 b) as #RRGGBB. */
export function hexOf(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

export function bgrOf(hex: string): number {
  const value = parseInt(hex.replace('#', ''), 16);
  return ((value >> 16) & 0xff) + (value & 0xff00) + ((value & 0xff) << 16);
}

/**
 * A fill as the Interior reports it, or null when the cells read differ (the caller reads each cell).
 * "No fill" is its own pattern (xlNone), unlike Office.js, where it reads like solid white.
 */
export function fillOf(interior: EtInterior): CurrentFill | null {
  const pattern = interior.Pattern;
  if (pattern === null) return null;
  if (pattern === XL_NONE) return { color: '#FFFFFF', pattern: 'None' };
  if (GRADIENTS.includes(pattern)) return 'gradient';
  const { Color: color, PatternColor: patternColor, TintAndShade: tint, PatternTintAndShade: patternTint } = interior;
  if (color === null || patternColor === null || tint === null || patternTint === null) return null;
  return { color: hexOf(color), pattern: patternName(pattern), patternColor: hexOf(patternColor), tintAndShade: tint, patternTintAndShade: patternTint };
}

/** Puts a remembered fill back on the cells, every part of it. */
export function writeFill(interior: EtInterior, fill: SavedFill): void {
  if (fill.pattern === 'None' || (fill.pattern === undefined && fill.color.toUpperCase() === '#FFFFFF')) {
    interior.Pattern = XL_NONE;
    return;
  }
  // The pattern before the colour: a write failing in between leaves the mark colour, so the cell is still ours.
  interior.Pattern = fill.pattern === undefined ? XL_SOLID : patternValue(fill.pattern);
  interior.Color = bgrOf(fill.color);
  if (fill.patternColor !== undefined) interior.PatternColor = bgrOf(fill.patternColor);
  if (fill.tintAndShade !== undefined) interior.TintAndShade = fill.tintAndShade;
  if (fill.patternTintAndShade !== undefined) interior.PatternTintAndShade = fill.patternTintAndShade;
}

/**
 * Paints a mark: a plain solid colour, whatever pattern the cells had. The colour goes first, so that a
 * write failing part way leaves no cell changed without our mark colour (which 清除标记 recognizes).
 */
export function paintMark(interior: EtInterior, colour: string): void {
  interior.Color = bgrOf(colour);
  interior.Pattern = XL_SOLID;
  interior.TintAndShade = 0;
}

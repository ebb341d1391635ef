/** Numbers as reports write them: 49, 12.35, １２ (full-width), 1,256, and small Chinese numerals (两件, 十二次). */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SCALES: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 十二 → 12, 两 → 2, 一百零五 → 105, 三万 → 30000; null when it is not a well-formed numeral. */
export function chineseNumeral(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null && DIGITS[ch] !== 0) return null;
      digit = DIGITS[ch];
    } else if (ch in SCALES) {
      const scale = SCALES[ch];
      if (scale === 10000) {
        total += (section + (digit ?? 0)) * scale;
        section = 0;
      } else {
        section += (digit ?? 1) * scale;
      }
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Full-width digits and punctuation of numbers to ASCII, keeping every character's position. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９．％]/g, (ch) => (ch === '．' ? '.' : ch === '％' ? '%' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** "1,256" → 1256; "12.35" → 12.35. */
export function arabicNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** Decimal places written, for comparing at the text's precision: "46.0" → 1. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Text clean-up for what a PDF's fonts map to: a PDF printed by a browser or WPS often maps "一" to the
 * Kangxi radical "⼀" (U+2F00) and some characters to CJK compatibility ideographs, which look the same
 * and compare different; figures may be full-width. Each of these is mapped back by NFKC one character
 * at a time, and only these: NFKC on the whole text would also turn the full-width brackets and colons
 * the labels are written with into ASCII ones.
 */

/** Kangxi radicals, the CJK radicals supplement, compatibility ideographs (both planes), full-width digits. */
const COMPATIBLE = /[\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF\uFF10-\uFF19]|\uD87E[\uDC00-\uDE1F]/g;

/**
 * Radicals of the CJK radicals supplement that stand for a whole character and have no NFKC mapping
 * ("⺠" in 人民): the character each is the radical form of.
 */
const RADICAL_CHARACTERS: Record<string, string> = Object.fromEntries(
  [...'⺁厂⺊卜⺌小⺒巳⺓幺⺜日⺝月⺠民⺩王⺪疋⺬示⺮竹⺯糸⺶羊⺻聿⺼月⺽臼⻁虎⻄西⻅见⻆角⻉贝⻊足⻋车⻑長⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙'].flatMap((ch, i, all) =>
    i % 2 === 0 ? [[ch, all[i + 1]]] : [],
  ),
);

export function cleanPdfText(text: string): string {
  return text.replace(COMPATIBLE, (ch) => RADICAL_CHARACTERS[ch] ?? ch.normalize('NFKC'));
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;
const LATIN_LETTER = /[A-Za-z]/;

/**
 * Joins the lines of one paragraph: CJK has no spaces between words, and a figure broken at a line end
 * is one figure; only two Latin words get a space between them.
 */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const last = out.slice(-1);
    const space = out !== '' && LATIN_LETTER.test(last) && LATIN_LETTER.test(line[0]) && !CJK.test(last);
    out += (space ? ' ' : '') + line;
  }
  return out;
}

/** A figure a PDF spaced into thousands ("3 119", "12 345 678") is one figure. */
export function joinThousands(text: string): string {
  return /^-?\d{1,3}( \d{3})+(\.\d+)?$/.test(text) ? text.replace(/ /g, '') : text;
}

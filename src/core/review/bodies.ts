/**
 * A body's name as the office compares it: a roster, last year's reports and this year's name the same
 * body in slightly different ways (spaces, 人民政府 or 政府, a bracketed other name, full-width letters).
 */

const BRACKETED = /[（(【[〔][^）)】\]〕]*[）)】\]〕]/g;

/**
 * The name reduced to what identifies the body: 某县 人民政府（县长办公室） → 某县. A place's government is
 * named by the place alone as often as in full (孝感市, 孝感市人民政府, 孝感市政府): all three are 孝感市.
 */
export function normalizeBodyName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(BRACKETED, '')
    .replace(/[\s\u3000\u00a0"“”《》·.,，。、:：]/g, '')
    .replace(/人民政府/g, '政府')
    .replace(/([省市县区旗州盟镇乡])政府$/, '$1')
    .toLowerCase();
}

/** Words a file name adds around the body: the year, the report's own title, copies and versions. */
const FILE_NAME_NOISE = [
  /\.[^.]+$/,
  /(19|20)\d{2}\s*年度?(年报|报告|报)/g,
  /(19|20)\d{2}\s*年度?/g,
  /(19|20)\d{2}/g,
  /(关于)?(政府)?信息公开(工作)?(年度)?(报告|年报).*$/,
  /(统计表|年报|报告)$/,
];

/** What a file's name says of its body when the report names none: 2024年某镇人民政府政务公开年报.docx → 某镇人民政府. */
export function bodyFromFileName(fileName: string): string {
  let name = fileName.split(/[\\/]/).pop() ?? fileName;
  for (const noise of FILE_NAME_NOISE) name = name.replace(noise, '');
  return name.replace(/^[\s_\-－—.、]+|[\s_\-－—.、]+$/g, '') || fileName;
}

const PROVINCE = /^[^省市县区旗]{2,7}?(?:省|自治区)/;
const CITY = /^(?:[^县区旗]{1,8}?市|[^县区旗市]{1,8}?(?:自治州|地区|州|盟))/;
const COUNTY = /^[^市]{1,8}?(?:自治县|自治旗|县|区|旗)/;

/**
 * The region a body sits in, read from the place its name starts with: the county-level one
 * (福州市鼓楼区人民政府 → 鼓楼区, 勉县财政局 → 勉县), else the city (孝感市财政局 → 孝感市), else the province. None when the
 * name starts with no place (a 镇 named alone, 国家统计局). A guess from words, shown as one.
 */
export function regionFromName(name: string): string | undefined {
  const plain = name.normalize('NFKC').replace(BRACKETED, '').replace(/\s+/g, '').replace(/^中共/, '');
  const province = PROVINCE.exec(plain)?.[0];
  const rest = province ? plain.slice(province.length) : plain;
  const city = CITY.exec(rest)?.[0];
  const county = COUNTY.exec(city ? rest.slice(city.length) : rest)?.[0];
  return county ?? city ?? province;
}

/** The characters a place name ends with, so a name lacking its place still finds its body. */
const PLACE_END = /[省市县区旗州盟镇乡]$/;

/**
 * Finds names by body: the same normalized name, else the one name that equals it but for a place
 * before it (县财政局 and 勉县财政局). Two candidates are no match: a guess would pair the wrong bodies.
 */
export class BodyIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly entries: { key: string; value: T }[] = [];

  add(name: string, value: T): void {
    const key = normalizeBodyName(name);
    if (!key) return;
    this.exact.set(key, [...(this.exact.get(key) ?? []), value]);
    this.entries.push({ key, value });
  }

  /** Every value filed under the name (several files of one body), or none. */
  find(name: string): T[] {
    const key = normalizeBodyName(name);
    if (!key) return [];
    const same = this.exact.get(key);
    if (same) return same;
    const near = this.entries.filter((e) => placeOnlyDifference(e.key, key));
    const keys = new Set(near.map((e) => e.key));
    return keys.size === 1 ? near.map((e) => e.value) : [];
  }
}

function placeOnlyDifference(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < 3 || short === long || !long.endsWith(short)) return false;
  return PLACE_END.test(long.slice(0, long.length - short.length));
}

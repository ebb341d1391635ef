/** The workbook's styles (styles.xml): fills and cell formats added for the annotated copy's colours. */
import { appendInside, applySplices, child, children, innerOf, parseXml, prefixOf, rootOf, setAttr, startTag, XmlSyntaxError, type Splice, type XmlElement } from '../xml';

/** Appends one solid fill per colour and one cell format per (original format, colour), returning the new format's index. */
export class StyleSheet {
  private fills: string[] = [];
  private xfs: string[] = [];
  private fillIds = new Map<string, number>();
  private xfIds = new Map<string, number>();
  private readonly p: string;
  private readonly fillsEl: XmlElement;
  private readonly cellXfsEl: XmlElement;
  private readonly baseFills: number;
  private readonly baseXfs: { tag: string; inner: string | null }[];

  constructor(private readonly xml: string) {
    const root = rootOf(parseXml(xml));
    const fills = child(root, 'fills');
    const cellXfs = child(root, 'cellXfs');
    if (!fills || !cellXfs) throw new XmlSyntaxError('styles.xml without fills or cellXfs');
    this.p = prefixOf(cellXfs);
    this.fillsEl = fills;
    this.cellXfsEl = cellXfs;
    this.baseFills = children(fills, 'fill').length;
    this.baseXfs = children(cellXfs, 'xf').map((x) => ({ tag: startTag(xml, x), inner: x.selfClosing ? null : innerOf(xml, x) }));
  }

  xfWithFill(style: string | undefined, argb: string): string {
    const s = Number(style ?? 0);
    const key = `${s}|${argb}`;
    let id = this.xfIds.get(key);
    if (id === undefined) {
      const fillId = this.fillId(argb);
      const base = this.baseXfs[s] ?? this.baseXfs[0];
      const tag = setAttr(setAttr(base ? base.tag : `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`, 'fillId', String(fillId)), 'applyFill', '1');
      id = this.baseXfs.length + this.xfs.length;
      this.xfs.push(base && base.inner !== null ? `${tag}${base.inner}</${this.p}xf>` : tag);
      this.xfIds.set(key, id);
    }
    return String(id);
  }

  private fillId(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      id = this.baseFills + this.fills.length;
      const p = this.p;
      this.fills.push(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
      this.fillIds.set(argb, id);
    }
    return id;
  }

  toXml(): string {
    const splices: Splice[] = [];
    for (const [el, added, base] of [
      [this.fillsEl, this.fills, this.baseFills],
      [this.cellXfsEl, this.xfs, this.baseXfs.length],
    ] as const) {
      if (!added.length) continue;
      splices.push(...appendInside(this.xml, el, added.join(''), setAttr(startTag(this.xml, el), 'count', String(base + added.length))));
    }
    return applySplices(this.xml, splices);
  }
}

/**
 * XML read through a real tokenizer (saxes), keeping where each element lies in the text, so that a part
 * can be edited by splicing its text: comments, CDATA sections and processing instructions are never
 * taken for elements, and every character outside an edit stays as it was.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface XmlElement {
  /** The qualified name as written, prefix included ("x:row"). */
  name: string;
  /** Attribute values, entities decoded. */
  attrs: Record<string, string>;
  /** Offset of the start tag's "<". */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  /** Offset of the end tag's "<"; openEnd for a self-closing element. */
  closeStart: number;
  /** Offset just after the element's last ">". */
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
  /** The element's own character data (text and CDATA, not its children's), entities decoded. */
  text: string;
}

export class XmlSyntaxError extends Error {}

/** Parses a whole part; the result is a document node whose children are the root element. */
export function parseXml(xml: string): XmlElement {
  const document: XmlElement = { name: '#document', attrs: {}, start: 0, openEnd: 0, closeStart: xml.length, end: xml.length, selfClosing: false, children: [], text: '' };
  const open: XmlElement[] = [document];
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  parser.on('error', (err) => {
    throw new XmlSyntaxError(err.message);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const openEnd = parser.position;
    // A start tag holds no "<" (attribute values cannot), so the last one before its ">" is its own.
    const start = xml.lastIndexOf('<', openEnd - 1);
    const el: XmlElement = { name: tag.name, attrs: tag.attributes, start, openEnd, closeStart: openEnd, end: openEnd, selfClosing: tag.isSelfClosing, children: [], text: '' };
    open[open.length - 1].children.push(el);
    open.push(el);
  });
  parser.on('closetag', (tag) => {
    const el = open.pop()!;
    if (!tag.isSelfClosing) {
      el.end = parser.position;
      el.closeStart = xml.lastIndexOf('<', el.end - 1);
    }
  });
  const addText = (text: string) => {
    if (open.length > 1) open[open.length - 1].text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml).close();
  return document;
}

/** The part after the prefix: "x:row" → "row". */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** "x:" for "x:row", "" for "row". */
export function prefixOf(el: XmlElement): string {
  const colon = el.name.indexOf(':');
  return colon < 0 ? '' : el.name.slice(0, colon + 1);
}

/** The document's root element. */
export function rootOf(document: XmlElement): XmlElement {
  const root = document.children[0];
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

/** Direct children with the given local name (any prefix). */
export function children(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => localName(c.name) === local);
}

export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => localName(c.name) === local);
}

/** Every element with the given local name below el, outermost only (not searched inside a match). */
export function descendants(el: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = [...el.children].reverse();
  while (stack.length) {
    const e = stack.pop()!;
    if (localName(e.name) === local) found.push(e);
    else for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
  return found;
}

/** The text of every descendant with this local name, joined (a comment's runs, say). */
export function textOf(el: XmlElement, local: string): string {
  return descendants(el, local)
    .map((e) => e.text)
    .join('');
}

export function startTag(xml: string, el: XmlElement): string {
  return xml.slice(el.start, el.openEnd);
}

export function innerOf(xml: string, el: XmlElement): string {
  return xml.slice(el.openEnd, el.closeStart);
}

export function encodeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Where each attribute lies inside a start tag that the tokenizer accepted. */
function attributeSpans(tag: string): { name: string; start: number; end: number }[] {
  const spans: { name: string; start: number; end: number }[] = [];
  const re = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/y;
  re.lastIndex = /^<[^\s/>]+/.exec(tag)![0].length;
  for (let m = re.exec(tag); m; m = re.exec(tag)) spans.push({ name: m[1], start: m.index, end: re.lastIndex });
  return spans;
}

/** The start tag with the attribute set (replaced in place, or added at the end). */
export function setAttr(tag: string, name: string, value: string): string {
  const span = attributeSpans(tag).find((a) => a.name === name);
  const attr = ` ${name}="${encodeXml(value)}"`;
  if (span) return `${tag.slice(0, span.start)}${attr}${tag.slice(span.end)}`;
  return tag.replace(/\s*(\/?)>$/, `${attr}$1>`);
}

export function removeAttr(tag: string, name: string): string {
  const span = attributeSpans(tag).find((a) => a.name === name);
  return span ? `${tag.slice(0, span.start)}${tag.slice(span.end)}` : tag;
}

/** A start tag as an open one: "<a x="1"/>" → "<a x="1">". */
export function asOpenTag(tag: string): string {
  return tag.endsWith('/>') ? tag.replace(/\s*\/>$/, '>') : tag;
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies edits made against the same original text; they must not overlap. */
export function applySplices(xml: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) throw new Error('overlapping XML edits');
    out.push(xml.slice(pos, s.start), s.text);
    pos = s.end;
  }
  out.push(xml.slice(pos));
  return out.join('');
}

/** Adds text at the end of an element's content, opening it when it is self-closing; startTagText replaces its start tag. */
export function appendInside(xml: string, el: XmlElement, text: string, startTagText = startTag(xml, el)): Splice[] {
  if (el.selfClosing) return [{ start: el.start, end: el.end, text: `${asOpenTag(startTagText)}${text}</${el.name}>` }];
  const edits: Splice[] = [{ start: el.closeStart, end: el.closeStart, text }];
  if (startTagText !== startTag(xml, el)) edits.push({ start: el.start, end: el.openEnd, text: startTagText });
  return edits;
}

/** Adds a child before the first of the later siblings it must precede (the schema's order), or at the parent's end. */
export function insertBefore(xml: string, parent: XmlElement, text: string, laterSiblings: string[]): Splice[] {
  const later = parent.children.find((c) => laterSiblings.includes(localName(c.name)));
  return later ? [{ start: later.start, end: later.start, text }] : appendInside(xml, parent, text);
}

/** Where each outermost element with this local name lies, without building a tree (large parts). */
export function elementSpans(xml: string, local: string): Splice[] {
  const spans: Splice[] = [];
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let depth = 0;
  let start = -1;
  parser.on('error', (err) => {
    throw new XmlSyntaxError(err.message);
  });
  parser.on('opentag', (tag) => {
    if (depth > 0) {
      if (!tag.isSelfClosing) depth++;
      return;
    }
    if (localName(tag.name) !== local) return;
    start = xml.lastIndexOf('<', parser.position - 1);
    if (tag.isSelfClosing) spans.push({ start, end: parser.position, text: '' });
    else depth = 1;
  });
  parser.on('closetag', (tag) => {
    if (depth === 0 || tag.isSelfClosing) return;
    if (--depth === 0) spans.push({ start, end: parser.position, text: '' });
  });
  parser.write(xml).close();
  return spans;
}

import { SaxesParser, type SaxesTagNS } from 'saxes';

/** An element as written: names, attributes and where it starts (1-based line and column). */
export interface XmlElement {
  kind: 'element';
  /** Local name. */
  name: string;
  /** Namespace URI ('' for none). */
  ns: string;
  /** Attributes by qualified name as written (`ref`, `xml:id`). */
  attrs: Map<string, string>;
  line: number;
  column: number;
  /** Offsets of the start tag's '<' and just past the end tag's '>', in the source text. */
  start: number;
  end: number;
  children: XmlNode[];
  parent: XmlElement | undefined;
}

export interface XmlText {
  kind: 'text';
  text: string;
  /** Offset of the text's first character in the source, and its position. */
  offset: number;
  line: number;
  column: number;
  parent: XmlElement;
}

export type XmlNode = XmlElement | XmlText;

export interface TreeError {
  reason: string;
  ruleId: 'not-well-formed' | 'too-deep';
  line: number;
  column?: number;
}

/** Elements nested deeper than this are refused, as libxml2 refuses them by default. */
export const MAX_DEPTH = 256;

/**
 * A copy of a string cut from a document (a name, an attribute's value) that does not keep the
 * document's whole text alive, as V8's slices of it do: for what outlives the tree.
 */
export const detached = (value: string): string => ` ${value}`.slice(1);

/** Converts offsets to 1-based lines and columns. */
export class Positions {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/**
 * Builds the element tree of a document with the position of every element and text, which
 * the edition rules report. Entities other than XML's five are never expanded.
 */
export function buildTree(text: string): { root: XmlElement } | { error: TreeError } {
  const positions = new Positions(text);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: TreeError | undefined;
  let tokenEnd = 0;
  const fail = (e: TreeError): void => {
    error ??= e;
  };
  parser.on('error', (e) => {
    const located = /^(\d+):(\d+): (.*)$/s.exec(e.message);
    fail({
      ruleId: 'not-well-formed',
      reason: `not well-formed XML: ${located ? located[3] : e.message}`,
      line: located ? Number(located[1]) : parser.line,
      ...(located ? { column: Number(located[2]) } : {}),
    });
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const start = Math.max(0, text.lastIndexOf('<', parser.position - 1));
    const at = positions.at(start);
    const attrs = new Map<string, string>();
    for (const [name, attr] of Object.entries(tag.attributes)) attrs.set(name, attr.value);
    const element: XmlElement = {
      kind: 'element',
      name: tag.local,
      ns: tag.uri,
      attrs,
      ...at,
      start,
      end: parser.position,
      children: [],
      parent: stack.at(-1),
    };
    if (element.parent) element.parent.children.push(element);
    else root ??= element;
    stack.push(element);
    if (stack.length > MAX_DEPTH) {
      fail({ ruleId: 'too-deep', reason: `elements are nested more than ${MAX_DEPTH} deep; no TEI document needs that, and XML tools refuse it`, ...at });
    }
    tokenEnd = parser.position;
  });
  // saxes reports a closetag for self-closing elements too.
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element) element.end = parser.position;
    tokenEnd = parser.position;
  });
  // Text and CDATA sections side by side are one text, as XPath reads them.
  let lastText: XmlText | undefined;
  const addText = (value: string): void => {
    const parent = stack.at(-1);
    if (!parent) return;
    if (lastText?.parent === parent && parent.children.at(-1) === lastText) lastText.text += value;
    else parent.children.push((lastText = { kind: 'text', text: value, offset: tokenEnd, ...positions.at(tokenEnd), parent }));
  };
  parser.on('text', addText);
  parser.on('cdata', (value) => {
    addText(value);
    tokenEnd = parser.position;
  });
  for (const event of ['comment', 'processinginstruction', 'doctype', 'xmldecl'] as const) {
    parser.on(event, () => {
      lastText = undefined;
      tokenEnd = parser.position;
    });
  }
  // Fed in slices so that parsing stops at the first fault: saxes slows down quadratically
  // on pathological nesting, and nothing past a fault is needed.
  const SLICE = 64 * 1024;
  try {
    for (let i = 0; i < text.length && !error; i += SLICE) parser.write(text.slice(i, i + SLICE));
    if (!error) parser.close();
  } catch {
    // saxes reports through the error handler; a throw after it adds nothing.
  }
  if (error) return { error };
  if (!root) return { error: { ruleId: 'not-well-formed', reason: 'not well-formed XML: the document has no root element', line: 1 } };
  return { root };
}

/** The elements below (and including) `element`, in document order. (Walked with a stack: nested generators cost a step per level for every element.) */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  const stack: XmlElement[] = [element];
  while (stack.length > 0) {
    const next = stack.pop()!;
    yield next;
    for (let i = next.children.length - 1; i >= 0; i--) {
      const child = next.children[i]!;
      if (child.kind === 'element') stack.push(child);
    }
  }
}

/** The text nodes below `element`, skipping the subtrees `skip` says no to. */
export function* texts(element: XmlElement, skip: (e: XmlElement) => boolean = () => false): Generator<XmlText> {
  if (skip(element)) return;
  for (const child of element.children) {
    if (child.kind === 'text') yield child;
    else yield* texts(child, skip);
  }
}

/** An element's text, whitespace collapsed: what a name or heading says. */
export function textContent(element: XmlElement): string {
  const collect = (e: XmlElement): string => e.children.map((c) => (c.kind === 'text' ? c.text : collect(c))).join('');
  return collect(element).replace(/\s+/g, ' ').trim();
}

/** Offset just past the `>` of an element's start tag (a '>' inside an attribute's quotes does not end it). */
export function startTagEnd(text: string, element: Pick<XmlElement, 'start'>): number {
  let quote = '';
  for (let i = element.start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

export function ancestors(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let e = element.parent; e; e = e.parent) out.push(e);
  return out;
}

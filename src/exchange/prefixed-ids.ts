/**
 * Many TEI documents in one XML file (corpus.xml, a page of OAI-PMH records) must not give an
 * xml:id twice, though each letter may name its own records as another does (`pmb2121` in every
 * letter of a correspondence). Each document's ids are prefixed with its name, and every pointer
 * to them rewritten to match: a `#id` the document gives, and, in the corpus, a pointer into
 * another member (`authorities.xml#kim`), which now lies in the same file.
 */
import { buildTree, startTagEnd, type XmlElement } from '../parse/tree.js';

/** The prefix of a document's ids, from its name: an NCName, with a dot before the id ("L01000.pmb2121"). */
export function idPrefix(name: string): string {
  const safe = name.replace(/\.xml$/i, '').replace(/[^\p{L}\p{N}._-]/gu, '_');
  return `${/^[\p{L}_]/u.test(safe) ? safe : `_${safe}`}.`;
}

function* elementsOf(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) if (child.kind === 'element') yield* elementsOf(child);
}

const ATTRIBUTE = /(\s)([^\s=/>]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)')/g;

/**
 * The document's root element as written, its ids prefixed and its pointers to them rewritten.
 * `elsewhere` rewrites a pointer into another file ("authorities.xml#kim") that stands in the same
 * output, or leaves it (undefined). A document that cannot be read as a tree is given as written.
 */
export function withPrefixedIds(text: string, prefix: string, elsewhere: (pointer: string) => string | undefined = () => undefined): string {
  const built = buildTree(text);
  if ('error' in built) return text.replace(/^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/, '').trimEnd();
  const { root } = built;
  const elements = [...elementsOf(root)];
  const ids = new Set(elements.flatMap((e) => e.attrs.get('xml:id') ?? []));
  const pointer = (token: string): string => {
    if (token.startsWith('#')) return ids.has(token.slice(1)) ? `#${prefix}${token.slice(1)}` : token;
    return token.includes('#') ? (elsewhere(token) ?? token) : token;
  };
  let out = '';
  let at = root.start;
  for (const element of elements) {
    const end = startTagEnd(text, element);
    const tag = text.slice(element.start, end).replace(ATTRIBUTE, (whole, space: string, name: string, equals: string, double?: string, single?: string) => {
      const value = double ?? single ?? '';
      const quote = double === undefined ? "'" : '"';
      if (name === 'xml:id') return `${space}${name}${equals}${quote}${prefix}${value.trim()}${quote}`;
      return value.includes('#') ? `${space}${name}${equals}${quote}${value.replace(/\S+/g, pointer)}${quote}` : whole;
    });
    out += text.slice(at, element.start) + tag;
    at = end;
  }
  return out + text.slice(at, root.end);
}

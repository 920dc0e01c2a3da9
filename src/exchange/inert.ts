/**
 * A document as editio publishes it when it holds active content (src/validate/rules/active.ts): the
 * same text with every active element and attribute taken out, so that the TEI in tei/,
 * corpus.xml, the zip and the DTS answers runs nothing in a browser. Any other document is
 * published byte for byte.
 */
import { knownOf } from '../load/load.js';
import type { ReadDoc } from '../parse/parse.js';
import { findActiveContent } from '../validate/rules/active.js';
import { buildTree, startTagEnd, type XmlElement } from '../parse/tree.js';
import { escapeRegExp } from '../infra/escape.js';

/** Where an attribute stands in its start tag, with the space before it. */
function attributeSpan(text: string, element: XmlElement, name: string): [number, number] | undefined {
  const tag = text.slice(element.start, startTagEnd(text, element));
  const found = new RegExp(`\\s+${escapeRegExp(name)}\\s*=\\s*(?:"[^"]*"|'[^']*')`).exec(tag);
  return found ? [element.start + found.index, element.start + found.index + found[0].length] : undefined;
}

/** The text without its active content, declared as UTF-8 (the encoding it is written in). */
export function inertText(text: string): string {
  const built = buildTree(text);
  if ('error' in built) return text;
  const cuts: [number, number][] = [];
  for (const { element, attribute } of findActiveContent(built.root)) {
    const span = attribute === undefined ? ([element.start, element.end] as [number, number]) : attributeSpan(text, element, attribute);
    if (span) cuts.push(span);
  }
  let inert = text;
  for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) inert = inert.slice(0, from) + inert.slice(to);
  return inert.replace(/^(<\?xml\b[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

/** The document as published: its text and bytes without active content, made when first asked for. */
export function inertDoc(doc: ReadDoc): ReadDoc {
  let text: string | undefined;
  const inert = (): string => (text ??= inertText(doc.text));
  const { path, name, role } = doc.source;
  return {
    source: {
      path,
      name,
      role,
      known: knownOf(doc.source),
      get bytes() {
        return Buffer.from(inert(), 'utf8');
      },
    },
    get text() {
      return inert();
    },
    get schemaRefs() {
      return doc.schemaRefs;
    },
  };
}

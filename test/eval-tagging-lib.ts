/** The tagging evaluation's parts: what counts as a tag, and a document with its tags taken out. */
import path from 'node:path';
import { parse, type ParsedDoc } from '../src/parse/parse.js';
import { LEAVE } from '../src/tagging/tag.js';
import type { XmlElement } from '../src/parse/tree.js';

export const CLASS: Record<string, string> = { persName: 'persons', placeName: 'places', orgName: 'organisations', objectName: 'objects', eventName: 'events', date: 'dates' };
const STRIPPED = new Set([...Object.keys(CLASS), 'roleName']);

export const parsed = (file: string, text: string): ParsedDoc => {
  const result = parse({ path: file, name: path.basename(file), bytes: Buffer.from(text), role: 'document' });
  if (!result.doc) throw new Error(`${file}: ${result.messages[0]?.reason}`);
  return result.doc;
};

const textOf = (e: XmlElement): string => e.children.map((c) => (c.kind === 'text' ? c.text : textOf(c))).join('').replace(/\s+/g, ' ').trim();

/** The tagged elements in the tagger's reach: inside nothing it leaves alone but other tags. */
function inScope(e: XmlElement): boolean {
  for (let a = e.parent; a; a = a.parent) if (LEAVE.has(a.name) && !(a.name in CLASS)) return false;
  return true;
}

function* all(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const c of e.children) if (c.kind === 'element') yield* all(c);
}

export function items(doc: ParsedDoc): string[] {
  return [...all(doc.tree)]
    .filter((e) => e.name in CLASS && inScope(e))
    .map((e) => {
      const key = e.name === 'date' ? ['when', 'notBefore', 'notAfter', 'from', 'to'].map((a) => e.attrs.get(a) ?? '').join('/') : e.attrs.get('ref') ?? '';
      return `${CLASS[e.name]}\t${textOf(e)}\t${key}`;
    });
}

/** The document with every tag the tagger could have made taken out (text unchanged). */
export function strip(doc: ParsedDoc): string {
  const cuts: [number, number][] = [];
  for (const e of all(doc.tree)) {
    if (!STRIPPED.has(e.name) || !inScope(e)) continue;
    const openEnd = doc.text.indexOf('>', e.start) + 1;
    cuts.push([e.start, openEnd]);
    if (doc.text[openEnd - 2] !== '/') cuts.push([e.end - `</${e.name}>`.length, e.end]);
  }
  let text = doc.text;
  for (const [a, b] of cuts.sort((x, y) => y[0] - x[0])) text = text.slice(0, a) + text.slice(b);
  return text;
}

export function count(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}


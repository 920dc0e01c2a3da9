/** The tagging evaluation's parts: what counts as a tag, and a document with its tags taken out. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Authorities } from '../src/model/authorities.js';
import { parse, type ParsedDoc } from '../src/parse/parse.js';
import { LEAVE, tagDocument } from '../src/tagging/tag.js';
import type { XmlElement } from '../src/parse/tree.js';

export const CLASSES = ['persons', 'places', 'organisations', 'dates', 'objects', 'events'];
export const CLASS: Record<string, string> = {
  persName: 'persons',
  placeName: 'places',
  orgName: 'organisations',
  objectName: 'objects',
  eventName: 'events',
  date: 'dates',
};
const STRIPPED = new Set([...Object.keys(CLASS), 'roleName']);

export const parsed = (file: string, text: string): ParsedDoc => {
  const result = parse({ path: file, name: path.basename(file), bytes: Buffer.from(text), role: 'document' });
  if (!result.doc) throw new Error(`${file}: ${result.messages[0]?.reason}`);
  return result.doc;
};

const textOf = (e: XmlElement): string =>
  e.children
    .map((c) => (c.kind === 'text' ? c.text : textOf(c)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

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
      // An entry by its id: where its list lies (the @ref's path) is no part of being right.
      const key =
        e.name === 'date'
          ? ['when', 'notBefore', 'notAfter', 'from', 'to'].map((a) => e.attrs.get(a) ?? '').join('/')
          : (e.attrs.get('ref') ?? '').replace(/^[^#]*#/, '#');
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

/** The XML files of a folder but one, in order. */
export const xmlIn = (dir: string, except: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xml') && f !== except)
    .sort()
    .map((f) => path.join(dir, f));

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The tagger's scores per class on documents (each stripped of its tags and tagged again) against their hand encoding, with the entries of `lists`. */
export function scores(files: readonly string[], lists: readonly string[]): { stats: Map<string, Score>; misses: string[] } {
  const listed = lists.map((file) => parsed(file, readFileSync(file, 'utf8')));
  const entries = [...new Authorities(listed.map((doc, i) => ({ ...doc, source: { ...doc.source, path: lists[i]! } }))).entries.values()];
  const counts = new Map(CLASSES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const misses: string[] = [];
  for (const full of files) {
    const gold = parsed(full, readFileSync(full, 'utf8'));
    const tagged = parsed(full, tagDocument(parsed(full, strip(gold)), entries).text);
    const expected = count(items(gold));
    const got = count(items(tagged));
    for (const key of new Set([...expected.keys(), ...got.keys()])) {
      const s = counts.get(key.split('\t')[0]!)!;
      const e = expected.get(key) ?? 0;
      const g = got.get(key) ?? 0;
      s.tp += Math.min(e, g);
      s.fp += Math.max(0, g - e);
      s.fn += Math.max(0, e - g);
      if (e !== g)
        misses.push(`${path.basename(full)}: ${e > g ? 'missed' : 'extra '} ${key.replace(/\t/g, ' | ')}${Math.abs(e - g) > 1 ? ` ×${Math.abs(e - g)}` : ''}`);
    }
  }
  const stats = new Map<string, Score>();
  for (const [cls, { tp, fp, fn }] of counts) {
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    stats.set(cls, { tp, fp, fn, precision, recall, f1: (2 * precision * recall) / (precision + recall) });
  }
  return { stats, misses };
}

import path from 'node:path';
import { message, type Message } from '../infra/messages.js';
import type { ParsedDoc } from '../parse/parse.js';
import { Positions, texts, type XmlElement } from '../parse/tree.js';
import { findDates } from './dates.js';
import { bcp47 } from '../i18n/language.js';
import { documentDate } from '../model/header.js';
import type { AuthorityEntry } from '../model/authorities.js';
import { NameFinder, suggestions, type NameMatch } from './names.js';
import { escapeAttribute } from '../infra/escape.js';

/** What the tagger adds: one element around some words of the text. */
export interface Insertion {
  /** Offsets of the tagged words in the document's text. */
  start: number;
  end: number;
  line: number;
  column: number;
  element: string;
  attributes: Record<string, string>;
  words: string;
  /** Start tag and end tag, as written. */
  open: string;
  close: string;
  /** Why the tagger proposes it, and the words around it, for the editor who reviews it. */
  why: string;
  context: string;
}

/** Words that may be a mention but were not tagged: for the editor to decide. */
export interface Candidate {
  line: number;
  column: number;
  words: string;
  /** The entries they may name. */
  ids: string[];
  why: string;
  context: string;
}

export interface TagResult {
  /** The document with the tags added (the text unchanged). */
  text: string;
  insertions: Insertion[];
  candidates: Candidate[];
  messages: Message[];
}

/** Some words with a little of the text on either side, on one line. */
function contextOf(text: string, start: number, end: number): string {
  const flat = (s: string): string => s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
  const before = flat(text.slice(Math.max(0, start - 120), start))
    .slice(-40)
    .replace(/^\S*\s/, '…');
  const after = flat(text.slice(end, end + 120))
    .slice(0, 40)
    .replace(/\s\S*$/, '…');
  return `${before}[${flat(text.slice(start, end))}]${after}`;
}

/** Parts of a document that are metadata, or already tagged: the tagger leaves them alone. */
export const LEAVE = new Set([
  'persName',
  'placeName',
  'orgName',
  'objectName',
  'eventName',
  'rs',
  'name',
  'date',
  'time',
  'num',
  'measure',
  'idno',
  'ref',
  'ptr',
  'gi',
  'att',
  'code',
  'titleStmt',
  'publicationStmt',
  'editionStmt',
  'encodingDesc',
  'revisionDesc',
  'creation',
  'langUsage',
  'textClass',
  'standOff',
  'listPerson',
  'listPlace',
  'listOrg',
  'listObject',
  'listEvent',
]);

/** Where a paragraph of the text begins and ends, for the year a day written without one takes. */
const BLOCKS = new Set(['p', 'ab', 'dateline', 'opener', 'closer', 'head', 'item', 'note', 'l', 'sp', 'postscript', 'cell']);
const blockOf = (e: XmlElement | undefined): XmlElement | undefined => (e === undefined || BLOCKS.has(e.name) ? e : blockOf(e.parent));

const attrs = (a: Record<string, string>): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');

function pointer(entry: AuthorityEntry, from: ParsedDoc): string {
  return `${path.relative(path.dirname(from.source.path), entry.path).split(path.sep).join('/')}#${entry.id}`;
}

/**
 * Tags dates and the authority lists' names in the running text of a document (its text, and
 * the summary and source in its header), without touching existing markup or changing a
 * character of the text. Ambiguous names are reported, not tagged; capitalised names that are
 * no entry are reported as suggestions. Running it again adds nothing.
 */
export function tagDocument(doc: ParsedDoc, entries: readonly AuthorityEntry[], edition = 'en'): TagResult {
  // Dates as the document's language writes them (its xml:lang, its text's), else the edition's.
  const language =
    bcp47(doc.tree.attrs.get('xml:lang') ?? doc.tree.children.find((c): c is XmlElement => c.kind === 'element' && c.name === 'text')?.attrs.get('xml:lang')) ??
    (edition || 'en');
  const finder = new NameFinder(entries, language.split('-')[0] === 'de');
  const positions = new Positions(doc.text);
  const insertions: Insertion[] = [];
  const candidates: Candidate[] = [];
  const messages: Message[] = [];
  // The persons named in full so far, which settle whose a short form ("Kim") is. A day written
  // without its year takes it from the last date before it in its paragraph, else from the
  // document's own date (its header's or dateline's, else the first day it writes): a new
  // paragraph of a letter is written on the letter's day, whatever year the last one told of.
  const named = new Set<AuthorityEntry>();
  let own = documentDate(doc.tree)?.attrs.get('when');
  let reference = own;
  let paragraph: XmlElement | undefined;
  const at = (offset: number): { line: number; column: number } => positions.at(offset);
  const add = (start: number, end: number, element: string, attributes: Record<string, string>, why: string): void => {
    const words = doc.text.slice(start, end);
    insertions.push({
      start,
      end,
      ...at(start),
      element,
      attributes,
      words,
      open: `<${element}${attrs(attributes)}>`,
      close: `</${element}>`,
      why,
      context: contextOf(doc.text, start, end),
    });
  };
  const addName = (match: NameMatch, offset: number): void => {
    const element = match.entry.kind.mention;
    add(offset + match.start, offset + match.end, element, { ref: pointer(match.entry, doc) }, match.why);
    if (match.title > 0) add(offset + match.start, offset + match.start + match.title, 'roleName', {}, 'a title before the name');
    for (const nested of match.nested) addName(nested, offset);
  };
  for (const node of texts(doc.tree, (e: XmlElement) => LEAVE.has(e.name))) {
    // The raw text as written up to the next markup: where a tag can go.
    const end = doc.text.indexOf('<', node.offset);
    const raw = doc.text.slice(node.offset, end < 0 ? undefined : end);
    if (raw.trim() === '' || raw.includes('&')) continue;
    const { matches, ambiguous } = finder.find(raw, named);
    const names = matches.filter((m) => !matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
    for (const m of names) addName(m, node.offset);
    for (const a of ambiguous) {
      const where = { file: doc.source.name, ...at(node.offset + a.start) };
      candidates.push({
        ...at(node.offset + a.start),
        words: a.name,
        ids: a.ids,
        why: a.why,
        context: contextOf(doc.text, node.offset + a.start, node.offset + a.end),
      });
      messages.push(
        message('warning', 'tag', 'mention-ambiguous', `"${a.name}" may be ${a.ids.join(' or ')} (${a.why}): tag it by hand with the one meant`, where),
      );
    }
    const taken = (s: number, e: number): boolean => names.some((m) => s < m.end && e > m.start);
    const block = blockOf(node.parent);
    if (block !== paragraph) [paragraph, reference] = [block, own];
    for (const d of findDates(raw, reference, language)) {
      if (taken(d.start, d.end)) continue;
      add(node.offset + d.start, node.offset + d.end, 'date', d.attributes, d.why);
      const point = d.attributes.when ?? d.attributes.from ?? d.attributes.notBefore;
      // A bare year ("seit 1923") tells no day's year: only a date with its month does.
      if (point && point.length >= 7) {
        reference = point;
        own ??= point;
      }
    }
    for (const s of suggestions(raw, (a, b) => taken(a, b) || ambiguous.some((m) => a < m.end && b > m.start))) {
      messages.push(
        message('info', 'tag', 'name-suggestion', `"${s.name}" looks like a name that is in no authority list; add it to the lists if it is one`, {
          file: doc.source.name,
          ...at(node.offset + s.start),
        }),
      );
    }
  }
  return { text: apply(doc.text, insertions), insertions: insertions.sort((a, b) => a.start - b.start || b.end - a.end), candidates, messages };
}

/** Writes the tags into the text, outer before inner where they share a start. */
function apply(text: string, insertions: readonly Insertion[]): string {
  const opens = new Map<number, Insertion[]>();
  const closes = new Map<number, Insertion[]>();
  for (const i of insertions) {
    opens.set(i.start, [...(opens.get(i.start) ?? []), i]);
    closes.set(i.end, [...(closes.get(i.end) ?? []), i]);
  }
  const points = [...new Set([...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);
  let out = '';
  let last = 0;
  for (const p of points) {
    out += text.slice(last, p);
    // Close the inner (shorter) first, then open the outer (longer) first.
    for (const i of (closes.get(p) ?? []).sort((a, b) => b.start - a.start || a.end - b.end)) out += i.close;
    for (const i of (opens.get(p) ?? []).sort((a, b) => b.end - a.end)) out += i.open;
    last = p;
  }
  return out + text.slice(last);
}

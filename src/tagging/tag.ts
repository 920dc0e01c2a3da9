import path from 'node:path';
import { message, type Message } from '../messages.js';
import type { ParsedDoc } from '../parse/parse.js';
import { Positions, texts, type XmlElement } from '../parse/tree.js';
import { findDates } from './dates.js';
import type { AuthorityEntry } from '../authorities.js';
import { NameFinder, suggestions, type NameMatch } from './names.js';
import { escapeAttribute } from '../escape.js';

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
}

export interface TagResult {
  /** The document with the tags added (the text unchanged). */
  text: string;
  insertions: Insertion[];
  messages: Message[];
}

/** Parts of a document that are metadata, or already tagged: the tagger leaves them alone. */
export const LEAVE = new Set([
  'persName', 'placeName', 'orgName', 'objectName', 'eventName', 'rs', 'name', 'date', 'time', 'num', 'measure', 'idno',
  'ref', 'ptr', 'gi', 'att', 'code', 'titleStmt', 'publicationStmt', 'editionStmt', 'encodingDesc', 'revisionDesc',
  'creation', 'langUsage', 'textClass', 'standOff', 'listPerson', 'listPlace', 'listOrg', 'listObject', 'listEvent',
]);

const attrs = (a: Record<string, string>): string => Object.entries(a).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');

function pointer(entry: AuthorityEntry, from: ParsedDoc): string {
  return `${path.relative(path.dirname(from.source.path), entry.path).split(path.sep).join('/')}#${entry.id}`;
}

/**
 * Tags dates and the authority lists' names in the running text of a document (its text, and
 * the summary and source in its header), without touching existing markup or changing a
 * character of the text. Ambiguous names are reported, not tagged; capitalised names that are
 * no entry are reported as suggestions. Running it again adds nothing.
 */
export function tagDocument(doc: ParsedDoc, entries: readonly AuthorityEntry[]): TagResult {
  const finder = new NameFinder(entries);
  const positions = new Positions(doc.text);
  const insertions: Insertion[] = [];
  const messages: Message[] = [];
  const at = (offset: number): { line: number; column: number } => positions.at(offset);
  const add = (start: number, end: number, element: string, attributes: Record<string, string>): void => {
    const words = doc.text.slice(start, end);
    insertions.push({ start, end, ...at(start), element, attributes, words, open: `<${element}${attrs(attributes)}>`, close: `</${element}>` });
  };
  const addName = (match: NameMatch, offset: number): void => {
    const element = match.entry.kind.mention;
    add(offset + match.start, offset + match.end, element, { ref: pointer(match.entry, doc) });
    if (match.title > 0) add(offset + match.start, offset + match.start + match.title, 'roleName', {});
    for (const nested of match.nested) addName(nested, offset);
  };
  for (const node of texts(doc.tree, (e: XmlElement) => LEAVE.has(e.name))) {
    // The raw text as written up to the next markup: where a tag can go.
    const end = doc.text.indexOf('<', node.offset);
    const raw = doc.text.slice(node.offset, end < 0 ? undefined : end);
    if (raw.trim() === '' || raw.includes('&')) continue;
    const { matches, ambiguous } = finder.find(raw);
    const names = matches.filter((m) => !matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
    for (const m of names) addName(m, node.offset);
    for (const a of ambiguous) {
      messages.push(message('warning', 'tag', 'mention-ambiguous', `"${a.name}" is a name of ${a.ids.join(' and ')}: tag it by hand with the one meant`, { file: doc.source.name, ...at(node.offset + a.start) }));
    }
    const taken = (s: number, e: number): boolean => names.some((m) => s < m.end && e > m.start);
    for (const d of findDates(raw)) if (!taken(d.start, d.end)) add(node.offset + d.start, node.offset + d.end, 'date', d.attributes);
    for (const s of suggestions(raw, (a, b) => taken(a, b) || ambiguous.some((m) => a < m.end && b > m.start))) {
      messages.push(message('info', 'tag', 'name-suggestion', `"${s.name}" looks like a name that is in no authority list; add it to the lists if it is one`, { file: doc.source.name, ...at(node.offset + s.start) }));
    }
  }
  return { text: apply(doc.text, insertions), insertions: insertions.sort((a, b) => a.start - b.start || b.end - a.end), messages };
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
    for (const i of (closes.get(p) ?? []).sort((a, b) => (b.start - a.start) || (a.end - b.end))) out += i.close;
    for (const i of (opens.get(p) ?? []).sort((a, b) => b.end - a.end)) out += i.open;
    last = p;
  }
  return out + text.slice(last);
}

import type { DateSpan } from './header.js';
import { hashOf } from '../infra/hash.js';

/** What each page contributes to the edition-wide pages (src/transform/extract.ts). */
export interface InContext {
  before: string;
  text: string;
  after: string;
}

export interface DateRecord {
  anchor: string;
  label: string;
  sort: string;
  when: string;
  /** The date in EDTF (ISO 8601-2), its range and doubts included; '' if the TEI's values make none. */
  edtf: string;
}

/** A correspAction of a letter: its type (sent, received), who, where and when, each name with the entry it points to ('' for none). */
export interface CorrespAction {
  type: string;
  persons: { name: string; entry: string }[];
  orgs: { name: string; entry: string }[];
  places: { name: string; entry: string }[];
  /** Its date's dating attributes (when, from, to, notBefore, notAfter, cert), as written. */
  date: Record<string, string>;
}

/** A letter's pointer to the one before or after it (correspContext), within a scope (a correspondence, a collection). */
export interface CorrespondenceLink {
  rel: 'prev' | 'next';
  scope: string;
  target: string;
  label: string;
}

/**
 * A pointer of the text's ref or ptr that names no part of the document itself (`L00311`,
 * `L00311.xml#p3`, `#L00311`, `pmb:123`), with its @type (the edition it points into) and, when a
 * prefixDef or the configuration's prefixes turn it into one, its web address.
 */
export interface Reference {
  target: string;
  type: string;
  url: string;
}

export interface Extract {
  id: string;
  /** The document's own xml:id: what other documents' pointers name it by. */
  xmlId: string;
  /** The language its text is in (its xml:lang, or the one its header names), or ''. */
  lang: string;
  links: CorrespondenceLink[];
  references: Reference[];
  title: string;
  date: DateRecord | null;
  /** The days its date may fall on, and whether it is known to the day: what search filters by. */
  span: DateSpan | null;
  /** Its classification (textClass): '#' and a category's id, or a keyword. */
  classes: string[];
  /** The categories its header declares (classDecl), as [id, what it is called]. */
  categories: [string, string][];
  /** For a letter: the entries of those who sent it and of those it was sent to (correspDesc). */
  correspondents: { sent: string[]; received: string[] };
  /** For a letter: its correspActions, with the names as written (what CMIF exchanges). */
  corresp: CorrespAction[];
  /** The day of the latest change its header records (revisionDesc), or '': when a harvester last finds it changed. */
  changed: string;
  summary: string;
  summaryOnly: boolean;
  /** Where the document was written or sent from. */
  place: { text: string; entry: string } | null;
  mentions: ({ ref: string; entry: string; anchor: string } & InContext)[];
  dates: (DateRecord & InContext)[];
  /** The blocks of its text and its notes, each with the entries it mentions: what search finds. */
  passages: { anchor: string; text: string; note: boolean; entries: string[] }[];
  /** What its header says of its source (sourceDesc), as plain text: searched, with less weight than its text. */
  source: string;
  /**
   * Hashes of what the page shows on each entry's page (by entry id) and in each year of the
   * chronology (by year): an edition-wide page is made again only when one of these changes.
   */
  digests: { mentions: Record<string, string>; years: Record<string, string> };
}

/** Where a mention or date stands, as src/transform/extract.ts finds it: the words around it are cut here. */
export interface PlaceInBlock {
  /** Its block's index in the extract's `blocks`. */
  block: number;
  /** Where it starts and ends in the block's text, in characters (code points). */
  start: number;
  end: number;
  text: string;
}

/** A document's extract as read from its tree: places in blocks where an Extract has words in context. */
export interface RawExtract extends Omit<Extract, 'mentions' | 'dates' | 'digests'> {
  mentions: ({ ref: string; entry: string; anchor: string } & PlaceInBlock)[];
  dates: (DateRecord & PlaceInBlock)[];
  blocks: string[];
}

/** Characters of context shown around a mention (registers) and a date (chronology). */
const MENTION_CONTEXT = 60;
const DATE_CONTEXT = 80;

const squeeze = (s: string): string => s.replace(/[ \t\n\r]+/g, ' ');

/** A block's text as code points (what the offsets count): the string itself unless it has characters beyond the BMP. */
interface CodePoints {
  length: number;
  slice(start: number, end?: number): string;
}

function codePoints(text: string): CodePoints {
  if (!/[\uD800-\uDFFF]/.test(text)) return text;
  const chars = Array.from(text);
  return { length: chars.length, slice: (start, end) => chars.slice(start, end).join('') };
}

/** Where a cut falls inside a word, the word's cut part goes: a snippet shows whole words. */
const SPACE = ' ';

/*
 * Up to `width` characters of the block's text before and after a mention, whitespace squeezed,
 * cut between words ("… who would", not "…e, who would"), an ellipsis where it is cut.
 * A block with many mentions is not squeezed whole for each: a stretch of 4 × width is, and as
 * its squeezed form is a suffix (prefix) of the whole's, it gives the same cut once it is longer
 * than width + 1; only shorter ones are redone from the block's edge.
 */
function textBefore(chars: CodePoints, start: number, width: number): string {
  const cut = (from: number): string[] => {
    const squeezed = squeeze(chars.slice(from, start));
    return Array.from(from === 0 ? squeezed.replace(/^ /, '') : squeezed);
  };
  let words = cut(Math.max(0, start - 4 * width));
  if (words.length <= width + 1) words = cut(0);
  if (words.length <= width) return words.join('');
  let kept = words.slice(-width);
  if (words[words.length - width - 1] !== SPACE && kept[0] !== SPACE && kept.includes(SPACE)) kept = kept.slice(kept.indexOf(SPACE));
  return `… ${kept.join('').trimStart()}`;
}

function textAfter(chars: CodePoints, end: number, width: number): string {
  const cut = (to: number): string[] => {
    const squeezed = squeeze(chars.slice(end, to));
    return Array.from(to >= chars.length ? squeezed.replace(/ $/, '') : squeezed);
  };
  let words = cut(end + 4 * width);
  if (words.length <= width + 1) words = cut(chars.length);
  if (words.length <= width) return words.join('');
  let kept = words.slice(0, width);
  if (words[width] !== SPACE && kept.at(-1) !== SPACE && kept.includes(SPACE)) kept = kept.slice(0, kept.lastIndexOf(SPACE));
  return `${kept.join('').trimEnd()} …`;
}

/** Turns a document's extract as read into an Extract, as JSON. */
export function completeExtract({ blocks, mentions, dates, ...rest }: RawExtract): string {
  const charsOf = new Map<number, CodePoints>();
  const inContext = <T extends PlaceInBlock>({ block, start, end, ...item }: T, width: number): Omit<T, 'block' | 'start' | 'end'> & InContext => {
    let chars = charsOf.get(block);
    if (!chars) charsOf.set(block, (chars = codePoints(blocks[block] ?? '')));
    return { ...item, before: textBefore(chars, start, width), after: textAfter(chars, end, width) };
  };
  const extract: Omit<Extract, 'digests'> = {
    ...rest,
    mentions: mentions.map((m) => inContext(m, MENTION_CONTEXT)),
    dates: dates.map((d) => inContext(d, DATE_CONTEXT)),
  };
  // The page's address is left out: the build adds it to each digest.
  // 64 bits each: enough to tell an edit, and the state holds one per entry a document mentions.
  const digest = <T>(groups: Record<string, T[]>): Record<string, string> =>
    Object.fromEntries(Object.entries(groups).map(([key, items]) => [key, hashOf(JSON.stringify(items)).slice(0, 16)]));
  const years: Record<string, ChronologyItem[]> = {};
  for (const item of itemsOf('', extract)) (years[yearOf(item)] ??= []).push(item);
  return JSON.stringify({ ...extract, digests: { mentions: digest(linksOf('', extract)), years: digest(years) } });
}

/** An extract and the page it describes, relative to the edition's root. */
export interface Page {
  url: string;
  extract: Extract;
}

/** What a page of documents lists of each: an extract without its mentions, dates and passages. */
export type Listing = Omit<
  Extract,
  | 'mentions'
  | 'dates'
  | 'passages'
  | 'source'
  | 'digests'
  | 'xmlId'
  | 'links'
  | 'references'
  | 'lang'
  | 'span'
  | 'classes'
  | 'categories'
  | 'correspondents'
  | 'corresp'
  | 'changed'
>;

/**
 * What every build needs of every page, kept in the build state: small, where the extract is
 * large. The words in context are read from the extract only for the pages to be made again.
 */
export interface Summary
  extends Listing,
    Pick<Extract, 'xmlId' | 'lang' | 'links' | 'references' | 'span' | 'classes' | 'categories' | 'correspondents' | 'corresp' | 'changed'> {
  digests: Extract['digests'];
  /** The entries the page mentions, in the order of their first mention, with how often. */
  mentioned: [entry: string, count: number][];
  /** The years of the chronology the page has dates in: how many, and the first date's sort key. */
  years: [year: string, count: number, first: string][];
}

/** A summary and the page it describes. */
export interface PageSummary {
  url: string;
  summary: Summary;
}

export const listing = ({ id, title, date, summary, summaryOnly, place }: Listing): Listing => ({ id, title, date, summary, summaryOnly, place });

function sorted<T>(value: T): T;
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export function summaryOf(extract: Extract): Summary {
  const mentioned = new Map<string, number>();
  for (const m of extract.mentions) mentioned.set(m.entry, (mentioned.get(m.entry) ?? 0) + 1);
  const years = new Map<string, [string, number, string]>();
  for (const item of itemsOf('', extract)) {
    const year = years.get(yearOf(item));
    if (!year) years.set(yearOf(item), [yearOf(item), 1, item.sort]);
    else {
      year[1]++;
      if (item.sort < year[2]) year[2] = item.sort;
    }
  }
  // Keys in one order, whatever order the stylesheet wrote them in: a summary is compared as JSON.
  const { xmlId, lang, links, references, span, classes, categories, correspondents, corresp, changed } = extract;
  return sorted({
    ...listing(extract),
    xmlId,
    lang,
    links,
    references,
    span,
    classes,
    categories,
    correspondents,
    corresp,
    changed,
    digests: extract.digests,
    mentioned: [...mentioned],
    years: [...years.values()],
  });
}

export interface MentionLink extends InContext {
  url: string;
  anchor: string;
  title: string;
  date?: string;
}

function linkOf(url: string, extract: Omit<Extract, 'digests'>, m: Extract['mentions'][number]): MentionLink {
  const link: MentionLink = { url, anchor: m.anchor, title: extract.title, before: m.before, text: m.text, after: m.after };
  if (extract.date) link.date = extract.date.label;
  return link;
}

/** A page's mentions, by entry. */
export function linksOf(url: string, extract: Omit<Extract, 'digests'>): Record<string, MentionLink[]> {
  const byEntry: Record<string, MentionLink[]> = {};
  for (const m of extract.mentions) (byEntry[m.entry] ??= []).push(linkOf(url, extract, m));
  return byEntry;
}

/** Every mention of every authority entry, in the order of the pages. */
export function mentionsByEntry(pages: readonly Page[]): Record<string, MentionLink[]> {
  const byEntry: Record<string, MentionLink[]> = {};
  for (const { url, extract } of pages) {
    for (const [entry, links] of Object.entries(linksOf(url, extract))) (byEntry[entry] ??= []).push(...links);
  }
  return byEntry;
}

export interface ChronologyItem extends InContext {
  kind: 'document' | 'mention';
  sort: string;
  when: string;
  label: string;
  url: string;
  anchor: string;
  title: string;
}

/** A page's own date and the dates its text mentions. */
function itemsOf(url: string, extract: Omit<Extract, 'digests'>): ChronologyItem[] {
  const { date } = extract;
  return [
    ...(date ? [{ kind: 'document' as const, ...date, url, title: extract.title, before: '', text: '', after: '' }] : []),
    ...extract.dates.map((d) => ({ kind: 'mention' as const, ...d, url, title: extract.title })),
  ];
}

/** A page's own date and the dates its text mentions, in the order of the text. */
export const chronologyItems = ({ url, extract }: Page): ChronologyItem[] => itemsOf(url, extract);

/** The documents' own dates and the dates their texts mention, in order. */
export const chronology = (pages: readonly Page[]): ChronologyItem[] => inChronologicalOrder(pages.flatMap(chronologyItems));

/** Dates in the chronology's order: by date (those without a value last), a document's own before the mentions of it, then by page and place. */
export function inChronologicalOrder(items: readonly ChronologyItem[]): ChronologyItem[] {
  // Each item's key made once, not twice per comparison: a large edition has hundreds of thousands of dates.
  // Dates with no value to place them by ("Sommer 1889", "Dinstag") come after all the others, not before.
  const ranked = items.map((item) => ({
    item,
    rank: `${item.sort || '\uffff'}\u0000${item.kind === 'document' ? 0 : 1}\u0000${item.url}\u0000${item.anchor.padStart(8, '0')}`,
  }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked.map(({ item }) => item);
}

/** The chronology's year for dates with no year to place them by: its page chronology/undated.html, named in the edition's words (xslt/html/chronology.xsl, ed:year-label). */
export const UNDATED = 'undated';

export const yearOf = (item: ChronologyItem): string => /^-?\d{4,}/.exec(item.sort)?.[0] ?? UNDATED;

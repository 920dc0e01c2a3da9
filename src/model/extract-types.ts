/**
 * The shape of a document's extract (made by src/transform/extract.ts) and of what the build keeps
 * of it: the listing, the summary, a page.
 */
import type { DateSpan } from './header.js';

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

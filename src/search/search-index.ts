/**
 * The search index (its format: xslt/html/assets/search-format.js): a record of each page's
 * header and of each passage and note, and the passages' texts in parts by page
 * (search/texts-<s>.js), read for the results shown. The terms: ./search-terms.ts.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashOf } from '../infra/hash.js';
import { packageRoot } from '../infra/package.js';
import type { Extract, Page } from '../model/extract-types.js';

const ASSETS = path.join('xslt', 'html', 'assets');

/** How the index reads words, as the browser does (assets/search-options.js). */
export interface SearchOptions {
  processTerm: (term: string) => string;
  words: (text: string) => string[];
  /** Each word's terms: the word folded, then its parts if it is hyphenated. */
  termsOf: (text: string) => string[][];
}

/** The index's format, as the browser reads it (assets/search-format.js). */
export interface SearchFormat {
  FIELDS: readonly string[];
  PHRASE_FIELDS: readonly number[];
  DIGITS: string;
  weight: (field: number, count: number, length: number) => number;
  partOf: (term: string, count: number) => number;
  wholePartOf: (term: string, count: number) => number;
  pairOf: (first: string, second: string) => string;
  isPair: (term: string) => boolean;
  encode: (numbers: readonly number[]) => string;
  decode: (text: string) => Int32Array;
}

type Shared = { editioSearchOptionsFor: (lang: string) => SearchOptions; editioSearchFormat: SearchFormat };
async function shared(): Promise<Shared> {
  for (const file of ['search-options.js', 'search-format.js']) await import(pathToFileURL(path.join(packageRoot(), ASSETS, file)).href);
  return globalThis as unknown as Shared;
}

/** The options the browser uses too, for an edition in this language. */
export async function searchOptions(language: string): Promise<SearchOptions> {
  return (await shared()).editioSearchOptionsFor(language);
}

export async function searchFormat(): Promise<SearchFormat> {
  return (await shared()).editioSearchFormat;
}

/**
 * How many parts the passages' texts are in for this many pages: a power of two, so that the part
 * of most pages stays the same while an edition grows (it changes only when the count doubles).
 */
export function shardCount(pages: number, pagesPerShard: number): number {
  let count = 1;
  while (count * pagesPerShard < pages) count *= 2;
  return count;
}

/** The part (1-based) that holds a page's passages: by a hash of its URL, not its position, so that adding a page moves no other. */
export function shardOf(url: string, count: number): number {
  return (parseInt(hashOf(url).slice(0, 8), 16) % count) + 1;
}

export const textsFile = (shard: number): string => `search/texts-${shard}.js`;
export const SEARCH_MANIFEST = 'search/index.js';

/** A part of the index as a script (scripts load from file:// as well as from a server, under a CSP that allows only the edition's own). */
export const partScript = (name: string, json: string): string =>
  `(window.editioSearchParts = window.editioSearchParts || {})[${JSON.stringify(name)}] = ${json};\n`;

/**
 * A record of the index: a document's header (kind "head": its title, correspondents and source),
 * or one passage of its text or one note (its words and the names of the entries it mentions).
 */
export interface SearchDocument {
  kind: 'head' | 'text' | 'note';
  /** The record's address: its page, and a passage's anchor there. */
  url: string;
  /** Its page, and its place among the page's passages (the head: 0, before them). */
  page: string;
  n: number;
  /** The passage's language, so that a result is read (and hyphenated) in it. */
  lang: string;
  text?: string;
  names?: string;
  title?: string;
  correspondents?: string;
  source?: string;
}

/** Every name an entry is known by, as its record gives them (none for an entry the edition does not describe). */
export type NamesOf = (entry: string) => readonly string[];

/** Who sent and received a letter and where, as its correspActions name them, and the names their entries' records give. */
function correspondentsText(extract: Extract, namesOf: NamesOf): string {
  return extract.corresp
    .flatMap((action) => [...action.persons, ...action.orgs, ...action.places].flatMap(({ name, entry }) => [name, ...(entry ? namesOf(entry) : [])]))
    .filter((name, i, all) => name !== '' && all.indexOf(name) === i)
    .join(' · ');
}

/**
 * The records of a page: its header's fields, then each passage of its text and each note (a
 * heading that only repeats the title is the header's: found there, not listed again).
 */
export function searchDocuments({ url, extract }: Page, namesOf: NamesOf): SearchDocument[] {
  const head: SearchDocument = {
    kind: 'head',
    url,
    page: url,
    n: 0,
    lang: extract.lang,
    title: extract.title,
    correspondents: correspondentsText(extract, namesOf),
    source: extract.source,
  };
  const passages = extract.passages
    .filter((p) => p.text !== '' && p.text !== extract.title)
    .map((p, n): SearchDocument => {
      const names = [...new Set(p.entries.flatMap((entry) => namesOf(entry)))].join(' · ');
      return { kind: p.note ? 'note' : 'text', url: `${url}#${p.anchor}`, page: url, n: n + 1, lang: extract.lang, text: p.text, ...(names ? { names } : {}) };
    });
  return [head, ...passages];
}

/** A part of the passages' texts: for each of its pages, each passage's kind, anchor, language and text (passage n at n − 1). */
export function textsScript(shard: number, records: readonly SearchDocument[]): string {
  const byPage: Record<string, [string, string, string, string][]> = {};
  for (const r of records) {
    if (r.kind === 'head') continue;
    (byPage[r.page] ??= []).push([r.kind, r.url.slice(r.url.indexOf('#') + 1), r.lang, r.text ?? '']);
  }
  return partScript(`texts-${shard}`, JSON.stringify(byPage));
}

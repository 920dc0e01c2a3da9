import MiniSearch, { type Options } from 'minisearch';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashOf } from '../hash.js';
import { packageRoot } from '../transform/stylesheets.js';
import type { Extract, Page } from './extracts.js';

export const SEARCH_OPTIONS_FILE = path.join('xslt', 'html', 'assets', 'search-options.js');

/** The options the browser uses too (the file sets globalThis.editioSearchOptionsFor), for an edition in this language. */
export async function searchOptions(language: string): Promise<Options<SearchDocument>> {
  await import(pathToFileURL(path.join(packageRoot(), SEARCH_OPTIONS_FILE)).href);
  return (globalThis as unknown as { editioSearchOptionsFor: (lang: string) => Options<SearchDocument> }).editioSearchOptionsFor(language);
}

/**
 * How many parts the search index has for this many pages: a power of two, so that the part
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

export const shardFile = (shard: number): string => `search/shard-${shard}.js`;

/**
 * search/index.js: the parts of the index, which assets/search.js loads with script elements.
 * Scripts, not JSON to fetch: they load from file:// as well as from a server, under a CSP that
 * allows only the edition's own scripts.
 */
export function searchManifestScript(count: number): string {
  const files = Array.from({ length: count }, (_, i) => shardFile(i + 1));
  return `window.editioSearchShards = ${JSON.stringify(files)};\n`;
}

/** One part of the index: a MiniSearch index of these records, added to window.editioSearchIndexes. */
export async function searchShardScript(documents: readonly SearchDocument[], language: string): Promise<string> {
  const index = new MiniSearch<SearchDocument>(await searchOptions(language));
  index.addAll([...documents]);
  return `(window.editioSearchIndexes = window.editioSearchIndexes || []).push(${JSON.stringify(index)});\n`;
}

/**
 * A record of the index: a document's header (kind "head": its title, correspondents and source),
 * or one passage of its text or one note (its words and the names of the entries it mentions).
 */
export interface SearchDocument {
  id: string;
  kind: 'head' | 'text' | 'note';
  /** The record's address: its page, and a passage's anchor there. */
  url: string;
  /** Its page, and its place among the page's passages (the head: 0, before them): results are grouped by page, in the page's order. */
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

/** The records of these pages: for each, its header's fields, and each passage of its text and each note, linked to it. */
export function searchDocuments(pages: readonly Page[], namesOf: NamesOf): SearchDocument[] {
  return pages.flatMap(({ url, extract }) => {
    const head: SearchDocument = { id: url, kind: 'head', url, page: url, n: 0, lang: extract.lang, title: extract.title, correspondents: correspondentsText(extract, namesOf), source: extract.source };
    const passages = extract.passages
      .filter((p) => p.text !== '')
      .map((p, n): SearchDocument => {
        const names = [...new Set(p.entries.flatMap((entry) => namesOf(entry)))].join(' · ');
        return { id: `${url}#${p.anchor}`, kind: p.note ? 'note' : 'text', url: `${url}#${p.anchor}`, page: url, n: n + 1, lang: extract.lang, text: p.text, ...(names ? { names } : {}) };
      });
    return [head, ...passages];
  });
}

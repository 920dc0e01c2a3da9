import MiniSearch, { type Options } from 'minisearch';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashOf } from '../hash.js';
import { packageRoot } from '../transform/stylesheets.js';
import type { Page } from './extracts.js';

export const SEARCH_OPTIONS_FILE = path.join('xslt', 'html', 'assets', 'search-options.js');

/** The options the browser uses too (the file sets globalThis.editioSearchOptions). */
export async function searchOptions(): Promise<Options<SearchDocument>> {
  await import(pathToFileURL(path.join(packageRoot(), SEARCH_OPTIONS_FILE)).href);
  return (globalThis as unknown as { editioSearchOptions: Options<SearchDocument> }).editioSearchOptions;
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

/** One part of the index: a MiniSearch index of these passages, added to window.editioSearchIndexes. */
export async function searchShardScript(documents: readonly SearchDocument[]): Promise<string> {
  const index = new MiniSearch<SearchDocument>(await searchOptions());
  index.addAll([...documents]);
  return `(window.editioSearchIndexes = window.editioSearchIndexes || []).push(${JSON.stringify(index)});\n`;
}

export interface SearchDocument {
  id: string;
  /** The passage's address: its page and its anchor there. */
  url: string;
  /** Its page, and its place among the page's passages: results are grouped by page, in the page's order. */
  page: string;
  n: number;
  /** The page's title and date, shown above its passages (not searched: a passage is found by its own words). */
  title: string;
  date: string;
  text: string;
  /** The passage's language, so that a result is read (and hyphenated) in it. */
  lang: string;
}

/** One search document per passage, so that a result links to the passage itself. */
export function searchDocuments(pages: readonly Page[]): SearchDocument[] {
  return pages.flatMap(({ url, extract }) =>
    extract.passages
      .filter((p) => p.text !== '')
      .map((p, n) => ({ id: `${url}#${p.anchor}`, url: `${url}#${p.anchor}`, page: url, n, title: extract.title, date: extract.date?.label ?? '', text: p.text, lang: extract.lang })),
  );
}

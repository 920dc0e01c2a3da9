import MiniSearch, { type Options } from 'minisearch';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../stylesheets.js';
import type { SearchDocument } from './extracts.js';

export const SEARCH_OPTIONS_FILE = path.join('xslt', 'html', 'assets', 'search-options.js');

/** The options the browser uses too (the file sets globalThis.editioSearchOptions). */
export async function searchOptions(): Promise<Options<SearchDocument>> {
  await import(pathToFileURL(path.join(packageRoot(), SEARCH_OPTIONS_FILE)).href);
  return (globalThis as unknown as { editioSearchOptions: Options<SearchDocument> }).editioSearchOptions;
}

/**
 * The search index as a script (search/index.js): loaded with a script tag, it works from
 * file:// as well as from a server, under a CSP that allows only the edition's own scripts.
 */
export async function searchIndexScript(documents: readonly SearchDocument[]): Promise<string> {
  const index = new MiniSearch<SearchDocument>(await searchOptions());
  index.addAll([...documents]);
  return `window.editioSearchIndex = ${JSON.stringify(index)};\n`;
}

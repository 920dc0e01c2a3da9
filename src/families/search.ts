/**
 * The search family: for each part of the pages (by a hash of their addresses), the passages'
 * texts (search/texts-<s>.js) and their terms (kept in the build state), made again only when
 * one of its pages' extracts changes; the parts of the terms, joined from every part's (each
 * written again only when its content changes); and what results are filtered by
 * (search/facets.js).
 */
import type { Authorities } from '../model/authorities.js';
import { facetData, facetsScript } from '../site/facets.js';
import { hashOf } from '../infra/hash.js';
import { STATE_DIR } from '../incremental/state.js';
import type { PageSummary } from '../model/extract-types.js';
import { searchDocuments, searchFormat, searchOptions, shardCount, shardOf, textsFile, textsScript } from '../search/search-index.js';
import { ShardTermsWriter, termFiles, type ShardTerms } from '../search/search-terms.js';
import type { EditionPages } from './pages.js';
import type { BuildContext } from './context.js';
import { family } from './family.js';

/** Where a part's terms are kept between builds. */
const shardTermsFile = (shard: number): string => `${STATE_DIR}/search/terms-${shard}.json`;

async function makeSearch({ config, plan }: BuildContext, pages: EditionPages, authorities: Authorities): Promise<void> {
  const namesOf = (entry: string): readonly string[] => authorities.get(entry)?.names ?? [];
  const [options, format] = [await searchOptions(config.language), await searchFormat()];
  const shards = shardCount(pages.pages.length, config.searchShardPages);
  const pagesOf = new Map<number, PageSummary[]>();
  for (const page of pages.pages) {
    const shard = shardOf(page.url, shards);
    if (!pagesOf.has(shard)) pagesOf.set(shard, []);
    pagesOf.get(shard)!.push(page);
  }
  const made: string[] = [];
  for (let shard = 1; shard <= shards; shard++) {
    const members = pagesOf.get(shard) ?? [];
    // The names of the entries its pages mention are searched too: a record renamed makes the part again.
    const entries = members.flatMap(({ summary }) => [
      ...summary.mentioned.map(([entry]) => entry),
      ...summary.corresp.flatMap((a) => [...a.persons, ...a.orgs, ...a.places].map((p) => p.entry)),
    ]);
    const names = [...new Set(entries)]
      .filter(Boolean)
      .map((entry) => `${entry}=${namesOf(entry).join('|')}`)
      .sort();
    const inputs = { pages: hashOf(...members.map((page) => `${page.url}=${plan.inputsOf(pages.extractOf(page))}`)), names: hashOf(...names) };
    made.push(`${shard}:${inputs.pages}:${inputs.names}`);
    await plan.makeMany(`search:${shard}`, inputs, async () => {
      const records = (await pages.withExtracts(members)).map((page) => searchDocuments(page, namesOf));
      const terms = new ShardTermsWriter(options, format);
      for (const page of records) terms.add(page);
      return [
        { path: textsFile(shard), content: textsScript(shard, records.flat()) },
        { path: shardTermsFile(shard), content: JSON.stringify(terms.result()) },
      ];
    });
  }
  // Every part's terms, joined: read from the state, not made again.
  await plan.makeMany(
    'search',
    { parts: hashOf(...made), kilobytes: String(config.searchTermsKilobytes) },
    async () => {
      const parts: { urls: string[]; terms: ShardTerms }[] = [];
      for (let shard = 1; shard <= shards; shard++) {
        parts.push({ urls: (pagesOf.get(shard) ?? []).map((p) => p.url), terms: JSON.parse((await plan.text(shardTermsFile(shard)))!) as ShardTerms });
      }
      return termFiles(parts, config.searchTermsKilobytes * 1024, format);
    },
    { keepSame: true },
  );

  const facets = facetsScript(facetData(pages.pages, authorities, config.language));
  await plan.make('search/facets.js', { facets: hashOf(facets) }, () => facets);
}

export const search = family({
  name: 'search',
  stage: 'search',
  needs: ['edition', 'documents'],
  make: (ctx, { edition, documents: { pages } }) => makeSearch(ctx, pages, edition.authorities),
});

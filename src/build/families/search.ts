/**
 * The search family: the index in parts (search/shard-<n>.js), each made again only when one of
 * its pages' extracts changes, and what results are filtered by (search/facets.js).
 */
import type { Authorities } from '../../authorities.js';
import { facetData, facetsScript } from '../../site/facets.js';
import { hashOf } from '../../hash.js';
import type { PageSummary } from '../../site/extracts.js';
import { searchDocuments, searchManifestScript, searchShardScript, shardCount, shardFile, shardOf } from '../../site/search-index.js';
import type { EditionPages } from '../pages.js';
import type { BuildContext } from './context.js';

export async function makeSearch({ config, plan }: BuildContext, pages: EditionPages, authorities: Authorities): Promise<void> {
  const namesOf = (entry: string): readonly string[] => authorities.get(entry)?.names ?? [];
  const shards = shardCount(pages.pages.length, config.searchShardPages);
  const pagesOf = new Map<number, PageSummary[]>();
  for (const page of pages.pages) {
    const shard = shardOf(page.url, shards);
    if (!pagesOf.has(shard)) pagesOf.set(shard, []);
    pagesOf.get(shard)!.push(page);
  }
  for (let shard = 1; shard <= shards; shard++) {
    const members = pagesOf.get(shard) ?? [];
    // The names of the entries its pages mention are searched too: a record renamed makes the part again.
    const entries = members.flatMap(({ summary }) => [...summary.mentioned.map(([entry]) => entry), ...summary.corresp.flatMap((a) => [...a.persons, ...a.orgs, ...a.places].map((p) => p.entry))]);
    const names = [...new Set(entries)].filter(Boolean).map((entry) => `${entry}=${namesOf(entry).join('|')}`).sort();
    const inputs = { pages: hashOf(...members.map((page) => `${page.url}=${plan.inputsOf(pages.extractOf(page))}`)), names: hashOf(...names) };
    await plan.make(shardFile(shard), inputs, async () => searchShardScript(searchDocuments(await pages.withExtracts(members), namesOf), config.language));
  }
  const facets = facetsScript(facetData(pages.pages, authorities, config.language));
  await plan.make('search/facets.js', { facets: hashOf(facets) }, () => facets);
  await plan.make('search/index.js', { shards: String(shards) }, () => searchManifestScript(shards));
}

/**
 * The registers family: a page per authority list (registers/persons.html), with how often each
 * entry is mentioned, and a page per entry (registers/persons/<id>.html, and <id>/2.html, … for an
 * entry named in very many documents) with every mention in its words, linked to its place.
 */
import type { Authorities } from '../../authorities.js';
import type { EntityKind } from '../../entities.js';
import { hashOf } from '../../hash.js';
import { linksOf, type MentionLink, type Page } from '../../site/extracts.js';
import { LIST_PLACEHOLDER, mentionListHtml } from '../../site/html-lists.js';
import { EMPTY_TEI } from '../edition.js';
import type { EditionPages } from '../pages.js';
import { makeEach, type BuildContext } from './context.js';

export interface RegistersInputs {
  authorities: Authorities;
  /** The kinds of list the authority files hold, and hashes of those and of the files. */
  kinds: readonly EntityKind[];
  listsHash: string;
  authorityHash: string;
}

export async function makeRegisters(ctx: BuildContext, pages: EditionPages, { authorities, kinds, listsHash, authorityHash }: RegistersInputs): Promise<void> {
  const { config, plan, xslt } = ctx;
  const authorityDoc = authorities.docs[0]!;
  const counts: Record<string, { mentions: number; pages: number }> = {};
  for (const { summary } of pages.pages) {
    for (const [entry, n] of summary.mentioned) {
      const count = (counts[entry] ??= { mentions: 0, pages: 0 });
      count.mentions += n;
      count.pages++;
    }
  }
  for (const { list, register } of kinds) {
    const ofRegister = Object.fromEntries(Object.entries(counts).filter(([id]) => authorities.get(id)?.kind.register === register));
    const params = { 'path-to-root': '../', 'register-list': list, 'counts-json': JSON.stringify(ofRegister) };
    await plan.make(`registers/${register}.html`, { authorities: authorityHash, counts: hashOf(params['counts-json']) }, (sink) =>
      xslt.run(sink, authorityDoc, 'html', params, 'register'),
    );
  }
  // Each page of an entry is made again only when its entry, the lists of registers, or the mentions it lists change.
  const byEntry = pages.by('mentions');
  const entrySource = { ...authorityDoc, text: EMPTY_TEI };
  const entryJobs = [...authorities.entries.values()]
    .filter((e) => kinds.includes(e.kind))
    .flatMap(({ id, kind: { register: kind } }) => {
      // An entry's notes may name other entries, shown by their standard names: their texts count too.
      const own = authorities.text(id) ?? '';
      const named = [...own.matchAll(/\bref="[^"#]*#([^"\s]+)"/g)].map(([, ref]) => `${ref}=${authorities.text(ref!) ?? ''}`);
      const entry = hashOf(own, ...named);
      // An entry named in very many documents lists their mentions on several pages: <id>.html, then <id>/2.html, …
      const showing = byEntry.get(id) ?? [];
      const parts = Math.max(1, Math.ceil(showing.length / config.entryPageDocuments));
      const total = counts[id] ?? { mentions: 0, pages: 0 };
      return Array.from({ length: parts }, (_, i) => {
        const part = i + 1;
        const listed = showing.slice(i * config.entryPageDocuments, part * config.entryPageDocuments);
        // Only the first page says how often the entry is mentioned in all.
        const params = { 'entry-id': id, part, parts, 'entry-mentions': part === 1 ? total.mentions : 0, 'entry-pages': part === 1 ? total.pages : 0 };
        const inputs = { entry, mentions: pages.digestOf('mentions', id, listed), lists: listsHash, part: JSON.stringify(params) };
        return { file: part === 1 ? `registers/${kind}/${id}.html` : `registers/${kind}/${id}/${part}.html`, inputs, listed, params };
      });
    });
  // Each page's mentions grouped by entry once, not searched again for every entry it mentions.
  const grouped = new Map<string, Record<string, MentionLink[]>>();
  const mentionsIn = (page: Page, id: string): MentionLink[] => {
    let byEntry = grouped.get(page.url);
    if (!byEntry) grouped.set(page.url, (byEntry = linksOf(page.url, page.extract)));
    return byEntry[id] ?? [];
  };
  await makeEach(ctx, entryJobs, async ({ file, listed, params }, sink) => {
    const mentions = (await pages.withExtracts(listed)).flatMap((page) => mentionsIn(page, params['entry-id']));
    const pathToRoot = '../'.repeat(file.split('/').length - 1);
    const frame = await xslt.document(sink, entrySource, 'html', { ...params, 'path-to-root': pathToRoot, 'listed-mentions': mentions.length }, 'register-entry');
    return frame?.replace(LIST_PLACEHOLDER, () => mentionListHtml(mentions, pathToRoot));
  });
}

/**
 * The registers family: a page per authority list (registers/persons.html), with how often each
 * entry is mentioned, and a page per entry (registers/persons/<id>.html, and <id>/2.html, … for an
 * entry named in very many documents) with every mention in its words, linked to its place.
 */
import type { Authorities } from '../model/authorities.js';
import type { EntityKind } from '../model/entities.js';
import { hashOf } from '../infra/hash.js';
import { linksOf } from '../model/mention-links.js';
import { LIST_PLACEHOLDER, mentionListHtml, pageMentionsHtml } from '../site/html-lists.js';
import { EMPTY_TEI } from '../edition/edition.js';
import { INTRODUCTION_PAGE, type EditionPages } from './pages.js';
import { makeEach, type BuildContext } from './context.js';
import { family } from './family.js';

interface RegistersInputs {
  authorities: Authorities;
  /** The kinds of list the authority files hold, and hashes of those and of the files. */
  kinds: readonly EntityKind[];
  listsHash: string;
  authorityHash: string;
  /** The places register's map. */
  map(): string;
}

async function makeRegisters(
  ctx: BuildContext,
  pages: EditionPages,
  { authorities, kinds, listsHash, authorityHash, map: placesMap }: RegistersInputs,
): Promise<void> {
  const { config, plan, xslt } = ctx;
  const authorityDoc = authorities.docs[0]!;
  // How often each entry is mentioned, in how many documents, and whether in the introduction (1 or 0).
  const counts: Record<string, { mentions: number; documents: number; introduction: number }> = {};
  for (const { url, summary } of pages.pages) {
    for (const [entry, n] of summary.mentioned) {
      const count = (counts[entry] ??= { mentions: 0, documents: 0, introduction: 0 });
      count.mentions += n;
      if (url === INTRODUCTION_PAGE) count.introduction = 1;
      else count.documents++;
    }
  }
  for (const { list, register } of kinds) {
    const ofRegister = Object.fromEntries(Object.entries(counts).filter(([id]) => authorities.get(id)?.kind.register === register));
    // The places register maps every place its entries locate.
    const map = register === 'places' ? placesMap() : 'null';
    const params = { 'path-to-root': '../', 'register-list': list, 'counts-json': JSON.stringify(ofRegister), 'map-json': map };
    await plan.make(`registers/${register}.html`, { authorities: authorityHash, counts: hashOf(params['counts-json']), map: hashOf(map) }, (sink) =>
      xslt.run(sink, authorityDoc, 'html', params, 'register'),
    );
  }
  // The letters each entry sent and received, in the order of the pages (by date).
  const letters: Record<string, { sent: LetterLink[]; received: LetterLink[] }> = {};
  for (const { url, summary } of pages.pages) {
    for (const side of ['sent', 'received'] as const) {
      for (const id of summary.correspondents[side])
        (letters[id] ??= { sent: [], received: [] })[side].push({ url, title: summary.title, date: summary.date?.label ?? '' });
    }
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
      const total = counts[id] ?? { mentions: 0, documents: 0, introduction: 0 };
      return Array.from({ length: parts }, (_, i) => {
        const part = i + 1;
        const listed = showing.slice(i * config.entryPageDocuments, part * config.entryPageDocuments);
        // Only the first page says how often the entry is mentioned in all.
        const first = part === 1;
        const params = {
          'entry-id': id,
          part,
          parts,
          'entry-mentions': first ? total.mentions : 0,
          'entry-documents': first ? total.documents : 0,
          'entry-introduction': first ? total.introduction : 0,
          'letters-json': first && letters[id] ? JSON.stringify(letters[id]) : '{}',
        };
        const inputs = { entry, mentions: pages.digestOf('mentions', id, listed), lists: listsHash, part: JSON.stringify(params) };
        return { file: part === 1 ? `registers/${kind}/${id}.html` : `registers/${kind}/${id}/${part}.html`, inputs, listed, params };
      });
    });
  // The lists of the entry pages to be made, written as the pages are read, one at a time: never all the extracts at once.
  const stale = plan.dryRun ? [] : entryJobs.filter((job) => !plan.isCurrent(job.file, job.inputs));
  const lists = new Map(stale.map((job) => [job, { parts: [] as string[], mentions: 0 }]));
  const listing = new Map<string, Map<string, (typeof stale)[number]>>();
  for (const job of stale) {
    const ofEntry = listing.get(job.params['entry-id']) ?? new Map();
    for (const page of job.listed) ofEntry.set(page.url, job);
    listing.set(job.params['entry-id'], ofEntry);
  }
  const wanted = pages.pages.filter((page) => Object.keys(page.summary.digests.mentions).some((id) => listing.get(id)?.has(page.url)));
  await pages.each(wanted, (page) => {
    for (const [id, group] of Object.entries(linksOf(page.url, page.extract))) {
      const job = listing.get(id)?.get(page.url);
      if (!job) continue;
      const list = lists.get(job)!;
      list.parts.push(pageMentionsHtml(group, rootOf(job.file)));
      list.mentions += group.length;
    }
  });
  await makeEach(ctx, entryJobs, async (job, sink) => {
    const { parts, mentions } = lists.get(job) ?? { parts: [], mentions: 0 };
    lists.delete(job);
    const frame = await xslt.document(
      sink,
      entrySource,
      'html',
      { ...job.params, 'path-to-root': rootOf(job.file), 'listed-mentions': mentions },
      'register-entry',
    );
    return frame?.replace(LIST_PLACEHOLDER, () => mentionListHtml(parts));
  });
}

/** A letter as an entry's page lists it among those the entry sent or received. */
interface LetterLink {
  url: string;
  title: string;
  date: string;
}

/** The path from a page to the edition's root. */
const rootOf = (file: string): string => '../'.repeat(file.split('/').length - 1);

export const registers = family({
  name: 'registers',
  stage: 'registers',
  needs: ['edition', 'documents', 'editionMap'],
  make: (ctx, { edition: { authorities, kinds, listsHash, authorityHash }, documents: { pages }, editionMap }) =>
    makeRegisters(ctx, pages, { authorities, kinds, listsHash, authorityHash, map: editionMap.drawing }),
});

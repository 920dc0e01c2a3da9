/**
 * The book both the print edition (src/families/pdf.ts) and the EPUB (src/families/epub.ts) are
 * made of: the introduction, each published document as a chapter, and an index of the entries.
 */
import type { Message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { fill, type Words } from '../i18n/catalogue.js';
import { indexEntries, type Chapter, type IndexEntry, type Plate } from '../print/book.js';
import { viewerHash } from '../iiif/viewer.js';
import { mentionsByEntry } from '../model/mention-links.js';
import type { Authorities } from '../model/authorities.js';
import { hashOf } from '../infra/hash.js';
import type { BuildContext } from './context.js';
import type { CheckedEdition } from '../edition/edition.js';
import type { Results } from './results.js';
import { toolkitVersion } from '../incremental/fingerprint.js';
import { documentId, documentUrl } from '../edition/names.js';
import type { Transformer } from '../workers/transformer.js';

export interface BookSources {
  /** Each document's page images (--plates), by document. */
  plates: ReadonlyMap<ReadDoc, Plate[]>;
  intro: ReadDoc | undefined;
  introDoc: ReadDoc | undefined;
  documents: readonly ReadDoc[];
  /** Each document's title, as its extract gives it. */
  titles: readonly string[];
  mentions: ReturnType<typeof mentionsByEntry>;
  entries: Authorities;
}

/** The book's parts as one output layer makes them (print for the PDF, epub for the EPUB): front matter, chapters, index. */
export function bookParts(
  xslt: Transformer,
  words: Words,
  sink: Message[],
  format: 'print' | 'epub',
  parts: BookSources,
): { frontMatter: string; chapters: Chapter[]; index: IndexEntry[] } {
  const chapters: Chapter[] = [];
  const prefixOf = new Map<string, string>();
  const introHtml = parts.intro ? xslt.run(sink, parts.intro, format, { 'anchor-prefix': 'intro-' }, 'index') : undefined;
  if (introHtml) {
    chapters.push({ prefix: 'intro-', title: fill(words, 'edition.introduction'), html: introHtml });
    prefixOf.set('index.html', 'intro-');
  }
  parts.documents.forEach((doc, i) => {
    const prefix = `doc${i + 1}-`;
    const html = xslt.run(sink, doc, format, { 'anchor-prefix': prefix, 'document-id': String(i + 1) });
    if (html === undefined) return;
    const title = parts.titles[i] ?? documentId(doc);
    const plates = parts.plates.get(doc);
    chapters.push({ prefix, title: `${i + 1}. ${title}`, html, ...(plates?.length ? { plates } : {}) });
    prefixOf.set(documentUrl(documentId(doc)), prefix);
  });
  const frontMatter = parts.introDoc ? (xslt.run(sink, parts.introDoc, format, { 'made-with': `editio ${toolkitVersion()}` }, 'title-page') ?? '') : '';
  return { frontMatter, chapters, index: indexEntries(parts.mentions, parts.entries, prefixOf) };
}

/** What the book is made from, by hash: the introduction, the authority files, every published document, and its page images if it shows them. */
export function bookInputs(
  ctx: BuildContext,
  edition: CheckedEdition,
  documents: readonly ReadDoc[],
  facsimiles: Results['facsimiles'],
): Record<string, string> {
  return {
    intro: edition.introHash(),
    authorities: edition.authorityHash,
    documents: hashOf(...documents.map(ctx.hashOfDoc)),
    plates: ctx.asked.plates ? hashOf(...documents.map((d) => viewerHash(facsimiles.viewer(d)))) : '',
  };
}

/** Each document's page images kept in the edition, as plates, with captions in the edition's language (read only when the book is made again). */
async function platesOf(ctx: BuildContext, documents: readonly ReadDoc[], facsimiles: Results['facsimiles']): Promise<Map<ReadDoc, Plate[]>> {
  const plates = new Map<ReadDoc, Plate[]>();
  if (!ctx.asked.plates) return plates;
  const words = ctx.language.messages;
  for (const doc of documents) {
    const shown: Plate[] = [];
    for (const { surface, place, local } of facsimiles.documents.get(doc)?.canvases ?? []) {
      if (!local) continue;
      const { width, height } = local.image.plate;
      const jpeg = await ctx.plan.content(`${local.folder}/full/${width},${height}/0/default.jpg`).catch(() => undefined);
      const page = fill(words, 'document.page', { n: surface.label ?? String(place) });
      if (jpeg) shown.push({ jpeg, width, height, caption: fill(words, 'facsimile.plate', { page }) });
    }
    if (shown.length > 0) plates.set(doc, shown);
  }
  return plates;
}

/** The book's sources, with the pages' mentions in context (read only when the book is made again). */
export async function bookSources(
  ctx: BuildContext,
  edition: CheckedEdition,
  { sources, published, pages }: Results['documents'],
  facsimiles: Results['facsimiles'],
): Promise<BookSources> {
  return {
    plates: await platesOf(ctx, sources, facsimiles),
    intro: edition.intro,
    introDoc: edition.introDoc,
    documents: sources,
    titles: published.map((e) => e.title),
    mentions: mentionsByEntry(await pages.withExtracts(pages.pages)),
    entries: edition.authorities,
  };
}

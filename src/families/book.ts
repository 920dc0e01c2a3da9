/**
 * The book both the print edition (src/families/pdf.ts) and the EPUB (src/families/epub.ts) are
 * made of: the introduction, each published document as a chapter, and an index of the entries.
 */
import type { Message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { fill, type Words } from '../i18n/catalogue.js';
import { indexEntries, type Chapter, type IndexEntry } from '../print/book.js';
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
    chapters.push({ prefix, title: `${i + 1}. ${title}`, html });
    prefixOf.set(documentUrl(documentId(doc)), prefix);
  });
  const frontMatter = parts.introDoc ? (xslt.run(sink, parts.introDoc, format, { 'made-with': `editio ${toolkitVersion()}` }, 'title-page') ?? '') : '';
  return { frontMatter, chapters, index: indexEntries(parts.mentions, parts.entries, prefixOf) };
}

/** What the book is made from, by hash: the introduction, the authority files, every published document. */
export function bookInputs(ctx: BuildContext, edition: CheckedEdition, documents: readonly ReadDoc[]): Record<string, string> {
  return { intro: edition.introHash(), authorities: edition.authorityHash, documents: hashOf(...documents.map(ctx.hashOfDoc)) };
}

/** The book's sources, with the pages' mentions in context (read only when the book is made again). */
export async function bookSources(edition: CheckedEdition, { sources, published, pages }: Results['documents']): Promise<BookSources> {
  return {
    intro: edition.intro,
    introDoc: edition.introDoc,
    documents: sources,
    titles: published.map((e) => e.title),
    mentions: mentionsByEntry(await pages.withExtracts(pages.pages)),
    entries: edition.authorities,
  };
}

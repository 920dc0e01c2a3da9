import type { EditionConfig } from '../model/config.js';
import { message, type Message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { fill, type Words } from '../i18n/catalogue.js';
import { bookHtml, indexEntries, type Chapter, type IndexEntry, type Paper } from '../print/book.js';
import { epubArchive } from '../print/epub.js';
import { publishedOn } from '../model/header.js';
import { bookTooLarge, renderPdf } from '../print/pdf.js';
import { chromiumAvailable, chromiumIdentity, CHROMIUM } from '../infra/chromium.js';
import { mentionsByEntry, type Page, type Summary } from '../model/extracts.js';
import type { Authorities } from '../model/authorities.js';
import type { Output } from '../write/write.js';
import { hashOf } from '../infra/hash.js';
import type { BuildContext } from './context.js';
import { toolkitVersion } from '../incremental/fingerprint.js';
import { documentId, documentUrl } from '../edition/names.js';
import type { Transformer } from '../workers/transformer.js';

interface BookSources {
  intro: ReadDoc | undefined;
  introDoc: ReadDoc | undefined;
  documents: readonly ReadDoc[];
  /** Each document's title, as its extract gives it. */
  titles: readonly string[];
  mentions: ReturnType<typeof mentionsByEntry>;
  entries: Authorities;
}

/** The book's parts as one output layer makes them (print for the PDF, epub for the EPUB): front matter, chapters, index. */
function bookParts(xslt: Transformer, words: Words, sink: Message[], format: 'print' | 'epub', parts: BookSources): { frontMatter: string; chapters: Chapter[]; index: IndexEntry[] } {
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

/** The print edition: the book's parts from print.xsl, laid out and printed by Chromium. */
async function printEdition(config: EditionConfig, words: Words, xslt: Transformer, sink: Message[], parts: BookSources, paper: Paper, modified: string): Promise<Output[]> {
  if (!chromiumAvailable()) {
    sink.push(message('info', 'site', 'pdf-skipped', `no PDF: Chromium is not at ${CHROMIUM} (install Debian's chromium, or set EDITIO_CHROMIUM)`));
    return [];
  }
  const { frontMatter, chapters, index } = bookParts(xslt, words, sink, 'print', parts);
  const html = await bookHtml(config, words, paper, frontMatter, chapters, index);
  // Checked before the layout, the hours a book too large would take: the other outputs are made all the same.
  const tooLarge = bookTooLarge(Buffer.byteLength(html));
  if (tooLarge) {
    sink.push(message('error', 'site', 'pdf-too-large', tooLarge));
    return [];
  }
  try {
    const linkToPage = (page: number): string => fill(words, 'print.link-to-page', { page: String(page) });
    const pdf = await renderPdf(html, { title: config.title, authors: config.editors, subject: config.subtitle ?? config.title, language: config.language, modified, linkToPage }, paper);
    return [{ path: 'print/edition.pdf', content: pdf }, { path: 'print/edition.html', content: html }];
  } catch (err) {
    sink.push(message('error', 'site', 'pdf-failed', `the PDF could not be made: ${(err as Error).message.split('\n')[0]}`));
    return [];
  }
}

export interface PrintInputs {
  paper: Paper;
  intro: ReadDoc | undefined;
  /** What the title page is made from: the introduction, or a stand-in when there is none. */
  introDoc: ReadDoc | undefined;
  /** The published documents, in date order, and their summaries, alike. */
  documents: readonly ReadDoc[];
  published: readonly Summary[];
  authorities: Authorities;
  /** Hashes of the introduction and the authority files. */
  introHash: string;
  authorityHash: string;
  /** The pages' mentions in context, read when the book is made again. */
  pages(): Promise<Page[]>;
}

/**
 * The print family: the book as PDF (and the HTML it is printed from), made again when a source,
 * the paper or Chromium changes; and as EPUB, made again when a source changes.
 */
export async function makePrint(ctx: BuildContext, inputs: PrintInputs, wanted: { pdf: boolean; epub: boolean }): Promise<void> {
  const { config, plan, xslt, hashOfDoc } = ctx;
  const { paper, intro, introDoc, documents, published, authorities } = inputs;
  const sources = { intro: inputs.introHash, authorities: inputs.authorityHash, documents: hashOf(...documents.map(hashOfDoc)) };
  const book = async (): Promise<BookSources> => ({ intro, introDoc, documents, titles: published.map((e) => e.title), mentions: mentionsByEntry(await inputs.pages()), entries: authorities });
  if (wanted.pdf) {
    await plan.makeMany('print', { ...sources, paper, chromium: chromiumIdentity() }, async (sink) => printEdition(config, ctx.language.messages, xslt, sink, await book(), paper, publishedOn(intro?.text, published.map((e) => e.changed))));
  }
  if (wanted.epub) {
    await plan.makeMany('epub', sources, async (sink) => {
      const parts = bookParts(xslt, ctx.language.messages, sink, 'epub', await book());
      return [{ path: 'print/edition.epub', content: await epubArchive(config, ctx.language.messages, { ...parts, modified: publishedOn(intro?.text, published.map((e) => e.changed)) }) }];
    });
  }
}

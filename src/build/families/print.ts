import type { EditionConfig } from '../../config.js';
import { message, type Message } from '../../messages.js';
import type { ReadDoc } from '../../parse/parse.js';
import { bookHtml, indexEntries, type Chapter, type Paper } from '../../print/book.js';
import { chromiumAvailable, chromiumIdentity, CHROMIUM, renderPdf } from '../../print/pdf.js';
import { mentionsByEntry, type Page, type Summary } from '../../site/extracts.js';
import type { Authorities } from '../../authorities.js';
import type { Output } from '../../write/write.js';
import { hashOf } from '../../hash.js';
import type { BuildContext } from './context.js';
import { toolkitVersion } from '../../incremental/fingerprint.js';
import { documentId, documentUrl } from '../names.js';
import type { Transformer } from '../transformer.js';

/** The print edition: the book's parts from print.xsl, laid out and printed by Chromium. */
async function printEdition(
  config: EditionConfig,
  xslt: Transformer,
  sink: Message[],
  parts: {
    intro: ReadDoc | undefined;
    introDoc: ReadDoc | undefined;
    documents: readonly ReadDoc[];
    /** Each document's title, as its extract gives it. */
    titles: readonly string[];
    mentions: ReturnType<typeof mentionsByEntry>;
    entries: Authorities;
    paper: Paper;
  },
): Promise<{ outputs: Output[] } | { message: Message }> {
  if (!chromiumAvailable()) {
    return { message: message('info', 'site', 'pdf-skipped', `no PDF: Chromium is not at ${CHROMIUM} (install Debian's chromium, or set EDITIO_CHROMIUM)`) };
  }
  const chapters: Chapter[] = [];
  const prefixOf = new Map<string, string>();
  const introHtml = parts.intro ? xslt.run(sink, parts.intro, 'print', { 'anchor-prefix': 'intro-' }, 'index') : undefined;
  if (introHtml) {
    chapters.push({ prefix: 'intro-', title: 'Introduction', html: introHtml });
    prefixOf.set('index.html', 'intro-');
  }
  parts.documents.forEach((doc, i) => {
    const prefix = `doc${i + 1}-`;
    const html = xslt.run(sink, doc, 'print', { 'anchor-prefix': prefix, 'document-id': String(i + 1) });
    if (html === undefined) return;
    const title = parts.titles[i] ?? documentId(doc);
    chapters.push({ prefix, title: `${i + 1}. ${title}`, html });
    prefixOf.set(documentUrl(documentId(doc)), prefix);
  });
  const titlePage = parts.introDoc ? (xslt.run(sink, parts.introDoc, 'print', { 'made-with': `editio ${toolkitVersion()}` }, 'title-page') ?? '') : '';
  const html = await bookHtml(config, parts.paper, titlePage, chapters, indexEntries(parts.mentions, parts.entries, prefixOf));
  try {
    const pdf = await renderPdf(html, { title: config.title, author: config.editors.join(', '), subject: config.subtitle ?? config.title, language: config.language }, parts.paper);
    return { outputs: [{ path: 'print/edition.pdf', content: pdf }, { path: 'print/edition.html', content: html }] };
  } catch (err) {
    return { message: message('error', 'site', 'pdf-failed', `the PDF could not be made: ${(err as Error).message.split('\n')[0]}`) };
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

/** The print family: the book as PDF (and the HTML it is printed from), made again when a source, the paper or Chromium changes. */
export async function makePrint(ctx: BuildContext, inputs: PrintInputs): Promise<void> {
  const { config, plan, xslt, hashOfDoc } = ctx;
  const { paper, intro, introDoc, documents, published, authorities } = inputs;
  const printInputs = { paper, chromium: chromiumIdentity(), intro: inputs.introHash, authorities: inputs.authorityHash, documents: hashOf(...documents.map(hashOfDoc)) };
  await plan.makeMany('print', printInputs, async (sink) => {
    const mentions = mentionsByEntry(await inputs.pages());
    const pdf = await printEdition(config, xslt, sink, { intro, introDoc, documents, titles: published.map((e) => e.title), mentions, entries: authorities, paper });
    if ('message' in pdf) {
      sink.push(pdf.message);
      return [];
    }
    return pdf.outputs;
  });
}

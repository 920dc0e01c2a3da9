/**
 * The PDF family (`--pdf`): the book laid out by Paged.js and printed by Chromium
 * (print/edition.pdf, and print/edition.html it is printed from), made again when a source, the
 * paper or Chromium changes.
 */
import type { EditionConfig } from '../model/config.js';
import { message, type Message } from '../infra/messages.js';
import { fill, type Words } from '../i18n/catalogue.js';
import { bookHtml, type Paper } from '../print/book.js';
import { bookTooLarge, renderPdf } from '../print/pdf.js';
import { CHROMIUM, chromiumAvailable, chromiumIdentity } from '../infra/chromium.js';
import type { Output } from '../write/write.js';
import type { Transformer } from '../workers/transformer.js';
import { bookInputs, bookParts, bookSources, type BookSources } from './book.js';
import { family } from './family.js';

/** The print edition: the book's parts from print.xsl, laid out and printed by Chromium. */
async function printEdition(
  config: EditionConfig,
  words: Words,
  xslt: Transformer,
  sink: Message[],
  parts: BookSources,
  paper: Paper,
  modified: string,
): Promise<Output[]> {
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
    const pdf = await renderPdf(
      html,
      { title: config.title, authors: config.editors, subject: config.subtitle ?? config.title, language: config.language, modified, linkToPage },
      paper,
    );
    return [
      { path: 'print/edition.pdf', content: pdf },
      { path: 'print/edition.html', content: html },
    ];
  } catch (err) {
    sink.push(message('error', 'site', 'pdf-failed', `the PDF could not be made: ${(err as Error).message.split('\n')[0]}`));
    return [];
  }
}

export const pdf = family({
  name: 'pdf',
  stage: 'print',
  needs: ['edition', 'documents', 'facsimiles'],
  wanted: (asked) => asked.pdf,
  async make(ctx, { edition, documents, facsimiles }) {
    const {
      config,
      plan,
      xslt,
      asked: { paper },
    } = ctx;
    await plan.makeMany('print', { ...bookInputs(ctx, edition, documents.sources, facsimiles), paper, chromium: chromiumIdentity() }, async (sink) =>
      printEdition(config, ctx.language.messages, xslt, sink, await bookSources(ctx, edition, documents, facsimiles), paper, documents.publication),
    );
  },
});

/** The EPUB family (`--epub`): the book as an e-book (print/edition.epub), made again when a source changes. */
import { epubArchive } from '../print/epub.js';
import { bookInputs, bookParts, bookSources } from './book.js';
import { family } from './family.js';

export const epub = family({
  name: 'epub',
  stage: 'print',
  needs: ['edition', 'documents', 'facsimiles'],
  wanted: (asked) => asked.epub,
  async make(ctx, { edition, documents, facsimiles }) {
    const { config, plan, xslt } = ctx;
    await plan.makeMany('epub', bookInputs(ctx, edition, documents.sources, facsimiles), async (sink) => {
      const parts = bookParts(xslt, ctx.language.messages, sink, 'epub', await bookSources(ctx, edition, documents, facsimiles));
      return [{ path: 'print/edition.epub', content: await epubArchive(config, ctx.language.messages, { ...parts, modified: documents.publication }) }];
    });
  },
});

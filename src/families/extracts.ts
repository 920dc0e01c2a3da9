/**
 * The extracts family: one JSON extract per document (and one of the introduction), in the build
 * state (.editio/extracts/<id>.json), made again only when its source changes. The edition-wide
 * families are made from them, never from the documents again; a small summary of each goes into
 * the state, and its words in context are read only when a page needs them.
 */
import type { ReadDoc } from '../parse/parse.js';
import type { Message } from '../infra/messages.js';
import { inOrder } from '../incremental/plan.js';
import { summaryOf } from '../model/extracts.js';
import type { Extract, Listing, Summary } from '../model/extract-types.js';
import { message } from '../infra/messages.js';
import { extractDocument } from '../transform/extract.js';
import { documentWork } from '../workers/jobs.js';
import { documentId } from '../edition/names.js';
import { WINDOW, type BuildContext } from './context.js';
import { extractOfId, INTRODUCTION_EXTRACT } from './pages.js';
import { family } from './family.js';
import type { Results } from './results.js';

/** Documents in date order; undated last; by id where dates are alike. */
function byDate(a: Listing, b: Listing): number {
  const ka = a.date?.sort || '\uffff';
  const kb = b.date?.sort || '\uffff';
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A document's extract, made from its text on a worker (src/transform/extract.ts). */
export const extractWork = documentWork<{ sourceText: string; file: string; documentId: string }>(
  import.meta.url,
  'extractWork',
  ({ sourceText, file, documentId }, context) => {
    const made = extractDocument(sourceText, documentId, context.entries, context.language);
    if ('json' in made) return { output: made.json, messages: [] };
    return { output: undefined, messages: [message('error', 'transform', 'extract-failed', `its extract could not be made: ${made.error}`, { file })] };
  },
);

type Extracted = Results['extracts'];

export async function makeExtracts(
  ctx: BuildContext,
  documents: readonly ReadDoc[],
  intro: ReadDoc | undefined,
  /** The last build's summaries: a kept extract's summary is taken from there, not read again. */
  previous: Readonly<Record<string, Summary>> | undefined,
  onProgress: (done: number) => void,
  /** What a document's extract reads of the entries it points to (a key or a prefixed pointer is resolved through them), '' if nothing. */
  lookedUpBy: (doc: ReadDoc) => string,
): Promise<Extracted> {
  const { plan, xslt, hashOfDoc } = ctx;
  const summaries: Record<string, Summary> = {};
  const extracting =
    (file: string, doc: ReadDoc, id: string) =>
    async (sink: Message[]): Promise<string | undefined> => {
      const json = await xslt.work(sink, extractWork, { sourceText: doc.text, file: doc.source.name, documentId: id });
      if (json !== undefined) summaries[file] = summaryOf(JSON.parse(json) as Extract);
      return json;
    };
  const summaryIn = async (file: string): Promise<Summary | undefined> => {
    if (!plan.has(file)) return undefined;
    return (summaries[file] ??= previous?.[file] ?? summaryOf(JSON.parse((await plan.text(file))!) as Extract));
  };
  const fileOf = (doc: ReadDoc): string => extractOfId(documentId(doc));
  const inputsOf = (doc: ReadDoc): Record<string, string> => {
    const entries = lookedUpBy(doc);
    return { source: hashOfDoc(doc), ...(entries ? { entries } : {}) };
  };
  await xslt.expect(documents.filter((doc) => !plan.isCurrent(fileOf(doc), inputsOf(doc))).length);
  await inOrder(documents, WINDOW, (doc, n) => {
    onProgress(n);
    return plan.start(fileOf(doc), inputsOf(doc), extracting(fileOf(doc), doc, documentId(doc)), { readLater: true });
  });
  const extracted = new Map<ReadDoc, Summary>();
  for (const doc of documents) {
    const summary = await summaryIn(fileOf(doc));
    if (summary) extracted.set(doc, summary);
  }
  let introduction: Summary | undefined;
  if (intro) {
    await plan.make(INTRODUCTION_EXTRACT, inputsOf(intro), extracting(INTRODUCTION_EXTRACT, intro, 'index'), { readLater: true });
    introduction = await summaryIn(INTRODUCTION_EXTRACT);
  }
  return { documents: extracted, ordered: [...extracted.values()].sort(byDate), introduction, summaries };
}

export const extracts = family({
  name: 'extracts',
  stage: 'extracts',
  needs: ['edition', 'last'],
  gives: 'extracts',
  make: (ctx, { edition, last }) =>
    makeExtracts(ctx, edition.documents, edition.intro, last?.summaries, ctx.progress('extract'), edition.lookedUpBy.bind(edition)),
});

/**
 * The extracts family: one JSON extract per document (and one of the introduction), in the build
 * state (.editio/extracts/<id>.json), made again only when its source changes. The edition-wide
 * families are made from them, never from the documents again; a small summary of each goes into
 * the state, and its words in context are read only when a page needs them.
 */
import type { ReadDoc } from '../parse/parse.js';
import type { Message } from '../infra/messages.js';
import { STATE_DIR } from '../incremental/state.js';
import { inOrder } from '../incremental/plan.js';
import { summaryOf, type Extract, type Listing, type Summary } from '../model/extracts.js';
import { documentId } from '../edition/names.js';
import { WINDOW, type BuildContext } from './context.js';

/** Documents in date order; undated last; by id where dates are alike. */
function byDate(a: Listing, b: Listing): number {
  const ka = a.date?.sort || '\uffff';
  const kb = b.date?.sort || '\uffff';
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const extractOfId = (id: string): string => `${STATE_DIR}/extracts/${id}.json`;
export const INTRODUCTION_EXTRACT = `${STATE_DIR}/introduction.json`;

export interface Extracted {
  /** Each document whose extract could be made, with its summary, in the order given; `ordered`, the summaries in date order. */
  documents: Map<ReadDoc, Summary>;
  ordered: Summary[];
  introduction: Summary | undefined;
  /** By extract file: what the state keeps of each. */
  summaries: Record<string, Summary>;
}

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
  const extracting = (file: string, doc: ReadDoc, id: string) => async (sink: Message[]): Promise<string | undefined> => {
    const json = await xslt.extract(sink, doc, id);
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

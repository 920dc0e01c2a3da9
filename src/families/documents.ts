/**
 * The documents family: each document's page (documents/<id>.html) and reading text
 * (text/<id>.txt), made again when its source, its neighbours' titles (previous/next), or the
 * names of an entry it points to change (not the entry's notes: the page does not show them).
 */
import { hashOf } from '../infra/hash.js';
import { inOrder } from '../incremental/plan.js';
import type { Message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';
import type { Summary } from '../model/extract-types.js';
import type { PlaceOnMap } from '../site/map.js';
import { publishedPath } from '../exchange/sources.js';
import type { StylesheetParams } from '../transform/transform.js';
import { WINDOW, type BuildContext } from './context.js';
import { documentsByName, referencesOf } from './references.js';
import { documentId } from '../edition/names.js';
import { publishedOn } from '../model/header.js';
import { viewerHash, type ViewerData } from '../iiif/viewer.js';
import { family } from './family.js';
import { editionPages } from './pages.js';
import type { Unrendered } from './results.js';

function unrenderedIn(html: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, name] of html.matchAll(/data-fallback="([^"]+)"/g)) counts[name!] = (counts[name!] ?? 0) + 1;
  return counts;
}

interface DocumentsInputs {
  /** Each document with its summary; `ordered`, the summaries in date order. */
  documents: ReadonlyMap<ReadDoc, Summary>;
  ordered: readonly Summary[];
  /** What a document's page shows of the entries it points to, and of the lists there are. */
  entriesOf(doc: ReadDoc): string;
  /** The places a document points to that their entries locate: what its map shows. */
  placesOf(doc: ReadDoc): PlaceOnMap[];
  /** A map's drawing, for the pages made again. */
  drawing(places: readonly PlaceOnMap[]): string;
  /** What a document's page shows of its facsimile. */
  viewer(doc: ReadDoc): ViewerData | undefined;
  listsHash: string;
  /** A source's path in the edition: what `unrendered` is keyed by. */
  relative(doc: ReadDoc): string;
  /** The last build's count of unrendered elements, for the pages kept. */
  previous: Readonly<Unrendered> | undefined;
  onProgress(done: number): void;
}

/** Who a letter passed between: its senders' and addressees' entries, whichever way it went; '' unless both sides are known. */
function correspondentsKey({ correspondents: { sent, received } }: Summary): string {
  if (sent.length === 0 || received.length === 0) return '';
  return [...new Set([...sent, ...received])].sort().join(' ');
}

/**
 * A letter's previous and next letters, as JSON: those its correspContext names (each with the
 * id and title of the document of the edition it names, by its xml:id or file name, if there is
 * one); then, found by date, those between the same correspondents, and, in an edition that has
 * other documents too, among its letters. A letter named already (by its correspContext, or as
 * the document before or after it, which the page links anyway) is not named again.
 */
function correspondenceOf(ordered: readonly Summary[], byName: ReadonlyMap<string, Summary>): (summary: Summary) => string {
  const between = new Map<string, Summary[]>();
  for (const s of ordered) {
    const key = correspondentsKey(s);
    if (!key) continue;
    if (!between.has(key)) between.set(key, []);
    between.get(key)!.push(s);
  }
  const isLetter = (s: Summary): boolean => s.correspondents.sent.length + s.correspondents.received.length > 0;
  const letters = ordered.filter(isLetter);
  const mixed = letters.length > 0 && letters.length < ordered.length;
  // Each letter's place in each series it is in, found once: an edition may have thousands of letters.
  const placeIn = new Map<readonly Summary[], Map<string, number>>();
  const around = (series: readonly Summary[], summary: Summary, scope: string) => {
    if (!placeIn.has(series)) placeIn.set(series, new Map(series.map((s, i) => [s.id, i])));
    const i = placeIn.get(series)!.get(summary.id) ?? -1;
    return (
      [
        ['prev', series[i - 1]],
        ['next', series[i + 1]],
      ] as const
    ).flatMap(([rel, s]) => (i >= 0 && s ? [{ rel, scope, label: s.title, id: s.id, title: s.title }] : []));
  };
  const position = new Map(ordered.map((s, i) => [s.id, i]));
  return (summary) => {
    const i = position.get(summary.id) ?? -1;
    const adjacent = [
      { rel: 'prev', id: ordered[i - 1]?.id },
      { rel: 'next', id: ordered[i + 1]?.id },
    ];
    const named = summary.links.map(({ rel, scope, target, label }) => {
      const found = byName.get(target.replace(/^.*[#/]/, '').replace(/\.xml$/i, ''));
      return { rel, scope, label, ...(found ? { id: found.id, title: found.title } : {}) };
    });
    const found = [
      ...around(between.get(correspondentsKey(summary)) ?? [], summary, 'betweenCorrespondents'),
      ...(mixed && isLetter(summary) ? around(letters, summary, 'amongLetters') : []),
    ];
    const unnamed = found.filter((f, j) => ![...named, ...adjacent, ...found.slice(0, j)].some((n) => n.rel === f.rel && n.id === f.id));
    return JSON.stringify([...named, ...unnamed]);
  };
}

/** Makes the pages and texts; returns the documents published (both made or kept), in date order, and what was unrendered. */
async function makeDocuments(ctx: BuildContext, inputs: DocumentsInputs): Promise<{ published: Summary[]; unrendered: Unrendered }> {
  const { config, plan, xslt, hashOfDoc } = ctx;
  const { documents, ordered, relative, previous } = inputs;
  const unrendered: Unrendered = {};
  const position = new Map(ordered.map((e, i) => [e.id, i]));
  // Pointers name documents by their file name or xml:id: correspContext's neighbours, and the text's refs.
  const byName = documentsByName(ordered);
  const correspondence = correspondenceOf(ordered, byName);
  const references = referencesOf(byName);
  const jobs = [...documents].map(([doc, { id }]) => {
    // A page needs only its neighbours' ids and titles for previous/next, not the whole list.
    const i = position.get(id)!;
    const neighbours = JSON.stringify(ordered.slice(Math.max(0, i - 1), i + 2).map(({ id, title }) => ({ id, title })));
    const links = correspondence(documents.get(doc)!);
    const leadsTo = references(documents.get(doc)!);
    // The map is laid out only for a page made again (a few ms each); whether it changed is told by its places.
    const places = inputs.placesOf(doc);
    const params: StylesheetParams = {
      'documents-json': neighbours,
      'correspondence-json': links,
      'references-json': leadsTo,
      'document-id': id,
      'path-to-root': '../',
      'source-path': publishedPath(config, doc),
    };
    const facsimile = inputs.viewer(doc);
    const pageInputs = {
      source: hashOfDoc(doc),
      neighbours: hashOf(neighbours, links, leadsTo),
      places: hashOf(JSON.stringify(places)),
      entries: inputs.entriesOf(doc),
      lists: inputs.listsHash,
      path: params['source-path']!,
      facsimile: viewerHash(facsimile),
    };
    return { doc, html: `documents/${id}.html`, text: `text/${id}.txt`, params, places, facsimile, inputs: pageInputs };
  });
  await xslt.expect(jobs.filter((job) => !plan.isCurrent(job.html, job.inputs) || !plan.isCurrent(job.text, job.inputs)).length);
  await inOrder(jobs, WINDOW, ({ doc, html, text, params: known, places, facsimile, inputs: pageInputs }, n) => {
    inputs.onProgress(n);
    // Both from one job, which reads the source once; each output keeps its own messages.
    let both: Promise<{ outputs: (string | undefined)[]; messages: Message[][] }> | undefined;
    const outputOf =
      (i: number) =>
      async (sink: Message[]): Promise<string | undefined> => {
        both ??= (async () => {
          const messages: Message[][] = [[], []];
          // Only the page shows the map and the facsimile.
          const withMap = {
            ...known,
            'map-json': inputs.drawing(places),
            ...(facsimile ? { 'facsimile-json': facsimile.json, 'facsimile-hosts': facsimile.hosts.join(' ') } : {}),
          };
          const outputs = await xslt.documents(
            doc,
            (['html', 'text'] as const).map((format, j) => ({ sink: messages[j]!, format, params: format === 'html' ? withMap : known })),
          );
          return { outputs, messages };
        })();
        const { outputs, messages } = await both;
        for (const m of messages[i]!) sink.push(m);
        return outputs[i];
      };
    const page = plan.start(html, pageInputs, async (sink) => {
      const output = await outputOf(0)(sink);
      if (output !== undefined) unrendered[relative(doc)] = unrenderedIn(output);
      return output;
    });
    const plain = plan.start(text, pageInputs, outputOf(1));
    return async () => {
      await page();
      await plain();
      if (!plan.written.has(html) && previous?.[relative(doc)]) unrendered[relative(doc)] = previous[relative(doc)]!;
    };
  });
  inputs.onProgress(documents.size);
  return { published: ordered.filter((e) => plan.has(`documents/${e.id}.html`) && plan.has(`text/${e.id}.txt`)), unrendered };
}

export const documents = family({
  name: 'documents',
  stage: 'pages',
  needs: ['edition', 'extracts', 'documentMaps', 'facsimiles', 'last'],
  gives: 'documents',
  async make(ctx, { edition, extracts, documentMaps, facsimiles, last }) {
    const { published, unrendered } = await makeDocuments(ctx, {
      documents: extracts.documents,
      ordered: extracts.ordered,
      entriesOf: edition.entriesOf.bind(edition),
      placesOf: documentMaps.placesOf,
      drawing: documentMaps.drawing,
      viewer: facsimiles.viewer,
      listsHash: edition.listsHash,
      relative: edition.relative.bind(edition),
      previous: last?.unrendered,
      onProgress: ctx.progress('render'),
    });
    const byId = new Map([...extracts.documents.keys()].map((d) => [documentId(d), d]));
    return {
      published,
      sources: published.map((e) => byId.get(e.id)!),
      unrendered,
      pages: editionPages(ctx.plan, extracts.introduction, published),
      publication: publishedOn(
        edition.intro?.text,
        published.map((e) => e.changed),
      ),
    };
  },
});

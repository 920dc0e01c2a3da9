/**
 * The site family: the pages made from every document's summary, each made again only when what it
 * lists changes. The home page and list/<n>.html (the documents in date order), the chronology (one
 * page, or a page per year past chronologyPageDates), the search page, and the whole edition as one
 * text (text/edition.txt), in parts.
 */
import { hashOf } from '../infra/hash.js';
import { joinParts, type Part } from '../incremental/parts.js';
import type { Message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { listing } from '../model/extracts.js';
import type { Summary } from '../model/extract-types.js';
import { chronology, chronologyItems, inChronologicalOrder, yearOf, type ChronologyItem } from '../model/chronology.js';
import { downloadsOf } from '../site/downloads.js';
import { timelineOf } from '../site/timeline.js';
import type { StylesheetParams } from '../transform/transform.js';
import type { EditionPages } from './pages.js';
import { makeEach, type BuildContext } from './context.js';
import { family } from './family.js';

interface SiteInputs {
  /** What the pages are made from: the introduction, or a stand-in when there is none. */
  introDoc: ReadDoc;
  introHash: string;
  /** What these pages show of the authority lists: which lists there are, and the entries' faces (a note edit changes none). */
  entryFaces: string;
  listsHash: string;
  /** The published documents' summaries, in date order. */
  published: readonly Summary[];
  /** Whether the build makes the book (print/edition.pdf) and the e-book (print/edition.epub), which the home and About pages offer. */
  pdf: boolean;
  epub: boolean;
}

/** The dates of these years, from one pass over the pages that have some: their extracts are read once, never all held. */
async function datesOfYears(pages: EditionPages, years: ReadonlySet<string>): Promise<Map<string, ChronologyItem[]>> {
  const dates = new Map<string, ChronologyItem[]>();
  const dated = pages.pages.filter(({ summary }) => summary.years.some(([year]) => years.has(year)));
  await pages.each(dated, (page) => {
    for (const item of chronologyItems(page)) {
      const year = yearOf(item);
      if (!years.has(year)) continue;
      if (!dates.has(year)) dates.set(year, []);
      dates.get(year)!.push(item);
    }
  });
  return dates;
}

/** The entry the most documents mention (the first by id among equals), or none. */
export function mostMentioned(summaries: readonly Summary[]): string | undefined {
  const documents = new Map<string, number>();
  for (const { mentioned } of summaries) for (const [entry] of mentioned) documents.set(entry, (documents.get(entry) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const [entry, n] of documents) if (!best || n > best[1] || (n === best[1] && entry < best[0])) best = [entry, n];
  return best?.[0];
}

async function makeSite(
  ctx: BuildContext,
  pages: EditionPages,
  { introDoc, introHash, entryFaces, listsHash, published, pdf, epub }: SiteInputs,
): Promise<void> {
  const { config, outDir, plan, xslt } = ctx;
  const siteInputs = (params: StylesheetParams): Record<string, string> => ({ intro: introHash, entries: entryFaces, params: hashOf(JSON.stringify(params)) });
  const site = async (mode: string, file: string, params: StylesheetParams = {}): Promise<void> => {
    await plan.make(file, siteInputs(params), (sink) => xslt.run(sink, introDoc, 'html', params, mode));
  };
  const downloads = JSON.stringify(downloadsOf({ pdf, epub }));
  await site('about', 'about.html', { 'downloads-json': downloads });
  // The documents in date order, listed on the home page and, past listPageDocuments, on list/2.html, …:
  // a changed title or summary remakes the page that lists it.
  const perList = config.listPageDocuments;
  const parts = Math.max(1, Math.ceil(published.length / perList));
  for (let part = 1; part <= parts; part++) {
    const listed = published.slice((part - 1) * perList, part * perList);
    const params = { 'documents-json': JSON.stringify(listed.map(listing)), part, parts, 'first-number': (part - 1) * perList + 1 };
    if (part === 1) await site('index', 'index.html', { ...params, 'downloads-json': downloads });
    else await site('document-list', `list/${part}.html`, { ...params, 'path-to-root': '../' });
  }
  const byYear = pages.by('years');
  const years = [...byYear.keys()].map((year) => {
    let count = 0;
    let first = '\uffff';
    for (const { summary } of byYear.get(year)!) {
      const [, n, sort] = summary.years.find(([y]) => y === year)!;
      count += n;
      if (sort < first) first = sort;
    }
    return { year, count, first };
  });
  // Years in the order of their first dates, as the chronology lists them.
  years.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  if (years.reduce((n, { count }) => n + count, 0) <= config.chronologyPageDates) {
    const dates = hashOf(...years.map(({ year }) => `${year}:${pages.digestOf('years', year, byYear.get(year))}`));
    await plan.make('chronology.html', { ...siteInputs({}), dates }, async (sink) => {
      const dated = pages.pages.filter(({ summary }) => summary.years.length > 0);
      const items = chronology(await pages.withExtracts(dated));
      return xslt.run(
        sink,
        introDoc,
        'html',
        { 'chronology-json': JSON.stringify(items), 'timeline-json': JSON.stringify(timelineOf(items, ctx.language.shortMonths) ?? null) },
        'chronology',
      );
    });
  } else {
    // Too many dates for one page: a page per year, each made again only when its own dates change.
    const yearList = years.map(({ year, count }) => ({ label: year, url: `chronology/${year}.html`, count }));
    await site('chronology', 'chronology.html', { 'chronology-years-json': JSON.stringify(yearList) });
    const yearJobs = years.map(({ year }) => ({
      file: `chronology/${year}.html`,
      inputs: { dates: pages.digestOf('years', year, byYear.get(year)), intro: introHash, lists: listsHash },
      year,
    }));
    // A dry run makes none of the pages: it needs none of their dates.
    const stale = plan.dryRun ? [] : yearJobs.filter((job) => !plan.isCurrent(job.file, job.inputs));
    const datesIn = await datesOfYears(pages, new Set(stale.map((job) => job.year)));
    await makeEach(ctx, yearJobs, async ({ year }, sink) => {
      const dates = inChronologicalOrder(datesIn.get(year) ?? []);
      datesIn.delete(year);
      const params = {
        'path-to-root': '../',
        'chronology-json': JSON.stringify(dates),
        'timeline-json': JSON.stringify(timelineOf(dates, ctx.language.shortMonths) ?? null),
        'chronology-years-json': JSON.stringify([{ label: year }]),
      };
      return xslt.document(sink, introDoc, 'html', params, 'chronology-year');
    });
  }
  // The search page's examples are the edition's own: its first and last dated documents, and the entry most of them mention.
  const dated = published.filter((summary) => summary.date?.when);
  await site('search', 'search.html', {
    'documents-json': JSON.stringify([dated[0], dated.at(-1)].filter((s) => s !== undefined).map(listing)),
    'entry-id': mostMentioned(published) ?? '',
  });
  // The whole edition as text, one part per text: an edit remakes the parts it changed.
  const textPart = (key: string, hash: string, text: () => Promise<string>): Part => ({
    key,
    hash: hashOf(hash, key === 'index' ? 'first' : 'next'),
    content: async () =>
      (key === 'index' ? '' : '\n\n\n') +
      (await text())
        .replace(/^\n+/, '')
        .replace(/\n{3,}/g, '\n\n\n')
        .trimEnd(),
  });
  const textParts = (sink: Message[]): Part[] => [
    textPart('index', hashOf(introHash, entryFaces), async () => xslt.run(sink, introDoc, 'text', {}, 'index') ?? ''),
    ...published.map((e) => textPart(e.id, plan.inputsOf(`text/${e.id}.txt`), async () => (await plan.text(`text/${e.id}.txt`)) ?? '')),
    { key: 'end', hash: 'end', content: () => '\n' },
  ];
  const texts = hashOf(...textParts([]).map((part) => `${part.key}=${part.hash}`));
  await plan.makeMany('edition-text', { texts }, (sink) => joinParts(outDir, 'text/edition.txt', textParts(sink)));
}

export const site = family({
  name: 'site',
  stage: 'site',
  needs: ['edition', 'documents'],
  async make(ctx, { edition, documents: { pages, published } }) {
    const { introDoc, listsHash } = edition;
    if (!introDoc) return;
    await makeSite(ctx, pages, {
      introDoc,
      introHash: edition.introHash(),
      entryFaces: edition.entryFaces(),
      listsHash,
      published,
      pdf: ctx.asked.pdf,
      epub: ctx.asked.epub,
    });
  },
});

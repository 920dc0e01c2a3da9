/**
 * What search filters pages by (search/facets.js): each page's kind of document, the days its
 * date may fall on and whether it is known to the day, and the entries it mentions. assets/search.js
 * counts and filters with it; the index holds passages, this holds pages, so a filter never needs
 * the index and the index never repeats a page's facets for each of its passages.
 */
import type { Authorities } from '../model/authorities.js';
import { ENTITY_KINDS } from '../model/entities.js';
import type { PageSummary } from '../model/extract-types.js';

export interface FacetPage {
  url: string;
  title: string;
  date: string;
  /** The first and last day its date may fall on ('' where open), and whether it is known to the day. */
  from: string;
  to: string;
  exact: boolean;
  /** For a letter: who sent it and who received it, with their places, as its header names them ('' for none). */
  sent: string;
  received: string;
  /** Its kinds and the entries it mentions, as indexes into FacetData's `classes` and `entries`. */
  classes: number[];
  entries: number[];
}

export interface FacetData {
  pages: FacetPage[];
  /** The kinds of document, by what the edition calls them. */
  classes: string[];
  /** Every entry a page mentions: its id, standard name and register (persons, places, …), by register. */
  entries: { id: string; name: string; register: string }[];
  /** The registers the entries belong to, in their order (the search page names each in the edition's words). */
  registers: { register: string }[];
}

const registerOrder = (register: string): number => ENTITY_KINDS.findIndex((k) => k.register === register);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What a page's class ('#' and a category's id, or a keyword) is called: the category's description, wherever the edition declares it, else its id; a keyword as written. */
export function classNamer(summaries: readonly Pick<PageSummary['summary'], 'categories'>[]): (key: string) => string {
  const declared = new Map<string, string>();
  for (const summary of summaries) for (const [id, label] of summary.categories) if (!declared.has(id)) declared.set(id, label);
  return (key) => (key.startsWith('#') ? (declared.get(key.slice(1)) ?? key.slice(1)) : key);
}

/** Those who sent (or received) a letter, their place after them: "Arthur Schnitzler (Wien)". */
function parties(corresp: PageSummary['summary']['corresp'], side: string): string {
  return corresp
    .filter((action) => action.type === side)
    .map((action) => {
      const names = [...action.persons, ...action.orgs]
        .map((p) => p.name)
        .filter(Boolean)
        .join(', ');
      const places = action.places
        .map((p) => p.name)
        .filter(Boolean)
        .join(', ');
      return names && places ? `${names} (${places})` : names || places;
    })
    .filter(Boolean)
    .join('; ');
}

/** The facets of these pages; a kind is named by the category its pointer names, wherever the edition declares it. */
export function facetData(pages: readonly PageSummary[], authorities: Authorities, language: string): FacetData {
  const collator = new Intl.Collator(language, { sensitivity: 'accent', numeric: true });
  const classOf = classNamer(pages.map((p) => p.summary));
  const classes = [...new Set(pages.flatMap(({ summary }) => summary.classes.map(classOf)))].sort(byText);
  const mentioned = [...new Set(pages.flatMap(({ summary }) => summary.mentioned.map(([entry]) => entry)))];
  const entries = mentioned
    .flatMap((id) => {
      const entry = authorities.get(id);
      return entry ? [{ id, name: entry.name, sortKey: entry.sortKey, register: entry.kind.register as string }] : [];
    })
    // As the registers list them: by surname where the name has one, as the edition's language sorts.
    .sort((a, b) => registerOrder(a.register) - registerOrder(b.register) || collator.compare(a.sortKey, b.sortKey) || byText(a.id, b.id))
    .map(({ id, name, register }) => ({ id, name, register }));
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const entryIndex = new Map(entries.map((e, i) => [e.id, i]));
  const registers = ENTITY_KINDS.filter((k) => entries.some((e) => e.register === k.register)).map(({ register }) => ({ register }));
  return {
    classes,
    entries,
    registers,
    pages: pages.map(({ url, summary }) => ({
      url,
      title: summary.title,
      date: summary.date?.label ?? '',
      from: summary.span?.from ?? '',
      to: summary.span?.to ?? '',
      exact: summary.span?.exact ?? false,
      sent: parties(summary.corresp, 'sent'),
      received: parties(summary.corresp, 'received'),
      classes: [...new Set(summary.classes.map((key) => classIndex.get(classOf(key))!))].sort((a, b) => a - b),
      entries: summary.mentioned.flatMap(([id]) => (entryIndex.has(id) ? [entryIndex.get(id)!] : [])).sort((a, b) => a - b),
    })),
  };
}

/** search/facets.js: the facets as a script, which loads from file:// as well as from a server. */
export const facetsScript = (data: FacetData): string => `window.editioFacets = ${JSON.stringify(data)};\n`;

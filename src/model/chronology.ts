/** The edition's dates in order, as the chronology lists them: each page's own date and the dates its text mentions, read from the extracts. */
import type { Extract, InContext, Page } from './extract-types.js';

export interface ChronologyItem extends InContext {
  kind: 'document' | 'mention';
  sort: string;
  when: string;
  label: string;
  url: string;
  anchor: string;
  title: string;
}

/** A page's own date and the dates its text mentions. */
export function itemsOf(url: string, extract: Omit<Extract, 'digests'>): ChronologyItem[] {
  const { date } = extract;
  return [
    ...(date ? [{ kind: 'document' as const, ...date, url, title: extract.title, before: '', text: '', after: '' }] : []),
    ...extract.dates.map((d) => ({ kind: 'mention' as const, ...d, url, title: extract.title })),
  ];
}

/** A page's own date and the dates its text mentions, in the order of the text. */
export const chronologyItems = ({ url, extract }: Page): ChronologyItem[] => itemsOf(url, extract);

/** The documents' own dates and the dates their texts mention, in order. */
export const chronology = (pages: readonly Page[]): ChronologyItem[] => inChronologicalOrder(pages.flatMap(chronologyItems));

/** Dates in the chronology's order: by date (those without a value last), a document's own before the mentions of it, then by page and place. */
export function inChronologicalOrder(items: readonly ChronologyItem[]): ChronologyItem[] {
  // Each item's key made once, not twice per comparison: a large edition has hundreds of thousands of dates.
  // Dates with no value to place them by ("Sommer 1889", "Dinstag") come after all the others, not before.
  const ranked = items.map((item) => ({
    item,
    rank: `${item.sort || '\uffff'}\u0000${item.kind === 'document' ? 0 : 1}\u0000${item.url}\u0000${item.anchor.padStart(8, '0')}`,
  }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked.map(({ item }) => item);
}

/** The chronology's year for dates with no year to place them by: its page chronology/undated.html, named in the edition's words (xslt/html/chronology.xsl, ed:year-label). */
export const UNDATED = 'undated';

export const yearOf = (item: ChronologyItem): string => /^-?\d{4,}/.exec(item.sort)?.[0] ?? UNDATED;

/** A document's extract completed with the words around each mention and date, and the summary the build keeps of it. */
import { hashOf } from '../infra/hash.js';
import { type ChronologyItem, itemsOf, yearOf } from './chronology.js';
import type { Extract, InContext, Listing, PlaceInBlock, RawExtract, Summary } from './extract-types.js';
import { linksOf } from './mention-links.js';

/** Characters of context shown around a mention (registers) and a date (chronology). */
const MENTION_CONTEXT = 60;
const DATE_CONTEXT = 80;

const squeeze = (s: string): string => s.replace(/[ \t\n\r]+/g, ' ');

/** A block's text as code points (what the offsets count): the string itself unless it has characters beyond the BMP. */
interface CodePoints {
  length: number;
  slice(start: number, end?: number): string;
}

function codePoints(text: string): CodePoints {
  if (!/[\uD800-\uDFFF]/.test(text)) return text;
  const chars = Array.from(text);
  return { length: chars.length, slice: (start, end) => chars.slice(start, end).join('') };
}

/** Where a cut falls inside a word, the word's cut part goes: a snippet shows whole words. */
const SPACE = ' ';

/*
 * Up to `width` characters of the block's text before and after a mention, whitespace squeezed,
 * cut between words ("… who would", not "…e, who would"), an ellipsis where it is cut.
 * A block with many mentions is not squeezed whole for each: a stretch of 4 × width is, and as
 * its squeezed form is a suffix (prefix) of the whole's, it gives the same cut once it is longer
 * than width + 1; only shorter ones are redone from the block's edge.
 */
function textBefore(chars: CodePoints, start: number, width: number): string {
  const cut = (from: number): string[] => {
    const squeezed = squeeze(chars.slice(from, start));
    return Array.from(from === 0 ? squeezed.replace(/^ /, '') : squeezed);
  };
  let words = cut(Math.max(0, start - 4 * width));
  if (words.length <= width + 1) words = cut(0);
  if (words.length <= width) return words.join('');
  let kept = words.slice(-width);
  if (words[words.length - width - 1] !== SPACE && kept[0] !== SPACE && kept.includes(SPACE)) kept = kept.slice(kept.indexOf(SPACE));
  return `… ${kept.join('').trimStart()}`;
}

function textAfter(chars: CodePoints, end: number, width: number): string {
  const cut = (to: number): string[] => {
    const squeezed = squeeze(chars.slice(end, to));
    return Array.from(to >= chars.length ? squeezed.replace(/ $/, '') : squeezed);
  };
  let words = cut(end + 4 * width);
  if (words.length <= width + 1) words = cut(chars.length);
  if (words.length <= width) return words.join('');
  let kept = words.slice(0, width);
  if (words[width] !== SPACE && kept.at(-1) !== SPACE && kept.includes(SPACE)) kept = kept.slice(0, kept.lastIndexOf(SPACE));
  return `${kept.join('').trimEnd()} …`;
}

/** Turns a document's extract as read into an Extract, as JSON. */
export function completeExtract({ blocks, mentions, dates, ...rest }: RawExtract): string {
  const charsOf = new Map<number, CodePoints>();
  const inContext = <T extends PlaceInBlock>({ block, start, end, ...item }: T, width: number): Omit<T, 'block' | 'start' | 'end'> & InContext => {
    let chars = charsOf.get(block);
    if (!chars) charsOf.set(block, (chars = codePoints(blocks[block] ?? '')));
    return { ...item, before: textBefore(chars, start, width), after: textAfter(chars, end, width) };
  };
  const extract: Omit<Extract, 'digests'> = {
    ...rest,
    mentions: mentions.map((m) => inContext(m, MENTION_CONTEXT)),
    dates: dates.map((d) => inContext(d, DATE_CONTEXT)),
  };
  // The page's address is left out: the build adds it to each digest.
  // 64 bits each: enough to tell an edit, and the state holds one per entry a document mentions.
  const digest = <T>(groups: Record<string, T[]>): Record<string, string> =>
    Object.fromEntries(Object.entries(groups).map(([key, items]) => [key, hashOf(JSON.stringify(items)).slice(0, 16)]));
  const years: Record<string, ChronologyItem[]> = {};
  for (const item of itemsOf('', extract)) (years[yearOf(item)] ??= []).push(item);
  return JSON.stringify({ ...extract, digests: { mentions: digest(linksOf('', extract)), years: digest(years) } });
}

export const listing = ({ id, title, date, summary, summaryOnly, place }: Listing): Listing => ({ id, title, date, summary, summaryOnly, place });

function sorted<T>(value: T): T;
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export function summaryOf(extract: Extract): Summary {
  const mentioned = new Map<string, number>();
  for (const m of extract.mentions) mentioned.set(m.entry, (mentioned.get(m.entry) ?? 0) + 1);
  const years = new Map<string, [string, number, string]>();
  for (const item of itemsOf('', extract)) {
    const year = years.get(yearOf(item));
    if (!year) years.set(yearOf(item), [yearOf(item), 1, item.sort]);
    else {
      year[1]++;
      if (item.sort < year[2]) year[2] = item.sort;
    }
  }
  // Keys in one order, whatever order the stylesheet wrote them in: a summary is compared as JSON.
  const { xmlId, lang, links, references, span, classes, categories, correspondents, corresp, changed } = extract;
  return sorted({
    ...listing(extract),
    xmlId,
    lang,
    links,
    references,
    span,
    classes,
    categories,
    correspondents,
    corresp,
    changed,
    digests: extract.digests,
    mentioned: [...mentioned],
    years: [...years.values()],
  });
}

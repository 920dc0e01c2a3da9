/**
 * Dates in the edition's language: an ISO date's words ("21 September 1966", "21. September
 * 1966", "21 septembre 1966") from the language's month names and the order of its parts
 * (src/i18n/catalogue.ts reads both off Intl), ranges with the words their ends share said once,
 * and the catalogue's phrases for a date between two others, before or after one, or about one.
 * xslt/common/dates.xsl writes dates the same way; test/i18n/dates.test.ts holds the two together.
 */
import { fill, type LanguagePack } from './catalogue.js';

export type DateWording = Pick<LanguagePack, 'messages' | 'months' | 'day' | 'month'>;

function isDate(year: number, month: number, day: number): boolean {
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1]!;
}

/** A pattern's {d}, {m} and {y} filled: the first of a month as the language writes it (French "1er"), other days and the year as numbers, the month by its name. */
const inPattern = (pattern: string, wording: DateWording, year: string, month: string, day: string): string =>
  pattern
    .replace('{d}', Number(day) === 1 ? fill(wording.messages, 'date.first-day') : String(Number(day)))
    .replace('{m}', wording.months[Number(month) - 1]!)
    .replace('{y}', String(Number(year)));

/** An ISO date in words ("21 September 1966", "September 1966"); other values as given. */
export function isoDateInWords(iso: string, wording: DateWording): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (day && isDate(Number(day[1]), Number(day[2]), Number(day[3]))) return inPattern(wording.day, wording, day[1]!, day[2]!, day[3]!);
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month && isDate(Number(month[1]), Number(month[2]), 1)) return inPattern(wording.month, wording, month[1]!, month[2]!, '01');
  return iso;
}

/**
 * Two dates in words as a range, the words they end alike in said once: "1–15 October 1966",
 * "1.–15. Oktober 1966", "1 September – 15 October 1966"; or between them, as the language says
 * it. Only dates given alike (to the day, to the month) share words.
 */
export function rangeInWords(first: string, last: string, form: 'from-to' | 'between', wording: DateWording): string {
  const [a, b] = [first.split(' '), last.split(' ')];
  let shared = 0;
  // Only dates of one precision (day and day, month and month) share words: "October 1966 and 15 October 1966" stays whole.
  while (a.length === b.length && shared < a.length - 1 && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
  const own = a.slice(0, a.length - shared).join(' ');
  const start = shared > 0 && shared < b.length ? own : first;
  if (form === 'between') return fill(wording.messages, 'date.between', { first: start, last });
  return /^\d+\.?$/.test(start) ? `${start}–${last}` : `${start} – ${last}`;
}

/** What TEI's dating attributes say, in words ('' for none): a day, a range, a date before or after which. */
export function datingInWords(at: (name: string) => string | undefined, wording: DateWording): string | undefined {
  const words = (iso: string): string => isoDateInWords(iso, wording);
  const [when, from, to, notBefore, notAfter] = ['when', 'from', 'to', 'notBefore', 'notAfter'].map(at);
  if (when !== undefined) return words(when);
  if (from !== undefined && to !== undefined) return from === to ? words(from) : rangeInWords(words(from), words(to), 'from-to', wording);
  if (notBefore !== undefined && notAfter !== undefined)
    return notBefore === notAfter ? words(notBefore) : rangeInWords(words(notBefore), words(notAfter), 'between', wording);
  if (notBefore !== undefined) return fill(wording.messages, 'date.not-before', { date: words(notBefore) });
  if (notAfter !== undefined) return fill(wording.messages, 'date.not-after', { date: words(notAfter) });
  return undefined;
}

/** A date's words with the editors' doubts: "about 1966" (its precision low or medium), "1966?" (its certainty under high). */
export const withDoubts = (words: string, { approximate, doubtful }: { approximate: boolean; doubtful: boolean }, wording: DateWording): string =>
  `${approximate ? fill(wording.messages, 'date.about', { date: words }) : words}${doubtful ? '?' : ''}`;

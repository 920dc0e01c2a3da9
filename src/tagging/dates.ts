/**
 * Dates in English prose, as TEI attributes. Written by hand rather than with a general date
 * parser: a parser fills in what the text does not say ("September 1966" becomes a day), and
 * TEI values must say exactly what the text says. The rules: "from X to Y" and "X–Y" are spans
 * (@from/@to); "between X and Y", a season or part of a month or year is an uncertain point
 * (@notBefore/@notAfter); "3 and 4 October 1966" is two dates. An element covers the words that
 * say the date, not an article before them ("the [first half of 1967]").
 */

import { isoDay, lastDay, nearestYear, pad, range, when, type DateMatch } from './date-values.js';
import { findContinentalDates, LEXICONS } from './dates-continental.js';

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** A word as prose writes it: as it is, with a capital (a sentence's first word), or in capitals (a telegram). */
const word = (w: string): string => `(?:${w}|${w[0]!.toUpperCase()}${w.slice(1)}|${w.toUpperCase()})`;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Jan\\.?',
  'Feb\\.?',
  'Mar\\.?',
  'Apr\\.?',
  'Jun\\.?',
  'Jul\\.?',
  'Aug\\.?',
  'Sept\\.?',
  'Sep\\.?',
  'Oct\\.?',
  'Nov\\.?',
  'Dec\\.?',
];
const MONTH = `(${[...MONTH_NAMES, ...MONTH_NAMES.map((m) => m.toUpperCase())].join('|')})`;
const YEAR = '(1[0-9]{3}|20[0-9]{2})';
const DAY = '([12][0-9]|3[01]|0?[1-9])';

const month = (name: string): number => MONTHS[name.toLowerCase().replace(/\.$/, '')]!;

const day = (y: string, m: string, d: string): string | undefined => isoDay(y, month(m), Number(d));

/** A single point in time, as plain text (no capture groups), for the range forms. */
const nc = (pattern: string): string => pattern.replace(/\((?!\?)/g, '(?:');
const POINT = nc(`(?:${DAY} ${MONTH},? ${YEAR}|${MONTH} ${DAY},? ${YEAR}|${MONTH},? ${YEAR}|${YEAR})`);
/** The first point of a pair, whose year (and month) the second gives: "3", "3 October", "Sept. 1". */
const PARTIAL = nc(`(?:${DAY} ${MONTH}|${MONTH} ${DAY}|${DAY})`);

/** The ISO value of one point, or undefined if the text is no whole point or no real day. */
function point(text: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^${DAY} ${MONTH},? ${YEAR}$`).exec(text))) return day(m[3]!, m[2]!, m[1]!);
  if ((m = new RegExp(`^${MONTH} ${DAY},? ${YEAR}$`).exec(text))) return day(m[3]!, m[1]!, m[2]!);
  if ((m = new RegExp(`^${MONTH},? ${YEAR}$`).exec(text))) return `${m[2]}-${pad(month(m[1]!))}`;
  if ((m = new RegExp(`^${YEAR}$`).exec(text))) return m[1];
  return undefined;
}

/** A first point completed from the second's year and month ("3" before "4 October 1966"). */
function completed(partial: string, full: string | undefined): string | undefined {
  const known = full ? /^(\d{4})-(\d{2})-\d{2}$/.exec(full) : null;
  if (!known) return undefined;
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^${DAY}$`).exec(partial))) return isoDay(known[1]!, Number(known[2]), Number(m[1]));
  if ((m = new RegExp(`^${DAY} ${MONTH}$`).exec(partial))) return day(known[1]!, m[2]!, m[1]!);
  if ((m = new RegExp(`^${MONTH} ${DAY}$`).exec(partial))) return day(known[1]!, m[1]!, m[2]!);
  return undefined;
}

const FIRST_PART = /^(early|beginning)/i;
const MIDDLE_PART = /^(mid|middle)/i;

/** Days of a month for "early", "mid-" and "late" (and "the beginning/middle/end of"): its thirds. */
function partOfMonth(part: string, y: string, m: string): Record<string, string> {
  const mm = month(m);
  const [a, b] = FIRST_PART.test(part) ? [1, 10] : MIDDLE_PART.test(part) ? [11, 20] : [21, lastDay(Number(y), mm)];
  return { notBefore: `${y}-${pad(mm)}-${pad(a)}`, notAfter: `${y}-${pad(mm)}-${pad(b)}` };
}

/** Months of a year for its thirds, halves and quarters. */
function partOfYear(part: string, y: string): Record<string, string> {
  const spans: [RegExp, number, number][] = [
    [/^first half/i, 1, 6],
    [/^second half/i, 7, 12],
    [/^first quarter/i, 1, 3],
    [/^second quarter/i, 4, 6],
    [/^third quarter/i, 7, 9],
    [/^fourth quarter/i, 10, 12],
    [FIRST_PART, 1, 4],
    [MIDDLE_PART, 5, 8],
  ];
  const [, a, b] = spans.find(([p]) => p.test(part)) ?? [/late|end/, 9, 12];
  return { notBefore: `${y}-${pad(a)}`, notAfter: `${y}-${pad(b)}` };
}

/**
 * A season of the northern hemisphere: spring March–May, summer June–August, autumn (fall)
 * September–November; a winter named by one year is the one most of whose days fall in it
 * (December of the year before to February), "winter 1966–67" the one between the two.
 */
function season(name: string, y: string, next: string | undefined): Record<string, string> | undefined {
  const year = Number(y);
  if (/^winter/i.test(name)) {
    const second = next === undefined ? year : Number(next.length === 2 ? `${y.slice(0, 2)}${next}` : next);
    if (next !== undefined && second !== year + 1) return undefined;
    return { notBefore: `${second - 1}-12`, notAfter: `${second}-02` };
  }
  if (next !== undefined) return undefined;
  const [a, b] = /^spring/i.test(name) ? [3, 5] : /^summer/i.test(name) ? [6, 8] : [9, 11];
  return { notBefore: `${y}-${pad(a)}`, notAfter: `${y}-${pad(b)}` };
}

/** One kind of date expression: its pattern, and the dates of a match (each a part of it, by default all of it). */
interface Form {
  pattern: RegExp;
  dates: (m: RegExpExecArray) => { attributes: Record<string, string> | undefined; text?: string; at?: number }[];
  why: string;
}

const whole = (attributes: Record<string, string> | undefined): { attributes: Record<string, string> | undefined }[] => [{ attributes }];
const PART = `(${word('early')}|${word('mid')}|${word('late')}|${word('middle')} of|${word('beginning')} of|${word('end')} of)`;

/** Longest forms first: a range is found before the dates inside it. */
const FORMS: Form[] = [
  {
    pattern: new RegExp(
      `\\b(${word('spring')}|${word('summer')}|${word('autumn')}|${word('fall')}|${word('winter')})(?: ${word('of')})? ${YEAR}(?:\\s?[–/-]\\s?(\\d{4}|\\d{2}))?\\b`,
      'g',
    ),
    dates: (m) => whole(season(m[1]!, m[2]!, m[3])),
    why: 'a season: the months it spans',
  },
  {
    pattern: new RegExp(`\\b${PART}[- ]${MONTH},? ${YEAR}\\b`, 'g'),
    dates: (m) => whole(partOfMonth(m[1]!, m[3]!, m[2]!)),
    why: 'part of a month: its first, middle or last ten days',
  },
  {
    pattern: new RegExp(
      `\\b(${PART}|${word('first')} half of|${word('second')} half of|(?:${word('first')}|${word('second')}|${word('third')}|${word('fourth')}) quarter of)[- ]${YEAR}\\b`,
      'g',
    ),
    dates: (m) => whole(partOfYear(m[1]!, m[m.length - 1]!)),
    why: 'part of a year: the months it spans',
  },
  {
    pattern: new RegExp(`\\b${word('between')} (${POINT}) ${word('and')} (${POINT})`, 'g'),
    dates: (m) => whole(range(point(m[1]!), point(m[2]!), ['notBefore', 'notAfter'])),
    why: 'between two dates: not before the one, not after the other',
  },
  {
    pattern: new RegExp(`\\b${word('between')} (${PARTIAL}) ${word('and')} (${POINT})`, 'g'),
    dates: (m) => whole(range(completed(m[1]!, point(m[2]!)), point(m[2]!), ['notBefore', 'notAfter'])),
    why: 'between two dates: not before the one, not after the other',
  },
  {
    pattern: new RegExp(`\\b${word('from')} (${POINT}) (?:to|until|till|TO|UNTIL) (${POINT})`, 'g'),
    dates: (m) => whole(range(point(m[1]!), point(m[2]!), ['from', 'to'])),
    why: 'a span, from one date to another',
  },
  {
    pattern: new RegExp(`\\b${word('from')} (${PARTIAL}) (?:to|until|till|TO|UNTIL) (${POINT})`, 'g'),
    dates: (m) => whole(range(completed(m[1]!, point(m[2]!)), point(m[2]!), ['from', 'to'])),
    why: 'a span, from one date to another',
  },
  {
    pattern: new RegExp(`\\b${MONTH} ${DAY} ?[–-] ?${DAY},? ${YEAR}\\b`, 'g'),
    dates: (m) => whole(range(day(m[4]!, m[1]!, m[2]!), day(m[4]!, m[1]!, m[3]!), ['from', 'to'])),
    why: 'a span of days',
  },
  {
    pattern: new RegExp(`\\b(${PARTIAL}) ?[–-] ?(${POINT})`, 'g'),
    dates: (m) => whole(range(completed(m[1]!, point(m[2]!)), point(m[2]!), ['from', 'to'])),
    why: 'a span, from one date to another',
  },
  { pattern: /\b(1[0-9]{3}|20[0-9]{2})\s?[–-]\s?(1[0-9]{3}|20[0-9]{2})\b/g, dates: (m) => whole(range(m[1]!, m[2]!, ['from', 'to'])), why: 'a span of years' },
  {
    pattern: new RegExp(`\\b(${PARTIAL}) ${word('and')} (${POINT})`, 'g'),
    dates: (m) => [
      { attributes: when(completed(m[1]!, point(m[2]!))), text: m[1]!, at: 0 },
      { attributes: when(point(m[2]!)), text: m[2]!, at: m[0].length - m[2]!.length },
    ],
    why: 'one of two dates in one phrase, the first taking its month and year from the second',
  },
  {
    pattern: /\b(1[0-9]{3}|20[0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\b/g,
    dates: (m) => whole(when(isoDay(m[1]!, Number(m[2]), Number(m[3])))),
    why: 'a day',
  },
  { pattern: new RegExp(`\\b${DAY} ${MONTH},? ${YEAR}\\b`, 'g'), dates: (m) => whole(when(day(m[3]!, m[2]!, m[1]!))), why: 'a day' },
  { pattern: new RegExp(`\\b${MONTH} ${DAY},? ${YEAR}\\b`, 'g'), dates: (m) => whole(when(day(m[3]!, m[1]!, m[2]!))), why: 'a day' },
  // Not after a day number: "30 February 1966" is no date at all, not February 1966.
  { pattern: new RegExp(`(?<!\\d\\s)\\b${MONTH},? ${YEAR}\\b`, 'g'), dates: (m) => whole({ when: `${m[2]}-${pad(month(m[1]!))}` }), why: 'a month' },
];

const NO_YEAR = '(?![,\\s]*\\d)';

/**
 * Days and months without a year ("SEPT. 8–10", "on 10 December"), as telegrams and letters write
 * them: dated only when the document has given a date before, whose year they take (the nearest).
 */
function yearless(referenceAt: (offset: number) => string | undefined): Form[] {
  // No year where there is no date before: the day is then no date (isoDay refuses it).
  const y = (m: RegExpExecArray, name: string): string => {
    const reference = referenceAt(m.index);
    return reference ? nearestYear(reference, month(name)) : '';
  };
  return [
    {
      pattern: new RegExp(`\\b${MONTH} ${DAY} ?[–-] ?${DAY}\\b${NO_YEAR}`, 'g'),
      dates: (m) => whole(range(day(y(m, m[1]!), m[1]!, m[2]!), day(y(m, m[1]!), m[1]!, m[3]!), ['from', 'to'])),
      why: 'a span of days, in the year of the document’s last date',
    },
    {
      pattern: new RegExp(`\\b${DAY} ?[–-] ?${DAY} ${MONTH}\\b${NO_YEAR}`, 'g'),
      dates: (m) => whole(range(day(y(m, m[3]!), m[3]!, m[1]!), day(y(m, m[3]!), m[3]!, m[2]!), ['from', 'to'])),
      why: 'a span of days, in the year of the document’s last date',
    },
    {
      pattern: new RegExp(`\\b${DAY} ${MONTH}\\b${NO_YEAR}`, 'g'),
      dates: (m) => whole(when(day(y(m, m[2]!), m[2]!, m[1]!))),
      why: 'a day, in the year of the document’s last date',
    },
    {
      pattern: new RegExp(`\\b${MONTH} ${DAY}\\b${NO_YEAR}`, 'g'),
      dates: (m) => whole(when(day(y(m, m[1]!), m[1]!, m[2]!))),
      why: 'a day, in the year of the document’s last date',
    },
  ];
}

/**
 * A bare year is a date only where the words say so: after a temporal preposition ("In 2000",
 * "since 1966") or standing alone before punctuation. So "No. 76.247", "ten aircraft", "p. 1966"
 * and "1966 pilots" are not dates.
 */
const BARE_YEAR = /(?<![\w.#§/-])(?<!\b(?:No|no|NO|p|pp|page|pages|vol|Vol|fol|nos?)\.?\s)(1[0-9]{3}|20[0-9]{2})(?![\w.,-]?\d)/g;
const TEMPORAL = /\b(in|In|IN|since|Since|SINCE|by|By|BY|until|till|during|before|after|from|of|around|circa|In the year)\s$/;

/**
 * The dates of a text, in its language (BCP 47; German and French as src/tagging/dates-continental.ts
 * reads them, any other as English); `reference`, the document's last date before it (ISO), dates
 * a day written without its year.
 */
export function findDates(text: string, reference?: string, language = 'en'): DateMatch[] {
  const continental = LEXICONS[language.split('-')[0]!.toLowerCase()];
  return continental ? findContinentalDates(text, reference, continental) : findEnglishDates(text, reference);
}

function findEnglishDates(text: string, reference?: string): DateMatch[] {
  const found: DateMatch[] = [];
  const taken = (start: number, end: number): boolean => found.some((f) => start < f.end && end > f.start);
  // The last date before an offset: one found before it in the text, else the one given.
  const referenceAt = (offset: number): string | undefined => {
    const before = found.filter((f) => f.end <= offset).sort((a, b) => b.end - a.end)[0]?.attributes;
    return before ? (before.when ?? before.from ?? before.notBefore) : reference;
  };
  for (const form of [...FORMS, ...yearless(referenceAt)]) {
    for (const m of text.matchAll(form.pattern)) {
      const start = m.index!;
      if (taken(start, start + m[0].length)) continue;
      const dates = form.dates(m as RegExpExecArray);
      // All the dates of a phrase, or none: "3 and 30 February 1966" is not half a date.
      if (dates.some((d) => !d.attributes)) continue;
      for (const d of dates) {
        const at = start + (d.at ?? 0);
        found.push({ start: at, end: at + (d.text ?? m[0]).length, attributes: d.attributes!, why: form.why });
      }
    }
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const before = text.slice(Math.max(0, start - 20), start);
    const after = text.slice(end, end + 1);
    const alone = /(^|[\s(])$/.test(before) && /^($|[,.;:)])/.test(after) && !new RegExp(`${MONTH}\\s$`).test(before);
    if (TEMPORAL.test(before) || alone) found.push({ start, end, attributes: { when: m[1]! }, why: 'a year, where the words say it is one' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Dates in German and French prose, as TEI attributes: languages that write the day before the
 * month ("9. Dezember 1888", "le 1er décembre 1888", "9.12.1888"), with their words for a span
 * ("vom 3. bis 7. August", "du 3 au 7 août"), for between ("zwischen dem 1. und 15. Oktober",
 * "entre le 1er et le 15 octobre"), for the parts of a month or a year ("Anfang Oktober 1966",
 * "début octobre 1966", "mi-octobre"), the seasons, and the days letters write without their
 * month or year ("am 3. d. M.", "am 5. Mai d. J."), which take them from the document's last
 * date. The same rules as the English finder (src/tagging/dates.ts): a value says exactly what
 * the words say, and a bare year is a date only where the words say so ("im Jahre 1888", "en 1888").
 */
import type { DateMatch } from './date-values.js';
import { isoDay, lastDay, nearestYear, pad, range, when } from './date-values.js';

/** What a language writes dates with. */
export interface Lexicon {
  /** Month names and their abbreviations, lower case, each with its number. */
  months: Record<string, number>;
  /** A day number as the language writes it, one capture group: "9." in German, "9" or "1er" in French. */
  day: string;
  /** Digits between two dots or slashes: the numeric date's separator ("9.12.1888", "9/12/1888"). */
  numeric: string;
  /** The words before the first and the second date of "between" and of a span. */
  between: [string, string];
  span: [string, string];
  /** The words for the first, middle and last third of a month or year. */
  parts: { first: string; middle: string; last: string };
  seasons: { spring: string; summer: string; autumn: string; winter: string };
  /** Words before a bare year that make it a date ("im Jahre", "seit", "en"). */
  beforeYear: string;
  /** "Of this month" and "of this year", as letters abbreviate them ("d. M.", "d. J.", "courant"). */
  thisMonth?: string;
  thisYear?: string;
  /** A day's name and what joins it to the date, which belong to the date ("Sonnabend, den 17. Januar", "lundi 17 février"). */
  weekday: string;
}

const monthTable = (names: Record<number, string[]>): Record<string, number> =>
  Object.fromEntries(Object.entries(names).flatMap(([n, forms]) => forms.map((f) => [f, Number(n)])));

export const LEXICONS: Record<string, Lexicon> = {
  de: {
    months: monthTable({
      1: ['januar', 'jänner', 'jan.', 'jän.'],
      2: ['februar', 'feber', 'febr.', 'feb.'],
      3: ['märz', 'mrz.'],
      4: ['april', 'apr.'],
      5: ['mai'],
      6: ['juni', 'jun.'],
      7: ['juli', 'jul.'],
      8: ['august', 'aug.'],
      9: ['september', 'sept.', 'sep.'],
      10: ['oktober', 'okt.'],
      11: ['november', 'nov.'],
      12: ['dezember', 'dez.'],
    }),
    day: '([12][0-9]|3[01]|0?[1-9])\\.',
    numeric: '\\.\\s?',
    between: ['zwischen(?: dem)?', 'und(?: dem)?'],
    span: ['vom', 'bis(?: zum)?'],
    parts: { first: 'Anfang', middle: 'Mitte', last: 'Ende' },
    seasons: { spring: 'Frühjahr|Frühling', summer: 'Sommer', autumn: 'Herbst', winter: 'Winter' },
    beforeYear: '[Ii]m Jahre?|[Ss]eit|[Bb]is|[Vv]or|[Nn]ach|[Aa]b|[Uu]m|[Ii]m|[Ii]n den Jahren',
    thisMonth: 'd\\.\\s?M\\.|dieses Monats',
    thisYear: 'd\\.\\s?J\\.|dieses Jahres',
    weekday: '(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)(?:,? den|,)? ',
  },
  fr: {
    months: monthTable({
      1: ['janvier', 'janv.'],
      2: ['février', 'févr.', 'fév.'],
      3: ['mars'],
      4: ['avril', 'avr.'],
      5: ['mai'],
      6: ['juin'],
      7: ['juillet', 'juil.'],
      8: ['août'],
      9: ['septembre', 'sept.'],
      10: ['octobre', 'oct.'],
      11: ['novembre', 'nov.'],
      12: ['décembre', 'déc.'],
    }),
    day: '(1er|[12][0-9]|3[01]|0?[1-9])',
    numeric: '/',
    between: ['entre le', 'et le'],
    span: ['du', 'au'],
    parts: { first: 'au début de|début de|début|au commencement de', middle: 'à la mi-|mi-|au milieu de|milieu de|milieu', last: 'à la fin de|fin de|fin' },
    seasons: { spring: 'printemps', summer: 'été', autumn: 'automne', winter: 'hiver' },
    beforeYear: "[Ee]n|[Dd]epuis|[Dd]ès|[Vv]ers|[Aa]vant|[Aa]près|[Jj]usqu’en|[Jj]usqu'en",
    thisMonth: 'courant|c(?:ou)?t\\.',
    weekday: '(?:[Ll]undi|[Mm]ardi|[Mm]ercredi|[Jj]eudi|[Vv]endredi|[Ss]amedi|[Dd]imanche),? ',
  },
};

/** No letter or digit on this side: a word's edge in any script (JavaScript's \b knows ASCII only). */
const EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}])';
const YEAR = '(1[0-9]{3}|20[0-9]{2})';
/** A regular expression's groups as plain groups, for a part matched whole and read again. */
const nc = (pattern: string): string => pattern.replace(/\((?!\?)/g, '(?:');
/** Words at a sentence's start take a capital: "Début", "Zwischen". */
const either = (words: string): string => words.replace(/(^|\|)(\p{Ll})/gu, (_, bar: string, c: string) => `${bar}[${c}${c.toUpperCase()}]`);

interface Form {
  pattern: RegExp;
  dates: (m: RegExpExecArray) => Record<string, string> | undefined;
  why: string;
}

/** The forms of one language, longest first: a range is found before the dates inside it. */
function formsOf(lex: Lexicon, referenceAt: (offset: number) => string | undefined): Form[] {
  const names = Object.keys(lex.months).sort((a, b) => b.length - a.length);
  const MONTH = `(${names
    .map((n) => n.replace('.', '\\.'))
    .map((n) => `${n}|${n[0]!.toUpperCase()}${n.slice(1)}`)
    .join('|')})`;
  const monthOf = (name: string): number => lex.months[name.toLowerCase()]!;
  const dayOf = (written: string): number => Number(written.replace(/\D+$/, '').replace(/er$/, ''));
  const DAY = lex.day;
  const day = (y: string, m: string, d: string): string | undefined => isoDay(y, monthOf(m), dayOf(d));
  const POINT = nc(`(?:${DAY} ${MONTH} ${YEAR}|${MONTH} ${YEAR}|${YEAR})`);
  const PARTIAL = nc(`(?:${DAY} ${MONTH}|${DAY})`);
  const point = (text: string): string | undefined => {
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^${DAY} ${MONTH} ${YEAR}$`, 'u').exec(text))) return day(m[3]!, m[2]!, m[1]!);
    if ((m = new RegExp(`^${MONTH} ${YEAR}$`, 'u').exec(text))) return `${m[2]}-${pad(monthOf(m[1]!))}`;
    if ((m = new RegExp(`^${YEAR}$`, 'u').exec(text))) return m[1];
    return undefined;
  };
  const completed = (partial: string, full: string | undefined): string | undefined => {
    const known = full ? /^(\d{4})-(\d{2})-\d{2}$/.exec(full) : null;
    if (!known) return undefined;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^${DAY}$`, 'u').exec(partial))) return isoDay(known[1]!, Number(known[2]), dayOf(m[1]!));
    if ((m = new RegExp(`^${DAY} ${MONTH}$`, 'u').exec(partial))) return day(known[1]!, m[2]!, m[1]!);
    return undefined;
  };
  const third = (part: string): 0 | 1 | 2 =>
    new RegExp(`^(?:${lex.parts.first})$`, 'iu').test(part) ? 0 : new RegExp(`^(?:${lex.parts.middle})$`, 'iu').test(part) ? 1 : 2;
  const partOfMonth = (part: string, y: string, m: string): Record<string, string> | undefined => {
    if (!y) return undefined;
    const mm = monthOf(m);
    const [a, b] = [
      [1, 10],
      [11, 20],
      [21, lastDay(Number(y), mm)],
    ][third(part)]!;
    return { notBefore: `${y}-${pad(mm)}-${pad(a!)}`, notAfter: `${y}-${pad(mm)}-${pad(b!)}` };
  };
  const partOfYear = (part: string, y: string): Record<string, string> => {
    const [a, b] = [
      [1, 4],
      [5, 8],
      [9, 12],
    ][third(part)]!;
    return { notBefore: `${y}-${pad(a!)}`, notAfter: `${y}-${pad(b!)}` };
  };
  const season = (name: string, y: string): Record<string, string> => {
    const year = Number(y);
    if (new RegExp(`^(?:${lex.seasons.winter})$`, 'iu').test(name)) return { notBefore: `${year - 1}-12`, notAfter: `${y}-02` };
    const [a, b] = new RegExp(`^(?:${lex.seasons.spring})$`, 'iu').test(name)
      ? [3, 5]
      : new RegExp(`^(?:${lex.seasons.summer})$`, 'iu').test(name)
        ? [6, 8]
        : [9, 11];
    return { notBefore: `${y}-${pad(a)}`, notAfter: `${y}-${pad(b)}` };
  };
  const yearOf = (m: RegExpExecArray, monthName: string | undefined): string => {
    const reference = referenceAt(m.index);
    if (!reference) return '';
    return monthName ? nearestYear(reference, monthOf(monthName)) : reference.slice(0, 4);
  };
  const PART = `(${either(lex.parts.first)}|${either(lex.parts.middle)}|${either(lex.parts.last)})`;
  const SEASON = `(${either(Object.values(lex.seasons).join('|'))})`;
  const [BETWEEN, AND] = lex.between.map(either) as [string, string];
  const [FROM, TO] = lex.span.map(either) as [string, string];
  const NO_YEAR = '(?![,\\s]*\\d)';
  const forms: Form[] = [
    // "mi-octobre" is written with a hyphen, the others with a space; "Sommer 1889", "l'été 1889".
    {
      pattern: new RegExp(`${EDGE_BEFORE}${SEASON}(?: de)? ${YEAR}${EDGE_AFTER}`, 'gu'),
      dates: (m) => season(m[1]!, m[2]!),
      why: 'a season: the months it spans',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}${PART} ?${MONTH} ${YEAR}${EDGE_AFTER}`, 'gu'),
      dates: (m) => partOfMonth(m[1]!, m[3]!, m[2]!),
      why: 'part of a month: its first, middle or last ten days',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}${PART} ?${YEAR}${EDGE_AFTER}`, 'gu'),
      dates: (m) => partOfYear(m[1]!, m[2]!),
      why: 'part of a year: its first, middle or last months',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}(?:${BETWEEN}) (${POINT}) (?:${AND}) (${POINT})${EDGE_AFTER}`, 'gu'),
      dates: (m) => range(point(m[1]!), point(m[2]!), ['notBefore', 'notAfter']),
      why: 'between two dates: not before the one, not after the other',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}(?:${BETWEEN}) (${PARTIAL}) (?:${AND}) (${POINT})${EDGE_AFTER}`, 'gu'),
      dates: (m) => range(completed(m[1]!, point(m[2]!)), point(m[2]!), ['notBefore', 'notAfter']),
      why: 'between two dates: not before the one, not after the other',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}(?:${FROM}) (${POINT}) (?:${TO}) (${POINT})${EDGE_AFTER}`, 'gu'),
      dates: (m) => range(point(m[1]!), point(m[2]!), ['from', 'to']),
      why: 'a span, from one date to another',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}(?:${FROM}) (${PARTIAL}) (?:${TO}) (${POINT})${EDGE_AFTER}`, 'gu'),
      dates: (m) => range(completed(m[1]!, point(m[2]!)), point(m[2]!), ['from', 'to']),
      why: 'a span, from one date to another',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}(${PARTIAL}) ?[–-] ?(${POINT})${EDGE_AFTER}`, 'gu'),
      dates: (m) => range(completed(m[1]!, point(m[2]!)), point(m[2]!), ['from', 'to']),
      why: 'a span, from one date to another',
    },
    {
      pattern: /(?<![\p{L}\p{N}])(1[0-9]{3}|20[0-9]{2}) ?[–-] ?(1[0-9]{3}|20[0-9]{2})(?![\p{L}\p{N}])/gu,
      dates: (m) => range(m[1]!, m[2]!, ['from', 'to']),
      why: 'a span of years',
    },
    // Numbers only, as letters date themselves: "9.12.1888", "9. 12. 1888", "9/12/1888".
    {
      pattern: new RegExp(`${EDGE_BEFORE}([12][0-9]|3[01]|0?[1-9])${lex.numeric}(1[0-2]|0?[1-9])${lex.numeric}${YEAR}${EDGE_AFTER}`, 'gu'),
      dates: (m) => when(isoDay(m[3]!, Number(m[2]), Number(m[1]))),
      why: 'a day, written in numbers',
    },
    {
      pattern: /(?<![\p{L}\p{N}])(1[0-9]{3}|20[0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(?![\p{L}\p{N}])/gu,
      dates: (m) => when(isoDay(m[1]!, Number(m[2]), Number(m[3]))),
      why: 'a day',
    },
    { pattern: new RegExp(`${EDGE_BEFORE}${DAY} ${MONTH} ${YEAR}${EDGE_AFTER}`, 'gu'), dates: (m) => when(day(m[3]!, m[2]!, m[1]!)), why: 'a day' },
    // Not after a day number: "30. Februar 1966" is no date at all, not February 1966.
    {
      pattern: new RegExp(`(?<!\\d\\.?\\s)${EDGE_BEFORE}${MONTH} ${YEAR}${EDGE_AFTER}`, 'gu'),
      dates: (m) => ({ when: `${m[2]}-${pad(monthOf(m[1]!))}` }),
      why: 'a month',
    },
    ...(lex.thisYear
      ? [
          {
            pattern: new RegExp(`${EDGE_BEFORE}${DAY} ${MONTH} (?:${lex.thisYear})`, 'gu'),
            dates: (m: RegExpExecArray) => when(day(yearOf(m, undefined), m[2]!, m[1]!)),
            why: 'a day of this year: the year of the document’s last date',
          },
        ]
      : []),
    ...(lex.thisMonth
      ? [
          {
            pattern: new RegExp(`${EDGE_BEFORE}${DAY} (?:${lex.thisMonth})`, 'gu'),
            dates: (m: RegExpExecArray) => {
              const r = referenceAt(m.index);
              return when(r && /^\d{4}-\d{2}/.test(r) ? isoDay(r.slice(0, 4), Number(r.slice(5, 7)), dayOf(m[1]!)) : undefined);
            },
            why: 'a day of this month: the month of the document’s last date',
          },
        ]
      : []),
    {
      pattern: new RegExp(`${EDGE_BEFORE}(?:${FROM}) (${PARTIAL}) (?:${TO}) ${DAY} ${MONTH}${EDGE_AFTER}${NO_YEAR}`, 'gu'),
      dates: (m) => {
        const y = yearOf(m, m[3]!);
        return range(completed(m[1]!, day(y, m[3]!, m[2]!)), day(y, m[3]!, m[2]!), ['from', 'to']);
      },
      why: 'a span of days, in the year of the document’s last date',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}(${PARTIAL}) ?[–-] ?${DAY} ${MONTH}${EDGE_AFTER}${NO_YEAR}`, 'gu'),
      dates: (m) => {
        const y = yearOf(m, m[3]!);
        return range(completed(m[1]!, day(y, m[3]!, m[2]!)), day(y, m[3]!, m[2]!), ['from', 'to']);
      },
      why: 'a span of days, in the year of the document’s last date',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}(?:${BETWEEN}) (${PARTIAL}) (?:${AND}) ${DAY} ${MONTH}${EDGE_AFTER}${NO_YEAR}`, 'gu'),
      dates: (m) => {
        const y = yearOf(m, m[3]!);
        return range(completed(m[1]!, day(y, m[3]!, m[2]!)), day(y, m[3]!, m[2]!), ['notBefore', 'notAfter']);
      },
      why: 'between two days, in the year of the document’s last date',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}${PART} ?${MONTH}${EDGE_AFTER}${NO_YEAR}`, 'gu'),
      dates: (m) => partOfMonth(m[1]!, yearOf(m, m[2]!), m[2]!),
      why: 'part of a month, in the year of the document’s last date',
    },
    {
      pattern: new RegExp(`${EDGE_BEFORE}${DAY} ${MONTH}${EDGE_AFTER}${NO_YEAR}`, 'gu'),
      dates: (m) => when(day(yearOf(m, m[2]!), m[2]!, m[1]!)),
      why: 'a day, in the year of the document’s last date',
    },
  ];
  return forms;
}

/** The dates of a text in a language that writes the day first; `reference` as findDates has it. */
export function findContinentalDates(text: string, reference: string | undefined, lex: Lexicon): DateMatch[] {
  const found: DateMatch[] = [];
  const taken = (start: number, end: number): boolean => found.some((f) => start < f.end && end > f.start);
  const referenceAt = (offset: number): string | undefined => {
    const before = found.filter((f) => f.end <= offset).sort((a, b) => b.end - a.end)[0]?.attributes;
    return before ? (before.when ?? before.from ?? before.notBefore) : reference;
  };
  const weekday = new RegExp(`${EDGE_BEFORE}${lex.weekday}$`, 'u');
  for (const form of formsOf(lex, referenceAt)) {
    for (const m of text.matchAll(form.pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const attributes = form.dates(m as RegExpExecArray);
      // The day's name before a day is part of the date: "Sonnabend, den 17. Januar", "lundi 17 février".
      const named = /^\d{4}-\d{2}-\d{2}$/.test(attributes?.when ?? attributes?.from ?? attributes?.notBefore ?? '')
        ? weekday.exec(text.slice(Math.max(0, start - 24), start))
        : null;
      if (attributes) found.push({ start: start - (named?.[0].length ?? 0), end, attributes, why: form.why });
    }
  }
  // A bare year where the words say it is one ("im Jahre 1888", "seit 1966", "en 1888"), or standing alone before punctuation.
  const temporal = new RegExp(`(?:^|[\\s(])(?:${lex.beforeYear})\\s$`, 'u');
  // Not the year of a day that is no date ("30. Februar 1966"): a month's name before it.
  const afterMonth = new RegExp(
    `(?:${Object.keys(lex.months)
      .map((n) => n.replace('.', '\\.'))
      .join('|')})\\s$`,
    'iu',
  );
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.#§/-])(1[0-9]{3}|20[0-9]{2})(?![\p{L}.,-]?\d)(?![\p{L}])/gu)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const before = text.slice(Math.max(0, start - 20), start);
    const alone = /(^|[\s(])$/.test(before) && /^($|[,.;:)])/.test(text.slice(end, end + 1));
    if ((temporal.test(before) || alone) && !afterMonth.test(before))
      found.push({ start, end, attributes: { when: m[1]! }, why: 'a year, where the words say it is one' });
  }
  return found.sort((a, b) => a.start - b.start);
}

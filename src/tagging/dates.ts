/**
 * Dates in English prose, as TEI attributes. Written by hand rather than with a general date
 * parser: a parser fills in what the text does not say ("September 1966" becomes a day), and
 * TEI values must say exactly what the text says. One rule for ranges: "from X to Y" and
 * "X–Y" are spans (@from/@to); "between X and Y" is an uncertain point (@notBefore/@notAfter).
 */

export interface DateMatch {
  start: number;
  end: number;
  attributes: Record<string, string>;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const YEAR = '(1[0-9]{3}|20[0-9]{2})';
const DAY = '([12][0-9]|3[01]|0?[1-9])';

const pad = (n: number): string => String(n).padStart(2, '0');
const month = (name: string): number => MONTHS[name.toLowerCase().replace(/\.$/, '')]!;

function isoDay(y: string, mm: number, dd: number): string | undefined {
  const days = new Date(Date.UTC(Number(y), mm, 0)).getUTCDate();
  return dd >= 1 && dd <= days ? `${y}-${pad(mm)}-${pad(dd)}` : undefined;
}

const day = (y: string, m: string, d: string): string | undefined => isoDay(y, month(m), Number(d));

/** One kind of date expression: its pattern, and the TEI value(s) of a match. */
interface Form {
  pattern: RegExp;
  value: (m: RegExpExecArray) => Record<string, string> | undefined;
}

/** A single point in time, as plain text (no capture groups), for the range forms. */
const nc = (pattern: string): string => pattern.replace(/\((?!\?)/g, '(?:');
const POINT = nc(`(?:${DAY} ${MONTH},? ${YEAR}|${MONTH} ${DAY},? ${YEAR}|${MONTH},? ${YEAR}|${YEAR})`);

/** The ISO value of one point, or undefined if the text is no whole point or no real day. */
function point(text: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^${DAY} ${MONTH},? ${YEAR}$`).exec(text))) return day(m[3]!, m[2]!, m[1]!);
  if ((m = new RegExp(`^${MONTH} ${DAY},? ${YEAR}$`).exec(text))) return day(m[3]!, m[1]!, m[2]!);
  if ((m = new RegExp(`^${MONTH},? ${YEAR}$`).exec(text))) return `${m[2]}-${pad(month(m[1]!))}`;
  if ((m = new RegExp(`^${YEAR}$`).exec(text))) return m[1];
  return undefined;
}

/** Two points as a range, if the first is not after the second. */
function range(a: string, b: string, names: [string, string]): Record<string, string> | undefined {
  const from = point(a);
  const to = point(b);
  return from && to && from <= to ? { [names[0]]: from, [names[1]]: to } : undefined;
}

const when = (value: string | undefined): Record<string, string> | undefined => (value ? { when: value } : undefined);

/** Longest forms first: a range is found before the dates inside it. */
const FORMS: Form[] = [
  { pattern: new RegExp(`\\bbetween (${POINT}) and (${POINT})`, 'g'), value: (m) => range(m[1]!, m[2]!, ['notBefore', 'notAfter']) },
  { pattern: new RegExp(`\\bfrom (${POINT}) (?:to|until|till) (${POINT})`, 'g'), value: (m) => range(m[1]!, m[2]!, ['from', 'to']) },
  { pattern: /\b(1[0-9]{3}|20[0-9]{2})\s?[–-]\s?(1[0-9]{3}|20[0-9]{2})\b/g, value: (m) => range(m[1]!, m[2]!, ['from', 'to']) },
  { pattern: /\b(1[0-9]{3}|20[0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\b/g, value: (m) => when(isoDay(m[1]!, Number(m[2]), Number(m[3]))) },
  { pattern: new RegExp(`\\b${DAY} ${MONTH},? ${YEAR}\\b`, 'g'), value: (m) => when(day(m[3]!, m[2]!, m[1]!)) },
  { pattern: new RegExp(`\\b${MONTH} ${DAY},? ${YEAR}\\b`, 'g'), value: (m) => when(day(m[3]!, m[1]!, m[2]!)) },
  // Not after a day number: "30 February 1966" is no date at all, not February 1966.
  { pattern: new RegExp(`(?<!\\d\\s)\\b${MONTH},? ${YEAR}\\b`, 'g'), value: (m) => ({ when: `${m[2]}-${pad(month(m[1]!))}` }) },
];

/**
 * A bare year is a date only where the words say so: after a temporal preposition ("In 2000",
 * "since 1966") or standing alone before punctuation. So "No. 76.247", "ten aircraft", "p. 1966"
 * and "1966 pilots" are not dates.
 */
const BARE_YEAR = /(?<![\w.#§/-])(?<!\b(?:No|no|p|pp|page|pages|vol|Vol|fol|nos?)\.?\s)(1[0-9]{3}|20[0-9]{2})(?![\w.,-]?\d)/g;
const TEMPORAL = /\b(in|In|since|Since|by|until|till|during|before|after|from|of|around|circa|early|late|mid|In the year)\s$/;

export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  const taken = (start: number, end: number): boolean => found.some((f) => start < f.end && end > f.start);
  for (const form of FORMS) {
    for (const m of text.matchAll(form.pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const attributes = form.value(m as RegExpExecArray);
      if (attributes) found.push({ start, end, attributes });
    }
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const before = text.slice(Math.max(0, start - 20), start);
    const after = text.slice(end, end + 1);
    const alone = /(^|[\s(])$/.test(before) && /^($|[,.;:)])/.test(after) && !new RegExp(`${MONTH}\\s$`).test(before);
    if (TEMPORAL.test(before) || alone) found.push({ start, end, attributes: { when: m[1]! } });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The values dates take in TEI: ISO days, months and years, and ranges of them; shared by the date finders of every language. */

export const pad = (n: number): string => String(n).padStart(2, '0');
export const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function isoDay(y: string, mm: number, dd: number): string | undefined {
  return /^\d{4}$/.test(y) && dd >= 1 && dd <= lastDay(Number(y), mm) ? `${y}-${pad(mm)}-${pad(dd)}` : undefined;
}

/** One point as a date's attributes, or none for no value (not a real day). */
export const when = (value: string | undefined): Record<string, string> | undefined => (value ? { when: value } : undefined);

/** Two points as a range, if the first is not after the second. */
export function range(from: string | undefined, to: string | undefined, names: [string, string]): Record<string, string> | undefined {
  return from && to && from <= to ? { [names[0]]: from, [names[1]]: to } : undefined;
}

/** Of the years around a known date's, the one that puts a day and month nearest to it ("Jan. 2" after 30 December 1966 is in 1967). */
export function nearestYear(reference: string, mm: number): string {
  const [y, m] = reference.split('-').map(Number) as [number, number | undefined];
  const month = m ?? 6;
  const candidates = [y - 1, y, y + 1].map((year) => ({ year, distance: Math.abs(year * 12 + mm - (y * 12 + month)) }));
  return String(candidates.sort((a, b) => a.distance - b.distance)[0]!.year);
}

/** A date found in a text: where it stands, the attributes of its <date>, and which form of date it is. */
export interface DateMatch {
  start: number;
  end: number;
  attributes: Record<string, string>;
  /** Which form of date it is, for the editor who reviews it. */
  why: string;
}

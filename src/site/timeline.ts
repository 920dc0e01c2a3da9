/**
 * The chronology's timeline, laid out when the page is built: time runs down an axis, each date a
 * dot at its day, its label to the right, moved down only as far as it must be not to touch the
 * label above (so no two labels overlap, at any number of dates). Years far from the rest (an
 * introduction's "in 2000" beside documents of 1966–67) get an axis piece of their own after a
 * break, instead of squeezing the rest into a corner. Ticks fall on round months or years. The
 * SVG is drawn at its own size in pixels (xslt/html/chronology.xsl), so its words are read at the
 * size they are set in.
 */
import type { ChronologyItem } from '../model/chronology.js';

/** Pixels: the figure's width, where the axis and the labels stand, a label's line, a tick label's room. */
const WIDTH = 380;
const AXIS_X = 84;
const LABEL_X = 104;
const LINE = 22;
const TICK_SPACING = 40;
const END_PAD = 12;
const BREAK = 30;
/** Two different days' dots stand at least this far apart, unless that would make their run more than GROWTH times as long, or longer than MAX_RUN. */
const DOT_GAP = 12;
const GROWTH = 6;
const MAX_RUN = 1000;
/** However many dates a page has, the axis stays about this long; past LABELLED_ALL dates a label that would stand more than two lines below its dot is left to the dot's hover text and the list below. */
const MAX_AXIS = 1200;
const LABELLED_ALL = 40;
const DAY_MS = 86_400_000;
const MONTH_STEPS = [1, 2, 3, 6];
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

export interface TimelinePoint {
  y: number;
  /** Where its label stands, if it has one. */
  labelY?: number;
  kind: ChronologyItem['kind'];
  /** The date's place, from the edition's root. */
  href: string;
  label: string;
  /** What the date is, read on hover: the document's title, or the words around the date. */
  title: string;
}

export interface Timeline {
  width: number;
  height: number;
  /** How many dates it shows, from which year to which (its caption says it in the edition's words). */
  dates: number;
  first: number;
  last: number;
  axes: { y1: number; y2: number }[];
  /** Where the axis breaks between pieces far apart in time. */
  breaks: number[];
  ticks: { y: number; label: string }[];
  axisX: number;
  labelX: number;
  points: TimelinePoint[];
}

/** A date as a day number (days since 1970), from an ISO value (YYYY, YYYY-MM, YYYY-MM-DD, a year of more digits or before 0); undefined if it is none. */
export function dayOf(iso: string): number | undefined {
  const m = /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return undefined;
  const month = Number(m[2] ?? 1);
  const day = Number(m[3] ?? 1);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

const dateOfDay = (day: number): Date => new Date(day * DAY_MS);

/** Dates in runs: a new run where the gap to the last date is both over two years and over a quarter of the whole span. */
function runsOf(days: readonly number[]): number[][] {
  const limit = Math.max(730, (days.at(-1)! - days[0]!) / 4);
  const runs: number[][] = [[days[0]!]];
  for (const day of days.slice(1)) {
    if (day - runs.at(-1)!.at(-1)! > limit) runs.push([day]);
    else runs.at(-1)!.push(day);
  }
  return runs;
}

/** Round months or years between two days, spaced at least TICK_SPACING apart at `perDay` pixels a day. */
function ticksBetween(from: number, to: number, perDay: number, shortMonths: readonly string[]): { day: number; label: string }[] {
  const start = dateOfDay(from);
  const end = dateOfDay(to);
  if (to - from <= 3 * 366) {
    const step = MONTH_STEPS.find((s) => s * 30.4 * perDay >= TICK_SPACING);
    if (step !== undefined) {
      const ticks: { day: number; label: string }[] = [];
      for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); ; m++) {
        const date = new Date(0);
        date.setUTCFullYear(y, m, 1);
        if (date > end) break;
        if (date >= start && date.getUTCMonth() % step === 0)
          ticks.push({ day: Math.round(date.getTime() / DAY_MS), label: `${shortMonths[date.getUTCMonth()]} ${date.getUTCFullYear()}` });
      }
      return ticks;
    }
  }
  const step = YEAR_STEPS.find((s) => s * 365.25 * perDay >= TICK_SPACING) ?? YEAR_STEPS.at(-1)!;
  const ticks: { day: number; label: string }[] = [];
  for (let year = Math.ceil(start.getUTCFullYear() / step) * step; year <= end.getUTCFullYear(); year += step) {
    const day = dayOf(`${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}`)!;
    if (day >= from && day <= to) ticks.push({ day, label: String(year) });
  }
  return ticks;
}

const yearOfDay = (day: number): number => dateOfDay(day).getUTCFullYear();

/** The timeline of a chronology's dates (in chronological order); undefined if none has a day. */
export function timelineOf(items: readonly ChronologyItem[], shortMonths: readonly string[]): Timeline | undefined {
  const dated = items.flatMap((item) => {
    const day = dayOf(item.sort);
    return day === undefined ? [] : [{ item, day }];
  });
  if (dated.length === 0) return undefined;
  dated.sort((a, b) => a.day - b.day);
  const runs = runsOf(dated.map((d) => d.day));
  // Each run as long as its share of the time the figure shows, at least a line for each of its
  // dates, and long enough that the dots of different days stand apart.
  const lengthOfTime = Math.min(dated.length * LINE, MAX_AXIS);
  const spans = runs.map((run) => run.at(-1)! - run[0]!);
  const totalSpan = spans.reduce((a, b) => a + b, 0);
  const axes: Timeline['axes'] = [];
  const breaks: number[] = [];
  const ticks: Timeline['ticks'] = [];
  const yOfDay = new Map<number, number>();
  let top = END_PAD;
  runs.forEach((run, i) => {
    if (i > 0) {
      breaks.push(top + BREAK / 2);
      top += BREAK;
    }
    const closest = Math.min(
      ...run
        .slice(1)
        .map((day, j) => day - run[j]!)
        .filter((gap) => gap > 0),
    );
    const base = Math.max(Math.min((run.length - 1) * LINE, MAX_AXIS), totalSpan === 0 ? 0 : (lengthOfTime * spans[i]!) / totalSpan);
    const length = Math.max(base, Math.min(MAX_RUN, GROWTH * base, (spans[i]! * DOT_GAP) / closest));
    const perDay = spans[i]! === 0 ? 0 : length / spans[i]!;
    const at = (day: number): number => Math.round((top + END_PAD + (day - run[0]!) * perDay) * 10) / 10;
    for (const day of run) yOfDay.set(day, at(day));
    const found = perDay === 0 ? [] : ticksBetween(run[0]!, run.at(-1)!, perDay, shortMonths);
    // A piece with no round month or year within it names the year of its dates.
    for (const tick of found.length > 0 ? found : [{ day: run[0]!, label: String(yearOfDay(run[0]!)) }]) ticks.push({ y: at(tick.day), label: tick.label });
    axes.push({ y1: top, y2: top + length + 2 * END_PAD });
    top += length + 2 * END_PAD;
  });
  let below = -Infinity;
  const points = dated.map(({ item, day }): TimelinePoint => {
    const y = yOfDay.get(day)!;
    const title = `${item.label}: ${item.kind === 'document' ? item.title : item.before + item.text + item.after}`;
    const point = { y, kind: item.kind, href: item.anchor ? `${item.url}#${item.anchor}` : item.url, label: item.label, title };
    const labelY = Math.max(y, below + LINE);
    if (dated.length > LABELLED_ALL && labelY - y > 2 * LINE) return point;
    below = labelY;
    return { ...point, labelY };
  });
  const first = yearOfDay(dated[0]!.day);
  const last = yearOfDay(dated.at(-1)!.day);
  return {
    width: WIDTH,
    height: Math.ceil(Math.max(top, below + END_PAD) + END_PAD),
    // Its caption in the edition's words (xslt/html/chronology.xsl): how many dates, in which years.
    dates: dated.length,
    first,
    last,
    axes,
    breaks,
    ticks,
    axisX: AXIS_X,
    labelX: LABEL_X,
    points,
  };
}

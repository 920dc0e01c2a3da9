/**
 * Finding any of many names in a text, in time linear in the text and without a pattern built
 * from the names: a regular expression joining 20,000 names took minutes to run, and one of
 * 40,000 characters could not be compiled at all ("Regular expression too large").
 *
 * The names are kept sorted, as keys; a walk from a place in the text narrows the range of keys
 * that begin with the characters read so far (a trie laid out in a sorted array: no node per
 * character, so 100,000 names cost no more memory than their strings). The first two characters
 * are looked up in a map, so a place where no name starts costs one lookup.
 */

/** A text as the names are compared with it: each of its characters knows where in the original it came from. */
export interface Keyed {
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the original; one more entry for the end. */
  origin: ArrayLike<number>;
}

/** Runs of white space as one space: names break across lines. Linear: a text node may be megabytes. */
export function collapseSpace(text: string): Keyed {
  const origin = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let at = 0;
  let from = 0;
  for (const run of text.matchAll(/\s+/g)) {
    for (let i = from; i < run.index; i++) origin[at++] = i;
    origin[at++] = run.index;
    parts.push(text.slice(from, run.index), ' ');
    from = run.index + run[0].length;
  }
  for (let i = from; i < text.length; i++) origin[at++] = i;
  parts.push(text.slice(from));
  origin[at] = text.length;
  return { text: parts.join(''), origin: origin.subarray(0, at + 1) };
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** A character before `i` (a whole surrogate pair), or undefined at the start. */
const charBefore = (text: string, i: number): string | undefined => {
  if (i === 0) return undefined;
  const low = text.charCodeAt(i - 1);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff ? text.slice(i - 2, i) : text[i - 1];
};
const charAt = (text: string, i: number): string | undefined => (i < text.length ? String.fromCodePoint(text.codePointAt(i)!) : undefined);

/** Whether a name may start at `i` of a keyed text: no letter or digit right before it. */
export const startsWord = (text: string, i: number): boolean => !isWordChar(charBefore(text, i));
/** Whether a name may end at `end`: no letter or digit right after it. */
export const endsWord = (text: string, end: number): boolean => !isWordChar(charAt(text, end));

export class NameIndex {
  /** The keys, sorted by UTF-16 unit, each once. */
  private readonly keys: string[];
  /** The range of keys of each first two characters (one character for a key of one). */
  private readonly ranges = new Map<string, [number, number]>();

  constructor(keys: Iterable<string>) {
    this.keys = [...new Set(keys)].filter((k) => k.length > 0).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < this.keys.length; i++) {
      for (const head of [this.keys[i]!.slice(0, 1), this.keys[i]!.slice(0, 2)]) {
        const range = this.ranges.get(head);
        if (range) range[1] = i + 1;
        else this.ranges.set(head, [i, i + 1]);
      }
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** The first index in [lo, hi) whose key's unit at `depth` is at least `unit` (a key that ends before counts as less). */
  private lowerBound(lo: number, hi: number, depth: number, unit: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const key = this.keys[mid]!;
      if (key.length <= depth || key.charCodeAt(depth) < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The ends of the keys that stand in `text` at `start`, longest first. */
  *endsAt(text: string, start: number): Generator<number> {
    const ends: number[] = [];
    // A key of one character sorts first among the keys that begin with it.
    const single = start < text.length ? this.ranges.get(text[start]!) : undefined;
    if (single && this.keys[single[0]]!.length === 1) ends.push(start + 1);
    const pair = start + 2 <= text.length ? this.ranges.get(text.slice(start, start + 2)) : undefined;
    if (pair) {
      let [lo, hi] = pair;
      for (let depth = 2; lo < hi; depth++) {
        // The keys of the range share `depth` units; one that ends here sorts first.
        if (this.keys[lo]!.length === depth) {
          ends.push(start + depth);
          lo++;
        }
        if (start + depth >= text.length || lo >= hi) break;
        const unit = text.charCodeAt(start + depth);
        lo = this.lowerBound(lo, hi, depth, unit);
        hi = this.lowerBound(lo, hi, depth, unit + 1);
      }
    }
    for (let k = ends.length - 1; k >= 0; k--) yield ends[k]!;
  }

  /** Whether any key stands anywhere in `text` (word boundaries or not). */
  occursIn(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.ranges.has(text[i]!) && !this.endsAt(text, i).next().done) return true;
    return false;
  }

  /**
   * The keys in `text`, leftmost first, each the longest that starts there and ends where
   * `accept` says a name may end (by default, where a word ends); none overlaps another. Only
   * places where a word starts are tried.
   */
  find(text: string, accept: (end: number) => boolean = (end) => endsWord(text, end)): { start: number; end: number }[] {
    const found: { start: number; end: number }[] = [];
    for (let i = 0; i < text.length; i++) {
      // No name begins with this character: the usual case, and the cheapest test.
      if (!this.ranges.has(text[i]!) || !startsWord(text, i)) continue;
      for (const end of this.endsAt(text, i)) {
        if (!accept(end)) continue;
        found.push({ start: i, end });
        i = end - 1;
        break;
      }
    }
    return found;
  }
}

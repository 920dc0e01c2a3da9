/**
 * Text as names are compared: quotes and apostrophes, dashes and runs of white space each made
 * one character, diacritics taken off ("Võ Nguyên Giáp" is "Vo Nguyen Giap", "Đồng" is "Dong"),
 * case kept (what case may differ is the finder's rule). The text itself is never changed: each
 * folded character knows where it came from, so a match is put back on the text as written.
 */

/** Letters that carry their difference in the letter itself, not in a combining mark. */
const LETTERS: Record<string, string> = {
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Þ: 'Th',
  þ: 'th',
};
const APOSTROPHE = /^['’‘‛ʼ`´′]$/u;
const QUOTE = /^["“”„‟″«»]$/u;
const DASH = /^[-‐‑‒–—―−﹘﹣－]$/u;

export interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the original it came from; one more entry for the end. */
  origin: number[];
}

function foldChar(ch: string): string {
  if (APOSTROPHE.test(ch)) return "'";
  if (QUOTE.test(ch)) return '"';
  if (DASH.test(ch)) return '-';
  return LETTERS[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
}

export function fold(text: string): Folded {
  const parts: string[] = [];
  const origin: number[] = [];
  // Whether the last character kept is a space: endsWith on a string being built would copy it each time.
  let space = false;
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const isSpace = /^\s$/u.test(ch);
    if (!(isSpace && space)) {
      const folded = isSpace ? ' ' : foldChar(ch);
      for (let k = 0; k < folded.length; k++) origin.push(i);
      parts.push(folded);
      if (folded.length > 0) space = isSpace;
    }
    i += ch.length;
  }
  origin.push(text.length);
  return { text: parts.join(''), origin };
}

/** A span of the folded text, as a span of the original. */
export function unfold(folded: Folded, start: number, end: number): { start: number; end: number } {
  return { start: folded.origin[start]!, end: end < folded.text.length ? folded.origin[end]! : folded.origin[folded.text.length]! };
}

/**
 * Whether `written` (folded) may be a mention of `name` (folded) whose letters it matched
 * regardless of case: as the lists write it, all in capitals (a telegram), or with a capital
 * where a word of the name starts ("North Korean Air Force" for "North Korean air force").
 * A name's hyphen may be written as a space, its apostrophe left out.
 * Never the other way: "the general staff" is not "General".
 */
export function caseFits(writtenAs: string, listed: string): boolean {
  const written = writtenAs.replace(/'/g, '');
  const name = listed.replace(/'/g, '');
  if (written === name) return true;
  if (written.length !== name.length) return false;
  if (written === written.toUpperCase() && /\p{Lu}/u.test(written)) return true;
  // Letter by letter: the same, a capital where a word starts, or a space where the name has a hyphen ("MiG 21").
  for (let k = 0; k < written.length; k++) {
    const w = written[k]!;
    const n = name[k]!;
    const wordStart = k === 0 || !/[\p{L}\p{N}]/u.test(name[k - 1]!);
    if (w !== n && !(wordStart && w === n.toUpperCase()) && !(n === '-' && w === ' ')) return false;
  }
  return true;
}

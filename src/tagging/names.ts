import type { AuthorityEntry } from '../model/authorities.js';
import { escapeRegExp } from '../infra/escape.js';
import { endsWord, NameIndex, startsWord, type Keyed } from '../text/name-index.js';
import { caseFits, fold, unfold, type Folded } from './fold.js';
import { SURNAME_PARTICLES } from '../model/name-particles.js';

/**
 * Titles that belong to a person's mention when they stand right before the name: "Comrade
 * Phung The Tai", "General Giap", "Gen. Giap". The one rule: such a title joins the mention, as <roleName>.
 */
export const TITLES = [
  'Comrade',
  'General',
  'Lieutenant General',
  'Major General',
  'Colonel',
  'Lieutenant',
  'Major',
  'Captain',
  'Marshal',
  'Admiral',
  'President',
  'Vice President',
  'Premier',
  'Prime Minister',
  'Deputy Prime Minister',
  'Minister',
  'Foreign Minister',
  'Defense Minister',
  'Defence Minister',
  'Chairman',
  'Ambassador',
  'Secretary',
  'General Secretary',
  'First Secretary',
  'Secretary of State',
  'Deputy',
  'Senator',
  'Governor',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Mr',
  'Mrs',
  'Ms',
  'Dr.',
  'Dr',
  'Professor',
  'Prof.',
  'King',
  'Queen',
  'Prince',
  'Emperor',
  'Gen.',
  'Lt.',
  'Lt. Gen.',
  'Maj.',
  'Maj. Gen.',
  'Col.',
  'Capt.',
  'Adm.',
  'Pres.',
  'Amb.',
  'Sen.',
  'Gov.',
];

export interface NameMatch {
  start: number;
  end: number;
  entry: AuthorityEntry;
  /** Length of a leading title, to be wrapped in <roleName>. */
  title: number;
  nested: NameMatch[];
  /** Why this is a mention of the entry, for the editor who reviews it. */
  why: string;
}

/** Words that may name one of several entries: tagged only by hand, or when the document settles it. */
export interface Ambiguity {
  start: number;
  end: number;
  name: string;
  ids: string[];
  why: string;
}

/**
 * A folded text as names are matched in it: lower case, a hyphen as a space, no apostrophes, as a
 * name may be written: "MiG 21", "Peoples Army of Vietnam", "Korean Workers Party". Each
 * character is lowered on its own, so that a name and a text containing it key alike.
 */
function keyed(text: string): Keyed {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (ch !== "'") {
      const key = ch === '-' ? ' ' : ch.toLowerCase();
      for (let k = 0; k < key.length; k++) origin.push(i);
      out += key;
    }
    i += ch.length;
  }
  origin.push(text.length);
  return { text: out, origin };
}
const keyOf = (name: string): string => keyed(name).text;

interface Spelling {
  name: string;
  entry: AuthorityEntry;
}

/** Every entry's names as matched: folded, by their lower case; and the names themselves, for the case rule. */
function index(spellings: Iterable<Spelling>): Map<string, Spelling[]> {
  const byKey = new Map<string, Spelling[]>();
  for (const s of spellings) byKey.set(keyOf(s.name), [...(byKey.get(keyOf(s.name)) ?? []), s]);
  return byKey;
}

/**
 * The names in a folded text, leftmost first, each the longest there, where a word starts and
 * ends (a plural or possessive "s" may follow: "MiG-17s", "Giap's", or a German genitive's "ens" after s, ß, x or z: "Krausens"): their spans in the folded
 * text and their keys. `resume` says where to look on after each (by default, after it).
 */
function* namesIn(
  index: NameIndex,
  folded: string,
  resume: (found: { start: number; end: number; key: string }) => number | undefined = () => undefined,
): Generator<{ start: number; end: number; key: string }> {
  const key = keyed(folded);
  for (let i = 0; i < key.text.length; i++) {
    const start = key.origin[i]!;
    if (!startsWord(folded, start)) continue;
    for (const end of index.endsAt(key.text, i)) {
      const stop = key.origin[end - 1]! + 1;
      const genitive = folded[stop] === 's' ? 1 : /[sßxz]/.test(folded[stop - 1]!) && folded.startsWith('ens', stop) ? 3 : 0;
      if (!endsWord(folded, stop) && !(genitive > 0 && endsWord(folded, stop + genitive))) continue;
      const found = { start, end: stop, key: key.text.slice(i, end) };
      yield found;
      const next = resume(found) ?? stop;
      // On from the first place at or after `next`.
      while (i + 1 < key.text.length && key.origin[i + 1]! < next) i++;
      break;
    }
  }
}

const entriesOf = (spellings: readonly Spelling[]): AuthorityEntry[] => [...new Set(spellings.map((s) => s.entry))];

/**
 * Finds the authority lists' names in text, longest first, with the names nested inside them;
 * then a person's short forms (a first or last word of a name of theirs: "Giap", "Kim", "Tai"),
 * each tagged when it is one person's in the lists or the document has named just one of its
 * persons in full before, and otherwise reported.
 */
export class NameFinder {
  private readonly byName: Map<string, Spelling[]>;
  private readonly byShortForm: Map<string, Spelling[]>;
  private readonly names: NameIndex;
  private readonly shortForms: NameIndex;
  private readonly titled: RegExp;

  /** `inflected`: a name's inflection is part of its mention, as German editions tag a genitive ("<persName>Schnitzlers</persName>"). */
  constructor(
    entries: readonly AuthorityEntry[],
    private readonly inflected = false,
  ) {
    const spellings = entries.flatMap((entry) => entry.names.map((name) => ({ name: fold(name).text, entry })));
    this.byName = index(spellings);
    const titles = new RegExp(`^(?:${TITLES.map(escapeRegExp).join('|')}) `, 'u');
    const shortForms = spellings.flatMap(({ name, entry }) => {
      if (entry.kind.entry !== 'person') return [];
      let bare = name;
      while (titles.test(bare)) bare = bare.replace(titles, '');
      const words = bare.split(' ');
      if (words.length < 2) return [];
      const single = [...new Set([words[0]!, words.at(-1)!])].filter((w) => /^\p{Lu}[\p{L}'-]{2,}$/u.test(w) && !this.byName.has(keyOf(w)));
      return [...single, ...surnameForms(words)].map((w) => ({ name: w, entry }));
    });
    this.byShortForm = index(shortForms);
    this.names = new NameIndex(this.byName.keys());
    this.shortForms = new NameIndex(this.byShortForm.keys());
    this.titled = new RegExp(`(?:^|(?<![\\p{L}\\p{N}]))(${TITLES.map(escapeRegExp).join('|')}) $`, 'iu');
  }

  /**
   * The names in `text`. `named` holds the persons the document has named in full so far (it is
   * added to); `skip`, the entry whose name is being looked into for names nested in it.
   */
  find(text: string, named: Set<AuthorityEntry> = new Set(), skip?: AuthorityEntry): { matches: NameMatch[]; ambiguous: Ambiguity[] } {
    const matches: NameMatch[] = [];
    const ambiguous: Ambiguity[] = [];
    const namedBefore = new Set(named);
    const folded = fold(text);
    // The name of the entry being looked into is looked into again from its next character, for the names inside it.
    let again = false;
    for (const m of namesIn(this.names, folded.text, (found) => (again ? found.start + 1 : undefined))) {
      const written = folded.text.slice(m.start, m.end);
      const spellings = (this.byName.get(m.key) ?? []).filter((s) => caseFits(written, s.name));
      again = spellings.length > 0 && spellings.every((s) => s.entry === skip);
      if (again) continue;
      const entries = entriesOf(spellings.filter((s) => s.entry !== skip));
      const { start, end } = this.withInflection(text, unfold(folded, m.start, m.end));
      if (entries.length > 1) {
        ambiguous.push({ start, end, name: text.slice(start, end), ids: entries.map((e) => e.id), why: 'a name of each of them in the lists' });
        continue;
      }
      const entry = entries[0];
      if (!entry) continue;
      const exact = entry.names.includes(text.slice(start, end).replace(/\s+/g, ' '));
      const inner = this.find(text.slice(start, end), new Set(), entry).matches.map((n) => shift(n, start));
      // Within a longer name, only names of two words or more are tagged too: "Central Military
      // Party Committee" in "Current Affairs Committee of the …", but not "Vietnam" in "North Vietnam".
      const nested = inner.filter((n) => (n.start > start || n.end < end) && /\s/.test(text.slice(n.start, n.end).trim()));
      matches.push(
        this.titledMatch(text, folded, m.start, {
          start,
          end,
          entry,
          title: 0,
          nested,
          why: exact ? 'a name in the lists' : 'a name in the lists, written with other quotes, dashes, accents or capitals',
        }),
      );
      if (entry.kind.entry === 'person') named.add(entry);
    }
    const taken = (s: number, e: number): boolean => matches.some((n) => s < n.end && e > n.start) || ambiguous.some((n) => s < n.end && e > n.start);
    for (const m of skip ? [] : namesIn(this.shortForms, folded.text)) {
      const { start, end } = this.withInflection(text, unfold(folded, m.start, m.end));
      const spellings = (this.byShortForm.get(m.key) ?? []).filter((s) => caseFits(folded.text.slice(m.start, m.end), s.name));
      const entries = entriesOf(spellings);
      if (entries.length === 0 || taken(start, end)) continue;
      // Named in full before: in an earlier part of the document, or earlier in this text.
      const before = new Set(entries.filter((e) => namedBefore.has(e) || matches.some((n) => n.entry === e && n.start < start)));
      const entry = entries.length === 1 ? entries[0]! : before.size === 1 ? [...before][0]! : undefined;
      if (!entry) {
        const why = before.size > 1 ? 'the document has named each of them in full' : 'the document has named none of them in full before';
        ambiguous.push({
          start,
          end,
          name: text.slice(start, end),
          ids: entries.map((e) => e.id),
          why: `a short form of ${entries.length} persons in the lists, and ${why}`,
        });
        continue;
      }
      const why =
        entries.length === 1
          ? 'a short form of this person’s name, no other person’s in the lists'
          : 'a short form of this person’s name, whom the document named in full before';
      matches.push(this.titledMatch(text, folded, m.start, { start, end, entry, title: 0, nested: [], why }));
    }
    return { matches: matches.sort((a, b) => a.start - b.start), ambiguous };
  }

  /** A mention's span, with the ending of a genitive after it where the language's editions tag it so: "Schnitzlers", "Krausens" (after s, ß, x, z). */
  private withInflection(text: string, span: { start: number; end: number }): { start: number; end: number } {
    if (!this.inflected) return span;
    const ending = /[sßxz]$/u.test(text.slice(span.start, span.end)) ? /^ens(?![\p{L}\p{N}])/u : /^s(?![\p{L}\p{N}])/u;
    const m = ending.exec(text.slice(span.end, span.end + 4));
    return m ? { ...span, end: span.end + m[0].length } : span;
  }

  /** A person's mention with the title that stands before it ("General Giap"), or in its name as listed. */
  private titledMatch(text: string, folded: Folded, foldedStart: number, match: NameMatch): NameMatch {
    if (match.entry.kind.entry !== 'person') return match;
    const titled = this.titled.exec(folded.text.slice(0, foldedStart));
    if (titled && caseFits(titled[1]!, TITLES.find((t) => t.toLowerCase() === titled[1]!.toLowerCase())!)) {
      const start = folded.origin[foldedStart - titled[0].length]!;
      return { ...match, start, title: text.slice(start, match.start).trimEnd().length };
    }
    const written = text.slice(match.start, match.end);
    const own = TITLES.find((t) => written.startsWith(`${t} `));
    return own ? { ...match, title: own.length } : match;
  }
}

/**
 * The ways letters write a person's surname short, from a name written forenames first: with its
 * particle, which goes with it written alone ("von Hagen"), after the forenames' initials ("F. Hagen", "F. von Hagen", "F. v. Hagen",
 * "H. L. Hofmannsthal").
 */
function surnameForms(words: readonly string[]): string[] {
  const surname = words.at(-1)!;
  const particles = words.slice(0, -1).filter((w) => SURNAME_PARTICLES.has(w));
  const forenames = words.slice(0, -1).filter((w) => !SURNAME_PARTICLES.has(w));
  if (
    !/^\p{Lu}/u.test(surname) ||
    forenames.length === 0 ||
    !forenames.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) ||
    particles.length !== words.length - 1 - forenames.length
  )
    return [];
  const particle = particles.join(' ');
  const short = particles.map((p) => `${p[0]}.`).join(' ');
  const initials = [...new Set([`${forenames[0]![0]}.`, forenames.map((w) => `${w[0]}.`).join(' ')])];
  return [
    ...(particle ? [`${particle} ${surname}`] : []),
    ...initials.flatMap((i) => (particle ? [`${i} ${surname}`, `${i} ${particle} ${surname}`, `${i} ${short} ${surname}`] : [`${i} ${surname}`])),
  ];
}

function shift(match: NameMatch, by: number): NameMatch {
  return { ...match, start: match.start + by, end: match.end + by, nested: match.nested.map((n) => shift(n, by)) };
}

/** Capitalised word groups that are no entry: names an editor may want to add to the lists. */
export function suggestions(text: string, taken: (start: number, end: number) => boolean): { start: number; end: number; name: string }[] {
  const found: { start: number; end: number; name: string }[] = [];
  const group = /(?<![\p{L}\p{N}.])(\p{Lu}[\p{L}’'-]+(?:\s+(?:of|the|de|van|von|du|la)?\s*\p{Lu}[\p{L}’'-]+)+)/gu;
  for (const m of text.matchAll(group)) {
    const start = m.index!;
    const end = start + m[1]!.length;
    const atSentenceStart = /(^|[.!?]\s+)$/.test(text.slice(0, start));
    if (taken(start, end) || (atSentenceStart && !/\s\p{Lu}/u.test(m[1]!.slice(1)))) continue;
    found.push({ start, end, name: m[1]!.replace(/\s+/g, ' ') });
  }
  return found;
}

import type { AuthorityEntry } from '../authorities.js';
import { namePattern } from '../escape.js';


/**
 * Titles that belong to a person's mention when they stand right before the name: "Comrade
 * Phung The Tai", "General Giap". The one rule: such a title joins the mention, as <roleName>.
 */
export const TITLES = [
  'Comrade', 'General', 'Lieutenant General', 'Major General', 'Colonel', 'Lieutenant', 'Major', 'Captain', 'Marshal',
  'Admiral', 'President', 'Vice President', 'Premier', 'Prime Minister', 'Minister', 'Chairman', 'Ambassador', 'Secretary',
  'Secretary of State', 'Deputy', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Professor', 'King', 'Queen', 'Prince', 'Emperor',
];


export interface NameMatch {
  start: number;
  end: number;
  entry: AuthorityEntry;
  /** Length of a leading title, to be wrapped in <roleName>. */
  title: number;
  nested: NameMatch[];
}

export interface Ambiguity {
  start: number;
  end: number;
  name: string;
  ids: string[];
}

// A name ends where a word would: a plural or possessive "s" may follow ("MiG-17s").
const AFTER = '(?=s?(?![\\p{L}\\p{N}]))';

/** Finds the authority lists' names in text, longest first, with the names nested inside them. */
export class NameFinder {
  private readonly byName = new Map<string, AuthorityEntry[]>();
  private readonly pattern: RegExp | undefined;
  private readonly titled: RegExp;

  constructor(entries: readonly AuthorityEntry[]) {
    for (const entry of entries) for (const name of entry.names) this.byName.set(name, [...(this.byName.get(name) ?? []), entry]);
    const names = [...this.byName.keys()].sort((a, b) => b.length - a.length);
    this.pattern = names.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(namePattern).join('|')})${AFTER}`, 'gu') : undefined;
    this.titled = new RegExp(`(?:^|(?<![\\p{L}\\p{N}]))(${TITLES.map(namePattern).join('|')})\\s+$`, 'u');
  }

  find(text: string, skip?: AuthorityEntry): { matches: NameMatch[]; ambiguous: Ambiguity[] } {
    const matches: NameMatch[] = [];
    const ambiguous: Ambiguity[] = [];
    if (!this.pattern) return { matches, ambiguous };
    const pattern = new RegExp(this.pattern.source, this.pattern.flags);
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if ((this.byName.get(m[0].replace(/\s+/g, ' ')) ?? []).every((e) => e === skip)) {
        // The name of the entry being looked into: look again from the next character.
        pattern.lastIndex = m.index + 1;
        continue;
      }
      const name = m[0].replace(/\s+/g, ' ');
      const entries = (this.byName.get(name) ?? []).filter((e) => e !== skip);
      let start = m.index!;
      const end = start + m[0].length;
      if (entries.length > 1) {
        ambiguous.push({ start, end, name, ids: entries.map((e) => e.id) });
        continue;
      }
      const entry = entries[0];
      if (!entry) continue;
      let title = 0;
      const titled = entry.kind.entry === 'person' ? this.titled.exec(text.slice(0, start)) : null;
      if (titled) {
        start -= titled[0].length;
        title = titled[1]!.length;
      } else {
        const own = TITLES.find((t) => name.startsWith(t + ' '));
        if (own && entry.kind.entry === 'person') title = own.length;
      }
      const inner = this.find(text.slice(m.index, end), entry).matches.map((n) => shift(n, m!.index));
      // Within a longer name, only names of two words or more are tagged too: "Central Military
      // Party Committee" in "Current Affairs Committee of the …", but not "Vietnam" in "North Vietnam".
      const nested = inner.filter((n) => (n.start > m!.index || n.end < end) && /\s/.test(text.slice(n.start, n.end).trim()));
      matches.push({ start, end, entry, title, nested });
    }
    return { matches, ambiguous };
  }
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

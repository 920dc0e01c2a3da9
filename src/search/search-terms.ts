/**
 * The search index's terms (their format: xslt/html/assets/search-format.js). Each part of the
 * texts has its terms, made with it and kept while its pages do not change (ShardTerms); the
 * parts of the terms (search/terms-<k>.js, by each term's first three letters), of the pairs of
 * words in a row (search/pairs-<k>.js, by the whole pair) and of the terms' places
 * (search/places-<k>.js, by the whole term) are these joined, without reading them again: a
 * changed document tokenises its part's pages only. A term's list is, for each part of the texts that holds it, the part's number (as
 * the difference from the last), how many entries follow, and the entries, their pages numbered
 * within the part.
 */
import type { Output } from '../write/write.js';
import { partScript, SEARCH_MANIFEST, shardCount, type SearchDocument, type SearchFormat, type SearchOptions } from './search-index.js';

/** A term in one part's pages: how many postings, the postings, how many places, the places (each written as the format's text). */
export type TermEntry = [number, string, number, string];

/** The terms of one part of the texts: its records' count and each term's entry. */
export interface ShardTerms {
  records: number;
  terms: Record<string, TermEntry>;
}

/** Whole numbers written as the format's text, through one buffer that grows (a common term's postings run to megabytes). */
class NumberText {
  private bytes = new Uint8Array(1 << 16);
  constructor(private readonly digits: Uint8Array) {}

  of(numbers: readonly number[]): string {
    // No number of the index needs more than seven characters (35 bits).
    if (numbers.length * 7 > this.bytes.length) this.bytes = new Uint8Array(numbers.length * 14);
    let length = 0;
    for (let n of numbers) {
      while (n >= 32) {
        this.bytes[length++] = this.digits[32 + (n % 32)]!;
        n = Math.floor(n / 32);
      }
      this.bytes[length++] = this.digits[n]!;
    }
    return Buffer.from(this.bytes.buffer, 0, length).toString('latin1');
  }
}

/**
 * A term's postings (page, passage, weight; `postingCount` of them) and places (page, passage,
 * field, count, positions; `placeCount` entries; none for a pair), each page as the difference
 * from the last: plain numbers until the part's terms are written.
 */
interface TermLists {
  postings: number[];
  postingCount: number;
  places?: number[];
  placeCount: number;
  lastPage: number;
  lastPlacePage: number;
}

/** What one record holds of a term: how often in each field, and where it stands in each field a phrase is looked for (by field; a pair stands nowhere). */
interface InRecord {
  counts: number[];
  positions?: number[][];
}

/** The terms of one part's pages, added page by page in the part's order (a page is its number there). */
export class ShardTermsWriter {
  private readonly terms = new Map<string, TermLists>();
  private readonly termsOfWord = new Map<string, string[]>();
  private readonly text: NumberText;
  private records = 0;
  private pages = 0;

  constructor(
    private readonly options: SearchOptions,
    private readonly format: SearchFormat,
  ) {
    this.text = new NumberText(Buffer.from(format.DIGITS, 'latin1'));
  }

  /** A word's terms, folded once for every time it occurs. */
  private termsOf(word: string): string[] {
    let terms = this.termsOfWord.get(word);
    if (!terms) this.termsOfWord.set(word, (terms = this.options.termsOf(word)[0] ?? []));
    return terms;
  }

  /** The next page's records. */
  add(records: readonly SearchDocument[]): void {
    const page = this.pages++;
    for (const record of records) {
      this.records++;
      const inRecord = new Map<string, InRecord>();
      const lengths = this.format.FIELDS.map((field, f) => {
        const words = this.options.words((record as unknown as Record<string, string | undefined>)[field] ?? '');
        const phrased = this.format.PHRASE_FIELDS.includes(f);
        const counted = (term: string): InRecord => {
          let found = inRecord.get(term);
          if (!found) inRecord.set(term, (found = { counts: new Array<number>(this.format.FIELDS.length).fill(0) }));
          found.counts[f]!++;
          return found;
        };
        let length = 0;
        let last: string | undefined;
        words.forEach((word, position) => {
          const terms = this.termsOf(word);
          length += terms.length;
          terms.forEach((term, i) => {
            const found = counted(term);
            // A phrase's words are whole words: a hyphenated word's parts stand where it does, and are no phrase's words.
            if (i === 0 && phrased) ((found.positions ??= [])[f] ??= []).push(position);
          });
          // Two words in a row are a term of their own (a pair): a phrase of two is found by it alone.
          if (phrased && last !== undefined && terms[0] !== undefined) counted(this.format.pairOf(last, terms[0]));
          last = terms[0];
        });
        return length;
      });
      for (const [term, { counts, positions }] of inRecord) this.note(term, page, record.n, counts, positions, lengths);
    }
  }

  private note(term: string, page: number, n: number, counts: number[], positions: number[][] | undefined, lengths: number[]): void {
    let lists = this.terms.get(term);
    if (!lists) this.terms.set(term, (lists = { postings: [], postingCount: 0, placeCount: 0, lastPage: 0, lastPlacePage: 0 }));
    let weight = 0;
    counts.forEach((count, f) => {
      if (count > 0) weight += this.format.weight(f, count, lengths[f]!);
    });
    lists.postings.push(page - lists.lastPage, n, Math.max(1, Math.round(weight)));
    lists.postingCount++;
    lists.lastPage = page;
    // (forEach passes over the fields the term does not stand in.)
    positions?.forEach((where, f) => {
      const places = (lists.places ??= []);
      places.push(page - lists.lastPlacePage, n, f, where.length);
      for (let i = 0; i < where.length; i++) places.push(where[i]! - (i > 0 ? where[i - 1]! : 0));
      lists.placeCount++;
      lists.lastPlacePage = page;
    });
  }

  result(): ShardTerms {
    const terms: Record<string, TermEntry> = {};
    // In the order the pages first hold them (the same for the same pages): the parts of the terms are sorted when joined.
    for (const [term, { postings, postingCount, places, placeCount }] of this.terms) {
      terms[term] = [postingCount, this.text.of(postings), placeCount, places ? this.text.of(places) : ''];
    }
    return { records: this.records, terms };
  }
}

/**
 * The index's files from the parts of the texts, in order (each with its pages' addresses and
 * its terms): the manifest (search/index.js: the pages, part by part, the part of each, how many
 * records and parts of each kind there are) and the parts of the terms, the pairs and the places,
 * of about `partBytes` each.
 */
export function termFiles(shards: readonly { urls: readonly string[]; terms: ShardTerms }[], partBytes: number, format: SearchFormat): Output[] {
  // Each term's parts of the texts and entries there, one after the other (millions of them: no pair made for each).
  const holding = new Map<string, (number | TermEntry)[]>();
  const bytes = { terms: 0, pairs: 0, places: 0 };
  shards.forEach(({ terms }, i) => {
    for (const term in terms.terms) {
      const entry = terms.terms[term]!;
      let list = holding.get(term);
      if (!list) holding.set(term, (list = []));
      list.push(i + 1, entry);
      bytes[format.isPair(term) ? 'pairs' : 'terms'] += entry[1].length;
      bytes.places += entry[3].length;
    }
  });
  const count = { terms: shardCount(bytes.terms, partBytes), pairs: shardCount(bytes.pairs, partBytes), places: shardCount(bytes.places, partBytes) };
  // Each part written as pieces joined once: a common term's list is thousands of pieces, megabytes long.
  const parts = { terms: [] as string[][], pairs: [] as string[][], places: [] as string[][] };
  for (const kind of ['terms', 'pairs', 'places'] as const) for (let k = 0; k < count[kind]; k++) parts[kind].push([]);
  const piecesOf = (kind: 'terms' | 'pairs' | 'places', term: string): string[] => {
    const at = kind === 'terms' ? format.partOf(term, count.terms) : format.wholePartOf(term, count[kind]);
    return parts[kind][at - 1]!;
  };
  // A segment's head (the part's difference from the last, how many entries follow): two small numbers nearly always.
  const small = Array.from({ length: 1024 }, (_, n) => format.encode([n]));
  const head = (a: number, b: number): string => (a < 1024 && b < 1024 ? small[a]! + small[b]! : format.encode([a, b]));
  for (const term of [...holding.keys()].sort()) {
    const terms = piecesOf(format.isPair(term) ? 'pairs' : 'terms', term);
    const name = JSON.stringify(term);
    terms.push(terms.length === 0 ? '' : ',', name, ':"');
    let last = 0;
    let lastPlaces = 0;
    const places: string[] = [];
    const list = holding.get(term)!;
    for (let i = 0; i < list.length; i += 2) {
      const shard = list[i] as number;
      const [postingCount, postingText, placeCount, placeText] = list[i + 1] as TermEntry;
      terms.push(head(shard - last, postingCount), postingText);
      last = shard;
      if (placeCount === 0) continue;
      places.push(head(shard - lastPlaces, placeCount), placeText);
      lastPlaces = shard;
    }
    terms.push('"');
    if (places.length === 0) continue;
    const part = piecesOf('places', term);
    part.push(part.length === 0 ? '' : ',', name, ':"');
    for (const piece of places) part.push(piece);
    part.push('"');
  }
  const manifest = {
    records: shards.reduce((n, s) => n + s.terms.records, 0),
    terms: count.terms,
    pairs: count.pairs,
    places: count.places,
    pages: shards.flatMap((s) => s.urls),
    texts: shards.flatMap((s, i) => s.urls.map(() => i + 1)),
  };
  return [
    { path: SEARCH_MANIFEST, content: `window.editioSearchIndex = ${JSON.stringify(manifest)};\n` },
    ...(['terms', 'pairs', 'places'] as const).flatMap((kind) =>
      parts[kind].map((pieces, i): Output => ({ path: `search/${kind}-${i + 1}.js`, content: partScript(`${kind}-${i + 1}`, `{${pieces.join('')}}`) })),
    ),
  ];
}

import { expect } from 'chai';
import path from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { searchFormat, searchOptions, textsScript, type SearchDocument, type SearchOptions } from '../../src/search/search-index.js';
import { ShardTermsWriter, termFiles } from '../../src/search/search-terms.js';
import { read, repoRoot } from '../helpers.js';

type Found = { page: string; place: number; score: number; head: boolean; passages: number[] };
type Passage = { url: string; kind: string; lang: string; text: string };
type Query = {
  parse: (query: string) => { include: { text: string; phrase: boolean }[]; exclude: { text: string; phrase: boolean }[] };
  needs: (manifest: unknown, query: string, options: unknown, typing?: boolean) => string[];
  find: (manifest: unknown, parts: unknown, query: string, options: unknown, typing?: boolean) => Found[];
  passagesOf: (manifest: unknown, parts: unknown, result: Found) => Passage[];
  matcher: (query: string, options: unknown, typing?: boolean) => (tokens: string[]) => boolean[];
};

// Two letters and a play, each a header record and passages, as src/search/search-index.ts makes them.
const RECORDS: SearchDocument[] = [
  {
    kind: 'head',
    url: 'a.html',
    page: 'a.html',
    n: 0,
    lang: 'de',
    title: 'Arthur Schnitzler an Richard Beer-Hofmann',
    correspondents: 'Arthur Schnitzler · Wien · Richard Beer-Hofmann',
    source: 'Houghton Library',
  },
  { kind: 'text', url: 'a.html#p1', page: 'a.html', n: 1, lang: 'de', text: 'Die Thür zum Theater in der Josefstadt stand offen.' },
  { kind: 'text', url: 'a.html#p2', page: 'a.html', n: 2, lang: 'de', text: 'Loris schreibt aus Rodaun.', names: 'Hofmannsthal, Hugo von · Loris' },
  { kind: 'note', url: 'a.html#note-1', page: 'a.html', n: 3, lang: 'de', text: 'Das Café Griensteidl.' },
  {
    kind: 'head',
    url: 'b.html',
    page: 'b.html',
    n: 0,
    lang: 'de',
    title: 'Hermann Bahr an Arthur Schnitzler',
    correspondents: 'Hermann Bahr · Ischl · Arthur Schnitzler',
  },
  { kind: 'text', url: 'b.html#p1', page: 'b.html', n: 1, lang: 'de', text: 'Im Theater war es voll; in der Josefstadt nicht.' },
  { kind: 'head', url: 'c.html', page: 'c.html', n: 0, lang: 'de', title: 'Hamlet' },
  { kind: 'text', url: 'c.html#l1', page: 'c.html', n: 1, lang: 'de', text: 'Sein oder nicht sein, das ist hier die Frage.' },
  { kind: 'text', url: 'c.html#l2', page: 'c.html', n: 2, lang: 'de', text: 'Beseech you, bear with me: belike the Theatre.' },
  { kind: 'text', url: 'c.html#p1', page: 'c.html', n: 3, lang: 'de', text: 'Arthur Schnitzler sah den Hamlet im Theater.' },
];

describe('assets/search-query.js (what a query finds)', () => {
  let query: Query;
  let options: SearchOptions;
  let manifest: unknown;
  let parts: Record<string, unknown>;
  // The same index in parts of a few hundred bytes: many parts, of which a query loads a few.
  let small: { manifest: { terms: number }; parts: Record<string, unknown> };
  const find = (q: string, typing = false): Found[] => query.find(manifest, parts, q, options, typing);
  const pages = (q: string, typing = false): string[] => find(q, typing).map((f) => f.page);

  before(async () => {
    options = await searchOptions('de');
    // The index as the build writes it (the texts and terms in two parts), run as the page runs it.
    const format = await searchFormat();
    const shards = [['a.html'], ['b.html', 'c.html']].map((urls) => {
      const terms = new ShardTermsWriter(options, format);
      for (const url of urls) terms.add(RECORDS.filter((r) => r.page === url));
      return { urls, terms: terms.result() };
    });
    const texts = [
      { path: 'search/texts-1.js', content: textsScript(1, RECORDS.slice(0, 4)) },
      { path: 'search/texts-2.js', content: textsScript(2, RECORDS.slice(4)) },
    ];
    const load = (files: { content: unknown }[]): { manifest: never; parts: Record<string, unknown>; query: Query } => {
      const window = {} as { editioSearchIndex: never; editioSearchParts: Record<string, unknown>; editioSearchQuery: Query };
      const context = createContext({ window, globalThis: window });
      for (const file of ['search-format.js', 'search-lists.js', 'search-query.js'])
        runInContext(read(path.join(repoRoot, 'xslt', 'html', 'assets', file)), context);
      for (const file of files) runInContext(String(file.content), context);
      return { manifest: window.editioSearchIndex, parts: window.editioSearchParts, query: window.editioSearchQuery };
    };
    ({ manifest, parts, query } = load([...termFiles(shards, 64 * 1024, format), ...texts]));
    small = load([...termFiles(shards, 16, format), ...texts]);
  });

  it('reads words, phrases in the quotes of any language, and words to leave out', () => {
    expect(query.parse('Schnitzler "Theater in der Josefstadt" -Bahr')).to.deep.equal({
      include: [
        { text: 'Schnitzler', phrase: false },
        { text: 'Theater in der Josefstadt', phrase: true },
      ],
      exclude: [{ text: 'Bahr', phrase: false }],
    });
    for (const quoted of ['„Theater in der Josefstadt“', '« Theater in der Josefstadt »', '“Theater in der Josefstadt”'])
      expect(query.parse(quoted).include, quoted).to.deep.equal([{ text: 'Theater in der Josefstadt', phrase: true }]);
    // Nothing to search for: a lone dash, an unclosed empty quote, punctuation.
    expect(query.parse('- " … ,')).to.deep.equal({ include: [], exclude: [] });
  });

  it('finds a document when each word is somewhere in it: title, correspondents, text, notes, source, the names of what it mentions', () => {
    expect(pages('Schnitzler')).to.have.members(['a.html', 'b.html', 'c.html']);
    // One word in the header, one in a passage: the document holds both.
    expect(pages('Ischl Josefstadt')).to.deep.equal(['b.html']);
    expect(pages('Griensteidl')).to.deep.equal(['a.html']);
    expect(pages('Houghton')).to.deep.equal(['a.html']);
    expect(pages('Hofmannsthal')).to.deep.equal(['a.html']);
    expect(pages('Hofmannsthal Bahr')).to.deep.equal([]);
  });

  it('finds a hyphenated name whole and by each part, old spellings and accents folded', () => {
    for (const q of ['Beer-Hofmann', 'Hofmann', 'Richard Beer-Hofmann', 'beer hofmann']) expect(pages(q), q).to.deep.equal(['a.html']);
    expect(pages('Tür')).to.deep.equal(['a.html']);
    expect(pages('Cafe')).to.deep.equal(['a.html']);
  });

  it('finds a phrase only where its words stand together, and leaves out the documents with a -word', () => {
    expect(pages('"Theater in der Josefstadt"')).to.deep.equal(['a.html']);
    expect(pages('Theater Josefstadt')).to.have.members(['a.html', 'b.html']);
    expect(pages('"Schnitzler sah"')).to.deep.equal(['c.html']);
    expect(pages('Josefstadt -Bahr')).to.deep.equal(['a.html']);
    expect(pages('"sein oder nicht"')).to.deep.equal(['c.html']);
  });

  it('finds whole words, and the start of one only for the last word while it is typed', () => {
    expect(pages('be')).to.deep.equal([]);
    expect(pages('Theat')).to.deep.equal([]);
    expect(pages('Theat', true)).to.have.members(['a.html', 'b.html', 'c.html']);
    expect(pages('Theatre')).to.deep.equal(['c.html']);
    // The words before the last are whole words still.
    expect(pages('Theat Jose', true)).to.deep.equal([]);
    expect(pages('Theater Jose', true)).to.have.members(['a.html', 'b.html']);
    expect(pages('Theater')).to.have.members(['a.html', 'b.html', 'c.html']);
  });

  it('ranks the document whose title and correspondents hold the words first, and gives its passages in its order, its notes as notes', () => {
    expect(pages('Schnitzler').slice(2)).to.deep.equal(['c.html']);
    const [letter] = find('Café Thür');
    expect(query.passagesOf(manifest, parts, letter!).map((p) => [p.url, p.kind])).to.deep.equal([
      ['a.html#p1', 'text'],
      ['a.html#note-1', 'note'],
    ]);
    expect(letter!.head).to.equal(false);
    expect(find('Ischl')[0]!.head).to.equal(true);
  });

  it('marks the words asked for, a hyphenated name by its parts too, a typed start only while typing, a phrase’s words only where they stand together', () => {
    const marked = (q: string, text: string, typing = false): string[] => {
      const tokens = text.split(/(\s+)/);
      const marks = query.matcher(q, options, typing)(tokens);
      return tokens.filter((_, i) => marks[i]);
    };
    expect(marked('Hofmann Theater', 'Beer-Hofmann, Theater Theatre Hofmannsthal')).to.deep.equal(['Beer-Hofmann,', 'Theater']);
    expect(marked('Thea', 'Theater Thür', true)).to.deep.equal(['Theater']);
    expect(marked('Thea', 'Theater')).to.deep.equal([]);
    expect(marked('"to be"', 'Cortés to Dantiscus: to be, or not to be')).to.deep.equal(['to', 'be,', 'to', 'be']);
    // A phrase's words together across a hyphenated name, not a part of it; and with a word asked for besides.
    expect(marked('"Richard Beer-Hofmann"', 'Richard Beer-Hofmann an Richard Hofmann')).to.deep.equal(['Richard', 'Beer-Hofmann']);
    expect(marked('Wien "in der Josefstadt"', 'in Wien: in der Josefstadt, der Stadt')).to.deep.equal(['Wien:', 'in', 'der', 'Josefstadt,']);
  });

  it('loads only the parts of the index a query needs: with them alone it finds what the whole index finds', () => {
    expect(small.manifest.terms, 'parts of the terms').to.be.greaterThan(4);
    for (const [q, typing] of [
      ['Schnitzler', false],
      ['"Theater in der Josefstadt"', false],
      ['"Schnitzler sah"', false],
      ['Josefstadt -Bahr', false],
      ['Theat', true],
      ['Beer-Hof', true],
      ['Hofmannsthal', false],
    ] as const) {
      const needed = query.needs(small.manifest, q, options, typing);
      // A few of the parts (of the terms, the pairs and the places together, there are more than three times as many).
      expect(needed.length, q).to.be.within(1, small.manifest.terms / 2);
      const loaded = Object.fromEntries(needed.map((name) => [name, small.parts[name]]));
      expect(query.find(small.manifest, loaded, q, options, typing), q).to.deep.equal(query.find(small.manifest, small.parts, q, options, typing));
      expect(
        query.find(small.manifest, loaded, q, options, typing).map((f) => f.page),
        q,
      ).to.deep.equal(pages(q, typing));
    }
    // A part the query needs and the page has not loaded is an error, not an answer that misses documents.
    expect(() => query.find(small.manifest, {}, 'Schnitzler', options)).to.throw(/not loaded/);
  });

  it('finds a phrase of two words by their pair alone, a longer one by its pairs and where its words stand', () => {
    const kinds = (q: string): string[] => [...new Set(query.needs(small.manifest, q, options).map((name) => name.replace(/-\d+$/, '')))].sort();
    expect(kinds('"Schnitzler sah"')).to.deep.equal(['pairs']);
    expect(kinds('"Theater in der Josefstadt"')).to.deep.equal(['pairs', 'places']);
    expect(kinds('Theater Josefstadt')).to.deep.equal(['terms']);
    // Each pair of "nicht sein oder" stands in Hamlet's line, the three words together nowhere.
    expect(pages('"nicht sein oder"')).to.deep.equal([]);
    expect(pages('"oder nicht sein"')).to.deep.equal(['c.html']);
    expect(pages('"Schnitzler Theater"')).to.deep.equal([]);
  });

  it('takes a typed start of three letters or more as the start of a word, a shorter one as a whole word', () => {
    expect(pages('Sch', true)).to.have.members(['a.html', 'b.html', 'c.html']);
    expect(pages('Sc', true)).to.deep.equal([]);
    expect(pages('Beer-Hof', true)).to.deep.equal(['a.html']);
    // A word found by its start weighs less than the whole word.
    const score = (q: string, typing: boolean): number => find(q, typing).find((f) => f.page === 'b.html')!.score;
    expect(score('Theat', true)).to.be.lessThan(score('Theater', true));
  });

  it('finds a phrase across a hyphenated name, its parts standing where the name does', () => {
    expect(pages('"Richard Beer-Hofmann"')).to.deep.equal(['a.html']);
    expect(pages('"an Richard"')).to.deep.equal(['a.html']);
    expect(pages('"Richard an"')).to.deep.equal([]);
    // Not in the names of what a passage mentions, which are a list: "Hofmannsthal" is one of them, "schreibt" in its text.
    expect(pages('Hofmannsthal schreibt')).to.deep.equal(['a.html']);
    expect(pages('"Hofmannsthal schreibt"')).to.deep.equal([]);
  });
});

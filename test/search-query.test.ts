import { expect } from 'chai';
import MiniSearch from 'minisearch';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { searchOptions, type SearchDocument } from '../src/site/search-index.js';
import { repoRoot } from './helpers.js';

type Found = { page: string; score: number; head: SearchDocument | null; passages: SearchDocument[] };
type Query = {
  parse: (query: string) => { include: { text: string; phrase: boolean }[]; exclude: { text: string; phrase: boolean }[] };
  find: (indexes: MiniSearch<SearchDocument>[], query: string, options: unknown, typing?: boolean) => Found[];
  matcher: (query: string, options: unknown, typing?: boolean) => (word: string) => boolean;
};

// Two letters and a play, each a header record and passages, as src/site/search-index.ts makes them.
const RECORDS: SearchDocument[] = [
  { id: 'a', kind: 'head', url: 'a.html', page: 'a.html', n: 0, lang: 'de', title: 'Arthur Schnitzler an Richard Beer-Hofmann', correspondents: 'Arthur Schnitzler · Wien · Richard Beer-Hofmann', source: 'Houghton Library' },
  { id: 'a#p1', kind: 'text', url: 'a.html#p1', page: 'a.html', n: 1, lang: 'de', text: 'Die Thür zum Theater in der Josefstadt stand offen.' },
  { id: 'a#p2', kind: 'text', url: 'a.html#p2', page: 'a.html', n: 2, lang: 'de', text: 'Loris schreibt aus Rodaun.', names: 'Hofmannsthal, Hugo von · Loris' },
  { id: 'a#note-1', kind: 'note', url: 'a.html#note-1', page: 'a.html', n: 3, lang: 'de', text: 'Das Café Griensteidl.' },
  { id: 'b', kind: 'head', url: 'b.html', page: 'b.html', n: 0, lang: 'de', title: 'Hermann Bahr an Arthur Schnitzler', correspondents: 'Hermann Bahr · Ischl · Arthur Schnitzler' },
  { id: 'b#p1', kind: 'text', url: 'b.html#p1', page: 'b.html', n: 1, lang: 'de', text: 'Im Theater war es voll; in der Josefstadt nicht.' },
  { id: 'c', kind: 'head', url: 'c.html', page: 'c.html', n: 0, lang: 'de', title: 'Hamlet' },
  { id: 'c#l1', kind: 'text', url: 'c.html#l1', page: 'c.html', n: 1, lang: 'de', text: 'Sein oder nicht sein, das ist hier die Frage.' },
  { id: 'c#l2', kind: 'text', url: 'c.html#l2', page: 'c.html', n: 2, lang: 'de', text: 'Beseech you, bear with me: belike the Theatre.' },
  { id: 'c#p1', kind: 'text', url: 'c.html#p1', page: 'c.html', n: 3, lang: 'de', text: 'Arthur Schnitzler sah den Hamlet im Theater.' },
];

describe('assets/search-query.js (what a query finds)', () => {
  let query: Query;
  let options: Awaited<ReturnType<typeof searchOptions>>;
  let indexes: MiniSearch<SearchDocument>[];
  const pages = (q: string, typing = false): string[] => query.find(indexes, q, options, typing).map((f) => f.page);

  before(async () => {
    options = await searchOptions('de');
    await import(pathToFileURL(path.join(repoRoot, 'xslt', 'html', 'assets', 'search-query.js')).href);
    query = (globalThis as unknown as { editioSearchQuery: Query }).editioSearchQuery;
    // Two parts, as an edition's index comes: a query answers from both.
    indexes = [RECORDS.slice(0, 4), RECORDS.slice(4)].map((records) => {
      const index = new MiniSearch<SearchDocument>(options);
      index.addAll(records);
      return index;
    });
  });

  it('reads words, phrases in the quotes of any language, and words to leave out', () => {
    expect(query.parse('Schnitzler "Theater in der Josefstadt" -Bahr')).to.deep.equal({
      include: [{ text: 'Schnitzler', phrase: false }, { text: 'Theater in der Josefstadt', phrase: true }],
      exclude: [{ text: 'Bahr', phrase: false }],
    });
    for (const quoted of ['„Theater in der Josefstadt“', '« Theater in der Josefstadt »', '“Theater in der Josefstadt”']) expect(query.parse(quoted).include, quoted).to.deep.equal([{ text: 'Theater in der Josefstadt', phrase: true }]);
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
    const found = query.find(indexes, 'Schnitzler', options);
    expect(found.map((f) => f.page).slice(2)).to.deep.equal(['c.html']);
    const [letter] = query.find(indexes, 'Café Thür', options);
    expect(letter!.passages.map((p) => [p.url, p.kind])).to.deep.equal([['a.html#p1', 'text'], ['a.html#note-1', 'note']]);
    expect(letter!.head).to.equal(null);
    expect(query.find(indexes, 'Ischl', options)[0]!.head!.id).to.equal('b');
  });

  it('marks the words asked for, a hyphenated name by its parts too, a typed start only while typing', () => {
    const marks = query.matcher('Hofmann Theater', options);
    expect(['Beer-Hofmann,', 'Theater', 'Theatre', 'Hofmannsthal'].map(marks)).to.deep.equal([true, true, false, false]);
    expect(['Theater', 'Thür'].map(query.matcher('Thea', options, true))).to.deep.equal([true, false]);
    expect(query.matcher('Thea', options)('Theater')).to.equal(false);
  });
});

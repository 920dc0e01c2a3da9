import { expect } from 'chai';
import { runInNewContext } from 'node:vm';
import { searchFormat, searchOptions, shardCount, shardOf, textsScript, type SearchDocument, type SearchFormat } from '../../src/search/search-index.js';
import { ShardTermsWriter, termFiles, type ShardTerms } from '../../src/search/search-terms.js';

describe('search/search-index', () => {
  it('divides the pages into a power of two of parts of at most the pages asked for', () => {
    expect([1, 256, 257, 512, 513, 10_001].map((pages) => shardCount(pages, 256))).to.deep.equal([1, 1, 2, 2, 4, 64]);
    expect(shardCount(0, 256)).to.equal(1);
  });

  it('folds case, accents and the letters the languages of editions spell out, as the browser does', async () => {
    const { processTerm } = await searchOptions('en');
    const fold = (term: string): string => String(processTerm!(term));
    expect(['Giáp', 'GIAP', 'Straße', 'STRASSE', 'Cœur', 'Łódź', 'Ærø', 'Weiſs', 'MiG‑21', 'Theater'].map(fold)).to.deep.equal([
      'giap',
      'giap',
      'strasse',
      'strasse',
      'coeur',
      'lodz',
      'aero',
      'weiss',
      'mig-21',
      'theater',
    ]);
  });

  it('folds the old spellings of a German edition to today’s, and no others: Thür Tür, seyn sein, Cultur Kultur, Concert Konzert, Photographie Fotografie', async () => {
    const { processTerm } = await searchOptions('de-AT');
    const fold = (term: string): string => String(processTerm!(term));
    for (const [old, now] of [
      ['Thür', 'Tür'],
      ['seyn', 'sein'],
      ['Cultur', 'Kultur'],
      ['Concert', 'Konzert'],
      ['Photographie', 'Fotografie'],
      ['Franckgaße', 'Franckgasse'],
    ])
      expect(fold(old!), old).to.equal(fold(now!));
    // Where the old spelling is today's too, it stays: "sch", "ch", "ck".
    expect(['Schnitzler', 'Bach', 'Glück'].map(fold)).to.deep.equal(['schnitzler', 'bach', 'gluck']);
  });

  it('spreads pages evenly over the parts', () => {
    const urls = Array.from({ length: 2000 }, (_, i) => `documents/doc-${i}.html`);
    const parts = urls.map((u) => shardOf(u, 8));
    const sizes = [1, 2, 3, 4, 5, 6, 7, 8].map((part) => parts.filter((p) => p === part).length);
    for (const size of sizes) expect(size).to.be.within(180, 320);
  });

  describe('the index by terms', () => {
    const page = (url: string, title: string, ...texts: string[]): SearchDocument[] => [
      { kind: 'head', url, page: url, n: 0, lang: 'en', title, ...(url === 'c.html' ? { correspondents: 'Pak Kim' } : {}) },
      ...texts.map((text, i): SearchDocument => ({ kind: 'text', url: `${url}#p${i + 1}`, page: url, n: i + 1, lang: 'en', text })),
    ];
    // Three pages in two parts of the texts: a and c in the first, b in the second.
    const PAGES = {
      a: page('a.html', 'Giap to Kim', 'The pilots arrived.'),
      b: page('b.html', 'Minutes', 'Nothing here.', 'General Giap met the Korean air force.'),
      c: page('c.html', 'Giap again'),
    };
    type Part = Record<string, string>;
    let parts: Record<string, Part>;
    let manifest: { records: number; terms: number; pairs: number; places: number; pages: string[]; texts: number[] };
    let format: SearchFormat;

    before(async () => {
      format = await searchFormat();
      const options = await searchOptions('en');
      const shardOf = (...pages: SearchDocument[][]): ShardTerms => {
        const writer = new ShardTermsWriter(options, format);
        for (const records of pages) writer.add(records);
        return writer.result();
      };
      const files = termFiles(
        [
          { urls: ['a.html', 'c.html'], terms: shardOf(PAGES.a, PAGES.c) },
          { urls: ['b.html'], terms: shardOf(PAGES.b) },
        ],
        8,
        format,
      );
      const window: { editioSearchParts?: Record<string, Part>; editioSearchIndex?: typeof manifest } = {};
      for (const file of files) runInNewContext(String(file.content), { window });
      parts = window.editioSearchParts!;
      manifest = window.editioSearchIndex!;
    });
    const listOf = (kind: string, term: string): number[] =>
      Array.from(format.decode(Object.entries(parts).find(([name, part]) => name.startsWith(kind) && term in part)![1][term]!));

    it('names the pages part by part, the part of each one’s texts and how many records there are', () => {
      expect(manifest).to.deep.include({ records: 6, pages: ['a.html', 'c.html', 'b.html'], texts: [1, 1, 2] });
      expect(manifest.terms).to.be.greaterThan(1);
    });

    it('lists, part by part, each record that holds a term (its page within the part as the difference from the last, its passage, its weight), a title weighing more than a text', () => {
      const [shard1, count1, pageA, nA, titleA, pageC, nC, titleC, shard2, count2, pageB, nB, textB, ...rest] = listOf('terms', 'giap');
      expect([shard1, count1, pageA, nA, pageC, nC, shard2, count2, pageB, nB, rest]).to.deep.equal([1, 2, 0, 0, 1, 0, 1, 1, 0, 2, []]);
      expect(titleA).to.be.greaterThan(textB!);
      expect(titleC).to.be.greaterThan(titleA!);
      // Where the word stands: the titles' first words; the passage's second.
      expect(listOf('places', 'giap')).to.deep.equal([1, 2, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 2, 2, 1, 1]);
    });

    it('keeps every term in the part its first three letters hash to (a typed start finds its words in one part), every pair and every term’s places in the part the whole hashes to', () => {
      const partOf = {
        terms: (term: string) => format.partOf(term, manifest.terms),
        pairs: (pair: string) => format.wholePartOf(pair, manifest.pairs),
        places: (term: string) => format.wholePartOf(term, manifest.places),
      };
      for (const [name, part] of Object.entries(parts)) {
        const [kind, number] = name.split('-') as [keyof typeof partOf, string];
        for (const term of Object.keys(part)) {
          expect(partOf[kind](term), `${term} in ${name}`).to.equal(Number(number));
          expect(format.isPair(term), term).to.equal(kind === 'pairs');
        }
      }
      expect(parts[`terms-${format.partOf('pilots', manifest.terms)}`])
        .to.equal(parts[`terms-${format.partOf('pil', manifest.terms)}`])
        .and.to.have.property('pilots');
    });

    it('lists each pair of words in a row of a title, correspondents or text as a term of its own, and no pair across a field’s end or in the names', () => {
      const pairs = Object.entries(parts)
        .filter(([name]) => name.startsWith('pairs-'))
        .flatMap(([, part]) => Object.keys(part))
        .sort();
      expect(pairs).to.include.members(['giap to', 'to kim', 'the pilots', 'korean air', 'air force', 'giap again', 'pak kim']);
      for (const across of ['kim the', 'minutes nothing', 'here general', 'again pak']) expect(pairs).not.to.include(across);
      // b's passage holds "air force" once: the pair's list is one record's, as a term's is.
      const [shard, count, pageB, nB, weight, ...rest] = listOf('pairs', 'air force');
      expect([shard, count, pageB, nB, rest]).to.deep.equal([2, 1, 0, 2, []]);
      expect(weight).to.be.greaterThan(0);
    });

    it('keeps the passages’ texts by page, passage n at n − 1, with kind, anchor and language', () => {
      const window: { editioSearchParts?: Record<string, Record<string, string[][]>> } = {};
      runInNewContext(textsScript(2, PAGES.b), { window });
      expect(window.editioSearchParts!['texts-2']).to.deep.equal({
        'b.html': [
          ['text', 'p1', 'en', 'Nothing here.'],
          ['text', 'p2', 'en', 'General Giap met the Korean air force.'],
        ],
      });
    });
  });
});

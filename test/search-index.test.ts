import { expect } from 'chai';
import { searchOptions, shardCount, shardOf } from '../src/site/search-index.js';

describe('site/search-index', () => {
  it('divides the pages into a power of two of parts of at most the pages asked for', () => {
    expect([1, 256, 257, 512, 513, 10_001].map((pages) => shardCount(pages, 256))).to.deep.equal([1, 1, 2, 2, 4, 64]);
    expect(shardCount(0, 256)).to.equal(1);
  });

  it('folds case, accents and the letters the languages of editions spell out, as the browser does', async () => {
    const { processTerm } = await searchOptions('en');
    const fold = (term: string): string => String(processTerm!(term));
    expect(['Giáp', 'GIAP', 'Straße', 'STRASSE', 'Cœur', 'Łódź', 'Ærø', 'Weiſs', 'MiG‑21', 'Theater'].map(fold)).to.deep.equal(['giap', 'giap', 'strasse', 'strasse', 'coeur', 'lodz', 'aero', 'weiss', 'mig-21', 'theater']);
  });

  it('folds the old spellings of a German edition to today’s, and no others: Thür Tür, seyn sein, Cultur Kultur, Concert Konzert, Photographie Fotografie', async () => {
    const { processTerm } = await searchOptions('de-AT');
    const fold = (term: string): string => String(processTerm!(term));
    for (const [old, now] of [['Thür', 'Tür'], ['seyn', 'sein'], ['Cultur', 'Kultur'], ['Concert', 'Konzert'], ['Photographie', 'Fotografie'], ['Franckgaße', 'Franckgasse']]) expect(fold(old!), old).to.equal(fold(now!));
    // Where the old spelling is today's too, it stays: "sch", "ch", "ck".
    expect(['Schnitzler', 'Bach', 'Glück'].map(fold)).to.deep.equal(['schnitzler', 'bach', 'gluck']);
  });

  it('spreads pages evenly over the parts', () => {
    const urls = Array.from({ length: 2000 }, (_, i) => `documents/doc-${i}.html`);
    const parts = urls.map((u) => shardOf(u, 8));
    const sizes = [1, 2, 3, 4, 5, 6, 7, 8].map((part) => parts.filter((p) => p === part).length);
    for (const size of sizes) expect(size).to.be.within(180, 320);
  });
});

import { expect } from 'chai';
import { languagePack } from '../../src/i18n/catalogue.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Extract, Page } from '../../src/model/extract-types.js';
import { chronology } from '../../src/model/chronology.js';
import { mentionsByEntry } from '../../src/model/mention-links.js';
import { searchDocuments } from '../../src/search/search-index.js';
import { timelineOf } from '../../src/site/timeline.js';
import type { PublishedEntries } from '../../src/transform/entry-reader.js';
import { extractDocument } from '../../src/transform/extract.js';
import { fixtures, teiDir, timelineFaults } from '../helpers.js';

const NO_ENTRIES: PublishedEntries = { ids: new Set(), identifiers: new Map(), prefixes: [] };
const extractOf = (sourceText: string, id: string): Extract => {
  const made = extractDocument(sourceText, id, NO_ENTRIES);
  if ('error' in made) throw new Error(made.error);
  return JSON.parse(made.json) as Extract;
};

const DOCUMENTS = ['1966-09-21-giap-decision', '1966-09-30-protocol-agreement', '1967-07-06-telegram-pyongyang-bucharest'];

describe('site (edition-wide pages from the extracts)', function () {
  this.timeout(60_000);
  let pages: Page[];

  before(() => {
    const extract = (file: string, id: string): Extract => extractOf(readFileSync(path.join(teiDir, `${file}.xml`), 'utf8'), id);
    pages = [
      { url: 'index.html', extract: { ...extract('edition', 'index'), title: 'Introduction' } },
      ...DOCUMENTS.map((id) => ({ url: `documents/${id}.html`, extract: extract(id, id) })),
    ];
  });

  it('collects every mention of an entry, in context, with the anchor of its place', () => {
    const giap = mentionsByEntry(pages)['vo-nguyen-giap']!;
    expect(giap.map((m) => m.text)).to.deep.equal(['General Vo Nguyen Giap', 'Comrade Vo Nguyen Giap', 'General Giap']);
    expect(new Set(giap.map((m) => m.url))).to.deep.equal(new Set(['documents/1966-09-21-giap-decision.html']));
    expect(giap[2]!.before).to.match(/specific operational missions\. $/);
    expect(giap[2]!.after).to.match(/^ demanded that coordination/);
    const anchors = giap.map((m) => m.anchor);
    expect(new Set(anchors).size).to.equal(3);
    for (const anchor of anchors) expect(anchor).to.match(/^m\d+$/);
  });

  it('counts the introduction’s mentions too', () => {
    const vietnam = mentionsByEntry(pages).vietnam!;
    expect(vietnam.filter((m) => m.url === 'index.html')).to.have.length(2);
  });

  it('orders the chronology by date, each document’s own date before the dates its text mentions', () => {
    const items = chronology(pages);
    expect(items.map((i) => `${i.sort} ${i.kind}`)).to.deep.equal(['1966-09-21 document', '1966-09-30 document', '1967-07-06 document', '2000 mention']);
    expect(items[3]).to.include({ url: 'index.html', text: '2000', before: 'In ' });
  });

  it('places dates without a value ("Sommer 1889") after those it can place, and leaves out the dates of the publications a text cites', () => {
    const letter = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Brief</title></titleStmt></fileDesc></teiHeader>
      <text><body><p>Im <date>Sommer 1889</date> und am <date when="1889-05-02">2. Mai</date>.</p>
      <listBibl><bibl>Briefe, <date when="1977">1977</date></bibl></listBibl></body></text></TEI>`;
    const items = chronology([{ url: 'documents/b.html', extract: extractOf(letter, 'b') }]);
    expect(items.map((i) => `${i.sort || '(none)'} ${i.text}`)).to.deep.equal(['1889-05-02 2. Mai', '(none) Sommer 1889']);
  });

  it('draws the dossier’s timeline: the documents’ months on one axis, the introduction’s 2000 after a break, nothing on anything else', () => {
    const timeline = timelineOf(chronology(pages), languagePack('en').shortMonths)!;
    expect(timeline.points.map((p) => p.label)).to.deep.equal(['21 September 1966', '30 September 1966', '6 July 1967', '2000']);
    expect(timeline.breaks).to.have.length(1);
    expect(timeline.ticks.map((t) => t.label)).to.include.members(['Jan 1967', '2000']);
    expect(timeline.ticks.every((t) => /^([A-Z][a-z]{2} )?\d{4}$/.test(t.label))).to.equal(true);
    expect(timelineFaults(timeline)).to.deep.equal([]);
  });

  it('makes a search record of each page’s header fields and of each passage, linked to it, with the names of the entries it mentions', () => {
    const namesOf = (entry: string): string[] => (entry === 'vo-nguyen-giap' ? ['Võ Nguyên Giáp', 'Vo Nguyen Giap'] : []);
    const documents = pages.flatMap((page) => searchDocuments(page, namesOf));
    const protocol = documents.filter((d) => d.text?.includes('MiG-21s'));
    expect(protocol).to.have.length(1);
    expect(protocol[0]!.url).to.match(/^documents\/1966-09-30-protocol-agreement\.html#p\d+$/);
    expect(protocol[0]!.kind).to.equal('text');
    expect(new Set(documents.map((d) => d.url)).size).to.equal(documents.length);
    // A heading that repeats its page's title is the header's: no passage of its own.
    for (const { url, extract } of pages) expect(documents.filter((d) => d.page === url && d.kind !== 'head').map((d) => d.text)).not.to.include(extract.title);
    // One header record a page, before its passages: its title and its source searched.
    const heads = documents.filter((d) => d.kind === 'head');
    expect(heads).to.have.length(pages.length);
    const decision = heads.find((d) => d.page.includes('giap-decision'))!;
    expect(decision).to.include({ n: 0, url: 'documents/1966-09-21-giap-decision.html' });
    expect(decision.title).to.contain('Giap’s Decision');
    // A passage that names Giap otherwise is found by the names his record gives him.
    expect(documents.filter((d) => d.names?.includes('Võ Nguyên Giáp')).length).to.be.greaterThan(0);
  });

  it('cuts 60 characters of context on each side of a mention, whitespace squeezed, wherever it stands in its block', () => {
    const sourceText = readFileSync(path.join(fixtures, 'transform', 'mentions-in-long-paragraphs.xml'), 'utf8');
    const extract = extractOf(sourceText, 'long');
    const [header, first, middle, last] = extract.mentions;
    expect(header).to.include({ before: 'Written for ', text: 'Giap', after: ' as a test.' });
    expect(first).to.include({ before: '', text: 'Giap' });
    expect(first!.after).to.equal(' opens this paragraph, which then runs on and on, with runs …');
    expect(middle!.text).to.equal('Vietnam');
    expect(middle!.before).to.equal('… a mention, so that both sides must be cut, before it names ');
    expect(middle!.after).to.equal(' in its middle and then goes on again for a long while, with …');
    // Characters outside the Basic Multilingual Plane count as one, as in XPath.
    expect(last).to.include({ text: 'air force', after: ' at the end' });
    expect(last!.before).to.equal('… reader, who has followed every one of them, reaches 𝔊𝔦𝔞𝔭’s ');
    for (const m of extract.mentions) expect(Object.keys(m)).to.have.members(['ref', 'entry', 'anchor', 'text', 'before', 'after']);
  });

  it('cuts context between words, never inside one ("…e, who would", "Pil…")', () => {
    const words = 'Pilots flew. '.repeat(12);
    const { mentions } = extractOf(
      `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>${words}<persName ref="#giap">Giap</persName> ${words}</p></body></text></TEI>`,
      'cut',
    );
    const { before, after } = mentions[0]!;
    expect(before)
      .to.match(/^… (Pilots|flew\.) /)
      .and.to.have.length.at.most(62);
    expect(after).to.match(/ flew\. …$|Pilots …$/);
    for (const side of [before, after])
      expect(
        side
          .replace(/…/g, '')
          .trim()
          .split(/\s+/)
          .every((w) => w === 'Pilots' || w === 'flew.'),
        side,
      ).to.equal(true);
  });
});

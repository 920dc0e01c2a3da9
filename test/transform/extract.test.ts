import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { configuredPrefixes } from '../../src/model/pointers.js';
import type { Extract } from '../../src/model/extract-types.js';
import type { PublishedEntries } from '../../src/transform/entry-reader.js';
import { extractDocument } from '../../src/transform/extract.js';
import { compileStylesheets } from '../../src/transform/stylesheets.js';
import { authorityContext, transform } from '../../src/transform/transform.js';
import { corpusDir, fixtures, requireShared, teiDir } from '../helpers.js';

const NONE: PublishedEntries = { ids: new Set(), identifiers: new Map(), prefixes: [] };

function extractOf(file: string, entries: PublishedEntries = NONE): Extract {
  const made = extractDocument(readFileSync(file, 'utf8'), path.basename(file, '.xml'), entries);
  if ('error' in made) throw new Error(made.error);
  return JSON.parse(made.json) as Extract;
}

/** A document's page, as the HTML stylesheet makes it. */
async function pageOf(file: string): Promise<HTMLElement> {
  await compileStylesheets();
  const { params, faces } = await authorityContext(readFileSync(path.join(teiDir, 'authorities.xml'), 'utf8'), {}, []);
  return parseHtml(
    transform(
      { format: 'html', sourceText: readFileSync(file, 'utf8'), file, params: { 'edition-json': '{"language": "en"}', 'document-id': 'x', ...params } },
      faces,
    ).output!,
  );
}

/** The anchors of mentions and dates must be the page's, on the same words: registers and the chronology link to them. */
async function expectAnchorsOnPage(file: string): Promise<number> {
  const extract = extractOf(file);
  const page = await pageOf(file);
  const words = (anchor: string): string | undefined => page.getElementById(anchor)?.textContent.replace(/\s+/g, ' ').trim();
  const items = [...extract.mentions, ...extract.dates];
  expect(
    items.filter((m) => !words(m.anchor)?.includes(m.text)).map((m) => `${m.anchor}: ${m.text} / ${words(m.anchor)}`),
    path.basename(file),
  ).to.deep.equal([]);
  return items.length;
}

describe('extract (a document read into data, in TypeScript)', function () {
  this.timeout(60_000);
  const edge = path.join(fixtures, 'transform', 'reading-text-and-pointers.xml');

  it('gives mentions and dates the anchors the HTML page gives them, on every document of tei/', async () => {
    const files = readdirSync(teiDir).filter((f) => f.endsWith('.xml') && f !== 'authorities.xml');
    let anchors = 0;
    for (const f of files) anchors += await expectAnchorsOnPage(path.join(teiDir, f));
    expect(anchors).to.be.greaterThan(30);
  });

  it('and on the fixtures and the corpus, TEI editio did not write', async function () {
    let anchors = await expectAnchorsOnPage(edge);
    anchors += await expectAnchorsOnPage(path.join(fixtures, 'transform', 'corpus-of-letters.xml'));
    requireShared(this, corpusDir);
    for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.xml'))) anchors += await expectAnchorsOnPage(path.join(corpusDir, f));
    expect(anchors).to.be.greaterThan(100);
  });

  it('numbers mentions, dates and blocks in document order, counting those its own xml:id names', () => {
    const extract = extractOf(edge);
    // The header's HQ person in the sourceDesc list is a record, not a mention; it is counted all the same (m2).
    expect(extract.mentions.slice(0, 2).map((m) => m.anchor)).to.deep.equal(['m1', 'm3']);
    expect(extract.mentions.find((m) => m.text === 'event')!.anchor).to.equal('evm');
    const own = extract.passages.findIndex((p) => p.text === 'Own id event');
    expect(extract.passages.slice(own - 1, own + 2).map((p) => p.anchor)).to.deep.equal(['p11', 'own', 'p13']);
  });

  it('reads the reading text for search: no deletion, no error beside its correction, words joined over a break inside them', () => {
    const text = extractOf(edge).passages.find((p) => p.text.startsWith('Text with'))!.text;
    expect(text).to.include('some <cdata> and a name over a broken line, then next, and a error General him');
    expect(text).not.to.match(/struck|erorr|Gen\./);
  });

  it('cuts context from the text as written, layout whitespace between header elements left out', () => {
    const hq = extractOf(edge).mentions[0]!;
    expect(hq).to.include({ text: 'the HQ', before: 'From ', after: ' archive, September 1966' });
    // Characters beyond the Basic Multilingual Plane count once: the context after A2 starts right after it.
    // The note's words are not the paragraph's: the page sets them apart as a footnote.
    expect(extractOf(edge).mentions.find((m) => m.text === 'A2')!.after).to.equal(' and a .');
    // A mention within the note is quoted in the note's words.
    expect(
      extractOf(edge)
        .mentions.filter((m) => m.text === 'Hanoi')
        .map((m) => [m.before, m.after]),
    ).to.deep.include(['note with ', ' 1967']);
  });

  it('quotes a mention in its block’s words as the page parts them: lines, spaces, parts, a seg set on a line of its own', () => {
    const letter = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Brief</title></titleStmt></fileDesc></teiHeader>
      <text><body><div><p>für <rs ref="#k" type="person">Kainz</rs><space unit="chars" quantity="1"/><rs ref="#d" type="work">Dichter</rs>, Frank<lb break="no"/>furter Zeitung<lb/>und <persName ref="#p">Paul</persName><note>Paul Goldmann, Journalist.</note> wohnt</p>
      <dateline><seg><placeName ref="#h">Hôtel de Rome</placeName></seg><seg rend="right">18/II 1900.</seg></dateline></div></body></text></TEI>`;
    const made = extractDocument(letter, 'brief', NONE);
    if ('error' in made) throw new Error(made.error);
    const { mentions } = JSON.parse(made.json) as Extract;
    expect(mentions.find((m) => m.text === 'Kainz')).to.include({ before: 'für ', after: ' Dichter, Frankfurter Zeitung und Paul wohnt' });
    expect(mentions.find((m) => m.text === 'Paul')).to.include({ before: 'für Kainz Dichter, Frankfurter Zeitung und ', after: ' wohnt' });
    expect(mentions.find((m) => m.text === 'Hôtel de Rome')).to.include({ before: '', after: ' 18/II 1900.' });
  });

  it('leaves out index records (back matter lists, header lists) but keeps the back matter’s text', () => {
    const extract = extractOf(edge);
    expect(extract.mentions.map((m) => m.text)).not.to.include('HQ person');
    expect(extract.dates.map((d) => d.sort))
      .to.include('1968')
      .and.not.include('1900');
    expect(extract.passages.filter((p) => !p.anchor.startsWith('note-')).at(-1)!.text).to.equal('Back A 1968');
  });

  it('gives each passage the entries it mentions (a note’s its own), its source as words apart, an address its lines apart', () => {
    const letter = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Brief</title></titleStmt>
      <sourceDesc><msDesc><msIdentifier><settlement>Frankfurt am Main</settlement><repository>Freies Deutsches Hochstift</repository><idno>Hs-30885</idno></msIdentifier></msDesc></sourceDesc></fileDesc></teiHeader>
      <text><body><address><addrLine>Herrn Dr. Richard Beer-Hofmann</addrLine><addrLine>Wien</addrLine></address>
      <p><persName ref="#loris">Loris</persName> schreibt.<note>Gemeint ist <persName ref="#bahr">Bahr</persName>.</note></p>
      <lg><l>Wie still der Abend</l><l>über allen Dächern liegt</l></lg></body></text></TEI>`;
    const made = extractDocument(letter, 'brief', { ...NONE, ids: new Set(['loris', 'bahr']) });
    if ('error' in made) throw new Error(made.error);
    const extract = JSON.parse(made.json) as Extract;
    expect(extract.source).to.equal('Frankfurt am Main Freies Deutsches Hochstift Hs-30885');
    expect(extract.passages.map(({ anchor, text, note, entries }) => [anchor, text, note, entries])).to.deep.equal([
      ['b1', 'Herrn Dr. Richard Beer-Hofmann Wien', false, []],
      ['p1', 'Loris schreibt.', false, ['loris']],
      ['l1', 'Wie still der Abend', false, []],
      ['l2', 'über allen Dächern liegt', false, []],
      ['note-1', 'Gemeint ist Bahr.', true, ['bahr']],
    ]);
  });

  it('gives each note a page shows a passage of its own, at its footnote, and leaves it out of the paragraph it stands in', () => {
    const { passages } = extractOf(path.join(fixtures, 'transform', 'notes-as-footnotes.xml'));
    expect(passages.filter((p) => p.anchor.startsWith('note-'))).to.deep.equal([
      { anchor: 'note-1', text: 'That is, the airfields of the Vietnamese air force regiments.', note: true, entries: [] },
      { anchor: 'note-2', text: 'The bracketed word is the translator’s.', note: true, entries: [] },
    ]);
    const paragraph = passages.find((p) => p.text.includes('technical'))!.text;
    expect(paragraph).to.contain('as our air force. Our allies').and.contain('technical support personnel').and.not.contain('translator');
  });

  it('reads a mention among parts set side by side with no words between (a sending’s name, date and place) with a space between each', () => {
    const letter = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Brief</title></titleStmt></fileDesc>
      <profileDesc><correspDesc><correspAction type="sent"><persName ref="#m">Mamroth, Fedor</persName><persName ref="#g">Goldmann, Paul</persName><date when="1888-12-09">9. 12. 1888</date><placeName ref="#w">Wien</placeName></correspAction></correspDesc></profileDesc>
      </teiHeader><text><body><p>Text.</p></body></text></TEI>`;
    const made = extractDocument(letter, 'b', NONE);
    if ('error' in made) throw new Error(made.error);
    const { mentions } = JSON.parse(made.json) as Extract;
    const wien = mentions.find((m) => m.text === 'Wien')!;
    expect(wien.before).to.equal('Mamroth, Fedor Goldmann, Paul 9. 12. 1888 ');
    const goldmann = mentions.find((m) => m.text === 'Goldmann, Paul')!;
    expect([goldmann.before, goldmann.after]).to.deep.equal(['Mamroth, Fedor ', ' 9. 12. 1888 Wien']);
  });

  it('takes the dates of the text and the summary, not those of datelines (the document’s own) nor of the publications it cites', () => {
    const extract = extractOf(edge);
    expect(extract.date).to.deep.equal({ anchor: 'd4', label: '2 October 1966', sort: '1966-10-02', when: '1966-10-02', edtf: '1966-10-02' });
    // (1970 is the date of a book its bibl cites.)
    expect(extract.dates.map((d) => d.label)).to.deep.equal(['between January and March 1966', '1966–1967', '1967', '1968']);
  });

  it('names the entry of every kind of pointer: #id, key, prefix of the document or the configuration, identifier URL', () => {
    const entries: PublishedEntries = {
      ids: new Set(['hanoi', 'org5']),
      identifiers: new Map([
        ['//www.wikidata.org/entity/Q1858', 'hanoi'],
        ['//www.wikidata.org/entity/Q5', 'org5'],
      ]),
      prefixes: configuredPrefixes({}),
    };
    const extract = extractOf(edge, entries);
    const entryOf = (ref: string): string[] => extract.mentions.filter((m) => m.ref === ref).map((m) => m.entry);
    expect(entryOf('wd:Q1858')).to.deep.equal(['hanoi']);
    expect(entryOf('wd:Q5')).to.deep.equal(['org5']);
    expect(entryOf('hanoi')).to.deep.equal(['hanoi']);
    // An entry the edition does not have keeps the pointer as it is written.
    expect(entryOf('https://example.org/person/B/')).to.deep.equal(['https://example.org/person/B/']);
    expect(extract.place).to.deep.equal({ text: 'Hanoi', entry: 'hanoi' });
    const unprefixed = extractOf(edge, { ...entries, prefixes: configuredPrefixes({ wd: 'https://elsewhere.example/$1' }) });
    // The document's own prefixDef wins over the configuration's.
    expect(unprefixed.mentions.find((m) => m.ref === 'wd:Q1858')!.entry).to.equal('hanoi');
  });

  it('reads the correspondence links, the language and the summary from the header', () => {
    const extract = extractOf(edge);
    expect(extract.links).to.deep.equal([
      { rel: 'prev', scope: '', target: 'x.xml', label: 'before' },
      { rel: 'next', scope: '', target: 'y.xml', label: '' },
    ]);
    expect(extract).to.include({
      lang: 'vi',
      xmlId: 'edge',
      title: 'Edge cases 𝔄',
      summary: 'A summary with early 1966 and Hanoi. Second two years.',
      summaryOnly: false,
    });
  });

  it('reads every text of a teiCorpus, its first dateline the corpus’s date when no header has one', () => {
    const extract = extractOf(path.join(fixtures, 'transform', 'corpus-of-letters.xml'));
    expect(extract.mentions.map((m) => m.entry)).to.deep.equal(['cp', 'cp']);
    expect(extract.passages.map((p) => p.text)).to.deep.equal(['First CP on 1 Jan.', 'Feb', 'Second CP.']);
    expect(extract.lang).to.equal('');
  });

  it("takes a side of a letter the header leaves unnamed from the names its text marks, the header's side from the header; the page says both", async () => {
    const file = path.join(fixtures, 'transform', 'letter-parties-marked-in-text.xml');
    const entries: PublishedEntries = { ...NONE, ids: new Set(['anna', 'clara']) };
    const extract = extractOf(file, entries);
    expect(extract.correspondents).to.deep.equal({ sent: ['anna'], received: ['clara'] });
    expect(extract.corresp.map((a) => [a.type, a.persons])).to.deep.equal([
      ['received', [{ name: 'Clara Kern', entry: 'clara' }]],
      ['sent', [{ name: 'Anna', entry: 'anna' }]],
    ]);
    expect(extract.corresp[1]!.date).to.deep.equal({ when: '1899-05-03' });
    const fields = (await pageOf(file))
      .querySelectorAll('.document-meta > div')
      .map((d) => `${d.querySelector('dt')!.textContent}: ${d.querySelector('dd')!.textContent.trim()}`);
    expect(fields).to.include.members(['Received: Clara Kern', 'Sent: Anna']);
    expect(fields.join(' ')).not.to.match(/Liebe Clara|Emil|Verlag/);
  });

  it('says why a document that is not well-formed has no extract', () => {
    const made = extractDocument('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>', 'broken', NONE);
    expect(made)
      .to.have.property('error')
      .that.matches(/not well-formed.*line 1/);
  });
});

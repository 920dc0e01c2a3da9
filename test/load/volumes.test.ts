import { expect } from 'chai';
import path from 'node:path';
import { parse, type ParsedDoc } from '../../src/parse/parse.js';
import { buildTree, type XmlElement } from '../../src/parse/tree.js';
import { validate } from '../../src/validate/validate.js';
import { pointedIds } from '../../src/validate/rules/authorities.js';
import { frontText, partText, volumeLayout, volumeParts } from '../../src/load/volumes.js';
import { fixtures, read, requireShared, teiAllSchema } from '../helpers.js';

const volumeFile = path.join(fixtures, 'editions', 'frus-like-volume', 'volume.xml');
const docOf = (text: string, file = '/ed/letters.xml'): ParsedDoc =>
  parse({ path: file, name: path.basename(file), bytes: Buffer.from(text), role: 'document' }).doc!;
const wellFormed = (text: string): boolean => !('error' in buildTree(text));

/** A correspondence kept in one file, each letter a division: valid TEI. */
const LETTERS = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="briefe">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Briefe an Anna</title><editor>Lind, Eva</editor></titleStmt>
      <publicationStmt><p>Test.</p></publicationStmt>
      <sourceDesc><p>Nachlass Kern.</p></sourceDesc>
    </fileDesc>
    <profileDesc><creation><date when="1990">1990</date></creation><langUsage><language ident="de">Deutsch</language></langUsage></profileDesc>
  </teiHeader>
  <text xml:lang="de">
    <front><div type="preface"><head>Vorwort</head><p>Die Briefe an Anna Kern.</p></div></front>
    <body>
      <div type="letter" xml:id="b1"><head>Brief 1</head><opener><dateline>Wien, <date when="1911-03-04">4. März 1911</date></dateline></opener><p>Liebe Anna!</p></div>
      <div type="letter" xml:id="b2"><head>Brief 2</head><p>Ohne Datum.</p></div>
    </body>
  </text>
</TEI>
`;

describe('volumes: a file of many documents published as its documents', () => {
  const volume = docOf(read(volumeFile), volumeFile);
  const layout = volumeLayout(volume)!;
  const parts = layout.parts.map((p) => partText(volume.text, layout, p));

  it('finds the documents of a FRUS-like volume in its chapters, with their numbers, titles, chapters and dates', () => {
    expect(layout.title).to.equal('Test Relations, 1958–1960, Volume I, The Harbour Question');
    expect(layout.parts.map((p) => [p.id, p.n, p.title, p.within])).to.deep.equal([
      ['d1', '1', '1. Telegram From the Envoy to the SB', ['The Opening of the Port']],
      ['d2', '2', '2. Editorial Note', ['The Opening of the Port']],
      ['d3', '3', '3. Memorandum of the Board', ['The Terms']],
      ['d4', '4', '4. Mr. Varga to Miss Tamm.', ['The Terms']],
    ]);
    // Each its own pointers (its map shows their places, not the volume's).
    const withPointers = volumeLayout(volume, (div) => [...pointedIds(volume, undefined, [], div)].sort())!;
    expect(withPointers.parts.map((p) => p.pointsTo)).to.deep.equal([['d3', 'p_TL1', 'p_VA1', 't_SB1'], ['p_TL1'], ['p_TL1'], ['p_TL1', 'p_VA1']]);
    // A document dated by its dateline keeps that date; an editorial note is dated by the volume's range attributes.
    expect(layout.parts.map((p) => p.date)).to.deep.equal([undefined, { notBefore: '1958-04-03', notAfter: '1958-04-09' }, undefined, undefined]);
  });

  it('writes each as a TEI document: the volume’s header with the document’s title, source and date, the division as its body', () => {
    for (const text of parts) expect(wellFormed(text)).to.equal(true);
    const [first, second] = parts.map((text) => buildTree(text) as { root: XmlElement });
    expect(first!.root.attrs.has('xml:id'), 'the volume’s xml:id is not the part’s').to.equal(false);
    expect(parts[0]).to.include(
      '<titleStmt><title type="main">1. Telegram From the Envoy to the SB</title><editor role="primary">Quint, Rosa</editor></titleStmt>',
    );
    expect(parts[0]).to.include(
      '<sourceDesc><bibl><title level="m">Test Relations, 1958–1960, Volume I, The Harbour Question</title>, <biblScope unit="part">The Opening of the Port</biblScope></bibl></sourceDesc>',
    );
    expect(parts[0]).not.to.include('Released in 1999');
    expect(parts[0]).not.to.include('<creation>');
    expect(parts[1]).to.include('</fileDesc><profileDesc><creation><date notBefore="1958-04-03" notAfter="1958-04-09"></date></creation></profileDesc>');
    // The division as written, and no other.
    expect(parts[1]).to.include(volume.text.slice(layout.parts[1]!.start, layout.parts[1]!.end));
    expect(parts[1]).not.to.include('Telegram From the Envoy');
    expect(second!.root.name).to.equal('TEI');
  });

  it('makes the front matter read (preface, abbreviations) the introduction, not its list of persons nor its contents', () => {
    const front = frontText(volume.text, layout);
    expect(wellFormed(front)).to.equal(true);
    expect(front).to.include('<head>Preface</head>');
    expect(front).to.include('<head>Abbreviations and Terms</head>');
    expect(front).not.to.include('<head>Persons</head>');
    expect(front).not.to.include('<head>Contents</head>');
    expect(front).not.to.include('Telegram');
  });

  it('names each part beside the volume’s file, and reads the volume’s text once for all of them', () => {
    let reads = 0;
    const counted = {
      ...volume,
      get text() {
        reads++;
        return volume.text;
      },
    };
    const { documents, introduction } = volumeParts(counted, layout);
    expect(documents.map((d) => path.basename(d.source.path))).to.deep.equal(['volume-d1.xml', 'volume-d2.xml', 'volume-d3.xml', 'volume-d4.xml']);
    expect(documents.every((d) => d.source.partOf === volumeFile && d.source.name === volume.source.name)).to.equal(true);
    expect(introduction!.source.role).to.equal('introduction');
    expect(documents.map((d) => d.text)).to.deep.equal(parts);
    expect(documents.map((d) => d.source.known!.hash)).to.deep.equal(layout.parts.map((p) => p.hash));
    expect(reads).to.equal(1);
  });

  it('takes letter divisions too, carrying the language and the namespaces their ancestors declare', () => {
    const letters = volumeLayout(docOf(LETTERS))!;
    expect(letters.parts.map((p) => p.id)).to.deep.equal(['b1', 'b2']);
    const text = partText(LETTERS, letters, letters.parts[0]!);
    // The volume's own creation date is not its letters'.
    expect(text).not.to.include('<date when="1990">');
    expect(text).to.include('<profileDesc><langUsage>');
    expect(text).to.include('<text xml:lang="de"><body><div type="letter" xml:id="b1">');
    const nested = LETTERS.replace('<body>', '<body><div type="volume" xmlns:ex="https://example.org/ns" xml:lang="de-AT">')
      .replace('</body>', '</div></body>')
      .replace('<p>Liebe', '<p ex:mark="1">Liebe');
    const inner = volumeLayout(docOf(nested))!;
    const part = partText(nested, inner, inner.parts[0]!);
    expect(wellFormed(part)).to.equal(true);
    expect(part).to.include('<text xml:lang="de-AT"><body xmlns:ex="https://example.org/ns">');
  });

  it('dates a part in a profileDesc of its own where the volume’s is written empty', () => {
    const empty = read(volumeFile).replace('</fileDesc>', '</fileDesc><profileDesc/>');
    const layout = volumeLayout(docOf(empty, volumeFile))!;
    const part = partText(empty, layout, layout.parts[1]!);
    expect(wellFormed(part)).to.equal(true);
    expect(part).to.include('<profileDesc/><profileDesc><creation><date notBefore="1958-04-03" notAfter="1958-04-09"></date></creation></profileDesc>');
  });

  it('keeps the prefix a volume’s root is written with', () => {
    const prefixed = LETTERS.replace(/<(\/?)(?!\?)([A-Za-z]+)/g, '<$1tei:$2').replace('xmlns=', 'xmlns:tei=');
    const layout = volumeLayout(docOf(prefixed))!;
    const part = partText(prefixed, layout, layout.parts[1]!);
    expect(wellFormed(part)).to.equal(true);
    expect(part).to.include('<tei:titleStmt><tei:title type="main">Brief 2</tei:title>');
    expect(part).to.match(/<\/tei:body><\/tei:text><\/tei:TEI>$/);
  });

  it('leaves a file of one document (or none) as it is', () => {
    const one = LETTERS.replace(/<div type="letter" xml:id="b2">.*?<\/div>/, '');
    expect(volumeLayout(docOf(one))).to.equal(undefined);
    expect(volumeLayout(docOf(LETTERS.replace(/type="letter"/g, 'type="section"')))).to.equal(undefined);
  });

  describe('against the official tei_all', () => {
    before(function () {
      requireShared(this, teiAllSchema);
    });
    it('writes parts valid wherever the volume is', async () => {
      const letters = volumeLayout(docOf(LETTERS))!;
      const docs = [
        docOf(LETTERS),
        ...letters.parts.map((p, i) => docOf(partText(LETTERS, letters, p), `/ed/letters-${i}.xml`)),
        docOf(frontText(LETTERS, letters), '/ed/front.xml'),
      ];
      const verdicts = await validate(docs, { schema: teiAllSchema });
      for (const v of verdicts) expect(v.messages, v.doc.source.name).to.deep.equal([]);
    });
  });
});

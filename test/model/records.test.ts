import { expect } from 'chai';
import path from 'node:path';
import { parse, type ParsedDoc } from '../../src/parse/parse.js';
import { documentRecords, isIndexFile, mayHoldRecords } from '../../src/model/records.js';
import { buildTree } from '../../src/parse/tree.js';
import { fixtures, lineOf, read } from '../helpers.js';

const editions = path.join(fixtures, 'editions');
const docOf = (file: string): ParsedDoc => {
  const parsed = parse({ path: file, name: path.basename(file), bytes: Buffer.from(read(file)), role: 'document' });
  if (!parsed.doc) throw new Error(parsed.messages.map((m) => m.reason).join('; '));
  return parsed.doc;
};

describe('records (index records where editions keep them)', () => {
  it('finds the records a letter carries in its back, each standalone XML that parses on its own, with its line', () => {
    const records = documentRecords(docOf(path.join(editions, 'letters-with-records', 'L001.xml')));
    expect(records.map((r) => r.id)).to.deep.equal(['p1', 'p2', 'p3', 'pl1', 'w1']);
    const roth = records.find((r) => r.id === 'p3')!;
    expect(roth).to.deep.include({ line: lineOf(read(path.join(editions, 'letters-with-records', 'L001.xml')), '<person xml:id="p3"'), column: 9 });
    const tree = buildTree(roth.text);
    expect('root' in tree && tree.root.ns).to.equal('http://www.tei-c.org/ns/1.0');
  });

  it('declares on a record the namespaces its ancestors declared, without disturbing its own attributes', () => {
    const text =
      '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x"><teiHeader/><text><body><p/></body><back><listPerson><person xml:id="a" x:n="1"><persName>A</persName></person></listPerson></back></text></TEI>';
    const doc = parse({ path: '/d.xml', name: 'd.xml', bytes: Buffer.from(text), role: 'document' }).doc!;
    const [record] = documentRecords(doc);
    expect(record!.text).to.equal('<person xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x" xml:id="a" x:n="1"><persName>A</persName></person>');
  });

  it('takes no record from the reading text: a list of persons in the body is text', () => {
    const text =
      '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><listPerson><person xml:id="a"><persName>A</persName></person></listPerson></body></text></TEI>';
    expect(documentRecords(parse({ path: '/d.xml', name: 'd.xml', bytes: Buffer.from(text), role: 'document' }).doc!)).to.deep.equal([]);
  });

  it('makes a record of each name heading an item of a list (FRUS), described by the rest of the item', () => {
    const records = documentRecords(docOf(path.join(editions, 'frus-like-volume', 'volume.xml')));
    expect(records.map((r) => r.text)).to.deep.equal([
      '<person xmlns="http://www.tei-c.org/ns/1.0" xml:id="p_VA1"><persName>Varga, Andor</persName><note>Harbour Master of Port Ellery</note></person>',
      '<person xmlns="http://www.tei-c.org/ns/1.0" xml:id="p_TL1"><persName>Tamm, Liisa</persName><note>Envoy of the Shipping Board</note></person>',
    ]);
  });

  it('tells an index file by its first bytes, and a document that may hold records by its text', () => {
    expect(isIndexFile(Buffer.from(read(path.join(editions, 'letters-with-index', 'indices', 'listperson.xml'))))).to.equal(true);
    // A heading before the list, as the index of places has.
    expect(isIndexFile(Buffer.from(read(path.join(editions, 'letters-with-index', 'indices', 'listplace.xml'))))).to.equal(true);
    // Lists in divisions of the body, with headings, several of them (works, then paintings).
    expect(isIndexFile(Buffer.from(read(path.join(editions, 'letters-with-divided-index', 'register', 'listperson.xml'))))).to.equal(true);
    expect(isIndexFile(Buffer.from(read(path.join(editions, 'letters-with-divided-index', 'register', 'listwork.xml'))))).to.equal(true);
    // A list within a paragraph (TEI allows it; the Schnitzler diary's index of works has one).
    const inParagraph =
      '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>\n <p>\n  <listBibl xml:id="listwork"><bibl xml:id="w1"><title>Anatol</title></bibl></listBibl></p></body></text></TEI>';
    expect(isIndexFile(Buffer.from(inParagraph))).to.equal(true);
    expect(isIndexFile(Buffer.from(inParagraph.replace('<p>\n', '<p>Die Werke:\n')))).to.equal(false);
    expect(isIndexFile(Buffer.from(read(path.join(editions, 'letters-with-divided-index', 'briefe', 'B001.xml'))))).to.equal(false);
    expect(isIndexFile(Buffer.from(read(path.join(editions, 'letters-with-records', 'L001.xml'))))).to.equal(false);
    expect(isIndexFile(Buffer.from(read(path.join(editions, 'frus-like-volume', 'volume.xml'))))).to.equal(false);
    expect(mayHoldRecords(read(path.join(editions, 'letters-with-index', 'letters', '1911-03-04.xml')))).to.equal(false);
    expect(mayHoldRecords(read(path.join(editions, 'frus-like-volume', 'volume.xml')))).to.equal(true);
  });
});

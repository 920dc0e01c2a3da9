import { expect } from 'chai';
import { Authorities } from '../../src/model/authorities.js';
import { parse } from '../../src/parse/parse.js';
import { comparableUri, configuredPrefixes, entryIdOf, expandPointer, looksUpEntries, prefixDefsOf } from '../../src/model/pointers.js';

const lists = (): Authorities => {
  const text = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><listPerson>
    <person xml:id="pmb2121"><persName>Schnitzler, Arthur</persName><idno type="URL" subtype="pmb">https://pmb.example.org/entity/2121/</idno></person>
    <person xml:id="p2"><persName>Other</persName></person></listPerson></body></text></TEI>`;
  return new Authorities([parse({ path: '/i.xml', name: 'i.xml', bytes: Buffer.from(text), role: 'authorities' }).doc!]);
};

describe('pointers (what a pointer names)', () => {
  it('expands a prefixed pointer by the first definition whose pattern its rest matches', () => {
    const defs = [
      { ident: 'pmb', matchPattern: '(\\d+)', replacementPattern: 'https://pmb.example.org/entity/$1/' },
      { ident: 'pmb', matchPattern: '(.+)', replacementPattern: '#$1' },
    ];
    expect(expandPointer('pmb:2121', defs)).to.equal('https://pmb.example.org/entity/2121/');
    expect(expandPointer('pmb:x1', defs)).to.equal('#x1');
    expect(expandPointer('viaf:1', defs)).to.equal(undefined);
    expect(expandPointer('https://example.org/a', defs)).to.equal(undefined);
    // A pattern that is no regular expression is passed over, not thrown.
    expect(expandPointer('bad:1', [{ ident: 'bad', matchPattern: '(', replacementPattern: '$1' }])).to.equal(undefined);
  });

  it('reads a document’s prefixDefs before the configuration’s prefixes', () => {
    const text =
      '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><encodingDesc><listPrefixDef><prefixDef ident="wh" matchPattern="(p\\d)" replacementPattern="#$1"/></listPrefixDef></encodingDesc></teiHeader><text/></TEI>';
    const doc = parse({ path: '/d.xml', name: 'd.xml', bytes: Buffer.from(text), role: 'document' }).doc!;
    expect(prefixDefsOf(doc, configuredPrefixes({ wh: 'https://x/$1' }))).to.deep.equal([
      { ident: 'wh', matchPattern: '(p\\d)', replacementPattern: '#$1' },
      { ident: 'wh', matchPattern: '(.+)', replacementPattern: 'https://x/$1' },
    ]);
  });

  it('names an entry by #id, file#id, a bare id, an identifier URL (scheme, host case and trailing slash aside) or a prefixed pointer', () => {
    const authorities = lists();
    const defs = configuredPrefixes({ pmb: 'https://pmb.example.org/entity/$1' });
    expect(entryIdOf('#p2', authorities, [])).to.equal('p2');
    expect(entryIdOf('index.xml#p2', authorities, [])).to.equal('p2');
    expect(entryIdOf('p2', authorities, [])).to.equal('p2');
    expect(entryIdOf('http://PMB.example.org/entity/2121', authorities, [])).to.equal('pmb2121');
    expect(entryIdOf('pmb:2121', authorities, defs)).to.equal('pmb2121');
    expect(entryIdOf('#nobody', authorities, [])).to.equal(undefined);
    expect(entryIdOf('https://pmb.example.org/entity/9/', authorities, defs)).to.equal(undefined);
    expect(comparableUri('https://Example.org/a/')).to.equal(comparableUri('http://example.org/a'));
  });

  it('reads a pointer attribute as the list TEI makes it: the first pointer that names an entry', () => {
    const authorities = lists();
    expect(entryIdOf('#nobody #p2', authorities, [])).to.equal('p2');
    expect(entryIdOf(' #p2\n  pmb:2121 ', authorities, configuredPrefixes({ pmb: 'https://pmb.example.org/entity/$1' }))).to.equal('p2');
    expect(entryIdOf('#nobody #noone', authorities, [])).to.equal(undefined);
  });

  it('tells a document that names entries only the entries resolve (key, bare id, prefix, URL) from one that names them by #id', () => {
    const doc = (body: string) =>
      parse({
        path: '/d.xml',
        name: 'd.xml',
        bytes: Buffer.from(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>${body}</p></body></text></TEI>`),
        role: 'document',
      }).doc!;
    expect(looksUpEntries(doc('<persName ref="#a">A</persName> <persName ref="index.xml#b">B</persName>'))).to.equal(false);
    for (const named of [
      '<persName key="a">A</persName>',
      '<persName ref="a">A</persName>',
      '<persName ref="pmb:1">A</persName>',
      '<persName corresp="https://example.org/a">A</persName>',
    ]) {
      expect(looksUpEntries(doc(named)), named).to.equal(true);
    }
  });
});

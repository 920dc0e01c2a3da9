import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEI_NS } from '../../src/parse/parse.js';
import { buildTree, descendants, type XmlElement, type XmlNode } from '../../src/parse/tree.js';
import { DocumentWalk } from '../../src/transform/anchors.js';
import { prepareSource, PREPARED_NS } from '../../src/transform/prepare.js';
import { fixtures, teiDir } from '../helpers.js';

const treeOf = (text: string): XmlElement => {
  const parsed = buildTree(text);
  if ('error' in parsed) throw new Error(parsed.error.reason);
  return parsed.root;
};

/** A tree as plain data, without editio's attributes and their namespace declaration: what must not change. */
function shape(node: XmlNode): unknown {
  if (node.kind === 'text') return node.text;
  const attrs = [...node.attrs].filter(([name, value]) => value !== PREPARED_NS && !name.startsWith('editio'));
  return [node.ns, node.name, attrs, node.children.map(shape)];
}

/** editio's attributes on an element, by local name. */
const prepared = (e: XmlElement): Record<string, string> =>
  Object.fromEntries([...e.attrs].filter(([name]) => /^editio\d*:/.test(name)).map(([name, value]) => [name.replace(/^editio\d*:/, ''), value]));

describe('prepare (a source readied for the stylesheets)', () => {
  const sources = [
    ...readdirSync(teiDir)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => path.join(teiDir, f)),
    ...readdirSync(path.join(fixtures, 'transform')).map((f) => path.join(fixtures, 'transform', f)),
  ];

  it('changes nothing of the document but the attributes it adds', () => {
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(shape(treeOf(prepareSource(text))), file).to.deep.equal(shape(treeOf(text)));
    }
  });

  it('writes each mention’s, date’s and block’s anchor where it has no xml:id, as the extracts count them', () => {
    let anchors = 0;
    for (const file of sources) {
      const original = treeOf(readFileSync(file, 'utf8'));
      const walk = new DocumentWalk(original);
      const before = [...descendants(original)];
      const after = [...descendants(treeOf(prepareSource(readFileSync(file, 'utf8'))))];
      before.forEach((e, i) => {
        const anchor = walk.place(e).anchor;
        const expected = anchor !== undefined && !e.attrs.has('xml:id') ? anchor : undefined;
        expect(prepared(after[i]!).a, `${path.basename(file)} ${e.name} at line ${e.line}`).to.equal(expected);
        if (expected) anchors++;
      });
    }
    expect(anchors).to.be.greaterThan(150);
  });

  it('numbers every fifth verse line (by its @n, else counted through the text or the poem) and gives a split line’s later parts their lead', () => {
    const lines = (body: string) =>
      [...descendants(treeOf(prepareSource(`<TEI xmlns="${TEI_NS}"><text><body>${body}</body></text></TEI>`)))]
        .filter((e) => e.name === 'l')
        .map((l) => [prepared(l).ln ?? '', prepared(l).lead ?? '']);
    const verse = (n: number) => Array.from({ length: n }, (_, i) => `<l>line ${i + 1}</l>`).join('');
    // Counted through the text, over stanzas and scenes; split parts (M, F) are the line they complete.
    expect(
      lines(`<div><lg>${verse(3)}</lg></div><div><sp><l part="I">Herein!</l></sp><sp><l part="M">Wer?</l></sp><sp><l part="F">Ich.</l></sp>${verse(6)}</div>`),
    ).to.deep.equal([
      ['', ''],
      ['', ''],
      ['', ''],
      ['', ''],
      ['', 'Herein!'],
      ['', 'Herein! Wer?'],
      ['5', ''],
      ['', ''],
      ['', ''],
      ['', ''],
      ['', ''],
      ['10', ''],
    ]);
    // A line's own @n wins ("1.1.15" is line 15), and the count goes on from it.
    expect(lines('<l n="1.1.14">a</l><l n="1.1.15">b</l><l>c</l><l n="20">d</l>').map(([n]) => n)).to.deep.equal(['', '15', '', '20']);
    // Each poem of a collection is counted afresh.
    expect(
      lines(`<div type="poem">${verse(5)}</div><div type="poem">${verse(5)}</div>`)
        .map(([n]) => n)
        .filter(Boolean),
    ).to.deep.equal(['5', '5']);
  });

  it('numbers the notes a page shows (text, source, summary, correspondence), not the header’s others', () => {
    const text = readFileSync(path.join(fixtures, 'transform', 'notes-as-footnotes.xml'), 'utf8');
    const notes = [...descendants(treeOf(prepareSource(text)))].filter((e) => e.ns === TEI_NS && e.name === 'note');
    const numbers = notes.filter((n) => prepared(n).n !== undefined).map((n) => Number(prepared(n).n));
    expect(numbers.length).to.be.greaterThan(1);
    expect(numbers).to.deep.equal(numbers.map((_, i) => i + 1));
    const withNote =
      '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><encodingDesc><p>x<note>editorial</note></p></encodingDesc></teiHeader><text><body><p>a<note>first</note></p></body></text></TEI>';
    const marked = [...descendants(treeOf(prepareSource(withNote)))].filter((e) => e.name === 'note').map((n) => prepared(n).n);
    expect(marked).to.deep.equal([undefined, '1']);
  });

  it('marks a mention that holds other mentions (it cannot be one link)', () => {
    const text = readFileSync(path.join(teiDir, '1966-09-21-giap-decision.xml'), 'utf8');
    const nested = [...descendants(treeOf(prepareSource(text)))].filter((e) => prepared(e).nested === '1');
    expect(nested.length).to.be.greaterThan(0);
    for (const e of nested) expect([...descendants(e)].slice(1).some((d) => d.ns === TEI_NS && /Name$/.test(d.name))).to.equal(true);
  });

  it('says on the document element whether its text has transcription whose two views differ', () => {
    const page = (header: string, body: string): Record<string, string> =>
      prepared(
        treeOf(prepareSource(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>${header}</teiHeader><text><body><p>${body}</p></body></text></TEI>`)),
      );
    expect(page('', 'a <del>b</del> c')).to.include({ views: '1' });
    expect(page('', 'a <choice><abbr>Gen.</abbr><expan>General</expan></choice>')).to.include({ views: '1' });
    expect(page('<fileDesc><p>a <del>b</del></p></fileDesc>', 'plain')).not.to.have.property('views');
  });

  it('takes a prefix the document does not use, and leaves a source it cannot read as it is', () => {
    const taken = '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:editio="urn:other"><text><body><p>x</p></body></text></TEI>';
    const root = treeOf(prepareSource(taken));
    expect(root.attrs.get('xmlns:editio')).to.equal('urn:other');
    expect(root.attrs.get('xmlns:editio1')).to.equal(PREPARED_NS);
    const broken = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>unclosed</TEI>';
    expect(prepareSource(broken)).to.equal(broken);
  });
});

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildTree, type XmlElement } from '../../src/parse/tree.js';
import { markedParties, partySide } from '../../src/transform/marked-parties.js';
import { fixtures } from '../helpers.js';

function rootOf(xml: string): XmlElement {
  const tree = buildTree(xml);
  if ('error' in tree) throw new Error(tree.error.reason);
  return tree.root;
}

const TEI = 'xmlns="http://www.tei-c.org/ns/1.0"';
const partiesOf = (body: string): Record<string, string[]> => {
  const root = rootOf(`<TEI ${TEI}><text><body>${body}</body></text></TEI>`);
  const texts = root.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === 'text');
  const found = markedParties(texts);
  const words = (e: XmlElement): string => e.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
  return { sent: found.sent.map(words), received: found.received.map(words) };
};

describe("marked parties (a letter's sender and addressee as its text marks them)", () => {
  it('reads the side from @type, @role or @ana, as tokens or pointers', () => {
    const side = (attributes: string, name = 'persName') => partySide(rootOf(`<${name} ${TEI} ${attributes}>A</${name}>`));
    expect(side('type="from"')).to.equal('sent');
    expect(side('type="to"')).to.equal('received');
    expect(side('ana="#sender"')).to.equal('sent');
    expect(side('ana="https://example.org/roles#addressee"')).to.equal('received');
    expect(side('role="recipient"')).to.equal('received');
    expect(side('ana="#pers #sender"')).to.equal('sent');
    // An rs's @type says what it names, not a side.
    expect(side('type="to"', 'rs')).to.equal(undefined);
    expect(side('type="surname"')).to.equal(undefined);
    expect(side('')).to.equal(undefined);
  });

  it("finds a FRUS despatch's parties in its heading, not those of its enclosure or a note", () => {
    const parties = partiesOf(`<div type="document">
      <head>Mr. <persName type="from">Adee</persName> to Mr. <persName type="to">Taylor</persName>.<note>Also to <persName type="to">Bayard</persName>.</note></head>
      <p>Sir: I enclose a copy.</p>
      <div type="enclosure"><head><persName type="from">Mr. Ewing</persName> to <persName type="to">Mr. Adee</persName>.</head></div>
    </div>`);
    expect(parties).to.deep.equal({ sent: ['Adee'], received: ['Taylor'] });
  });

  it('reads a name within a marked name as part of it, and nothing outside the TEI namespace', () => {
    const parties = partiesOf(
      `<div><p><name ana="#sender">The <orgName type="to">Board</orgName></name></p><x:attachment xmlns:x="urn:x"><persName ${TEI} type="from">Other</persName></x:attachment></div>`,
    );
    expect(parties).to.deep.equal({ sent: ['The '], received: [] });
  });

  it('finds nothing in a text that marks no party', () => {
    expect(partiesOf('<div><p><persName ref="#a">Anna</persName> wrote.</p></div>')).to.deep.equal({ sent: [], received: [] });
  });

  it('reads a letter of the fixture: the signature marked as sender, the salutation as addressee', () => {
    const root = rootOf(readFileSync(path.join(fixtures, 'transform', 'letter-parties-marked-in-text.xml'), 'utf8'));
    const texts = root.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === 'text');
    const found = markedParties(texts);
    expect(found.sent.map((e) => e.attrs.get('ref'))).to.deep.equal(['#anna']);
    expect(found.received.map((e) => e.attrs.get('ref'))).to.deep.equal(['#clara']);
  });
});

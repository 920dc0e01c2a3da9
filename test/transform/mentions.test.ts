import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildTree, descendants } from '../../src/parse/tree.js';
import { configuredPrefixes } from '../../src/model/pointers.js';
import { MentionFaces, type EntryFace } from '../../src/transform/mentions.js';
import { prepareSource } from '../../src/transform/prepare.js';
import { compileStylesheets } from '../../src/transform/stylesheets.js';
import { authorityContext } from '../../src/transform/transform.js';
import { teiDir } from '../helpers.js';

const face = (path: string, title: string, mention: string): EntryFace => ({ path, title, mention });
const FACES = new MentionFaces(
  new Map([
    ['giap', face('registers/persons/giap.html', 'Võ Nguyên Giáp', 'persName')],
    ['hanoi', face('registers/places/hanoi.html', 'Hà Nội', 'placeName')],
    ['aaa', face('registers/organisations/aaa.html', 'Arms & "Armour" <Ltd>', 'orgName')],
  ]),
  new Map([['//www.wikidata.org/wiki/Q1858', 'hanoi']]),
  configuredPrefixes({ pers: 'authorities.xml#$1' }),
);

/** Each mention of a document prepared with FACES: its words, and editio's attributes by local name. */
function mentionsOf(body: string, header = '', faces = FACES): { words: string; shows: Record<string, string> }[] {
  const text = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>${header}</teiHeader><text><body><p>${body}</p></body></text></TEI>`;
  const parsed = buildTree(prepareSource(text, faces));
  if ('error' in parsed) throw new Error(parsed.error.reason);
  return [...descendants(parsed.root)]
    .filter((e) => ['persName', 'placeName', 'orgName', 'rs'].includes(e.name))
    .map((e) => ({
      words: e.children.map((c) => (c.kind === 'text' ? c.text : '')).join(''),
      shows: Object.fromEntries(
        [...e.attrs].filter(([n]) => n.startsWith('editio:') && !['editio:a', 'editio:nested'].includes(n)).map(([n, v]) => [n.slice(7), v]),
      ),
    }));
}

const linked = (id: string, kind: string, title: string) => ({ class: `mention mention-${kind}`, href: `registers/${id}.html`, title });

describe('mentions (what a page shows of each mention, worked out when its source is prepared)', () => {
  it('names the entry of every form of pointer: file#id, #id, a key, a prefix of the document or the configuration, an identifier URL', () => {
    const header = '<encodingDesc><listPrefixDef><prefixDef ident="pl" matchPattern="([a-z]+)" replacementPattern="#$1"/></listPrefixDef></encodingDesc>';
    const body = [
      '<persName ref="authorities.xml#giap">Giap</persName>',
      '<persName ref="#giap">Giap</persName>',
      '<persName key="giap">Giap</persName>',
      '<placeName ref="pl:hanoi">Hanoi</placeName>',
      '<persName ref="pers:giap">Giap</persName>',
      '<placeName ref="HTTPS://WWW.Wikidata.org/wiki/Q1858/">Hanoi</placeName>',
      // A pointer that names nothing, then its key: the key is read.
      '<persName ref="#nobody" key="giap">Giap</persName>',
    ].join(' ');
    const shown = mentionsOf(body, header).map((m) => m.shows);
    const giap = linked('persons/giap', 'persName', 'Võ Nguyên Giáp');
    const hanoi = linked('places/hanoi', 'placeName', 'Hà Nội');
    expect(shown).to.deep.equal([giap, giap, giap, hanoi, giap, hanoi, giap]);
  });

  it('reports a pointer that names no entry, but not a URL that names none (it points outside the edition)', () => {
    const shown = mentionsOf('<persName ref="#nobody">X</persName> <persName ref="https://viaf.org/viaf/1">Y</persName> <persName>Z</persName>').map(
      (m) => m.shows,
    );
    expect(shown).to.deep.equal([
      { class: 'mention mention-persName unresolved', unknown: '1' },
      { class: 'mention mention-persName unresolved' },
      { class: 'mention mention-persName' },
    ]);
  });

  it('gives an <rs> the class of the kind it names: its entry’s, else its type’s, else rs', () => {
    const shown = mentionsOf('<rs ref="#hanoi">the capital</rs> <rs type="organisation">the ministry</rs> <rs type="constructor">it</rs>').map(
      (m) => m.shows.class,
    );
    expect(shown).to.deep.equal(['mention mention-placeName', 'mention mention-orgName', 'mention mention-rs']);
  });

  it('writes names with markup characters as attribute values that read back as the name', () => {
    expect(mentionsOf('<orgName ref="#aaa">AAA</orgName>')[0]!.shows.title).to.equal('Arms & "Armour" <Ltd>');
  });

  it('has the faces the HTML stylesheet makes of the seed’s entries: each page and standard name', async function () {
    this.timeout(60_000);
    await compileStylesheets();
    const { faces } = await authorityContext(readFileSync(path.join(teiDir, 'authorities.xml'), 'utf8'), {}, []);
    const [giap] = mentionsOf('<persName ref="authorities.xml#vo-nguyen-giap">Giap</persName>', '', faces);
    expect(giap!.shows).to.deep.equal(linked('persons/vo-nguyen-giap', 'persName', 'Võ Nguyên Giáp'));
  });
});

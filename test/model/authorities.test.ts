import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Authorities } from '../../src/model/authorities.js';
import { NAME_ELEMENTS } from '../../src/model/entry-names.js';
import { ENTITY_KINDS } from '../../src/model/entities.js';
import { compileStylesheets } from '../../src/transform/stylesheets.js';
import { authorityContext, transform } from '../../src/transform/transform.js';
import { parse as parseHtml } from 'node-html-parser';
import { parse, type ParsedDoc } from '../../src/parse/parse.js';
import { removeDir, repoRoot, runCli, teiDir, tempDir } from '../helpers.js';

const docOf = (text: string, file = path.join(teiDir, 'authorities.xml')): ParsedDoc => {
  const parsed = parse({ path: file, name: path.basename(file), bytes: Buffer.from(text), role: 'authorities' });
  if (!parsed.doc) throw new Error(parsed.messages.map((m) => m.reason).join('; '));
  return parsed.doc;
};
const seedLists = (): string => readFileSync(path.join(teiDir, 'authorities.xml'), 'utf8');
const xsl = readFileSync(path.join(repoRoot, 'xslt', 'common', 'authorities.xsl'), 'utf8');

describe('authorities (the one reading of the authority lists)', () => {
  it('knows the kinds of entry the stylesheets know, with the same lists, register pages, titles (the catalogue’s, by list) and mention elements', () => {
    const registers = [
      ...xsl.matchAll(/'(list\w+)': map \{ 'page': '(\w+)', 'title': ed:text\('register\.(\w+)'\), 'entry': '(\w+)', 'mention': '(\w+)' \}/g),
    ].map(([, list, page, titled, entry, mention]) => ({ list, register: page, titled, entry, mention }));
    expect(registers).to.deep.equal(ENTITY_KINDS.map(({ list, register, entry, mention }) => ({ list, register, titled: list, entry, mention })));
  });

  it('lists a person’s name written in parts by surname, as the stylesheets do; sorts it without a leading particle', async () => {
    const persons = [
      ['a', '<persName><forename>Arthur</forename><surname>Schnitzler</surname></persName>', 'Schnitzler, Arthur', 'Schnitzler, Arthur'],
      [
        'b',
        '<persName><forename>Hugo</forename> <nameLink>von</nameLink> <surname>Hofmannsthal</surname></persName>',
        'Hofmannsthal, Hugo von',
        'Hofmannsthal, Hugo von',
      ],
      ['c', '<persName><surname>Marceau</surname>, <forename>Louise</forename></persName>', 'Marceau, Louise', 'Marceau, Louise'],
      ['d', '<persName>van Gogh, Vincent</persName>', 'van Gogh, Vincent', 'Gogh, Vincent'],
      // Words of its own between the parts: read as written (a particle is one written in lower case).
      ['e', '<persName>Der <surname>Alte</surname> <forename>Fritz</forename></persName>', 'Der Alte Fritz', 'Der Alte Fritz'],
      ['f', '<persName sortKey="Zweig">Stefan Zweig</persName>', 'Stefan Zweig', 'Zweig'],
    ];
    const text = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><standOff><listPerson>${persons.map(([id, name]) => `<person xml:id="${id}">${name}</person>`).join('')}</listPerson></standOff></TEI>`;
    const lists = new Authorities([docOf(text)]);
    expect(persons.map(([id]) => [lists.get(id!)!.name, lists.get(id!)!.sortKey])).to.deep.equal(persons.map(([, , name, key]) => [name, key]));
    // The register page lists them so, in the order of their keys.
    await compileStylesheets();
    const { params, faces } = await authorityContext(text, {}, []);
    const page = transform(
      { format: 'html', sourceText: text, file: 'persons', initialMode: 'register', params: { ...params, 'register-list': 'listPerson' } },
      faces,
    ).output!;
    const byKey = [...persons].sort((a, b) => a[3]!.localeCompare(b[3]!, 'en'));
    expect(
      parseHtml(page)
        .querySelectorAll('.entry h2')
        .map((h) => h.text.trim()),
    ).to.deep.equal(byKey.map(([, , name]) => name));
  });

  it('reads an entry’s names from the elements the stylesheets read them from', () => {
    const names = /<xsl:variable name="names" select="\$entry\/\(([^)]+)\)"/
      .exec(xsl)![1]!
      .split('|')
      .map((s) => s.trim().replace(/tei:/g, ''));
    expect(names).to.deep.equal([...NAME_ELEMENTS, 'objectIdentifier/objectName']);
  });

  it('reads every entry of tei/ with its names, the standard one first, and its identifiers', () => {
    const lists = new Authorities([docOf(seedLists())]);
    const giap = lists.get('vo-nguyen-giap')!;
    expect(giap.kind.register).to.equal('persons');
    expect(giap.name).to.equal('Võ Nguyên Giáp');
    expect(giap.names).to.include.members(['Vo Nguyen Giap', 'General Giap']);
    expect(lists.get('mig-17')).to.deep.include({ name: 'MiG-17', names: ['MiG-17'] });
    expect(lists.get('vietnam')!.identifiers).to.deep.equal([{ type: 'wikidata', value: 'http://www.wikidata.org/entity/Q881' }]);
    expect(lists.kinds().map((k) => k.list)).to.deep.equal(['listPerson', 'listPlace', 'listOrg', 'listObject', 'listEvent']);
  });

  it('takes no name from an entry’s notes or events, no entry from another namespace, and the first of two entries with one id', () => {
    const text = seedLists()
      .replace('<note>Commander of the Air Defense', '<note>Born in <placeName>Hanoi</placeName>. Commander of the Air Defense')
      .replace(
        '</listPerson>',
        '<person xml:id="vo-nguyen-giap"><persName>A second Giap</persName></person><x:person xmlns:x="urn:x" xml:id="stranger"><persName>Stranger</persName></x:person></listPerson>',
      );
    const lists = new Authorities([docOf(text)]);
    expect(lists.get('phung-the-tai')!.names).to.deep.equal(['Phung The Tai', 'Comrade Phung The Tai']);
    expect(lists.get('vo-nguyen-giap')!.name).to.equal('Võ Nguyên Giáp');
    expect(lists.get('stranger')).to.equal(undefined);
  });

  it('changes an entry’s face when its names change, not when its note does', () => {
    const face = (text: string): string => new Authorities([docOf(text)]).face('phung-the-tai')!;
    const seed = seedLists();
    expect(face(seed.replace('Commander of the Air Defense', 'Head of the Air Defense'))).to.equal(face(seed));
    expect(face(seed.replace('>Comrade Phung The Tai<', '>Comrade Tai<'))).not.to.equal(face(seed));
  });

  it('names every entry in the tables (CSV, JSON) as its own page does', function () {
    this.timeout(120_000);
    const out = tempDir();
    try {
      expect(runCli(['build', '--out', out]).status).to.equal(0);
      const lists = new Authorities([docOf(seedLists())]);
      const rows = JSON.parse(readFileSync(path.join(out, 'metadata', 'documents.json'), 'utf8')) as {
        persons: string[];
        places: string[];
        organisations: string[];
      }[];
      const headings: string[] = [];
      for (const register of ['persons', 'places', 'organisations', 'objects', 'events']) {
        for (const file of readdirSync(path.join(out, 'registers', register)).filter((f) => f.endsWith('.html'))) {
          const id = file.replace(/\.html$/, '');
          const heading = /<h1 [^>]*>([^<]*)<\/h1>/.exec(readFileSync(path.join(out, 'registers', register, file), 'utf8'))![1]!;
          expect(lists.get(id)!.name, id).to.equal(heading);
          headings.push(heading);
        }
      }
      const tabled = rows.flatMap((r) => [...r.persons, ...r.places, ...r.organisations]);
      expect(tabled).not.to.be.empty;
      for (const name of tabled) expect(headings, name).to.include(name);
    } finally {
      removeDir(out);
    }
  });

  describe('records repeated across documents', () => {
    const record = (id: string, name: string, file: string, line: number) => ({
      id,
      text: `<person xmlns="http://www.tei-c.org/ns/1.0" xml:id="${id}">\n  <persName>${name}</persName>\n</person>`,
      path: `/e/${file}`,
      file,
      line,
      column: 5,
    });

    it('merges copies into one entry, the first used; a copy that differs only in layout is the same; one that differs is reported once', () => {
      const first = record('a', 'Anna', 'A.xml', 10);
      const relaidOut = {
        ...record('a', 'Anna', 'B.xml', 20),
        text: '<person xmlns="http://www.tei-c.org/ns/1.0" xml:id="a"><persName>Anna</persName></person>',
      };
      const lists = new Authorities([], {
        records: [first, relaidOut, record('a', 'Anne', 'C.xml', 30), record('a', 'Annie', 'D.xml', 40), record('b', 'Bert', 'C.xml', 31)],
      });
      expect(lists.get('a')).to.deep.include({ name: 'Anna', path: '/e/A.xml', curated: false });
      expect(lists.conflicts.map((m) => [m.ruleId, m.file, m.line])).to.deep.equal([['record-differs', 'C.xml', 30]]);
      expect(lists.conflicts[0]!.reason).to.include('A.xml:10');
      expect([...lists.entries.keys()]).to.deep.equal(['a', 'b']);
    });

    it('publishes the curated lists whole and, of other records, those pointed to and those they name', () => {
      const withNote = {
        ...record('c', 'Carl', 'E.xml', 1),
        text: '<person xmlns="http://www.tei-c.org/ns/1.0" xml:id="c"><persName>Carl</persName><note>Son of <persName ref="#b">Bert</persName></note></person>',
      };
      const lists = new Authorities([docOf(seedLists())], { records: [record('b', 'Bert', 'C.xml', 31), withNote, record('z', 'Zoe', 'C.xml', 40)] });
      const published = new Authorities([
        parse({ path: '/p.xml', name: 'p.xml', bytes: Buffer.from(lists.published(new Set(['c']))), role: 'authorities' }).doc!,
      ]);
      expect(published.get('vo-nguyen-giap')).to.not.equal(undefined);
      expect(published.get('c')!.name).to.equal('Carl');
      expect(published.get('b')!.name).to.equal('Bert');
      expect(published.get('z')).to.equal(undefined);
    });
  });
});

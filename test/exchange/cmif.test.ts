import { expect } from 'chai';
import path from 'node:path';
import { Authorities } from '../../src/model/authorities.js';
import { loadConfig } from '../../src/model/config.js';
import { catalogue } from '../../src/i18n/catalogue.js';
import { parse, type ParsedDoc } from '../../src/parse/parse.js';
import { buildTree, descendants, type XmlElement } from '../../src/parse/tree.js';
import { cmifXml } from '../../src/exchange/cmif.js';
import type { Summary } from '../../src/model/extract-types.js';
import { validate } from '../../src/validate/validate.js';
import { corpusDir, fixtures, read, removeDir, repoRoot, requireShared, runCli, sharedDir, teiAllSchema, tempDir } from '../helpers.js';

const CMIF_SCHEMA = path.join(sharedDir, 'reference', 'cmif', 'cmi-customization.rng');

const docOf = (text: string, name: string): ParsedDoc => parse({ path: path.join(tempDir(), name), name, bytes: Buffer.from(text), role: 'document' }).doc!;

/** What CMIF's Schematron (cmif.sch) asks, checked on the file's tree: its errors E0001–E0004 and its warning W0001. */
function schematronFaults(text: string): string[] {
  const built = buildTree(text);
  if ('error' in built) return [built.error.reason];
  const all = [...descendants(built.root)];
  const named = (name: string): XmlElement[] => all.filter((e) => e.name === name);
  const bibls = named('bibl').map((b) => b.attrs.get('xml:id') ?? '');
  const faults: string[] = [];
  for (const id of bibls) if (!/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.test(id)) faults.push(`W0001 bibl/@xml:id "${id}" is no UUID`);
  for (const desc of named('correspDesc')) {
    const actions = desc.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === 'correspAction').map((a) => a.attrs.get('type'));
    if (!actions.includes('sent')) faults.push('E0001 no correspAction type="sent"');
    if (!actions.includes('received')) faults.push('E0002 no correspAction type="received"');
    const source = desc.attrs.get('source');
    if (source !== undefined && !bibls.includes(source.replace(/^.*#/, ''))) faults.push(`E0003 @source ${source} names no bibl`);
  }
  for (const date of named('date'))
    if (!['when', 'from', 'to', 'notBefore', 'notAfter'].some((a) => date.attrs.has(a))) faults.push('E0004 a date without a dating attribute');
  return faults;
}

/** The persName/orgName/placeName of each correspAction, as "type: element[ref] text". */
function actions(text: string): string[] {
  const built = buildTree(text);
  if ('error' in built) throw new Error(built.error.reason);
  return [...descendants(built.root)]
    .filter((e) => e.name === 'correspAction')
    .map(
      (a) =>
        `${a.attrs.get('type')}: ${a.children
          .filter((c): c is XmlElement => c.kind === 'element')
          .map((c) =>
            c.name === 'date'
              ? `date ${[...c.attrs].map(([k, v]) => `${k}=${v}`).join(' ')}`
              : `${c.name}${c.attrs.has('ref') ? `[${c.attrs.get('ref')}]` : ''} ${c.children.map((t) => (t.kind === 'text' ? t.text : '')).join('')}`,
          )
          .join('; ')}`,
    );
}

describe('cmif (the letters for correspSearch)', function () {
  this.timeout(120_000);
  const built: Record<string, string> = {};
  const outs: string[] = [];
  before(() => {
    for (const [name, source] of [
      ['tei', []],
      ['rough', [path.join(fixtures, 'editions', 'letters-dated-roughly')]],
    ] as const) {
      const out = tempDir();
      outs.push(out);
      expect(runCli(['build', ...source, '--out', out]).status).to.equal(0);
      built[name] = read(path.join(out, 'cmif.xml'));
    }
  });
  after(() => outs.forEach(removeDir));

  it('lists each document with a correspDesc, a sender or addressee it does not name as "Unknown", never guessed', () => {
    expect(actions(built.tei!)).to.deep.equal([
      'sent: persName Unknown; placeName Pyongyang; date when=1967-07-06',
      'received: persName Unknown; placeName Bucharest',
    ]);
    expect(actions(built.rough!)).to.deep.equal([
      'sent: persName Clara Brandt; placeName Linz; date notBefore=1890-09-01 notAfter=1890-11-30',
      'received: persName Otto Fink',
      'sent: persName Otto Fink; date when=1890-10 cert=low',
      'received: persName Clara Brandt',
      'sent: persName Clara Brandt; date when=1890-12-24',
      'received: persName Marie Lenz',
      'sent: persName Clara Brandt; date when=1891-01-15',
      'received: persName Otto Fink',
    ]);
    // The note that is no letter (R5) is not among them.
    expect(built.rough).not.to.contain('R5.html');
  });

  it('satisfies the rules of CMIF’s Schematron', () => {
    for (const [name, text] of Object.entries(built)) expect(schematronFaults(text), name).to.deep.equal([]);
    expect(schematronFaults(built.tei!.replace('<correspAction type="received">', '<correspAction type="sent">'))).to.deep.equal([
      'E0002 no correspAction type="received"',
    ]);
  });

  describe('against the schemas', () => {
    before(function () {
      requireShared(this, CMIF_SCHEMA);
      const out = tempDir();
      outs.push(out);
      expect(runCli(['build', corpusDir, '--out', out]).status).to.equal(0);
      built.corpus = read(path.join(out, 'cmif.xml'));
    });

    it('carries over the identifiers the corpus’s letters give (GND, Wikidata, GeoNames), and names a sender given only by a key "Unknown"', () => {
      expect(actions(built.corpus!)).to.include.members([
        'sent: persName[https://d-nb.info/gnd/118552759 http://www.wikidata.org/entity/Q51513] Hofmannsthal, Hugo von; placeName[https://sws.geonames.org/2761369/] Wien; date when=1892-03-26',
        'sent: persName Unknown; placeName México; date notBefore=1531-08-01 notAfter=1531-08-01',
      ]);
      expect(schematronFaults(built.corpus!)).to.deep.equal([]);
    });

    it('is valid against CMIF 1.1 (cmi-customization.rng) and the official tei_all', async () => {
      // One call a schema, each compiled once (tei_all takes seconds to compile).
      const names = Object.keys(built);
      for (const schema of [CMIF_SCHEMA, teiAllSchema]) {
        const verdicts = await validate(
          names.map((name) => docOf(built[name]!, `${name}-cmif.xml`)),
          { schema },
        );
        verdicts.forEach((verdict, i) => {
          expect(
            verdict.messages.map((m) => `${m.line}: ${m.reason}`),
            `${names[i]} against ${path.basename(schema)}`,
          ).to.deep.equal([]);
        });
      }
    });
  });

  it('gives a name the identifiers its entry has from the authority files CMIF reads, and no others; dates in CMIF’s forms only', async () => {
    const config = await loadConfig(repoRoot);
    // An authority list written for the test: a person with a Wikidata and a local identifier, a place with a GeoNames one.
    const lists = new Authorities([
      docOf(
        `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><standOff>
          <listPerson><person xml:id="a"><persName>A</persName><idno type="wikidata">http://www.wikidata.org/entity/Q1</idno><idno type="URL">https://example.org/a</idno><idno type="gnd">118609807</idno><idno type="pmb">2121</idno></person></listPerson>
          <listPlace><place xml:id="p"><placeName>P</placeName><idno type="geonames">https://www.geonames.org/1</idno><idno type="wikidata">http://www.wikidata.org/entity/Q2</idno></place></listPlace>
        </standOff></TEI>`,
        'lists.xml',
      ),
    ]);
    const letter = {
      id: 'x',
      corresp: [
        {
          type: 'sent',
          persons: [{ name: 'A & co', entry: 'a' }],
          orgs: [],
          places: [{ name: 'P', entry: 'p' }],
          date: { when: '1966-09-21T10:00:00', cert: 'high' },
        },
        { type: 'received', persons: [{ name: 'B', entry: '' }], orgs: [], places: [], date: { notBefore: '1966-09', notAfter: 'late 1966' } },
      ],
    } as unknown as Summary;
    expect(actions(cmifXml(config, catalogue('en')!, [letter], lists, '2026-01-01T00:00:00Z')!)).to.deep.equal([
      // A bare GND number, with its file's name as type, is that file's URI (as the Tillich letters' records give it).
      'sent: persName[http://www.wikidata.org/entity/Q1 https://d-nb.info/gnd/118609807] A & co; placeName[https://www.geonames.org/1] P; date when=1966-09-21',
      'received: persName B; date notBefore=1966-09',
    ]);
    expect(cmifXml(config, catalogue('en')!, [], lists, '2026-01-01T00:00:00Z')).to.equal(undefined);
  });
});

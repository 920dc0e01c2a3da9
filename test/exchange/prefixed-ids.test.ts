import { expect } from 'chai';
import path from 'node:path';
import { idPrefix, withPrefixedIds } from '../../src/exchange/prefixed-ids.js';
import { fixtures, read, removeDir, runCli, tempDir } from '../helpers.js';

// A letter in the pattern of correspondence editions that carry their index records in their back.
const letter = (n: number): string => `<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="L${n}">
  <teiHeader><fileDesc><titleStmt><title>Letter ${n}</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
  <text><body><p>To <persName ref="#pmb2121 https://example.org/x#pmb2121" ana='#pmb2121 #elsewhere'>Hugo</persName> on <date when="1893-12-09" from="1893">9 December</date>, see <ref target="authorities.xml#wien">Wien</ref>.</p></body>
  <back><listPerson><person xml:id="pmb2121"><persName>Hugo</persName></person></listPerson></back></text>
</TEI>`;

describe('exchange/prefixed-ids', () => {
  it('prefixes every id and every pointer to it in the document, and leaves other pointers and values as they are', () => {
    const out = withPrefixedIds(letter(1), idPrefix('L01000.xml'));
    expect(out).to.match(/^<TEI /);
    expect(out).to.contain('xml:id="L01000.L1"').and.contain('<person xml:id="L01000.pmb2121">');
    expect(out).to.contain(`ref="#L01000.pmb2121 https://example.org/x#pmb2121" ana='#L01000.pmb2121 #elsewhere'`);
    expect(out).to.contain('<date when="1893-12-09" from="1893">').and.contain('target="authorities.xml#wien"');
  });

  it('rewrites a pointer into another document where it stands in the same file', () => {
    const out = withPrefixedIds(letter(1), 'L1.', (pointer) => (pointer === 'authorities.xml#wien' ? '#authorities.wien' : undefined));
    expect(out).to.contain('target="#authorities.wien"').and.contain('https://example.org/x#pmb2121');
  });

  it('makes a prefix an NCName from any file name', () => {
    expect(idPrefix('1966-09-21-giap.xml')).to.equal('_1966-09-21-giap.');
    expect(idPrefix('letters/Brief 3.xml')).to.equal('letters_Brief_3.');
  });

  // (test/exchange/export.test.ts holds this corpus.xml to the official tei_all, with the seed's.)
  describe('in corpus.xml', function () {
    this.timeout(120_000);
    let out: string;
    before(() => {
      out = tempDir();
      expect(runCli(['build', path.join(fixtures, 'editions', 'letters-with-records'), '--out', out]).status).to.equal(0);
    });
    after(() => out && removeDir(out));

    it('gives each id once though every letter names its records alike, and leaves no pointer dead that led somewhere', () => {
      const corpus = read(path.join(out, 'corpus.xml'));
      const ids = [...corpus.matchAll(/xml:id="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.length).to.be.greaterThan(4);
      expect(new Set(ids).size).to.equal(ids.length);
      const local = [...corpus.matchAll(/(?:ref|target|corresp)="#([^"\s]+)"/g)].map((m) => m[1]!);
      // Those rewritten (a prefix before the id) lead to their element; a correspContext's "#L002" led nowhere in its letter, and still leads nowhere.
      const rewritten = local.filter((id) => id.includes('.'));
      expect(rewritten.length).to.be.greaterThan(2);
      expect(rewritten.filter((id) => !ids.includes(id))).to.deep.equal([]);
    });
  });
});

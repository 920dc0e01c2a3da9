import { expect } from 'chai';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { elementRows, elementTable, matchedElements, plainElements } from '../../src/docs/element-table.js';
import { TEI_MODULES } from '../../src/docs/tei-modules.js';
import { removeDir, repoRoot, requireShared, teiAllSchema, tempDir } from '../helpers.js';

const xslt = path.join(repoRoot, 'xslt');

describe('the table of element rules (docs/elements.md)', () => {
  it('is what the stylesheets say: npm run docs:elements writes it again after a change to them', () => {
    expect(readFileSync(path.join(repoRoot, 'docs', 'elements.md'), 'utf8')).to.equal(elementTable(elementRows(xslt)));
  });

  it('has for every element of the modules editions use a rule of its own or a reason why the general rule is right', () => {
    const generic = elementRows(xslt)
      .filter((row) => row.status === 'generic')
      .map((row) => `${row.module}:${row.element}`);
    expect(generic).to.deep.equal([]);
  });

  it('reads which layer renders an element in each format: print inherits from HTML, EPUB from print, all from common', () => {
    const rows = new Map(elementRows(xslt).map((row) => [row.element, row]));
    // hi: HTML's own rule (classes by @rend), which print and EPUB inherit; the text edition uses common's.
    expect(rows.get('hi')!.layers).to.deep.equal({ html: 'html', text: 'common', print: 'html', epub: 'html' });
    // A speaker: what it is decided once, in common; each format lays it out by its contract templates.
    expect(rows.get('speaker')!.layers).to.deep.equal({ html: 'common', text: 'common', print: 'common', epub: 'common' });
    expect(rows.get('speaker')!.note).to.match(/speaker|part of a text/i);
    expect(rows.get('distinct')).to.include({ status: 'plain' });
    expect(rows.get('distinct')!.note).to.match(/its words read as they stand/);
    // A rule for some segs (a line of its own), the reason for the others.
    expect(rows.get('seg')).to.include({ status: 'rule' });
    expect(rows.get('seg')!.note).to.match(/a line of its own.*Otherwise: .*its words read as they stand/);
    expect(rows.get('titleStmt')).to.include({ status: 'header' });
  });

  it('reports an element as generic once neither a rule nor a reason covers it', () => {
    const copy = tempDir('editio-xslt-');
    try {
      cpSync(xslt, copy, { recursive: true });
      const plain = path.join(copy, 'common', 'plain.xsl');
      writeFileSync(plain, readFileSync(plain, 'utf8').replace("'distinct': $analysis,", ''));
      expect(plainElements(copy).has('distinct')).to.equal(false);
      expect(elementRows(copy).find((row) => row.element === 'distinct')).to.include({ status: 'generic' });
    } finally {
      removeDir(copy);
    }
  });

  it('takes from a match pattern the elements it matches by name, not those its predicates test', () => {
    expect(matchedElements('tei:ref[@target][not(node())] | tei:address/tei:street')).to.deep.equal(['ref', 'street']);
    expect(matchedElements("text()[following-sibling::node()[1][self::tei:lb][@break = 'no']]")).to.deep.equal([]);
    expect(matchedElements('/tei:TEI/tei:text/tei:body[count(tei:div) = 1]/tei:div/tei:head[1]')).to.deep.equal(['head']);
  });

  it('names only elements TEI has (checked against tei_all)', function () {
    requireShared(this, teiAllSchema);
    const defined = new Set([...readFileSync(teiAllSchema, 'utf8').matchAll(/<element name="([^"]+)"/g)].map((m) => m[1]));
    expect(
      Object.values(TEI_MODULES)
        .flat()
        .filter((name) => !defined.has(name)),
    ).to.deep.equal([]);
  });
});

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dateInWords, documentTitle, edtfOf, STRIPPED_ELEMENTS } from '../../src/model/header.js';
import { languagePack } from '../../src/i18n/catalogue.js';
import { isoDateInWords as isoInWords } from '../../src/i18n/dates.js';
import { buildTree, type XmlElement } from '../../src/parse/tree.js';
import { repoRoot } from '../helpers.js';

const element = (xml: string): XmlElement => {
  const tree = buildTree(xml);
  if (!('root' in tree)) throw new Error(tree.error.reason);
  return tree.root;
};
const dateElement = (attributes: string): XmlElement => element(`<date xmlns="http://www.tei-c.org/ns/1.0" ${attributes}>as written</date>`);
const ENGLISH = languagePack('en');
const date = (attributes: string): string => dateInWords(dateElement(attributes), ENGLISH);
const isoDateInWords = (iso: string): string => isoInWords(iso, ENGLISH);

describe('header (a document’s header read as the stylesheets read it)', () => {
  it('strips the layout whitespace of the elements the stylesheets strip, no more, no fewer', () => {
    const xsl = readFileSync(path.join(repoRoot, 'xslt', 'common', 'common.xsl'), 'utf8');
    const stripped = /<xsl:strip-space elements="([^"]+)"/
      .exec(xsl)![1]!
      .split(/\s+/)
      .map((name) => name.replace('tei:', ''));
    expect([...STRIPPED_ELEMENTS]).to.deep.equal(stripped);
  });

  it('says dates in words as the pages do, leaving what is no date as written', () => {
    expect(isoDateInWords('1966-09-21')).to.equal('21 September 1966');
    expect(isoDateInWords('0093-01-05')).to.equal('5 January 93');
    expect(isoDateInWords('1966-09')).to.equal('September 1966');
    expect(isoDateInWords('1966-02-30')).to.equal('1966-02-30');
    expect(isoDateInWords('1900-02-29')).to.equal('1900-02-29');
    expect(isoDateInWords('2000-02-29')).to.equal('29 February 2000');
    expect(date('from="1966-09" to="1967"')).to.equal('September 1966 – 1967');
    // A range says once the words its two ends share.
    expect(date('notBefore="1966-10-01" notAfter="1966-10-15"')).to.equal('between 1 and 15 October 1966');
    expect(date('notBefore="1966-09-01" notAfter="1966-10-15"')).to.equal('between 1 September and 15 October 1966');
    expect(date('notBefore="1890-09" notAfter="1890-11"')).to.equal('between September and November 1890');
    expect(date('notBefore="1966-12-30" notAfter="1967-01-02"')).to.equal('between 30 December 1966 and 2 January 1967');
    expect(date('notBefore="1966-10" notAfter="1966-10-15"')).to.equal('between October 1966 and 15 October 1966');
    expect(date('from="1966-10-01" to="1966-10-15"')).to.equal('1–15 October 1966');
    expect(date('from="1966-09-28" to="1966-10-02"')).to.equal('28 September – 2 October 1966');
    expect(date('notAfter="1967-07"')).to.equal('not after July 1967');
    expect(date('')).to.equal('as written');
  });

  it('says a date’s doubts as the editors state them: its precision ("about") and its certainty ("?")', () => {
    expect(date('when="1966" cert="low"')).to.equal('1966?');
    expect(date('when="1966-10" precision="low"')).to.equal('about October 1966');
    expect(date('notBefore="1966-10-01" notAfter="1966-10-15" precision="medium" cert="medium"')).to.equal('about between 1 and 15 October 1966?');
    expect(date('when="1966" cert="0.7"')).to.equal('1966?');
    expect(date('when="1966" cert="high" precision="high"')).to.equal('1966');
    expect(date('when="1966" cert="1"')).to.equal('1966');
  });

  it('gives a date in EDTF with its range and doubts, only ever what the edtf parser accepts', () => {
    const edtf = (attributes: string): string => edtfOf(dateElement(attributes));
    expect(edtf('when="1966-09-21"')).to.equal('1966-09-21');
    expect(edtf('when="1966" cert="low"')).to.equal('1966?');
    expect(edtf('when="1966-10" precision="low"')).to.equal('1966-10~');
    expect(edtf('when="1966" cert="0.5" precision="medium"')).to.equal('1966%');
    expect(edtf('notBefore="1890-09-01" notAfter="1890-11-30"')).to.equal('[1890-09-01..1890-11-30]');
    expect(edtf('notAfter="1967-07"')).to.equal('[..1967-07]');
    expect(edtf('from="1966-09" to="1967" cert="low"')).to.equal('1966-09?/1967?');
    expect(edtf('from="1966-09"')).to.equal('1966-09/..');
    // A time cannot be qualified in EDTF: given unqualified rather than not at all.
    expect(edtf('when="1966-09-21T10:00:00" precision="low"')).to.equal('1966-09-21T10:00:00');
    for (const notEdtf of ['when="September 1966"', 'when="1966-13"', '']) expect(edtf(notEdtf), notEdtf).to.equal('');
  });

  it('titles a document by its main, else analytic, else unqualified title, else its first heading', () => {
    const header = (titles: string, text = ''): string =>
      documentTitle(
        element(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>${titles}</titleStmt></fileDesc></teiHeader>${text}</TEI>`),
      );
    expect(header('<title level="s">Series</title><title level="a">A letter</title>')).to.equal('A letter');
    expect(header('<title level="s">Series</title><title type="main">Main</title><title>Other</title>')).to.equal('Main');
    expect(header('<title type="complete">Volume I</title>')).to.equal('Volume I');
    expect(header('<title/>', '<text><body><div><head>  A  heading </head></div></body></text>')).to.equal('A heading');
  });
});

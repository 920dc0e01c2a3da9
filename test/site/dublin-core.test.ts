import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Authorities } from '../../src/authorities.js';
import { dateInWords, dublinCore, isoDateInWords, STRIPPED_ELEMENTS } from '../../src/site/dublin-core.js';
import { loadConfig } from '../../src/config.js';
import { parse, type ParsedDoc } from '../../src/parse/parse.js';
import { buildTree } from '../../src/parse/tree.js';
import { repoRoot, teiDir } from '../helpers.js';

const docOf = (file: string, role: 'document' | 'authorities' = 'document'): ParsedDoc => parse({ path: file, name: path.basename(file), bytes: readFileSync(file), role }).doc!;
const date = (attributes: string): ReturnType<typeof dateInWords> => {
  const tree = buildTree(`<date xmlns="http://www.tei-c.org/ns/1.0" ${attributes}>as written</date>`);
  return dateInWords('root' in tree ? tree.root : (undefined as never));
};

describe('dublin-core (a document’s oai_dc record)', () => {
  it('strips the layout whitespace of the elements the stylesheets strip, no more, no fewer', () => {
    const xsl = readFileSync(path.join(repoRoot, 'xslt', 'common', 'common.xsl'), 'utf8');
    const stripped = /<xsl:strip-space elements="([^"]+)"/.exec(xsl)![1]!.split(/\s+/).map((name) => name.replace('tei:', ''));
    expect([...STRIPPED_ELEMENTS]).to.deep.equal(stripped);
  });

  it('says dates in words as the pages do, leaving what is no date as written', () => {
    expect(isoDateInWords('1966-09-21')).to.equal('21 September 1966');
    expect(isoDateInWords('0093-01-05')).to.equal('5 January 0093');
    expect(isoDateInWords('1966-09')).to.equal('September 1966');
    expect(isoDateInWords('1966-02-30')).to.equal('1966-02-30');
    expect(isoDateInWords('1900-02-29')).to.equal('1900-02-29');
    expect(isoDateInWords('2000-02-29')).to.equal('29 February 2000');
    expect(date('from="1966-09" to="1967"')).to.equal('September 1966 – 1967');
    expect(date('notBefore="1966-10-01" notAfter="1966-10-31"')).to.equal('between 1 October 1966 and 31 October 1966');
    expect(date('notAfter="1967-07"')).to.equal('not after July 1967');
    expect(date('')).to.equal('as written');
  });

  it('describes a document of tei/ by its header and the standard names of the entries it points to', async () => {
    const config = await loadConfig(repoRoot);
    const authorities = new Authorities([docOf(path.join(teiDir, 'authorities.xml'), 'authorities')]);
    const record = dublinCore(docOf(path.join(teiDir, '1966-09-21-giap-decision.xml')), 'a (draft)', config, authorities);
    expect(record).to.match(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<oai_dc:dc /);
    expect(record).to.include('   <dc:date>1966-09-21</dc:date>').and.include('   <dc:coverage>21 September 1966</dc:coverage>');
    // Persons and organisations are subjects, places coverage: by their standard names, each once.
    expect(record).to.include('<dc:subject>Võ Nguyên Giáp</dc:subject>').and.include('<dc:coverage>North Korea</dc:coverage>');
    expect(record.match(/<dc:subject>Võ Nguyên Giáp<\/dc:subject>/g)).to.have.length(1);
    // The id as XPath's encode-for-uri writes it: parentheses encoded too.
    expect(record).to.include(`<dc:identifier>${config.baseUrl}documents/a%20%28draft%29.html</dc:identifier>`);
    expect(record.endsWith('</oai_dc:dc>')).to.equal(true);
  });
});

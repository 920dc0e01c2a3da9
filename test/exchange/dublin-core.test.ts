import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Authorities } from '../../src/model/authorities.js';
import { dublinCore } from '../../src/exchange/dublin-core.js';
import { loadConfig } from '../../src/model/config.js';
import { parse, type ParsedDoc } from '../../src/parse/parse.js';
import { repoRoot, teiDir } from '../helpers.js';

const docOf = (file: string, role: 'document' | 'authorities' = 'document'): ParsedDoc =>
  parse({ path: file, name: path.basename(file), bytes: readFileSync(file), role }).doc!;
describe('dublin-core (a document’s oai_dc record)', () => {
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

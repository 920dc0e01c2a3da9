import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findXmlFiles, loadSources } from '../../src/load/load.js';
import { parse, type ParsedDoc } from '../../src/parse/parse.js';
import { validate } from '../../src/validate/validate.js';
import { fixtures, lineOf, teiDir } from '../helpers.js';

async function parsedFiles(paths: string[]): Promise<ParsedDoc[]> {
  const { files } = await findXmlFiles(paths);
  const { sources } = await loadSources(files);
  return sources.map((s) => parse(s).doc!);
}

const schemaFixtures = path.join(fixtures, 'schema');

/** Each fixture breaks one rule of schemas/editio.rng; `at` is the text on the offending line. */
const cases: { file: string; at: string; says: RegExp }[] = [
  { file: 'persname-without-ref.xml', at: '<placeName>North Korea</placeName>', says: /<placeName> lacks a required attribute/ },
  { file: 'date-without-value.xml', at: '<dateline><date>', says: /<date> lacks a required attribute .*@when/ },
  { file: 'date-impossible.xml', at: '1966-02-30', says: /"1966-02-30", which is not a valid date/ },
  { file: 'document-without-title.xml', at: '<titleStmt>', says: /<titleStmt> is incomplete: it needs a <title>/ },
  { file: 'document-without-date.xml', at: '<profileDesc>', says: /<profileDesc> is incomplete: .*<creation>/ },
  { file: 'document-without-source.xml', at: '<fileDesc>', says: /<fileDesc> is incomplete: .*<sourceDesc>/ },
  { file: 'element-not-in-subset.xml', at: '<figure>', says: /<figure> is not allowed here/ },
];

describe('validate', () => {
  it('accepts every file of tei/ against the schema its xml-model names', async () => {
    const verdicts = await validate(await parsedFiles([teiDir]));
    expect(verdicts).to.have.length(readdirSync(teiDir).filter((f) => f.endsWith('.xml')).length);
    for (const v of verdicts) {
      expect(v.messages, v.doc.source.name).to.deep.equal([]);
      expect(v.valid, v.doc.source.name).to.equal(true);
    }
  });

  it('uses one schema per kind of file: documents, the edition file, the authority lists', async () => {
    const docs = await parsedFiles([teiDir]);
    const schemas = new Set(docs.map((d) => path.basename(d.schemaRefs[0]!.href)));
    expect([...schemas].sort()).to.deep.equal(['editio-authorities.rng', 'editio-edition.rng', 'editio.rng']);
  });

  for (const c of cases) {
    it(`rejects ${c.file.replace(/\.xml$/, '').replace(/-/g, ' ')} at the right line, once`, async () => {
      const file = path.join(schemaFixtures, c.file);
      const [verdict] = await validate(await parsedFiles([file]));
      expect(verdict!.valid).to.equal(false);
      expect(verdict!.messages).to.have.length(1);
      const m = verdict!.messages[0]!;
      expect(m).to.include({ ruleId: 'relaxng', severity: 'error', line: lineOf(readFileSync(file, 'utf8'), c.at) });
      expect(m.reason).to.match(c.says);
    });
  }

  it('validates many files in one call and keeps each verdict with its file', async () => {
    const docs = await parsedFiles([teiDir, schemaFixtures]);
    const verdicts = await validate(docs, { chunkSize: 3 });
    const invalid = verdicts.filter((v) => !v.valid).map((v) => path.basename(v.doc.source.path));
    expect(invalid.sort()).to.deep.equal(cases.map((c) => c.file).sort());
  });

  it('says when a file names no schema, and checks only well-formedness', async () => {
    const doc = { ...(await parsedFiles([path.join(teiDir, 'edition.xml')]))[0]!, schemaRefs: [] };
    const [verdict] = await validate([doc]);
    expect(verdict!.valid).to.equal(true);
    expect(verdict!.messages.map((m) => m.ruleId)).to.deep.equal(['schema-none']);
  });

  it('reports a schema that does not exist instead of failing', async () => {
    const docs = await parsedFiles([path.join(teiDir, 'edition.xml')]);
    const [verdict] = await validate(docs, { schema: path.join(schemaFixtures, 'no-such-schema.rng') });
    expect(verdict!.valid).to.equal(false);
    expect(verdict!.messages[0]!.ruleId).to.equal('schema-unreadable');
  });
});

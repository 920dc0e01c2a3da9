import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { Library, memberOf, type Registry } from '../../src/dts/api.js';
import { AnswerCache } from '../../src/dts/cache.js';
import { staticDts } from '../../src/dts/static.js';
import { serve, type Server } from '../../src/serve/serve.js';
import type { Output } from '../../src/write/write.js';
import { buildTree, texts, type XmlElement } from '../../src/parse/tree.js';
import { corpusDir, read, removeDir, requireShared, runCli, tempDir } from '../helpers.js';

interface Fetched {
  status: number;
  type: string;
  link: string | null;
  body: string;
}

async function get(url: string): Promise<Fetched> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', link: res.headers.get('link'), body: await res.text() };
}

/** RFC 6570 expansion of the forms DTS uses: {?a,b} and {&a,b}. */
function expand(template: string, values: Record<string, string>): string {
  return template.replace(/\{([?&])([^}]*)\}/g, (_all, op: string, names: string) => {
    const pairs = names
      .split(',')
      .filter((n) => values[n] !== undefined)
      .map((n) => `${n}=${encodeURIComponent(values[n]!)}`);
    return pairs.length === 0 ? '' : (op === '?' ? '?' : '&') + pairs.join('&');
  });
}

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

function textOf(e: XmlElement): string {
  return [...texts(e)].map((t) => t.text).join(' ');
}

/** A DTS client's walk: entry → collection → each resource → navigation → each leaf's passage. */
async function walk(server: Server): Promise<Map<string, { passages: string; document: string }>> {
  const origin = server.url.replace(/\/$/, '');
  const entry = JSON.parse((await get(`${origin}/api/dts`)).body);
  expect(entry).to.include({ '@type': 'EntryPoint', dtsVersion: '1.0', '@context': 'https://dtsapi.org/context/v1.0.json' });
  const root = await get(origin + expand(entry.collection, {}));
  expect(root.type).to.match(/^application\/ld\+json/);
  const results = new Map<string, { passages: string; document: string }>();
  for (const member of JSON.parse(root.body).member) {
    const resource = JSON.parse((await get(origin + expand(entry.collection, { id: member['@id'] }))).body);
    expect(resource['@type']).to.equal('Resource');
    const nav = JSON.parse((await get(origin + expand(resource.navigation, { down: '-1' }))).body);
    const units: { identifier: string }[] = nav.member;
    const leaves = units.filter((u) => !units.some((o) => o.identifier.startsWith(`${u.identifier}.`)));
    const passages: string[] = [];
    for (const leaf of leaves) {
      const passage = await get(origin + expand(resource.document, { ref: leaf.identifier }));
      expect(passage.status).to.equal(200);
      expect(passage.type).to.match(/^application\/tei\+xml/);
      expect(passage.link).to.match(/rel="collection"$/);
      const built = buildTree(passage.body);
      if ('error' in built) throw new Error(`${member['@id']} ${leaf.identifier}: ${built.error.reason}`);
      const wrapper = built.root.children.find((c): c is XmlElement => c.kind === 'element' && c.name === 'wrapper')!;
      expect(wrapper.ns).to.equal('https://w3id.org/api/dts#');
      passages.push(textOf(wrapper));
    }
    const whole = await get(origin + expand(resource.document, {}));
    const built = buildTree(whole.body.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/, ''));
    if ('error' in built) throw new Error(built.error.reason);
    const textElements: XmlElement[] = [];
    const find = (e: XmlElement): void => {
      if (e.name === 'text') textElements.push(e);
      else for (const c of e.children) if (c.kind === 'element') find(c);
    };
    find(built.root);
    results.set(member['@id'], { passages: normalize(passages.join(' ')), document: normalize(textElements.map(textOf).join(' ')) });
  }
  return results;
}

interface Unit {
  identifier: string;
  level: number;
  parent: string | null;
}

/** What a TEI answer of the document endpoint does wrong: a root other than TEI, a DOCTYPE or xml-model kept. */
function documentFaults(where: string, body: string): string[] {
  const faults: string[] = [];
  if (/<!DOCTYPE/.test(body)) faults.push(`${where}: keeps the source's DOCTYPE`);
  if (/<\?xml-model/.test(body)) faults.push(`${where}: keeps an xml-model that does not resolve from the API`);
  const built = buildTree(body);
  if ('error' in built) return [...faults, `${where}: not well-formed (${built.error.reason})`];
  if (built.root.name !== 'TEI' || built.root.ns !== 'http://www.tei-c.org/ns/1.0')
    faults.push(`${where}: root <${built.root.name}>, not TEI in the TEI namespace`);
  return faults;
}

/**
 * Every point of DTS 1.0 the API was found to miss, checked on every unit of every resource: the
 * whole document's root; navigation by ref with down (the unit first, then its descendants; a leaf
 * holds itself); a range with down holding all of its end unit, as the document endpoint gives it;
 * a download that resolves; a media type with its "+"; a JSON error for a path the API lacks.
 * The static files (dts/) are held to the same.
 */
async function dtsFaults(origin: string, outDir: string): Promise<string[]> {
  const faults: string[] = [];
  const api = `${origin}/api/dts`;
  const rootUrl = `${api}/collection`;
  const unknown = await get(`${api}/no-such-endpoint`);
  if (unknown.status !== 404 || !/^application\/ld\+json/.test(unknown.type)) faults.push(`unknown path: ${unknown.status} ${unknown.type}`);
  for (const member of JSON.parse((await get(rootUrl)).body).member as { '@id': string; download: string }[]) {
    const id = member['@id'];
    const resourceUrl = `${api}/collection?id=${encodeURIComponent(id)}`;
    const resource = JSON.parse((await get(resourceUrl)).body);
    for (const [from, download] of [
      [rootUrl, member.download],
      [resourceUrl, resource.download],
    ] as const) {
      const fetched = await get(new URL(download, from).href);
      if (fetched.status !== 200 || !/tei\+xml/.test(fetched.type)) faults.push(`${id}: download ${download} from ${from} gives ${fetched.status}`);
    }
    const docUrl = `${api}/document?resource=${encodeURIComponent(id)}`;
    faults.push(...documentFaults(`${id} whole document`, (await get(docUrl)).body));
    if ((await get(`${docUrl}&mediaType=application/tei+xml`)).status !== 200) faults.push(`${id}: mediaType=application/tei+xml refused`);
    const all: Unit[] = JSON.parse((await get(`${api}/navigation?resource=${encodeURIComponent(id)}&down=-1`)).body).member;
    const below = (u: Unit): Unit[] => all.filter((o) => o.identifier.startsWith(`${u.identifier}.`));
    for (const unit of all) {
      const nav = JSON.parse((await get(`${api}/navigation?resource=${encodeURIComponent(id)}&ref=${unit.identifier}&down=1`)).body);
      const got = (nav.member ?? []).map((m: Unit) => m.identifier);
      const want = [
        unit.identifier,
        ...below(unit)
          .filter((o) => o.level === unit.level + 1)
          .map((o) => o.identifier),
      ];
      if (JSON.stringify(got) !== JSON.stringify(want)) faults.push(`${id} ref=${unit.identifier}&down=1: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
    }
    // Ranges from each unit to the next one of its level or above that has children.
    for (const [i, start] of all.entries()) {
      const end = all.slice(i + 1).find((o) => o.level <= start.level && below(o).length > 0);
      if (!end) continue;
      const nav = JSON.parse((await get(`${api}/navigation?resource=${encodeURIComponent(id)}&start=${start.identifier}&end=${end.identifier}&down=1`)).body);
      const got = new Set((nav.member ?? []).map((m: Unit) => m.identifier));
      const missing = below(end).filter((o) => o.level <= Math.max(start.level, end.level) + 1 && !got.has(o.identifier));
      if (missing.length > 0) faults.push(`${id} start=${start.identifier}&end=${end.identifier}&down=1 lacks ${missing.map((o) => o.identifier).join(', ')}`);
    }
  }
  // The static copy: every download resolves from the file it stands in, every document has a TEI root.
  const dts = path.join(outDir, 'dts');
  const listed = [['collection.json', JSON.parse(read(path.join(dts, 'collection.json'))).member as { download: string }[]]] as [
    string,
    { download: string }[],
  ][];
  for (const file of readdirSync(path.join(dts, 'collection'))) listed.push([`collection/${file}`, [JSON.parse(read(path.join(dts, 'collection', file)))]]);
  for (const file of readdirSync(path.join(dts, 'navigation')))
    listed.push([`navigation/${file}`, [JSON.parse(read(path.join(dts, 'navigation', file))).resource]]);
  for (const [file, resources] of listed) {
    for (const { download } of resources) {
      if (/^https?:/.test(download)) continue;
      if (!existsSync(path.resolve(path.dirname(path.join(dts, file)), download))) faults.push(`dts/${file}: download ${download} resolves to no file`);
    }
  }
  for (const file of readdirSync(path.join(dts, 'document'))) faults.push(...documentFaults(`dts/document/${file}`, read(path.join(dts, 'document', file))));
  return faults;
}

describe('dts (the DTS 1.0 API of editio serve)', function () {
  this.timeout(180_000);
  let out: string;
  let server: Server;
  let origin: string;

  before(async () => {
    out = tempDir();
    expect(runCli(['build', '--out', out]).status).to.equal(0);
    server = await serve({ dir: out, port: 0 });
    origin = server.url.replace(/\/$/, '');
  });
  after(async () => {
    await server.close();
    removeDir(out);
  });

  it('walks entry → collection → navigation → document for every document; the passages make up the text', async () => {
    const walked = await walk(server);
    expect([...walked.keys()]).to.deep.equal(['1966-09-21-giap-decision', '1966-09-30-protocol-agreement', '1967-07-06-telegram-pyongyang-bucharest']);
    for (const [id, { passages, document }] of walked) {
      expect(passages, id).to.equal(document);
      expect(passages.length, id).to.be.greaterThan(50);
    }
  });

  it('describes each resource with a citation tree, Dublin Core and its download', async () => {
    const resource = JSON.parse((await get(`${origin}/api/dts/collection?id=1966-09-21-giap-decision`)).body);
    expect(resource.citationTrees[0].citeStructure[0]).to.include({ citeType: 'document' });
    expect(resource.citationTrees[0].citeStructure[0].citeStructure.map((s: { citeType: string }) => s.citeType)).to.deep.equal(['head', 'dateline', 'p']);
    expect(resource.dublinCore.date).to.equal('1966-09-21');
    expect(resource.download).to.equal('/tei/1966-09-21-giap-decision.xml');
    // The root collection's members carry their Dublin Core too, served and static.
    const served = JSON.parse((await get(`${origin}/api/dts/collection`)).body).member;
    const written = JSON.parse(read(path.join(out, 'dts', 'collection.json'))).member;
    for (const members of [served, written]) {
      expect(members.map((m: { dublinCore?: { date?: string } }) => m.dublinCore?.date)).to.deep.equal(['1966-09-21', '1966-09-30', '1967-07-06']);
    }
    const parents = JSON.parse((await get(`${origin}/api/dts/collection?id=1966-09-21-giap-decision&nav=parents`)).body);
    expect(parents.member.map((m: { '@type': string }) => m['@type'])).to.deep.equal(['Collection']);
  });

  it('follows DTS 1.0 on every unit of every document, served and static', async () => {
    expect(await dtsFaults(origin, out)).to.deep.equal([]);
  });

  it('answers navigation by ref, by down=0 (siblings), and by start and end', async () => {
    const base = `${origin}/api/dts/navigation?resource=1966-09-21-giap-decision`;
    const ref = JSON.parse((await get(`${base}&ref=1.3`)).body);
    expect(ref.ref).to.include({ identifier: '1.3', level: 2, parent: '1', citeType: 'p' });
    expect(ref).not.to.have.property('member');
    const siblings = JSON.parse((await get(`${base}&ref=1.3&down=0`)).body);
    expect(siblings.member.map((m: { identifier: string }) => m.identifier)).to.deep.equal(['1.1', '1.2', '1.3', '1.4']);
    const range = JSON.parse((await get(`${base}&start=1.2&end=1.4&down=1`)).body);
    expect(range.member.map((m: { identifier: string }) => m.identifier)).to.deep.equal(['1.2', '1.3', '1.4']);
    expect((await get(`${base}&start=1.2&end=1.4&down=0`)).status).to.equal(400);
    const span = await get(`${origin}/api/dts/document?resource=1966-09-21-giap-decision&start=1.3&end=1.4`);
    expect(span.body).to.match(/<dts:wrapper [^>]*start="1\.3" end="1\.4">\s*<p>During[\s\S]*<\/p>\n<p>After[\s\S]*<\/p><\/dts:wrapper>/);
  });

  const refused: [string, number][] = [
    ['/api/dts/navigation?down=1', 400],
    ['/api/dts/navigation?resource=1966-09-21-giap-decision', 400],
    ['/api/dts/navigation?resource=1966-09-21-giap-decision&down=two', 400],
    ['/api/dts/navigation?resource=1966-09-21-giap-decision&ref=1&start=1', 400],
    ['/api/dts/navigation?resource=1966-09-21-giap-decision&start=1.1', 400],
    ['/api/dts/document?ref=1', 400],
    ['/api/dts/collection?nav=sideways', 400],
    ['/api/dts/navigation?resource=no-such-document&down=1', 404],
    ['/api/dts/navigation?resource=1966-09-21-giap-decision&ref=9.9', 404],
    ['/api/dts/navigation?resource=1966-09-21-giap-decision&down=1&tree=pages', 404],
    ['/api/dts/document?resource=1966-09-21-giap-decision&mediaType=text/html', 404],
    ['/api/dts/document?resource=..%2F..%2Fpackage.json', 404],
    ['/api/dts/document?resource=tei%2F1966-09-21-giap-decision.xml', 404],
    ['/api/dts/collection?id=1966-09-21-giap-decision&page=2', 404],
    ['/api/dts/unknown', 404],
    [`/api/dts/collection?id=${'x'.repeat(3000)}`, 414],
  ];
  for (const [request, status] of refused) {
    it(`answers ${status} to ${request.length > 90 ? `${request.slice(0, 60)}… (3,000 characters)` : request}, without a stack trace`, async () => {
      const res = await get(origin + request);
      expect(res.status).to.equal(status);
      expect(res.body).not.to.match(/\bat \S+ \(|Error: /);
    });
  }

  it('names a navigation answer by a relative @id, as every other, whatever Host the request gave', async () => {
    const port = new URL(origin).port;
    const query = '/api/dts/navigation?resource=1966-09-21-giap-decision&ref=1.3';
    // Sent as given (fetch would set Host itself).
    const body = await new Promise<string>((resolve, reject) => {
      const req = request({ hostname: '127.0.0.1', port, path: query, headers: { Host: `localhost:${port}` } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d));
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
    expect((JSON.parse(body) as { '@id': string })['@id']).to.equal('navigation?resource=1966-09-21-giap-decision&ref=1.3');
  });

  it('makes each answer once per build: asked again, it gives the same answer without making it again', async () => {
    const registry = JSON.parse(read(path.join(out, 'dts', 'resources.json'))) as Registry;
    let reads = 0;
    const library = new Library(registry, '/api/dts', async (relative) => {
      reads++;
      return read(path.join(out, ...relative.split('/')));
    });
    const cache = new AnswerCache(library);
    const root = new URL('http://127.0.0.1/api/dts/collection');
    const first = await cache.get(root);
    expect(reads).to.equal(3);
    library.forget('1966-09-21-giap-decision');
    expect(await cache.get(root)).to.equal(first);
    expect(reads).to.equal(3);
    // Full, it lets the oldest answers go.
    const small = new AnswerCache(library, first!.body.length + 10);
    await small.get(root);
    await small.get(new URL('http://127.0.0.1/api/dts/collection?id=1966-09-30-protocol-agreement'));
    expect(small.size).to.equal(1);
  });

  it('also writes the static parts for hosting without a server', () => {
    const entry = JSON.parse(read(path.join(out, 'dts', 'entry.json')));
    expect(entry.collection).to.equal('https://editions.example.org/north-korean-pilots/dts/collection{/id}.json');
    const nav = JSON.parse(read(path.join(out, 'dts', 'navigation', '1966-09-21-giap-decision.json')));
    expect(nav['@id']).to.equal('1966-09-21-giap-decision.json');
    expect(nav.member.map((m: { identifier: string }) => m.identifier)).to.deep.equal(['1', '1.1', '1.2', '1.3', '1.4']);
    expect(readdirSync(path.join(out, 'dts', 'document')).sort()).to.have.length(3);
  });

  it('in an incremental build, lists unchanged resources in the root collection from their kept answers, parsing only the changed one', async () => {
    const registry = JSON.parse(read(path.join(out, 'dts', 'resources.json'))) as Registry;
    const base = 'https://editions.example.org/north-korean-pilots/dts';
    const tei = new Map(registry.resources.map((r) => [r.tei, read(path.join(out, ...r.tei.split('/')))]));
    const everything = await staticDts(registry, base, tei);
    const file = (outputs: Output[], name: string): string => String(outputs.find((o) => o.path === name)?.content);
    expect(file(everything, 'dts/collection.json')).to.equal(read(path.join(out, 'dts', 'collection.json')));

    const changed = registry.resources[1]!;
    const asked: string[] = [];
    const kept = async (id: string): Promise<object> => {
      asked.push(id);
      return memberOf(file(everything, `dts/collection/${id}.json`));
    };
    // Only the changed resource's TEI is there to read: parsing any other would fail.
    const some = await staticDts(registry, base, new Map([[changed.tei, tei.get(changed.tei)!]]), new Set([changed.id]), kept);
    expect(file(some, 'dts/collection.json')).to.equal(file(everything, 'dts/collection.json'));
    expect(asked).to.deep.equal(registry.resources.filter((r) => r !== changed).map((r) => r.id));
    expect(
      some
        .map((o) => o.path)
        .filter((p) => /^dts\/\w+\//.test(p))
        .sort(),
    ).to.deep.equal(['collection', 'document', 'navigation'].map((kind) => `dts/${kind}/${changed.id}.${kind === 'document' ? 'xml' : 'json'}`));
  });

  describe('over ../shared/corpus (TEI from other editions)', () => {
    let corpusOut: string;
    let corpusServer: Server;
    before(async function () {
      requireShared(this, corpusDir);
      corpusOut = tempDir();
      expect(runCli(['build', corpusDir, '--out', corpusOut]).status).to.equal(0);
      corpusServer = await serve({ dir: corpusOut, port: 0 });
    });
    after(async () => {
      await corpusServer?.close();
      if (corpusOut) removeDir(corpusOut);
    });

    it('follows DTS 1.0 on every unit of every file, served and static: a teiCorpus comes back in a TEI root', async () => {
      expect(await dtsFaults(corpusServer.url.replace(/\/$/, ''), corpusOut)).to.deep.equal([]);
      const corpus = await get(`${corpusServer.url}api/dts/document?resource=teic-test-testcorpus`);
      expect(corpus.body).to.match(
        /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<TEI xmlns="http:\/\/www\.tei-c\.org\/ns\/1\.0"[^>]*><dts:wrapper xmlns:dts="https:\/\/w3id\.org\/api\/dts#"><teiCorpus/,
      );
    });

    it('walks every file, and the passages make up its text', async () => {
      const walked = await walk(corpusServer);
      expect(walked.size).to.equal(readdirSync(corpusDir).filter((f) => f.endsWith('.xml')).length);
      for (const [id, { passages, document }] of walked) expect(passages, id).to.equal(document);
    });
  });
});

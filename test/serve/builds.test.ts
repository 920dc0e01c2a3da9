import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, type Server } from '../../src/serve/serve.js';
import { cliPath, copyEdition, removeDir, runCli } from '../helpers.js';

/** A build in another process, as one run in another terminal. */
const buildBeside = (dir: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'build'], { cwd: dir, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });

const identifiers = (xml: string): string[] => [...xml.matchAll(/<identifier>([^<]*)<\/identifier>/g)].map((m) => m[1]!);
const TELEGRAM = '1967-07-06-telegram-pyongyang-bucharest';

describe('serve follows the builds made beside it', function () {
  this.timeout(180_000);
  let dir: string;
  let out: string;
  let server: Server;
  const get = async (query: string): Promise<{ status: number; body: string }> => {
    const res = await fetch(`${server.url}${query}`);
    return { status: res.status, body: await res.text() };
  };

  before(async () => {
    dir = copyEdition();
    out = path.join(dir, 'dist', 'edition');
    expect(runCli(['build'], dir).status).to.equal(0);
    server = await serve({ dir: out, port: 0 });
  });
  after(async () => {
    await server?.close();
    removeDir(dir);
  });

  it('answers OAI-PMH and DTS from the last finished build, whoever ran it: a removed document is gone, a new one is there', async () => {
    expect(identifiers((await get('oai?verb=ListIdentifiers&metadataPrefix=oai_dc')).body)).to.have.length(3);
    const moved = path.join(dir, `${TELEGRAM}.xml.away`);
    renameSync(path.join(dir, 'tei', `${TELEGRAM}.xml`), moved);
    expect(await buildBeside(dir)).to.equal(0);
    const records = await get('oai?verb=ListRecords&metadataPrefix=tei');
    expect(records.status).to.equal(200);
    expect(identifiers(records.body)).to.have.length(2);
    const collection = await get(`api/dts/collection?id=${encodeURIComponent(JSON.parse((await get('api/dts/collection')).body)['@id'])}`);
    expect(collection.body).not.to.contain(TELEGRAM);
    expect((await get(`api/dts/document?resource=${TELEGRAM}`)).status).to.equal(404);

    renameSync(moved, path.join(dir, 'tei', `${TELEGRAM}.xml`));
    expect(await buildBeside(dir)).to.equal(0);
    expect(identifiers((await get('oai?verb=ListRecords&metadataPrefix=tei')).body)).to.have.length(3);
    expect((await get(`api/dts/document?resource=${TELEGRAM}`)).status).to.equal(200);
  });

  it('keeps no failed read: a published file missing outside any build is 503 while it is missing, and answered when it is back', async () => {
    // A document the DTS API has not read yet (one it has read is answered from memory).
    const decision = '1966-09-21-giap-decision';
    const file = path.join(out, 'tei', `${decision}.xml`);
    const kept = readFileSync(file);
    rmSync(file);
    const missing = await get(`api/dts/document?resource=${decision}`);
    expect(missing.status).to.equal(503);
    expect((await get(`oai?verb=GetRecord&metadataPrefix=tei&identifier=oai:editions.example.org:${decision}`)).status).to.equal(503);
    writeFileSync(file, kept);
    expect((await get(`api/dts/document?resource=${decision}`)).status).to.equal(200);
    expect((await get(`oai?verb=GetRecord&metadataPrefix=tei&identifier=oai:editions.example.org:${decision}`)).status).to.equal(200);
  });

  it('answers no request with a server error while builds beside it remove and restore a document', async () => {
    const moved = path.join(dir, `${TELEGRAM}.xml.away`);
    const statuses = new Map<number, number>();
    let building = true;
    const builds = (async () => {
      for (let i = 0; i < 4; i++) {
        if (i % 2 === 0) renameSync(path.join(dir, 'tei', `${TELEGRAM}.xml`), moved);
        else renameSync(moved, path.join(dir, 'tei', `${TELEGRAM}.xml`));
        expect(await buildBeside(dir)).to.equal(0);
      }
      building = false;
    })();
    const queries = [
      'oai?verb=ListRecords&metadataPrefix=tei',
      'oai?verb=ListRecords&metadataPrefix=oai_dc',
      `api/dts/document?resource=${TELEGRAM}`,
      `api/dts/navigation?resource=${TELEGRAM}`,
    ];
    for (let n = 0; building && n < 5000; n++) {
      const { status } = await get(queries[n % queries.length]!);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    await builds;
    const asked = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(asked).to.be.greaterThan(50);
    expect(
      [...statuses.keys()].filter((s) => s >= 500),
      JSON.stringify([...statuses]),
    ).to.deep.equal([]);
  });
});

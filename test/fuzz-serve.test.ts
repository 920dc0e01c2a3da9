import { expect } from 'chai';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serve, type Server } from '../src/serve/serve.js';
import { runServerFuzz } from './fuzz-serve.js';
import { removeDir, runCli, tempDir } from './helpers.js';

const SEED = Number(process.env.EDITIO_FUZZ_SEED ?? 20261130);
const REQUESTS = 2000;

describe('fuzz (editio serve under random requests, paths, queries and headers)', function () {
  this.timeout(300_000);
  let out: string;
  let outside: string;
  let server: Server;

  before(async () => {
    out = tempDir();
    outside = tempDir();
    expect(runCli(['build', '--out', out]).status).to.equal(0);
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET-OUTSIDE-THE-EDITION');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(out, 'documents', 'escape.html'));
    server = await serve({ dir: out, port: 0 });
  });
  after(async () => {
    await server?.close();
    removeDir(out);
    removeDir(outside);
  });

  it(`answers ${REQUESTS} random requests (seed ${SEED}), OAI-PMH ones among them, deliberately, never with a file from outside or the build state, and stays up`, async () => {
    // What only the build state holds: its keys and the sources' paths.
    const state = readFileSync(path.join(out, '.editio', 'state.json'), 'utf8');
    expect(state).to.contain('"fingerprint"');
    const port = Number(new URL(server.url).port);
    const report = await runServerFuzz(SEED, REQUESTS, port, ['SECRET-OUTSIDE-THE-EDITION', '"fingerprint"', '"checks"']);
    console.log(
      `      fuzz: ${report.requests} requests in ${report.seconds.toFixed(1)} s, answers ${JSON.stringify(report.byStatus)}, ${report.oaiAnswers} OAI-PMH answers well-formed (seed ${SEED})`,
    );
    expect(report.failures, `seed ${SEED}: rerun with EDITIO_FUZZ_SEED=${SEED}`).to.deep.equal([]);
    expect(report.byStatus['200']).to.be.greaterThan(REQUESTS / 20);
    expect(report.byStatus['421']).to.be.greaterThan(REQUESTS / 50);
    expect(report.byStatus['404']).to.be.greaterThan(REQUESTS / 20);
    expect(report.oaiAnswers).to.be.greaterThan(REQUESTS / 10);
  });
});

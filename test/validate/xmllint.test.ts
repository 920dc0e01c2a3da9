import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runXmllint } from '../../src/validate/xmllint.js';
import { fixtures, repoRoot, teiDir } from '../helpers.js';

const schema = { fileName: 'editio.rng', contents: readFileSync(path.join(repoRoot, 'schemas', 'editio.rng'), 'utf8') };
const validDoc = { fileName: 'letter.xml', contents: readFileSync(path.join(teiDir, '1966-09-21-giap-decision.xml'), 'utf8') };
const invalidDoc = { fileName: 'no-title.xml', contents: readFileSync(path.join(fixtures, 'schema', 'document-without-title.xml'), 'utf8') };

const relaxng = (files: { fileName: string; contents: string }[], rng = schema) => ({
  inputFiles: [...files, rng],
  args: ['--relaxng', rng.fileName, '--noout', ...files.map((f) => f.fileName)],
  initialMemory: 512,
  maxMemory: 65536,
});

describe('xmllint', () => {
  it('validates a valid and an invalid document as xmllint would (exit codes 0 and 3)', async () => {
    const valid = await runXmllint(relaxng([validDoc]), 60_000);
    expect(valid).to.include({ exitCode: 0 });
    expect(valid !== 'timeout' && valid.stderr).to.equal('letter.xml validates\n');
    const invalid = await runXmllint(relaxng([invalidDoc]), 60_000);
    expect(invalid).to.include({ exitCode: 3 });
    expect(invalid !== 'timeout' && invalid.stderr)
      .to.match(/^no-title\.xml:\d+: .*titleStmt/m)
      .and.match(/no-title\.xml fails to validate/);
  });

  it('keeps the output of runs that overlap apart: each reports only its own files', async () => {
    const runs = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const file = i % 2 === 0 ? { ...validDoc, fileName: `valid-${i}.xml` } : { ...invalidDoc, fileName: `invalid-${i}.xml` };
        return runXmllint(relaxng([file]), 60_000);
      }),
    );
    runs.forEach((run, i) => {
      if (run === 'timeout') throw new Error(`run ${i} timed out`);
      const mentioned = new Set([...run.stderr.matchAll(/(\w+-\d+)\.xml/g)].map((m) => m[1]));
      expect([...mentioned], `run ${i}`).to.deep.equal([i % 2 === 0 ? `valid-${i}` : `invalid-${i}`]);
      expect(run.exitCode, `run ${i}`).to.equal(i % 2 === 0 ? 0 : 3);
    });
  });

  it('says when a schema does not compile, with a code other than a validation failure', async () => {
    const broken = { fileName: 'broken.rng', contents: '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nowhere"/></start></grammar>' };
    const run = await runXmllint(relaxng([validDoc], broken), 60_000);
    if (run === 'timeout') throw new Error('timed out');
    expect([0, 3, 4]).not.to.include(run.exitCode);
    expect(run.stderr).to.match(/nowhere/);
  });

  // In a child process: stopping a run terminates a worker mid-WebAssembly, which must not take
  // the test runner down with it if Node crashes.
  it('stops a run that overruns its time, runs the next one on a fresh worker, and lets the process exit when idle', () => {
    const script = `
      import { runXmllint } from ${JSON.stringify(path.join(repoRoot, 'src', 'validate', 'xmllint.ts'))};
      const request = ${JSON.stringify(relaxng([validDoc]))};
      const first = await runXmllint(request, 1);
      const second = await runXmllint(request, 60_000);
      console.log(JSON.stringify([first, second.exitCode]));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).to.equal('');
    expect(child.status, 'the process ends by itself once nothing is left to run').to.equal(0);
    expect(JSON.parse(child.stdout)).to.deep.equal(['timeout', 0]);
  });
});

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeDossier } from './bench/dossier.js';
import { random } from './fuzz.js';
import { cliPath, removeDir, runCli, tempDir } from './helpers.js';

/** Every file under `dir` but the build state, with its bytes. */
function tree(dir: string, base = dir, out = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path.relative(base, full) !== '.editio') tree(full, base, out);
    } else out.set(path.relative(base, full), readFileSync(full));
  }
  return out;
}

const differences = (a: Map<string, Buffer>, b: Map<string, Buffer>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((n) => !a.get(n) || !b.get(n) || !a.get(n)!.equals(b.get(n)!)).sort();

/** A build killed with SIGKILL after `ms`; resolves when it is dead. */
const killedBuild = (root: string, ms: number): Promise<void> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, 'build', '--format', 'json'], { cwd: root, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });

interface Built {
  written: number;
  kept: number;
  fullReason?: string;
}
const built = (root: string, args: string[] = []): Built => {
  const run = runCli(['build', '--format', 'json', ...args], root);
  expect(run.status, run.stderr).to.be.oneOf([0, 1]);
  return (JSON.parse(run.stdout) as { result: Built }).result;
};

describe('builds stopped half-way (end to end)', function () {
  this.timeout(600_000);
  let root: string;
  let documents: string[];
  let total: number;

  before(() => {
    root = tempDir('editio-interrupted-');
    documents = writeDossier({ dir: root, docs: 30, seed: 11, minKb: 2, maxKb: 6 }).documents;
    const first = built(root);
    total = first.written;
  });
  after(() => removeDir(root));

  it('keeps the last finished build’s state: after a build killed at any moment, the next remakes what changed, not everything, and equals a clean build', async () => {
    const next = random(30);
    const source = path.join(root, 'tei', documents[3]!);
    const original = readFileSync(source, 'utf8');
    const reports: string[] = [];
    for (let round = 0; round < 4; round++) {
      // An edit, a build killed somewhere in it, and (every other round) the edit taken back before the next build:
      // outputs the killed build wrote from the edit must not be kept as if made from the original.
      writeFileSync(source, original.replace('</p>', ` Edited in round ${round}.</p>`));
      await killedBuild(root, 150 + Math.floor(next() * 2500));
      if (round % 2 === 1) writeFileSync(source, original);
      const after = built(root);
      reports.push(`${after.written}/${total}`);
      expect(after.fullReason, `round ${round}`).to.equal(undefined);
      expect(after.written, `round ${round}: ${reports.join(', ')}`).to.be.below(total / 2);
      const clean = path.join(root, `clean-${round}`);
      built(root, ['--out', clean, '--full']);
      expect(differences(tree(path.join(root, 'dist', 'edition')), tree(clean)), `round ${round}`).to.deep.equal([]);
      removeDir(clean);
    }
  });
});

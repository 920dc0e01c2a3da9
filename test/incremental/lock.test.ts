import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { LOCK_FILE, lockOutputFolder } from '../../src/incremental/lock.js';
import { ConfigError } from '../../src/infra/messages.js';
import { OUTPUT_MARKER } from '../../src/write/write.js';
import { copyEdition, removeDir, runCli, tempDir } from '../helpers.js';

const holdLock = (out: string, pid: number): void => {
  mkdirSync(path.join(out, '.editio'), { recursive: true });
  writeFileSync(path.join(out, OUTPUT_MARKER), 'Written by editio\n');
  writeFileSync(path.join(out, ...LOCK_FILE.split('/')), JSON.stringify({ pid, host: hostname(), since: '2026-11-30T12:00:00.000Z' }));
};

describe('build/lock', function () {
  this.timeout(120_000);
  let out: string;
  beforeEach(() => (out = path.join(tempDir(), 'edition')));
  afterEach(() => removeDir(path.dirname(out)));

  it('claims a new output folder, holds it, and lets it go', async () => {
    const unlock = await lockOutputFolder(out);
    expect(existsSync(path.join(out, OUTPUT_MARKER))).to.equal(true);
    expect(JSON.parse(readFileSync(path.join(out, ...LOCK_FILE.split('/')), 'utf8'))).to.include({ pid: process.pid });
    const second = await lockOutputFolder(out).catch((err: unknown) => err);
    expect(second).to.be.instanceOf(ConfigError);
    expect((second as ConfigError).diagnostic.ruleId).to.equal('out-locked');
    await unlock();
    expect(existsSync(path.join(out, ...LOCK_FILE.split('/')))).to.equal(false);
    await (await lockOutputFolder(out))();
  });

  it('takes over the lock of a build that was killed', async () => {
    holdLock(out, 2 ** 22 + 4321);
    const unlock = await lockOutputFolder(out);
    expect(JSON.parse(readFileSync(path.join(out, ...LOCK_FILE.split('/')), 'utf8'))).to.include({ pid: process.pid });
    await unlock();
  });

  describe('while another build runs', () => {
    let other: ChildProcess;
    before(() => {
      other = spawn('sleep', ['60'], { stdio: 'ignore' });
    });
    after(() => other.kill());

    it('the CLI says which process holds the folder and exits 2, touching nothing', () => {
      const edition = copyEdition();
      try {
        const built = path.join(edition, 'dist', 'edition');
        holdLock(built, other.pid!);
        const run = runCli(['build'], edition);
        expect(run.status).to.equal(2);
        expect(run.stderr).to.contain(`another editio build (process ${other.pid} on ${hostname()}, since 2026-11-30T12:00:00.000Z) is writing ${built}`);
        expect(run.stderr).to.contain('out-locked');
        expect(existsSync(path.join(built, 'index.html'))).to.equal(false);
      } finally {
        removeDir(edition);
      }
    });
  });
});

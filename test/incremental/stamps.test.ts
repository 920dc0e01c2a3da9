import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { lastBuild, saveStamps, STAMPS_FILE } from '../../src/incremental/stamps.js';
import { knownOf, loadSources, stampOf } from '../../src/load/load.js';
import type { Source, Stamped } from '../../src/parse/source.js';
import { copyEdition, removeDir, tempDir } from '../helpers.js';

/** Sets a file's modification time this many seconds before now, as if edited then. */
const age = (file: string, seconds: number): void => {
  const then = new Date(Date.now() - seconds * 1000);
  utimesSync(file, then, then);
};

describe('build/stamps', () => {
  let dir: string;
  let files: string[];
  beforeEach(() => {
    dir = tempDir('editio-stamps-');
    files = ['a.xml', 'b.xml', 'schema.rng'].map((name) => path.join(dir, name));
    for (const file of files) {
      writeFileSync(file, `<${path.basename(file)}/>`);
      age(file, 3600);
    }
  });
  afterEach(() => removeDir(dir));

  const sources = (): string[] => files.slice(0, 2);
  const loaded = async (): Promise<Source[]> => (await loadSources(sources())).sources;
  const schemas = async (): Promise<Stamped[]> => [{ path: files[2]!, stamp: await stampOf(files[2]!) }];
  const saved = async (): Promise<void> => saveStamps(dir, 'settings', await loaded(), await schemas(), Date.now(), [], 'commit');
  const unchanged = async (found = sources(), settings = 'settings'): Promise<boolean> => (await lastBuild(dir, settings, found)).unchanged;

  it('finds nothing changed when no file the build read has changed', async () => {
    await saved();
    expect(await unchanged()).to.equal(true);
  });

  it('sees a file edited to the same size, a schema edited, a source added or removed, other settings', async () => {
    await saved();
    writeFileSync(files[0]!, '<A.xml/>');
    age(files[0]!, 3000);
    expect(statSync(files[0]!).size).to.equal('<a.xml/>'.length);
    expect(await unchanged(), 'same size').to.equal(false);
    await saved();
    age(files[2]!, 10);
    expect(await unchanged(), 'schema').to.equal(false);
    await saved();
    expect(await unchanged([...sources(), path.join(dir, 'c.xml')]), 'added').to.equal(false);
    expect(await unchanged(sources().slice(1)), 'removed').to.equal(false);
    expect(await unchanged(sources(), 'other settings'), 'settings').to.equal(false);
  });

  it('knows the hash of each source unchanged since, and loading reads only the others', async () => {
    const before = await loaded();
    await saveStamps(dir, 'settings', before, await schemas(), Date.now(), [], 'commit');
    writeFileSync(files[0]!, '<a.xml>edited</a.xml>');
    age(files[0]!, 3000);
    const { known } = await lastBuild(dir, 'settings', sources());
    expect([...known.keys()]).to.deep.equal([files[1]]);
    const { stamp, ...knownContent } = known.get(files[1]!)!;
    expect(knownContent).to.deep.equal(knownOf(before[1]!));
    expect(stamp).to.deep.equal(before[1]!.stamp);
    const after = (await loadSources(sources(), undefined, known)).sources;
    expect(after[1]!.known).to.deep.equal(knownContent);
    expect(knownOf(after[0]!).hash).to.not.equal(knownOf(before[0]!).hash);
    // Read when asked for, not held: what is on disk then is what it gets.
    writeFileSync(files[1]!, '<b.xml>later</b.xml>');
    expect(after.map((s) => s.bytes.toString())).to.deep.equal(['<a.xml>edited</a.xml>', '<b.xml>later</b.xml>']);
  });

  it('keeps no stamp of a file modified within two seconds of the build, or after it began', async () => {
    writeFileSync(files[1]!, '<b.xml/> ');
    await saveStamps(dir, 'settings', await loaded(), await schemas(), Date.now(), [], 'commit');
    expect(await unchanged()).to.equal(false);
    expect([...(await lastBuild(dir, 'settings', sources())).known.keys()]).to.deep.equal([files[0]]);
    age(files[1]!, 60);
    await saveStamps(dir, 'settings', await loaded(), await schemas(), Date.now() - 120_000, [], 'commit');
    expect(await unchanged()).to.equal(false);
    expect([...(await lastBuild(dir, 'settings', sources())).known.keys()]).to.deep.equal([files[0]]);
  });

  it('sees a file removed from a folder of the output, and trusts the folders nobody touched', async () => {
    for (const name of ['documents/a.html', 'documents/b.html', 'text/a.txt']) {
      mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
      writeFileSync(path.join(dir, name), name);
    }
    await saveStamps(dir, 'settings', await loaded(), await schemas(), Date.now(), ['documents/a.html', 'documents/b.html', 'text/a.txt'], 'commit');
    expect(await lastBuild(dir, 'settings', sources())).to.deep.include({ unchanged: true, untouched: new Set(['documents', 'text']) });
    rmSync(path.join(dir, 'documents', 'b.html'));
    expect(await lastBuild(dir, 'settings', sources())).to.deep.include({ unchanged: false, untouched: new Set(['text']) });
  });

  it('stamps a file as it was read: one replaced after that by a file with an older time is read again', async () => {
    const before = await loaded();
    // Replaced during the build, after it was read, by a copy with an older time (cp -p, rsync -t, tar x, git checkout).
    const replacement = path.join(dir, 'replacement.xml');
    writeFileSync(replacement, '<A.xml/>');
    age(replacement, 7200);
    renameSync(replacement, files[0]!);
    await saveStamps(dir, 'settings', before, await schemas(), Date.now(), [], 'commit');
    expect(await unchanged()).to.equal(false);
    expect([...(await lastBuild(dir, 'settings', sources())).known.keys()]).to.deep.equal([files[1]]);
  });

  it('names the build it vouches for', async () => {
    await saved();
    expect((await lastBuild(dir, 'settings', sources())).commit).to.equal('commit');
  });

  it('finds nothing unchanged in stamps it cannot read', async () => {
    expect(await unchanged(), 'none').to.equal(false);
    await saved();
    writeFileSync(path.join(dir, STAMPS_FILE), '{"files": 3');
    expect(await unchanged(), 'broken').to.equal(false);
    expect((await lastBuild(dir, 'settings', sources())).known.size).to.equal(0);
  });

  describe('in a build of tei/', function () {
    this.timeout(120_000);
    let root: string;
    before(() => (root = copyEdition()));
    after(() => removeDir(root));
    const sourceFiles = (): string[] => ['tei', 'schemas'].flatMap((d) => readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
    const logged = async (): Promise<{ lines: string[]; written: number; messages: unknown[] }> => {
      const lines: string[] = [];
      const result = await build({ root, log: (line) => lines.push(line) });
      return { lines, written: result.written, messages: result.messages };
    };

    it('after nothing changed, reads no source and gives the same result as a build that read them', async () => {
      await build({ root });
      for (const file of sourceFiles()) age(file, 3600);
      const readAll = await logged();
      expect(readAll.lines).to.deep.equal(['nothing changed since the last build']);
      const readNone = await logged();
      expect(readNone.lines).to.deep.equal(['nothing changed since the last build (no file changed)']);
      expect(readNone.written).to.equal(0);
      expect(readNone.messages).to.deep.equal(readAll.messages);
      // The output folder is published: the stamps name files relative to it, never where they are on this machine.
      const stamps = readFileSync(path.join(root, 'dist', 'edition', STAMPS_FILE), 'utf8');
      expect(stamps).to.contain('"../../tei/1966-09-21-giap-decision.xml"').and.not.contain(root);
    });

    it('remakes an output deleted by hand, though no source changed', async () => {
      for (const file of sourceFiles()) age(file, 3600);
      await build({ root });
      const page = path.join(root, 'dist', 'edition', 'documents', '1966-09-30-protocol-agreement.html');
      rmSync(page);
      const after = await logged();
      expect(after.lines).to.include('documents/1966-09-30-protocol-agreement.html: missing on disk');
      expect(existsSync(page)).to.equal(true);
    });

    it('never reports the result of an earlier build: one killed between its state and its result is not taken for the last', async () => {
      for (const file of sourceFiles()) age(file, 3600);
      await build({ root });
      const out = path.join(root, 'dist', 'edition');
      const resultFile = path.join(out, '.editio', 'result.json');
      const earlier = readFileSync(resultFile, 'utf8');
      const giap = path.join(root, 'tei', '1966-09-21-giap-decision.xml');
      const text = readFileSync(giap, 'utf8');
      try {
        writeFileSync(giap, text.replace('</roleName> Phung The Tai</persName>', '</roleName> Phung The Tai</orgName>'));
        age(giap, 1200);
        expect((await build({ root })).messages.map((m) => m.ruleId)).to.include('not-well-formed');
        // As if killed after the state was written: the earlier result is there, no stamps yet.
        writeFileSync(resultFile, earlier);
        rmSync(path.join(out, STAMPS_FILE));
        for (let run = 1; run <= 3; run++) {
          const again = await build({ root });
          expect(
            again.messages.map((m) => m.ruleId),
            `build ${run}`,
          ).to.include('not-well-formed');
          expect(again.published, `build ${run}`).to.have.length(2);
        }
      } finally {
        writeFileSync(giap, text);
      }
    });

    it('leaves no temporary file of a killed build for long: the next build empties them', async () => {
      const tmp = path.join(root, 'dist', 'edition', '.editio', 'tmp');
      mkdirSync(tmp, { recursive: true });
      writeFileSync(path.join(tmp, '.editio-99999999-0a1b2c3d.tmp'), 'half a page');
      await build({ root });
      expect(existsSync(tmp) ? readdirSync(tmp) : []).to.deep.equal([]);
    });

    it('rebuilds a document edited to the same size, though its time is older than the build', async () => {
      const file = path.join(root, 'tei', '1966-09-21-giap-decision.xml');
      const text = readFileSync(file, 'utf8');
      expect(text).to.contain('During a meeting');
      writeFileSync(file, text.replace('During a meeting', 'During a sitting'));
      age(file, 1800);
      const after = await logged();
      expect(after.lines.some((l) => l.startsWith('documents/1966-09-21-giap-decision.html: '))).to.equal(true);
      expect(readFileSync(path.join(root, 'dist', 'edition', 'documents', '1966-09-21-giap-decision.html'), 'utf8')).to.contain('During a sitting');
    });
  });
});

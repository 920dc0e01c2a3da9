import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { editionInputs, watchEdition } from '../../src/serve/watch.js';
import { removeDir, tempDir } from '../helpers.js';

const until = async (test: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('watch', () => {
  let root: string;
  before(() => {
    root = tempDir();
    mkdirSync(path.join(root, 'tei'));
    mkdirSync(path.join(root, 'dist', 'edition'), { recursive: true });
  });
  after(() => removeDir(root));

  it('rebuilds once for a burst of saves, ignoring the output folder, hidden and temporary files', async () => {
    const builds: string[][] = [];
    const watcher = watchEdition({ root, ignore: [path.join(root, 'dist')], quietMs: 200, rebuild: async (changed) => void builds.push(changed) });
    try {
      writeFileSync(path.join(root, 'tei', 'a.xml'), '<TEI/>');
      writeFileSync(path.join(root, 'tei', 'b.xml'), '<TEI/>');
      writeFileSync(path.join(root, 'tei', '.a.xml.swp'), 'x');
      writeFileSync(path.join(root, 'dist', 'edition', 'index.html'), 'x');
      await until(() => builds.length > 0);
      await watcher.idle();
      expect(builds).to.deep.equal([[path.join('tei', 'a.xml'), path.join('tei', 'b.xml')]]);
    } finally {
      watcher.close();
    }
  });

  it('runs one build at a time, and builds again for what was saved meanwhile', async () => {
    const builds: string[][] = [];
    let running = 0;
    let overlapped = false;
    const watcher = watchEdition({
      root,
      ignore: [],
      quietMs: 50,
      rebuild: async (changed) => {
        overlapped ||= running > 0;
        running++;
        builds.push(changed);
        if (builds.length === 1) writeFileSync(path.join(root, 'tei', 'during.xml'), '<TEI/>');
        await new Promise((resolve) => setTimeout(resolve, 400));
        running--;
      },
    });
    try {
      writeFileSync(path.join(root, 'tei', 'first.xml'), '<TEI/>');
      await until(() => builds.length === 2, 8000);
      await watcher.idle();
      expect(overlapped).to.equal(false);
      expect(builds[1]).to.deep.equal([path.join('tei', 'during.xml')]);
    } finally {
      watcher.close();
    }
  });
});

describe('serve/watch: what a build reads', () => {
  let root: string;
  beforeEach(() => (root = tempDir('editio-inputs-')));
  afterEach(() => removeDir(root));

  it('counts the edition’s own messages among the files a build reads, beside the TEI and the schemas', async () => {
    const reads = await editionInputs(root);
    expect(['editio.messages.json', 'letter.xml', 'schemas/edition.rng', 'editio.config.json'].map(reads)).to.deep.equal([true, true, true, true]);
    expect(['notes.txt', 'messages.json', 'dist/edition/index.html'].map(reads)).to.deep.equal([false, false, false]);
  });
});

import { expect } from 'chai';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { claimOutputFolder, isOutputFolder, OUTPUT_MARKER, removeStale, writeFileAtomic } from '../src/write.js';
import { read, removeDir, tempDir } from './helpers.js';

describe('write', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));

  it('writes through a temporary file and leaves none behind', async () => {
    const file = path.join(dir, 'sub', 'page.html');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(read(file)).to.equal('second');
    expect(readdirSync(path.join(dir, 'sub'))).to.deep.equal(['page.html']);
  });

  it('removes what an earlier build wrote and this one did not', async () => {
    await claimOutputFolder(dir);
    await writeFileAtomic(path.join(dir, 'documents', 'a.html'), 'a');
    await writeFileAtomic(path.join(dir, 'documents', 'b.html'), 'b');
    expect(await removeStale(dir, ['documents/a.html'])).to.equal(1);
    expect(readdirSync(path.join(dir, 'documents'))).to.deep.equal(['a.html']);
    expect(readdirSync(dir)).to.include(OUTPUT_MARKER);
  });

  it('told what the last build wrote, looks only at those files', async () => {
    await claimOutputFolder(dir);
    for (const name of ['a', 'b', 'c']) await writeFileAtomic(path.join(dir, 'documents', `${name}.html`), name);
    expect(await removeStale(dir, ['documents/a.html'], ['documents/a.html', 'documents/b.html'])).to.equal(1);
    expect(readdirSync(path.join(dir, 'documents'))).to.deep.equal(['a.html', 'c.html']);
  });

  it('only treats empty, missing or editio-written folders as output folders', async () => {
    expect(await isOutputFolder(path.join(dir, 'new'))).to.equal(true);
    expect(await isOutputFolder(dir)).to.equal(true);
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes', 'x.txt'), 'x');
    expect(await isOutputFolder(dir)).to.equal(false);
  });
});

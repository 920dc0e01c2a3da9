import { expect } from 'chai';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { claimOutputFolder, outputFolderProblem, OUTPUT_MARKER, removeStale, removeStaleTemps, rewriteFile, writeFileAtomic } from '../../src/write/write.js';
import { read, removeDir, tempDir } from '../helpers.js';

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

  it('only treats empty, missing or editio-written folders as output folders, and says why not', async () => {
    expect(await outputFolderProblem(path.join(dir, 'new'))).to.equal(undefined);
    expect(await outputFolderProblem(dir)).to.equal(undefined);
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes', 'x.txt'), 'x');
    expect(await outputFolderProblem(dir)).to.match(/holds files editio did not write; choose an empty or new output folder$/);
    expect(await outputFolderProblem(path.join(dir, 'notes', 'x.txt'))).to.match(/x\.txt is a file, not a folder; name a folder/);
  });

  it('writes a file whose name is as long as the file system allows (the temporary name is short)', async () => {
    const file = path.join(dir, `${'d'.repeat(250)}.html`);
    await writeFileAtomic(file, 'long');
    expect(read(file)).to.equal('long');
    expect(readdirSync(dir)).to.deep.equal([path.basename(file)]);
  });

  it('puts the temporary file in the folder it is told, and renames it into place', async () => {
    await writeFileAtomic(path.join(dir, 'documents', 'a.html'), 'a', { tempDir: path.join(dir, '.tmp') });
    expect(read(path.join(dir, 'documents', 'a.html'))).to.equal('a');
    expect(readdirSync(path.join(dir, '.tmp'))).to.deep.equal([]);
  });

  it('rewrites a file in place keeping its permissions, and writes through a symbolic link to its target', async () => {
    const file = path.join(dir, 'private.xml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await rewriteFile(file, 'new');
    expect(read(file)).to.equal('new');
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    const link = path.join(dir, 'link.xml');
    symlinkSync('private.xml', link);
    await rewriteFile(link, 'through the link');
    expect(lstatSync(link).isSymbolicLink()).to.equal(true);
    expect(readlinkSync(link)).to.equal('private.xml');
    expect(read(file)).to.equal('through the link');
  });

  it('removes the temporary files of writers that were killed, never those of a running one', async () => {
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no process has it
    writeFileSync(path.join(dir, `.editio-${dead}-0a1b2c3d.tmp`), 'half');
    writeFileSync(path.join(dir, `x.xml.tmp-${dead}-0a1b2c3d`), 'half, named by an older editio');
    writeFileSync(path.join(dir, `.editio-${process.pid}-0a1b2c3d.tmp`), 'being written');
    writeFileSync(path.join(dir, 'notes.tmp'), 'not ours');
    await removeStaleTemps(dir);
    expect(readdirSync(dir).sort()).to.deep.equal([`.editio-${process.pid}-0a1b2c3d.tmp`, 'notes.tmp']);
  });
});

import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findXmlFiles, knownOf, loadSources, stampOf } from '../../src/load/load.js';
import { hashOf } from '../../src/infra/hash.js';
import { ConfigError } from '../../src/infra/messages.js';
import { fixtures, teiDir } from '../helpers.js';

describe('load', () => {
  it('finds the XML files of folders, recursively and sorted', async () => {
    const { files, messages } = await findXmlFiles([fixtures]);
    expect(messages).to.deep.equal([]);
    expect(files).to.include(path.join(fixtures, 'schema', 'date-impossible.xml'));
    expect(files).to.include(path.join(fixtures, 'hostile', 'empty.xml'));
    expect(files).to.deep.equal([...files].sort());
  });

  it('reports a path that does not exist and goes on with the others', async () => {
    const { files, messages } = await findXmlFiles(['no/such/folder', teiDir]);
    expect(files).to.have.length(5);
    expect(messages[0]).to.include({ ruleId: 'file-unreadable', severity: 'error', file: 'no/such/folder' });
  });

  it('gives each source the role the edition assigns it', async () => {
    const { files } = await findXmlFiles([teiDir]);
    const { sources } = await loadSources(files, (f) => (f.endsWith('authorities.xml') ? 'authorities' : 'document'));
    expect(sources.filter((s) => s.role === 'authorities').map((s) => path.basename(s.path))).to.deep.equal(['authorities.xml']);
  });

  it('holds no bytes: a source is read from disk when asked for, and one that can no longer be read is an error naming the file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'editio-load-'));
    try {
      const letter = path.join(teiDir, '1967-07-06-telegram-pyongyang-bucharest.xml');
      const copy = path.join(dir, 'letter.xml');
      writeFileSync(copy, readFileSync(letter));
      const [source] = (await loadSources([copy])).sources;
      expect(knownOf(source!).hash).to.equal(hashOf(readFileSync(letter)));
      expect(Object.getOwnPropertyDescriptor(source!, 'bytes')?.get, 'a getter, not a held buffer').to.be.a('function');
      expect(source!.bytes.equals(readFileSync(letter))).to.equal(true);
      // Edited since: the bytes on disk now (the stamp taken at loading tells the next build to check them).
      writeFileSync(copy, '<TEI xmlns="http://www.tei-c.org/ns/1.0">another text</TEI>');
      expect(source!.bytes.toString()).to.contain('another text');
      expect((await stampOf(copy)).stamp).to.not.equal(source!.stamp!.stamp);
      rmSync(copy);
      const gone = (() => {
        try {
          return source!.bytes;
        } catch (err) {
          return err;
        }
      })();
      expect(gone).to.be.instanceOf(ConfigError);
      expect((gone as ConfigError).diagnostic).to.include({ ruleId: 'file-unreadable', file: copy });
      expect((gone as ConfigError).diagnostic.reason).to.match(/could not be read while the build ran \(ENOENT\); build again/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

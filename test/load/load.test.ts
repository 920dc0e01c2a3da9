import { expect } from 'chai';
import path from 'node:path';
import { findXmlFiles, loadSources } from '../../src/load/load.js';
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
});

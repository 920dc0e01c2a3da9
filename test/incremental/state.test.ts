import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { changedInputs, emptyState, loadState, saveState, STATE_VERSION, statePath } from '../../src/incremental/state.js';
import { removeDir, tempDir } from '../helpers.js';

describe('state', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => removeDir(dir));

  it('says why a state cannot be used: none, another version, another fingerprint, unreadable', async () => {
    expect(await loadState(dir, 'f')).to.deep.equal({ reason: 'no build state (first build of this folder)' });
    await saveState(dir, { ...emptyState('f'), version: STATE_VERSION + 1 });
    expect(await loadState(dir, 'f'))
      .to.have.property('reason')
      .that.matches(/another version/);
    await saveState(dir, emptyState('f'));
    expect(await loadState(dir, 'g'))
      .to.have.property('reason')
      .that.matches(/configuration changed/);
    expect(await loadState(dir, 'f')).to.have.property('state');
    mkdirSync(path.dirname(statePath(dir)), { recursive: true });
    writeFileSync(statePath(dir), '{"version": 1, "finger');
    expect(await loadState(dir, 'f')).to.have.property('reason');
  });

  it('writes the same bytes for the same state, whatever the order its outputs were recorded in, and again once read back', async () => {
    const b = { inputs: { source: '1', entries: '2' }, messages: [] };
    await saveState(dir, { ...emptyState('f'), outputs: { b, a: { inputs: {}, messages: [] } } });
    const first = readFileSync(statePath(dir), 'utf8');
    await saveState(dir, { ...emptyState('f'), outputs: { a: { inputs: {}, messages: [] }, b } });
    expect(readFileSync(statePath(dir), 'utf8')).to.equal(first);
    const read = await loadState(dir, 'f');
    if (!('state' in read)) throw new Error(read.reason);
    await saveState(dir, read.state);
    expect(readFileSync(statePath(dir), 'utf8')).to.equal(first);
  });

  it('names the inputs that changed, or none', () => {
    const previous = { inputs: { source: 'a', entries: 'b' }, messages: [] };
    expect(changedInputs(undefined, { source: 'a' })).to.deep.equal(['new']);
    expect(changedInputs(previous, { source: 'a', entries: 'b' })).to.equal(undefined);
    expect(changedInputs(previous, { source: 'a', entries: 'c', lists: 'd' })).to.deep.equal(['entries', 'lists']);
  });
});

import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clearJournal, noteTouched, touchedOutputs } from '../../src/incremental/journal.js';
import { OutputPlan } from '../../src/incremental/plan.js';
import { emptyState, readState, saveState, withoutTouched, type BuildState } from '../../src/incremental/state.js';
import { removeDir, tempDir } from '../helpers.js';

const record = (inputs: Record<string, string>) => ({ inputs, messages: [] });

describe('journal', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => removeDir(dir));

  const state = (): BuildState => ({
    ...emptyState('f'),
    inputs: 'all the build read',
    outputs: { 'a.html': record({ source: '1' }), 'b.html': record({ source: '2' }), group: record({ registry: '1', files: 'g/1.json\ng/2.json' }) },
  });

  it('drops the records of touched outputs, and of a group one of whose files was touched, and forgets the inputs', () => {
    const after = withoutTouched(state(), new Set(['a.html', 'g/2.json']));
    expect(Object.keys(after.outputs)).to.deep.equal(['b.html']);
    expect(after.inputs).to.equal('');
    expect(withoutTouched(state(), new Set())).to.deep.equal(state());
  });

  it('is what the state is read with, until a build saves its own and empties it', async () => {
    await saveState(dir, state());
    await noteTouched(dir, ['b.html']);
    await noteTouched(dir, ['g/1.json']);
    expect([...(await touchedOutputs(dir))]).to.deep.equal(['b.html', 'g/1.json']);
    const read = await readState(dir);
    expect('state' in read && Object.keys(read.state.outputs)).to.deep.equal(['a.html']);
    await clearJournal(dir);
    const again = await readState(dir);
    expect('state' in again && Object.keys(again.state.outputs)).to.deep.equal(['a.html', 'b.html', 'group']);
  });

  it('reads a name with a line break as one, and passes over a line a kill cut short', async () => {
    await noteTouched(dir, ['documents/a\nb.html']);
    writeFileSync(path.join(dir, '.editio', 'journal'), `${readFileSync(path.join(dir, '.editio', 'journal'), 'utf8')}"documents/c`);
    expect([...(await touchedOutputs(dir))]).to.deep.equal(['documents/a\nb.html']);
  });

  it('holds every output the plan writes, and only those (a kept one is not touched)', async () => {
    const first = new OutputPlan(dir, undefined, [], 'no build state');
    await first.make('a.html', { source: '1' }, () => 'A');
    await first.makeMany('group', { registry: '1' }, () => [{ path: 'g/1.json', content: '1' }]);
    expect(readFileSync(path.join(dir, '.editio', 'journal'), 'utf8')).to.equal('"a.html"\n"g/1.json"\n');
    await clearJournal(dir);
    const second = new OutputPlan(dir, { ...emptyState('f'), outputs: first.records }, [], undefined);
    await second.make('a.html', { source: '1' }, () => 'kept, never made');
    await second.make('b.html', { source: '1' }, () => 'B');
    expect([...(await touchedOutputs(dir))]).to.deep.equal(['b.html']);
  });
});

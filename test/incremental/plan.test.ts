import { expect } from 'chai';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Message } from '../../src/infra/messages.js';
import { decide, inOrder, OutputPlan } from '../../src/incremental/plan.js';
import { emptyState, type BuildState } from '../../src/incremental/state.js';
import { removeDir, tempDir } from '../helpers.js';

const warning = (reason: string): Message => ({ severity: 'warning', source: 'transform', ruleId: 'test', reason, file: 'a.xml' });

describe('plan', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => removeDir(dir));

  /** A first build that makes one output and one group, then the state it leaves. */
  async function firstBuild(): Promise<BuildState> {
    const plan = new OutputPlan(dir, undefined, [], 'no build state');
    await plan.make('a.html', { source: '1' }, (sink) => {
      sink.push(warning('made a'));
      return 'A';
    });
    await plan.makeMany('group', { registry: '1' }, () => [
      { path: 'g/1.json', content: '1' },
      { path: 'g/2.json', content: '2' },
    ]);
    return { ...emptyState('f'), outputs: plan.records };
  }

  it('keeps an output whose inputs are unchanged, and replays the messages it raised', async () => {
    const previous = await firstBuild();
    const messages: Message[] = [];
    const lines: string[] = [];
    const plan = new OutputPlan(dir, previous, messages, undefined, { log: (line) => lines.push(line) });
    let made = 0;
    await plan.make('a.html', { source: '1' }, () => String(++made));
    await plan.makeMany('group', { registry: '1' }, () => [{ path: 'never.json', content: String(++made) }]);
    expect(made).to.equal(0);
    expect(lines).to.deep.equal([]);
    expect(messages).to.deep.equal([warning('made a')]);
    expect(plan.files().sort()).to.deep.equal(['a.html', 'g/1.json', 'g/2.json']);
    expect(await plan.text('a.html')).to.equal('A');
  });

  it('makes it again when an input changed or a file it made is gone, and says why', async () => {
    const previous = await firstBuild();
    rmSync(path.join(dir, 'g', '2.json'));
    const lines: string[] = [];
    const plan = new OutputPlan(dir, previous, [], undefined, { log: (line) => lines.push(line) });
    await plan.make('a.html', { source: '2' }, () => 'A2');
    await plan.makeMany('group', { registry: '1' }, () => [{ path: 'g/1.json', content: 'new' }]);
    expect(lines).to.deep.equal(['a.html: source changed', 'group: missing on disk']);
    expect(readFileSync(path.join(dir, 'a.html'), 'utf8')).to.equal('A2');
    expect(plan.records.group!.inputs.files).to.equal('g/1.json');
  });

  it('leaves no output, and no record, when making it fails', async () => {
    const plan = new OutputPlan(dir, undefined, [], 'no build state');
    await plan.make('broken.html', { source: '1' }, () => undefined);
    expect(existsSync(path.join(dir, 'broken.html'))).to.equal(false);
    expect(plan.records).not.to.have.property('broken.html');
  });

  it('finishes steps in order however fast each one is', async () => {
    const finished: number[] = [];
    const delays = [30, 0, 20, 5, 0, 10];
    await inOrder(delays, 3, (ms, i) => {
      const done = new Promise((resolve) => setTimeout(resolve, ms));
      return async () => {
        await done;
        finished.push(i);
      };
    });
    expect(finished).to.deep.equal([0, 1, 2, 3, 4, 5]);
  });

  it('decides by a pure function of the last record, the inputs, what is on disk and why all is made again', () => {
    const record = { inputs: { source: '1', files: 'g/1.json' }, messages: [] };
    let asked = 0;
    const there = (answer: boolean) => (): boolean => {
      asked++;
      return answer;
    };
    expect(decide(undefined, { source: '1' }, there(true))).to.equal('new');
    expect(decide(record, { source: '2' }, there(true))).to.equal('source changed');
    expect(decide(record, { source: '1', paper: 'a4' }, there(true))).to.equal('paper changed');
    expect(asked, 'the disk is asked only when the inputs are the same').to.equal(0);
    expect(decide(record, { source: '1' }, there(true))).to.equal(undefined);
    expect(decide(record, { source: '1' }, there(false))).to.equal('missing on disk');
    expect(decide(record, { source: '1' }, there(true), 'a full build was asked for (--full)')).to.equal('a full build was asked for (--full)');
  });

  it('in a dry run, says what it would make and keep, writes nothing, and makes only what later decisions read', async () => {
    const previous = await firstBuild();
    const before = readFileSync(path.join(dir, 'a.html'), 'utf8');
    const plan = new OutputPlan(dir, previous, [], undefined, { dryRun: true });
    let made = 0;
    await plan.make('a.html', { source: '2' }, () => String(++made));
    await plan.make('b.json', { source: '1' }, () => `read later ${++made}`, { readLater: true });
    await plan.makeMany('group', { registry: '2' }, () => [{ path: 'g/9.json', content: String(++made) }]);
    expect(plan.decisions).to.deep.equal([
      { file: 'a.html', action: 'make', why: 'source changed' },
      { file: 'b.json', action: 'make', why: 'new' },
      { file: 'group', action: 'make', why: 'registry changed' },
    ]);
    expect(made).to.equal(1);
    expect(await plan.text('b.json')).to.equal('read later 1');
    expect(existsSync(path.join(dir, 'b.json'))).to.equal(false);
    expect(readFileSync(path.join(dir, 'a.html'), 'utf8')).to.equal(before);
    expect(plan.files().sort()).to.deep.equal(['a.html', 'b.json', 'g/1.json', 'g/2.json']);
  });
});

/**
 * The incremental build's planner: every output is made from named inputs, each hashed; an
 * output whose inputs all hash as last time, and which is still on disk, is kept as it is. The
 * decision is a pure function (decide); OutputPlan gathers what it needs (the last record, whether
 * the files are there) and carries it out: it makes and writes, or, in a dry run, only says what it
 * would do.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from '../infra/messages.js';
import { hashOf } from '../infra/hash.js';
import { changedInputs, filesOf, filesWritten, tempDirOf, type BuildState, type OutputRecord } from './state.js';
import { writeFileAtomic, type Output, type Pieces } from '../write/write.js';
import { noteTouched } from './journal.js';

export type Content = string | Uint8Array;

/**
 * Why an output (or a group of outputs) must be made, or undefined if it may be kept: from the
 * inputs it was made from last time (none: it is new), the inputs it has now, whether what it made
 * is all still on disk (asked only when the inputs are the same), and why the whole build is made
 * again, if it is.
 */
export function decide(previous: OutputRecord | undefined, inputs: Record<string, string>, onDisk: () => boolean, fullReason?: string): string | undefined {
  if (fullReason) return fullReason;
  // What a group recorded of what it made (its files, their contents' hashes) is no input.
  const made = Object.fromEntries(MADE.filter((key) => previous?.inputs[key] !== undefined).map((key) => [key, previous!.inputs[key]!]));
  const changed = changedInputs(previous, { ...inputs, ...made });
  if (changed) return changed.includes('new') ? 'new' : `${changed.join(', ')} changed`;
  return onDisk() ? undefined : 'missing on disk';
}

/** What a group's record holds besides its inputs: the files it made and, for one that keeps files it makes again the same, their hashes. */
const MADE = ['files', 'sums'] as const;

/** What a dry run says of an output or group: made again (and why), or kept. */
export interface Decision {
  file: string;
  action: 'make' | 'keep' | 'remove';
  why?: string;
}
type Produce = (messages: Message[]) => Content | undefined | Promise<Content | undefined>;
type ProduceMany = (messages: Message[]) => (Output | Pieces)[] | Promise<(Output | Pieces)[]>;

export interface PlanOptions {
  /** Told why each output is made (`--verbose`). */
  log?: (line: string) => void;
  /** Folders of the output in which no file was added or removed since the last build: what it made there is there. */
  untouched?: ReadonlySet<string>;
  /**
   * Decide only (`build --dry-run`): nothing is written, and nothing is made but what later
   * decisions need (the extracts, held in memory); `decisions` says what a build would do.
   */
  dryRun?: boolean;
}

export class OutputPlan {
  /** Outputs written by this build: each as soon as it is made, so none waits in memory. */
  readonly written = new Set<string>();
  readonly kept = new Set<string>();
  readonly records: Record<string, OutputRecord> = {};
  /** In a dry run, what would be made (and why) or kept, in the order decided. */
  readonly decisions: Decision[] = [];
  /** In a dry run, the outputs made in memory because later decisions read them. */
  private readonly held = new Map<string, Content>();
  private readonly log: ((line: string) => void) | undefined;
  private readonly untouched: ReadonlySet<string>;
  readonly dryRun: boolean;

  constructor(
    private readonly outDir: string,
    private readonly previous: BuildState | undefined,
    /** The build's messages: those of kept outputs are replayed into it. */
    private readonly messages: Message[],
    /** Why the build is not incremental, if it is not: named for every output it makes. */
    private readonly fullReason: string | undefined,
    options: PlanOptions = {},
  ) {
    this.log = options.log;
    this.untouched = options.untouched ?? new Set();
    this.dryRun = options.dryRun ?? false;
  }

  /**
   * The same plan, whose messages (those said while making, and those of kept outputs) go to
   * `sink` and whose --verbose lines go to `lines`: for a family made beside others, put in the build's in family order after.
   */
  withMessages(sink: Message[], lines: string[]): OutputPlan {
    // Its --verbose lines (why each output is made) kept too, so that the log reads the same whatever finished first.
    return Object.create(this, { messages: { value: sink }, log: { value: this.log && ((line: string) => lines.push(line)) } }) as OutputPlan;
  }

  /** Logs lines kept by a plan made withMessages. */
  logLines(lines: readonly string[]): void {
    for (const line of lines) this.log?.(line);
  }

  /** What an output or group made last time. */
  private madeBefore(file: string): string[] | undefined {
    const previous = this.previous?.outputs[file];
    return previous && filesOf(file, previous);
  }

  /** Why `file` (or a group) must be made again; undefined if it may be kept as it is on disk. */
  private whyMake(file: string, inputs: Record<string, string>): string | undefined {
    const there = (f: string): boolean => this.untouched.has(path.posix.dirname(f)) || existsSync(path.join(this.outDir, ...f.split('/')));
    return decide(this.previous?.outputs[file], inputs, () => this.madeBefore(file)!.every(there), this.fullReason);
  }

  /** Whether `file` (or a group) would be kept. */
  isCurrent(file: string, inputs: Record<string, string>): boolean {
    return this.whyMake(file, inputs) === undefined;
  }

  /** Keeps `file` if it may be kept; returns the messages it raised when it was made. */
  private keep(file: string, inputs: Record<string, string>): Message[] | undefined {
    const why = this.whyMake(file, inputs);
    if (why !== undefined) {
      this.log?.(`${file}: ${why}`);
      if (this.dryRun) this.decisions.push({ file, action: 'make', why });
      return undefined;
    }
    const previous = this.previous!.outputs[file]!;
    for (const f of this.madeBefore(file)!) this.kept.add(f);
    this.records[file] = previous;
    if (this.dryRun) this.decisions.push({ file, action: 'keep' });
    return previous.messages;
  }

  /**
   * In a dry run, an output (or a group) that would be made: recorded with its inputs, as if made,
   * so that later decisions see it; a group is taken to make again the files it made last time.
   */
  private planned(file: string, inputs: Record<string, string>, group = false): void {
    const files = group ? (this.madeBefore(file) ?? []) : [file];
    for (const f of files) this.written.add(f);
    this.records[file] = { inputs: group ? { ...inputs, files: files.join('\n') } : inputs, messages: [] };
  }

  /**
   * make() in two steps, so that many outputs can be in the making at once (on a worker pool):
   * start() keeps the output or starts producing it; the step it returns waits, writes and
   * records. Finishing in the order of starting keeps the messages in the same order as make().
   */
  start(file: string, inputs: Record<string, string>, produce: Produce, options: { readLater?: boolean } = {}): () => Promise<void> {
    const kept = this.keep(file, inputs);
    if (kept) return async () => void this.messages.push(...kept);
    if (this.dryRun && !options.readLater) {
      this.planned(file, inputs);
      return async () => undefined;
    }
    const messages: Message[] = [];
    const pending = Promise.resolve(produce(messages));
    return async () => {
      const content = await pending;
      for (const m of messages) this.messages.push(m);
      if (content === undefined) return;
      await this.write(file, content);
      this.records[file] = { inputs, messages };
    };
  }

  /** Makes `file` from `inputs` unless it can be kept. A failed `produce` (undefined) leaves no output. */
  async make(file: string, inputs: Record<string, string>, produce: Produce, options: { readLater?: boolean } = {}): Promise<void> {
    await this.start(file, inputs, produce, options)();
  }

  /**
   * Makes a group of outputs that one step produces together; kept only if all it made is still
   * there. `keepSame`: a file made again with the content it had (by its hash) is kept, not
   * written, for a group of many files of which a change touches a few (the search index's terms).
   */
  async makeMany(group: string, inputs: Record<string, string>, produce: ProduceMany, options: { keepSame?: boolean } = {}): Promise<void> {
    const kept = this.keep(group, inputs);
    if (kept) return void this.messages.push(...kept);
    if (this.dryRun) return this.planned(group, inputs, true);
    const messages: Message[] = [];
    const outputs = await produce(messages);
    for (const m of messages) this.messages.push(m);
    const before = new Map<string, string>();
    const previous = this.previous?.outputs[group];
    if (options.keepSame && previous?.inputs.sums !== undefined) {
      const sums = previous.inputs.sums.split('\n');
      filesOf(group, previous).forEach((file, i) => {
        before.set(file, sums[i]!);
      });
    }
    const sums: string[] = [];
    for (const o of outputs) {
      const sum = options.keepSame ? hashOf(o.content as Content) : '';
      sums.push(sum);
      if (before.get(o.path) === sum && existsSync(path.join(this.outDir, ...o.path.split('/')))) this.kept.add(o.path);
      else await this.write(o.path, o.content);
    }
    const files = outputs.map((o) => o.path).join('\n');
    this.records[group] = { inputs: { ...inputs, files, ...(options.keepSame ? { sums: sums.join('\n') } : {}) }, messages };
  }

  /** Whether `file` is an output of this build (made or kept). */
  has(file: string): boolean {
    return this.written.has(file) || this.kept.has(file);
  }

  private async write(file: string, content: Content | Pieces['content']): Promise<void> {
    if (this.dryRun) this.held.set(file, content as Content);
    else {
      // Written down first: a build stopped after the write but before its state is saved must not keep the record of what was there.
      await noteTouched(this.outDir, [file]);
      await writeFileAtomic(path.join(this.outDir, ...file.split('/')), content, { tempDir: tempDirOf(this.outDir) });
    }
    this.written.add(file);
  }

  /** An output's content, as on disk (just made, or kept), or as held in a dry run. */
  async content(file: string): Promise<Buffer | undefined> {
    const held = this.held.get(file);
    if (held !== undefined) return Buffer.from(held);
    return this.has(file) ? readFile(path.join(this.outDir, ...file.split('/'))) : undefined;
  }

  async text(file: string): Promise<string | undefined> {
    const content = await this.content(file);
    return content?.toString('utf8');
  }

  /** A hash of an output's inputs, for outputs made from other outputs. */
  inputsOf(file: string): string {
    const inputs = this.records[file]?.inputs ?? {};
    return hashOf(
      ...Object.keys(inputs)
        .sort()
        .map((k) => `${k}=${inputs[k]}`),
    );
  }

  /** Every file the last build wrote, if there was one. */
  lastWritten(): string[] | undefined {
    return this.previous && filesWritten(this.previous);
  }

  /** Every output of this build, made or kept: what a clean-up of the folder must leave. */
  files(): string[] {
    return [...this.written, ...this.kept];
  }
}

/** Starts up to `window` steps ahead and finishes them in order: parallel work, sequential results. */
export async function inOrder<T>(items: readonly T[], window: number, start: (item: T, index: number) => () => Promise<void>): Promise<void> {
  const started: (() => Promise<void>)[] = [];
  let next = 0;
  for (let i = 0; i < items.length; i++) {
    while (next < items.length && next < i + window) started.push(start(items[next]!, next++));
    await started[i]!();
  }
}

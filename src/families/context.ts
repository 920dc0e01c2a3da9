/** What every family of outputs is given: the edition, where it is written, and how outputs are made. */
import type { LanguagePack } from '../i18n/catalogue.js';
import type { EditionConfig } from '../model/config.js';
import { inOrder, type OutputPlan } from '../incremental/plan.js';
import type { Message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';
import type { Stamped } from '../parse/source.js';
import type { Paper } from '../print/book.js';
import type { Transformer } from '../workers/transformer.js';

/** What the build was asked for beyond the pages: the print edition, the e-book. */
export interface Asked {
  pdf: boolean;
  epub: boolean;
  /** Page images after their documents in the book (--plates). */
  plates: boolean;
}

/** Documents in the making at once: enough to keep every worker busy, few enough to hold. */
export const WINDOW = 32;

/** The stages a build is timed in (`--verbose`, and the benchmarks): several families may share one. */
export type Stage = 'extracts' | 'pages' | 'site' | 'registers' | 'search' | 'exports' | 'dts' | 'print';

export interface BuildContext {
  config: EditionConfig;
  /** The edition's language: its messages, the forms of its dates and counts. */
  language: LanguagePack;
  outDir: string;
  /** Decides what is made again and what is kept, and writes what is made. */
  plan: OutputPlan;
  xslt: Transformer;
  /** The build's messages, in the order a full build would give them. */
  messages: Message[];
  /** A source's hash, known since it was loaded. */
  hashOfDoc(doc: ReadDoc): string;
  /** What the build was asked for, and the print edition's paper. */
  asked: Asked & { paper: Paper };
  /**
   * Files besides the sources and schemas that families read (a facsimile's scans), each stamped
   * before it was read: a later build that finds them all as they were may do nothing.
   */
  read: Stamped[];
  /** Tells how many documents of the stage are done, for a progress bar. */
  progress(stage: 'extract' | 'render'): (done: number) => void;
}

/** One output a family makes from one document or entry: its file and the hashes of what it is made from. */
export interface Job {
  file: string;
  inputs: Record<string, string>;
}

/** Makes each job's file that changed, on the worker pool when there are enough of them, finished in order. */
export async function makeEach<J extends Job>(
  ctx: BuildContext,
  jobs: readonly J[],
  produce: (job: J, sink: Message[]) => Promise<string | undefined>,
): Promise<void> {
  await ctx.xslt.expect(jobs.filter((job) => !ctx.plan.isCurrent(job.file, job.inputs)).length);
  await inOrder(jobs, WINDOW, (job) => ctx.plan.start(job.file, job.inputs, (sink) => produce(job, sink)));
}

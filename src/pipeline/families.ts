/**
 * The build's families made: each after what it needs, two side by side, their messages in build
 * order whatever finished first.
 */
import type { BuildContext } from '../families/context.js';
import { inBuildOrder, type Family } from '../families/family.js';
import type { Given, Results } from '../families/results.js';
import type { Message } from '../infra/messages.js';
import type { StageClock } from './clock.js';

/** Families made at once: one on the workers (registers, say) beside one in this thread (the search), which would otherwise leave a core idle. */
const SIDE_BY_SIDE = 2;

/**
 * Makes every family the build wants, each after what it needs, up to SIDE_BY_SIDE at a time, in
 * build order; each family's messages are kept apart and put in the build's in that order, as if
 * they had been made one after another. The print edition, which lays pages out in Chromium under
 * its own time limits, and a dry run, whose plan lists decisions in the order made, go one at a time.
 */
export async function makeFamilies(ctx: BuildContext, families: readonly Family[], given: Given, clock: StageClock): Promise<Partial<Results>> {
  const results: Partial<Results> = { ...given };
  const order = inBuildOrder(families, Object.keys(given) as (keyof Given)[]).filter((family) => family.wanted(ctx.asked));
  const byResult = new Map<string, Promise<void>>();
  const all: Promise<void>[] = [];
  const sinks: { messages: Message[]; lines: string[] }[] = [];
  // The families under way, each with whether it goes alone.
  const inFlight = new Map<Promise<void>, boolean>();
  // Each stage's families yet to be made: the stage ends with its last.
  const toMake = new Map<string, number>();
  for (const family of order) toMake.set(family.stage, (toMake.get(family.stage) ?? 0) + 1);
  const begun = new Set<string>();
  clock.lap();
  const alone = (family: Family): boolean => family.stage === 'print' || ctx.plan.dryRun;
  const room = (family: Family): number => (alone(family) || [...inFlight.values()].some(Boolean) ? 1 : SIDE_BY_SIDE);
  try {
    for (const family of order) {
      const missing = family.needs.filter((need) => !(need in given) && !order.some((f) => f.gives === need));
      if (missing.length > 0) throw new Error(`editio: family ${family.name} needs ${missing.join(', ')}, which no family this build makes gives`);
      // Room for it (none beside one that goes alone), and what it needs made.
      while (inFlight.size >= room(family)) await Promise.race(inFlight.keys());
      await Promise.all(family.needs.flatMap((need) => byResult.get(need) ?? []));
      if (!begun.has(family.stage)) {
        begun.add(family.stage);
        clock.begin(family.stage);
      }
      const sink = { messages: [] as Message[], lines: [] as string[] };
      sinks.push(sink);
      const made = family
        .make({ ...ctx, messages: sink.messages, plan: ctx.plan.withMessages(sink.messages, sink.lines) }, results as Results)
        .then((result) => {
          if (family.gives) Object.assign(results, { [family.gives]: result });
          const left = toMake.get(family.stage)! - 1;
          toMake.set(family.stage, left);
          if (left === 0) clock.end(family.stage);
        });
      if (family.gives) byResult.set(family.gives, made);
      all.push(made);
      const settled: Promise<void> = made.catch(() => undefined).then(() => void inFlight.delete(settled));
      inFlight.set(settled, alone(family));
    }
  } finally {
    // Whatever happened, nothing is left running, and what every family said is the build's, in build order.
    await Promise.allSettled(all);
    for (const sink of sinks) {
      ctx.plan.logLines(sink.lines);
      for (const m of sink.messages) ctx.messages.push(m);
    }
  }
  await Promise.all(all);
  return results;
}

/**
 * The contract every family of outputs keeps. A family says what it is made from (other families'
 * results, and what the checks give, by name: src/families/results.ts), whether this build wants it,
 * and how it is made; the orchestrator (src/pipeline/build.ts) runs the families of the registry
 * (src/families/registry.ts) in the order their needs give, never by hand.
 *
 * Per-document outputs go through `makeEach` (src/families/context.ts) and the worker pool: a
 * stylesheet's by `ctx.xslt.document`, a TypeScript one by `ctx.xslt.work` with a `documentWork`
 * (src/workers/jobs.ts) — the pool's code stays as it is.
 */
import type { Asked, BuildContext, Stage } from './context.js';
import type { Results } from './results.js';

export type ResultName = keyof Results;

/** A family as the registry holds it, whatever it needs and gives. */
export interface Family {
  /** Its name: in messages about the registry, and the result it gives, if any, is called so. */
  readonly name: string;
  /** The stage of the build it is timed under (`--verbose`). */
  readonly stage: Stage;
  readonly needs: readonly ResultName[];
  readonly gives: ResultName | undefined;
  wanted(asked: Asked): boolean;
  make(ctx: BuildContext, results: Results): Promise<unknown>;
}

/** What a family's module declares: `make` sees only what the family says it needs, and returns what it says it gives. */
export interface FamilyDefinition<Needs extends ResultName, Gives extends ResultName | undefined> {
  name: string;
  stage: Stage;
  needs: readonly Needs[];
  gives?: Gives;
  /** Whether this build makes it (default: always). */
  wanted?(asked: Asked): boolean;
  make(ctx: BuildContext, inputs: Pick<Results, Needs>): Promise<Gives extends ResultName ? Results[Gives] : void>;
}

export function family<const Needs extends ResultName, const Gives extends ResultName | undefined = undefined>(
  definition: FamilyDefinition<Needs, Gives>,
): Family {
  return {
    name: definition.name,
    stage: definition.stage,
    needs: definition.needs,
    gives: definition.gives,
    wanted: definition.wanted ?? (() => true),
    // Only what it declares: a family cannot come to depend on a result it does not name.
    make: (ctx, results) => definition.make(ctx, Object.fromEntries(definition.needs.map((need) => [need, results[need]])) as Pick<Results, Needs>),
  };
}

/**
 * The families in an order that makes each after all it needs; among those ready, the first in
 * the registry goes first (so that messages come in the order they always have). A need that no
 * family gives and the checks do not give, or a loop of needs, is a fault of the registry.
 */
export function inBuildOrder(families: readonly Family[], given: readonly ResultName[]): Family[] {
  const givenBy = new Map<ResultName, Family>();
  for (const f of families) {
    if (f.gives === undefined) continue;
    if (givenBy.has(f.gives) || given.includes(f.gives)) throw new Error(`editio: the result ${f.gives} is given twice (family ${f.name})`);
    givenBy.set(f.gives, f);
  }
  for (const f of families) {
    for (const need of f.needs) if (!given.includes(need) && !givenBy.has(need)) throw new Error(`editio: family ${f.name} needs ${need}, which nothing gives`);
  }
  const ordered: Family[] = [];
  const done = new Set<ResultName>(given);
  const waiting = [...families];
  while (waiting.length > 0) {
    const next = waiting.findIndex((f) => f.needs.every((need) => done.has(need)));
    if (next < 0) throw new Error(`editio: the families ${waiting.map((f) => f.name).join(', ')} need each other's results`);
    const [f] = waiting.splice(next, 1);
    ordered.push(f!);
    if (f!.gives) done.add(f!.gives);
  }
  return ordered;
}

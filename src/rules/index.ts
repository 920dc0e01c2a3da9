import type { Message } from '../messages.js';
import { authorityUnused, mentionUntagged } from './authorities.js';
import type { Rule, RuleContext } from './context.js';
import { dateHeaderMismatch, dateInvalid, dateRangeInverted } from './dates.js';
import { idDuplicate } from './ids.js';
import { refUnresolved, refWrongKind } from './references.js';

export type { RuleContext } from './context.js';

/** The edition rules: what RelaxNG cannot express. Each id is permanent. */
export const RULES: readonly Rule[] = [
  refUnresolved,
  refWrongKind,
  idDuplicate,
  dateInvalid,
  dateRangeInverted,
  dateHeaderMismatch,
  authorityUnused,
  mentionUntagged,
];

export function runRules(ctx: RuleContext): Message[] {
  return RULES.flatMap((rule) => rule.check(ctx));
}

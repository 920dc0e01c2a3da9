import { message, type Message } from '../../infra/messages.js';
import { authorityUnused, mentionUntagged, nameTooLong } from './authorities.js';
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
  nameTooLong,
];

/** More messages of one rule in one file than anyone reads: the rest are counted, not listed. */
export const MAX_PER_FILE = 100;

export function runRules(ctx: RuleContext): Message[] {
  const out: Message[] = [];
  for (const rule of RULES) {
    const perFile = new Map<string, number>();
    for (const m of rule.check(ctx)) {
      const n = (perFile.get(m.file ?? '') ?? 0) + 1;
      perFile.set(m.file ?? '', n);
      if (n <= MAX_PER_FILE) out.push(m);
    }
    for (const [file, n] of perFile) {
      if (n > MAX_PER_FILE) {
        out.push(message(rule.severity, 'validate', rule.id, `${n - MAX_PER_FILE} more like the above in this file, not listed`, file ? { file } : {}));
      }
    }
  }
  return out;
}

/** The one diagnostic type of every stage, printed by the reporter (report.ts). */
export type Severity = 'error' | 'warning' | 'info';

export type Stage = 'config' | 'load' | 'parse' | 'validate' | 'transform' | 'site' | 'write' | 'tag' | 'import';

export interface Message {
  severity: Severity;
  /** Permanent kebab-case identifier, e.g. `relaxng`, `not-well-formed`. */
  ruleId: string;
  /** What happened and what to do about it, without an "Error:" prefix. */
  reason: string;
  source: Stage;
  file?: string;
  line?: number;
  column?: number;
}

export function message(
  severity: Severity,
  source: Stage,
  ruleId: string,
  reason: string,
  at: { file?: string; line?: number; column?: number } = {},
): Message {
  const result: Message = { severity, ruleId, reason, source };
  if (at.file !== undefined) result.file = at.file;
  if (at.line !== undefined) result.line = at.line;
  if (at.column !== undefined) result.column = at.column;
  return result;
}

export function hasErrors(messages: readonly Message[]): boolean {
  return messages.some((m) => m.severity === 'error');
}

/** A configuration or usage fault: the run cannot start at all (exit code 2). */
export class ConfigError extends Error {
  constructor(readonly diagnostic: Message) {
    super(diagnostic.reason);
  }
}

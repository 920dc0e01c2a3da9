import type { Message } from './messages.js';

export type ReportFormat = 'human' | 'json';

export interface ReportOptions {
  format: ReportFormat;
  /** Number of files looked at, for the summary line. */
  fileCount?: number;
}

/** Renders messages for people (one line each plus a summary) or for machines (JSON). */
export function report(messages: readonly Message[], options: ReportOptions): string {
  return options.format === 'json' ? reportJson(messages) : reportHuman(messages, options.fileCount);
}

function reportJson(messages: readonly Message[]): string {
  return JSON.stringify({ messages: sortMessages(messages) }, null, 2) + '\n';
}

function location(m: Message): string {
  if (m.file === undefined) return '';
  let at = m.file;
  if (m.line !== undefined) at += `:${m.line}`;
  if (m.line !== undefined && m.column !== undefined) at += `:${m.column}`;
  return at;
}

/** Messages in reading order: by file, then by line and column; file-less ones first. */
export function sortMessages(messages: readonly Message[]): Message[] {
  const key = (m: Message): [string, number, number] => [m.file ?? '', m.line ?? 0, m.column ?? 0];
  return [...messages].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb;
  });
}

function reportHuman(messages: readonly Message[], fileCount?: number): string {
  const lines = sortMessages(messages).map((m) => {
    const at = location(m);
    return `${at ? at + '  ' : ''}${m.severity}  ${m.reason}  ${m.ruleId}`;
  });
  lines.push(summary(messages, fileCount));
  return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summary(messages: readonly Message[], fileCount?: number): string {
  const errors = messages.filter((m) => m.severity === 'error');
  const warnings = messages.filter((m) => m.severity === 'warning');
  const files = fileCount === undefined ? '' : ` in ${plural(fileCount, 'file')}`;
  if (errors.length === 0 && warnings.length === 0) return `✔ no problems${files}`;
  const failing = new Set(errors.map((m) => m.file ?? '')).size;
  const inFiles = fileCount === undefined ? '' : ` (${failing} of ${plural(fileCount, 'file')} failed)`;
  return `✖ ${plural(errors.length, 'error')}, ⚠ ${plural(warnings.length, 'warning')}${inFiles}`;
}

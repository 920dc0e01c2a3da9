import type { Message } from './messages.js';

export type ReportFormat = 'human' | 'json';

export interface ReportOptions {
  format: ReportFormat;
  /** Number of files looked at, for the summary line. */
  fileCount?: number;
  /** The text of a line of a file, shown under a message with a caret at its column. */
  sourceLine?: (file: string, line: number) => string | undefined;
  /** ANSI colours (the CLI turns them on for a terminal, never with NO_COLOR). */
  color?: boolean;
  /** What the command did, beside its messages: JSON only (people read it in the command's own lines). */
  result?: object;
}

/**
 * Renders messages for people (grouped by file, with the source line) or for machines: one JSON
 * envelope for every command, `{ "messages": [...], "result": {...} }`.
 */
export function report(messages: readonly Message[], options: ReportOptions): string {
  return options.format === 'json' ? reportJson(messages, options.result) : reportHuman(messages, options);
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

function reportJson(messages: readonly Message[], result: object | undefined): string {
  return `${JSON.stringify({ messages: sortMessages(messages), ...(result ? { result } : {}) }, null, 2)}\n`;
}

const STYLES = { red: 31, yellow: 33, dim: 2, bold: 1, green: 32, cyan: 36 } as const;
type Style = keyof typeof STYLES;

/** The line around `column`, at most `width` characters, with the caret's offset in it. */
function excerpt(text: string, column: number | undefined, width = 100): { shown: string; caret?: number } {
  const line = text.replace(/\t/g, ' ').replace(/\r$/, '');
  const at = column === undefined ? 0 : Math.max(0, column - 1);
  const start = line.length <= width ? 0 : Math.max(0, Math.min(at - Math.floor(width / 2), line.length - width));
  const prefix = start > 0 ? '…' : '';
  const body = line.slice(start, start + width);
  const suffix = start + width < line.length ? '…' : '';
  const shown = prefix + body + suffix;
  return column === undefined ? { shown } : { shown, caret: prefix.length + (at - start) };
}

function reportHuman(messages: readonly Message[], options: ReportOptions): string {
  const paint = (style: Style, s: string): string => (options.color ? `\u001b[${STYLES[style]}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let currentFile: string | undefined;
  for (const m of sortMessages(messages)) {
    if (m.file !== currentFile) {
      if (out.length > 0) out.push('');
      if (m.file !== undefined) out.push(paint('bold', m.file));
      currentFile = m.file;
    }
    const at = m.line === undefined ? '' : m.column === undefined ? `${m.line}` : `${m.line}:${m.column}`;
    const severity = paint(m.severity === 'error' ? 'red' : m.severity === 'warning' ? 'yellow' : 'cyan', m.severity);
    out.push(`  ${at ? `${at}  ` : ''}${severity}  ${m.reason}  ${paint('dim', m.ruleId)}`);
    const source = m.file !== undefined && m.line !== undefined ? options.sourceLine?.(m.file, m.line) : undefined;
    if (source !== undefined && source.trim() !== '') {
      const { shown, caret } = excerpt(source, m.column);
      const gutter = String(m.line);
      out.push(paint('dim', `    ${gutter} │ `) + shown);
      if (caret !== undefined)
        out.push(paint('dim', `    ${' '.repeat(gutter.length)} │ `) + ' '.repeat(caret) + paint(m.severity === 'error' ? 'red' : 'yellow', '^'));
    }
  }
  if (out.length > 0) out.push('');
  out.push(summary(messages, options.fileCount, options.color ? paint : undefined));
  return `${out.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "✖ 2 errors, ⚠ 1 warning in 1 of 4 files", or "✔ no problems in 4 files". */
export function summary(messages: readonly Message[], fileCount?: number, paint?: (style: Style, s: string) => string): string {
  const color = paint ?? ((_: Style, s: string) => s);
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.filter((m) => m.severity === 'warning').length;
  const files = fileCount === undefined ? '' : ` in ${plural(fileCount, 'file')}`;
  if (errors === 0 && warnings === 0) return color('green', `✔ no problems${files}`);
  // A message about the edition as a whole (no file) is in none of the files.
  const withProblems = new Set(messages.filter((m) => m.severity !== 'info' && m.file !== undefined).map((m) => m.file)).size;
  const where = fileCount === undefined ? '' : ` in ${withProblems} of ${plural(fileCount, 'file')}`;
  return color(errors > 0 ? 'red' : 'yellow', `✖ ${plural(errors, 'error')}, ⚠ ${plural(warnings, 'warning')}${where}`);
}

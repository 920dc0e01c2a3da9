/** What the command line prints: messages through the one reporter, and each command's own lines. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Progress } from '../pipeline/build.js';
import type { Decision } from '../incremental/plan.js';
import type { Message } from '../infra/messages.js';
import { report, type ReportFormat } from '../infra/report.js';
import type { FileTags } from '../tagging/index.js';

const MAX_EXCERPT_FILE = 8 * 1024 * 1024;

/** Reads source lines for the excerpts under messages, each file once. */
export function sourceLines(): (file: string, line: number) => string | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) {
      try {
        const full = path.resolve(file);
        cache.set(file, statSync(full).size <= MAX_EXCERPT_FILE ? readFileSync(full, 'utf8').split('\n') : undefined);
      } catch {
        cache.set(file, undefined);
      }
    }
    const text = cache.get(file)?.[line - 1];
    return text !== undefined && !text.includes('\u0000') ? text : undefined;
  };
}

export const useColor = (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

/**
 * The messages, and in JSON what the command did (`result`): every command's output goes through
 * here. A command with a result says what it did in its own lines for people, so without a
 * message nothing is printed for them.
 */
export function print(messages: Message[], format: ReportFormat, fileCount: number, result?: object): void {
  if (format === 'human' && messages.length === 0 && result) return;
  process.stdout.write(report(messages, { format, fileCount, sourceLine: sourceLines(), color: useColor(), ...(result ? { result } : {}) }));
}

/** `--report`: per file, the elements editio rendered by its general rule. */
export function unrenderedReport(unrendered: Record<string, Record<string, number>>): string {
  const lines = ['Elements without a specific rendering (shown by the general rule):'];
  for (const [file, counts] of Object.entries(unrendered).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1));
    lines.push(`  ${file}: ${entries.length === 0 ? 'none' : entries.map(([name, n]) => `${name} ×${n}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What `editio tag` adds, per file: each new tag at its line and column, then a count. */
export function tagReport(files: FileTags[], write: boolean): string {
  const lines: string[] = [];
  let total = 0;
  for (const { file, insertions, written } of files) {
    if (insertions.length === 0) continue;
    total += insertions.length;
    lines.push(`${file}${written ? '  (written)' : ''}`);
    for (const i of insertions) lines.push(`  ${i.line}:${i.column}  + ${i.open}${i.words}${i.close}`);
    lines.push('');
  }
  const kinds = new Map<string, number>();
  for (const i of files.flatMap((f) => f.insertions)) kinds.set(i.element, (kinds.get(i.element) ?? 0) + 1);
  const summary = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
  lines.push(
    total === 0
      ? 'Nothing to tag: every name of the authority lists and every date is tagged already.'
      : `${total} tags ${write ? 'written' : 'to add'} (${summary})${write ? '' : '; run with --write to write them'}.`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `editio tag --report`: every tag the tagger proposes and every candidate it left, each at its
 * line and column, with its context and why, for an editor to review before --write.
 */
export function tagReview(files: FileTags[]): string {
  const lines: string[] = [];
  for (const { file, insertions, candidates } of files) {
    if (insertions.length === 0 && candidates.length === 0) continue;
    lines.push(file);
    for (const i of insertions.filter((i) => i.element !== 'roleName')) {
      const target =
        i.attributes.ref ??
        Object.entries(i.attributes)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ');
      lines.push(`  ${i.line}:${i.column}  ${i.element} "${i.words.replace(/\s+/g, ' ')}" → ${target}`, `      ${i.why}: ${i.context}`);
    }
    for (const c of candidates) {
      lines.push(`  ${c.line}:${c.column}  not tagged: "${c.words}" may be ${c.ids.join(' or ')}`, `      ${c.why}: ${c.context}`);
    }
    lines.push('');
  }
  const proposals = files.reduce((n, f) => n + f.insertions.filter((i) => i.element !== 'roleName').length, 0);
  const left = files.reduce((n, f) => n + f.candidates.length, 0);
  lines.push(`${proposals} tags proposed, ${left} candidates left to you; run with --write to write the proposals.`);
  return `${lines.join('\n')}\n`;
}

/** A progress bar on a terminal (stderr), nothing otherwise: logs and pipes stay clean. */
export function progressBar(format: ReportFormat): { update(p: Progress): void; stop(): void } | undefined {
  if (!process.stderr.isTTY || format !== 'human') return undefined;
  const bar = new cliProgress.SingleBar(
    { format: '{stage} [{bar}] {value}/{total} documents', stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ stage, done, total }) {
      if (!started) bar.start(total, done, { stage });
      started = true;
      bar.setTotal(total);
      bar.update(done, { stage: stage === 'extract' ? 'Reading   ' : 'Rendering ' });
    },
    stop: () => bar.stop(),
  };
}

/** `build --dry-run`: what would be made (and why) and removed, one line each; what would be kept, counted (listed with --verbose). */
export function planReport(plan: readonly Decision[], listKept: boolean): string {
  if (plan.length === 0) return 'Nothing changed since the last build: nothing would be made (a dry run: nothing was written)\n';
  const lines = plan.filter((d) => d.action !== 'keep' || listKept).map((d) => `${d.action.padEnd(6)} ${d.file}${d.why ? `  (${d.why})` : ''}`);
  const count = (action: Decision['action']): number => plan.filter((d) => d.action === action).length;
  lines.push(`Would make ${count('make')}, keep ${count('keep')}, remove ${count('remove')} (a dry run: nothing was written)`);
  return `${lines.join('\n')}\n`;
}

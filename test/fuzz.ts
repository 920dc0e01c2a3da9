/**
 * The fuzz harness: seeded random mutations of the tei/ documents, run through the whole
 * validate stage (parse, RelaxNG, edition rules) and, where they survive it, the transforms.
 * Used by test/fuzz.test.ts (a fast run) and `npm run fuzz` (as long as you like).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSources } from '../src/validate/check.js';
import { loadConfig } from '../src/model/config.js';
import type { Source } from '../src/parse/source.js';
import type { Message } from '../src/infra/messages.js';
import { MentionFaces } from '../src/transform/mentions.js';
import { transform } from '../src/transform/transform.js';
import { repoRoot, teiDir } from './helpers.js';

/** Documents are transformed as in an edition without authority entries. */
const NO_ENTRIES = new MentionFaces(new Map(), new Map(), []);

/** mulberry32: a small, fast, seedable generator; the same seed gives the same cases. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE = [
  '"',
  "'",
  '<',
  '>',
  '&',
  '&amp',
  '&#0;',
  '&#x110000;',
  ']]>',
  '<!--',
  '=',
  'xmlns:x=""',
  'xml:id="x y"',
  '\u0000',
  '\uFFFE',
  '\uD800',
  ' when="1966-02-30"',
  ' ref="#"',
  '\u0301',
];

type Mutation = (text: string, rng: () => number) => string;
const pick = <T>(items: readonly T[], rng: () => number): T => items[Math.floor(rng() * items.length)]!;
const tags = (text: string): RegExpExecArray[] => [...text.matchAll(/<[^<>]+>/g)];

export const MUTATIONS: Record<string, Mutation> = {
  'byte flip': (text, rng) => {
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0, n = 1 + Math.floor(rng() * 4); i < n; i++) bytes[Math.floor(rng() * bytes.length)] = Math.floor(rng() * 256);
    return bytes.toString('latin1');
  },
  truncation: (text, rng) => text.slice(0, Math.floor(rng() * text.length)),
  'tag deletion': (text, rng) => {
    const tag = pick(tags(text), rng);
    return text.slice(0, tag.index) + text.slice(tag.index! + tag[0].length);
  },
  'tag duplication': (text, rng) => {
    const tag = pick(tags(text), rng);
    return text.slice(0, tag.index) + tag[0] + text.slice(tag.index);
  },
  'attribute garbage': (text, rng) => {
    const tag = pick(tags(text), rng);
    const at = tag.index! + 1 + Math.floor(rng() * (tag[0].length - 1));
    return text.slice(0, at) + pick(GARBAGE, rng) + text.slice(at);
  },
  'element swap': (text, rng) => {
    const all = tags(text);
    const a = pick(all, rng);
    const b = pick(all, rng);
    return text.replace(a[0], '\u0001').replace(b[0], a[0]).replace('\u0001', b[0]);
  },
};

export interface FuzzCase {
  index: number;
  mutation: string;
  base: string;
}

export interface FuzzReport {
  cases: number;
  rejected: number;
  transformed: number;
  failures: string[];
  seconds: number;
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What every message must be, whatever the input: a diagnostic of the one message model. */
function messageFaults(m: Message, names: Set<string>): string[] {
  const faults: string[] = [];
  if (!['error', 'warning', 'info'].includes(m.severity)) faults.push(`severity ${m.severity}`);
  if (!KEBAB.test(m.ruleId)) faults.push(`rule id ${m.ruleId}`);
  if (typeof m.reason !== 'string' || m.reason.trim() === '' || /\bundefined\b|\[object /.test(m.reason)) faults.push(`reason ${m.reason}`);
  if (m.file === undefined || !names.has(m.file)) faults.push(`file ${m.file}`);
  if (m.line !== undefined && !(Number.isInteger(m.line) && m.line >= 1)) faults.push(`line ${m.line}`);
  if (m.severity === 'error' && m.line === undefined) faults.push('an error without a line');
  return faults;
}

/**
 * Runs `cases` mutations from `seed`; never throws for a bad document, only reports. With
 * `saveTo`, each failing case is written there, to be opened or turned into a fixture.
 */
export async function runFuzz(seed: number, cases: number, options: { batch?: number; saveTo?: string } = {}): Promise<FuzzReport> {
  const batch = options.batch ?? 1000;
  const started = Date.now();
  const rng = random(seed);
  const edition = await loadConfig(repoRoot);
  const bases = readdirSync(teiDir)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => ({ name: f, text: readFileSync(path.join(teiDir, f), 'utf8') }));
  const report: FuzzReport = { cases, rejected: 0, transformed: 0, failures: [], seconds: 0 };
  for (let start = 0; start < cases; start += batch) {
    const sources: Source[] = [];
    const made = new Map<string, FuzzCase>();
    for (let index = start; index < Math.min(cases, start + batch); index++) {
      const base = pick(bases, rng);
      const mutation = pick(Object.keys(MUTATIONS), rng);
      const text = MUTATIONS[mutation]!(base.text, rng);
      const file = path.join(teiDir, `fuzz-${index}.xml`);
      const name = path.relative(repoRoot, file);
      sources.push({ path: file, name, bytes: Buffer.from(text, mutation === 'byte flip' ? 'latin1' : 'utf8'), role: 'document' });
      made.set(name, { index, mutation, base: base.name });
    }
    const describe = (name: string | undefined): string => {
      const c = name ? made.get(name) : undefined;
      const source = sources.find((s) => s.name === name);
      if (c && source && options.saveTo) {
        mkdirSync(options.saveTo, { recursive: true });
        writeFileSync(path.join(options.saveTo, `fuzz-${seed}-${c.index}.xml`), source.bytes);
      }
      return c ? `seed ${seed}, case ${c.index} (${c.mutation} of ${c.base})` : `seed ${seed}, ${name}`;
    };
    let checked: Awaited<ReturnType<typeof checkSources>>;
    try {
      checked = await checkSources(sources, { edition });
    } catch (err) {
      report.failures.push(`seed ${seed}, batch at case ${start}: threw ${(err as Error).stack}`);
      continue;
    }
    const names = new Set(made.keys());
    for (const m of checked.messages) {
      const faults = messageFaults(m, names);
      if (faults.length > 0) report.failures.push(`${describe(m.file)}: ${faults.join(', ')} in ${JSON.stringify(m)}`);
    }
    report.rejected += sources.length - checked.docs.filter((d) => d.valid).length;
    for (const { doc, valid } of checked.docs) {
      if (!valid) continue;
      for (const format of ['html', 'text'] as const) {
        const result = transform({ format, sourceText: doc.text, file: doc.source.name }, NO_ENTRIES);
        if (result.output === undefined && !result.messages.some((m) => m.ruleId === 'xslt-error')) {
          report.failures.push(`${describe(doc.source.name)}: ${format} gave no output and no message`);
        }
      }
      report.transformed++;
    }
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

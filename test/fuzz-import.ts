/**
 * The import paths' fuzz harness: seeded random mutations of the spreadsheets, plain-text
 * documents and Word files in test/fixtures/import/, each imported into a copy of the edition
 * as `editio import` does. Whatever the input, nothing throws, every message is a diagnostic
 * naming the file it is about, every document written is well-formed TEI, and the authority
 * lists stay valid. Used by test/fuzz-import.test.ts and `npm run fuzz -- --import`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { loadConfig } from '../src/model/config.js';
import type { Message } from '../src/infra/messages.js';
import { parse } from '../src/parse/parse.js';
import { importAuthorityFiles, importFiles } from '../src/tagging/index.js';
import { validateFiles } from '../src/validate/check.js';
import { random } from './fuzz.js';
import { copyEdition, fixtures, removeDir } from './helpers.js';

const pick = <T>(items: readonly T[], rng: () => number): T => items[Math.floor(rng() * items.length)]!;
const IMPORT = path.join(fixtures, 'import');

/** What a hostile or careless cell, line or paragraph may hold. */
const GARBAGE = [
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\u0001',
  '\u000B',
  '\uFFFE',
  '\uD800',
  '\uFEFF',
  '<',
  '&',
  ']]>',
  'javascript:alert(1)',
  '</idno><x>',
  'Q</idno>',
  '__proto__',
  'constructor',
  '=HYPERLINK("x")',
  '1966-02-30',
  '99.9, 999',
  'x'.repeat(3000),
  '\u202E',
  '&#0;',
  '&xxe;',
  '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
];

type Mutate = (bytes: Uint8Array, rng: () => number) => Uint8Array;

/** Mutations of text: bytes flipped, cut short, garbage put in, a line repeated. */
const TEXT_MUTATIONS: Record<string, Mutate> = {
  'byte flip': (bytes, rng) => {
    const out = Uint8Array.from(bytes);
    for (let i = 0, n = 1 + Math.floor(rng() * 4); i < n; i++) out[Math.floor(rng() * out.length)] = Math.floor(rng() * 256);
    return out;
  },
  truncation: (bytes, rng) => bytes.subarray(0, Math.floor(rng() * bytes.length)),
  garbage: (bytes, rng) => {
    const text = Buffer.from(bytes).toString('utf8');
    let out = text;
    for (let i = 0, n = 1 + Math.floor(rng() * 3); i < n; i++) {
      const at = Math.floor(rng() * (out.length + 1));
      out = out.slice(0, at) + pick(GARBAGE, rng) + out.slice(at);
    }
    return Buffer.from(out, 'utf8');
  },
  'line repeated': (bytes, rng) => {
    const lines = Buffer.from(bytes).toString('utf8').split('\n');
    const i = Math.floor(rng() * lines.length);
    lines.splice(i, 0, lines[i]!);
    return Buffer.from(lines.join('\n'), 'utf8');
  },
};

/** Mutations of a Word file: its bytes (a damaged zip), or the XML inside it (a zip made anew). */
const DOCX_MUTATIONS: Record<string, Mutate> = {
  'zip byte flip': TEXT_MUTATIONS['byte flip']!,
  'zip truncation': TEXT_MUTATIONS.truncation!,
  'document.xml mutated': (bytes, rng) => {
    const files = unzipSync(bytes);
    const name = pick(
      Object.keys(files).filter((f) => f.endsWith('.xml')),
      rng,
    );
    const mutation = pick(Object.values(TEXT_MUTATIONS), rng);
    files[name] = Uint8Array.from(mutation(files[name]!, rng));
    return zipSync(files);
  },
  'paragraphs multiplied': (bytes, rng) => {
    const files = unzipSync(bytes);
    const text = strFromU8(files['word/document.xml']!);
    files['word/document.xml'] = strToU8(text.replace(/<w:p\b[\s\S]*?<\/w:p>/, (p) => p.repeat(1 + Math.floor(rng() * 300))));
    return zipSync(files);
  },
};

interface Base {
  file: string;
  kind: 'csv' | 'txt' | 'docx';
}

const BASES: Base[] = [
  ...['persons.csv', 'persons-with-faults.csv', 'places-semicolons.csv'].map((f): Base => ({ file: path.join(IMPORT, 'csv', f), kind: 'csv' })),
  ...['date-line-first.txt', 'title-line-first-with-brackets.txt', 'no-date-line.txt'].map((f): Base => ({ file: path.join(IMPORT, f), kind: 'txt' })),
  { file: path.join(IMPORT, 'docx', 'telegram-with-footnotes-and-table.docx'), kind: 'docx' },
];

export interface ImportFuzzReport {
  cases: number;
  written: number;
  refused: number;
  failures: string[];
  seconds: number;
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function messageFaults(m: Message, files: readonly string[]): string[] {
  const faults: string[] = [];
  if (!KEBAB.test(m.ruleId)) faults.push(`rule id ${m.ruleId}`);
  if (typeof m.reason !== 'string' || m.reason.trim() === '' || /\bundefined\b|\[object |internal error/.test(m.reason)) faults.push(`reason ${m.reason}`);
  if (m.severity === 'error' && m.file === undefined) faults.push('an error that names no file');
  if (m.file !== undefined && !files.some((f) => m.file === f || m.file!.endsWith(path.basename(f)) || m.file!.startsWith('tei/') || m.file!.endsWith('.xml')))
    faults.push(`file ${m.file}`);
  return faults;
}

/** Runs `cases` mutated imports from `seed` into a copy of the seed edition; never throws for a bad input, only reports. */
export async function runImportFuzz(seed: number, cases: number): Promise<ImportFuzzReport> {
  const started = Date.now();
  const rng = random(seed);
  const edition = copyEdition();
  const inputs = mkdtempSync(path.join(tmpdir(), 'editio-fuzz-import-'));
  const report: ImportFuzzReport = { cases, written: 0, refused: 0, failures: [], seconds: 0 };
  try {
    const config = await loadConfig(edition);
    for (let index = 0; index < cases; index++) {
      const base = pick(BASES, rng);
      const mutations = base.kind === 'docx' ? DOCX_MUTATIONS : TEXT_MUTATIONS;
      const mutation = pick(Object.keys(mutations), rng);
      const file = path.join(inputs, `case-${index}-${path.basename(base.file)}`);
      const what = `seed ${seed}, case ${index} (${mutation} of ${path.basename(base.file)})`;
      try {
        writeFileSync(file, mutations[mutation]!(readFileSync(base.file), rng));
        const result =
          base.kind === 'csv'
            ? await importAuthorityFiles([file], { edition: config, kind: 'persons', force: rng() < 0.5 })
            : await importFiles([file], { edition: config, force: true });
        for (const m of result.messages) {
          const faults = messageFaults(m, [file]);
          if (faults.length > 0) report.failures.push(`${what}: ${faults.join(', ')} in ${JSON.stringify(m).slice(0, 300)}`);
        }
        if (result.messages.some((m) => m.severity === 'error')) report.refused++;
        for (const written of result.written) {
          report.written++;
          const parsed = parse({ path: written, name: written, bytes: readFileSync(written), role: base.kind === 'csv' ? 'authorities' : 'document' });
          if (!parsed.doc) report.failures.push(`${what}: wrote ${written}, which is not well-formed: ${parsed.messages.map((m) => m.reason).join('; ')}`);
        }
      } catch (err) {
        report.failures.push(`${what}: threw ${(err as Error).stack?.slice(0, 500)}`);
      }
    }
    // What the imports merged into the lists is still valid against their schema.
    const lists = await validateFiles([path.join(edition, 'tei', 'authorities.xml')]);
    for (const m of lists.messages.filter((m) => m.severity === 'error')) report.failures.push(`seed ${seed}: the authority lists became invalid: ${m.reason}`);
  } finally {
    removeDir(edition);
    removeDir(inputs);
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

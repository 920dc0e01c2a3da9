/**
 * `npm run bench [-- --docs 10000 --runs 3 --print-only]`: builds a synthetic dossier with the
 * command line a user runs, several times, and prints min and median of each measure, beside
 * the native peers where they are installed (xmllint, jing, Saxon-HE 9.9 Java). Unless
 * --print-only, the table replaces docs/benchmarks/build-<docs>.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { languagePack } from '../../src/i18n/catalogue.js';
import { writeDossier } from './dossier.js';
import { measuredOn, record } from './record.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'dist', 'lib', 'cli', 'main.js');
const TIME = '/usr/bin/time';
const SAXON = '/usr/share/java/Saxon-HE.jar';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    'print-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const docs = Number(values.docs);
const runs = Number(values.runs);
if (!Number.isInteger(docs) || docs < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench -- [--docs N] [--runs R] [--print-only] [--keep]');
  process.exit(2);
}

interface Run {
  seconds: number;
  /** Peak resident memory of the process, if /usr/bin/time could tell. */
  megabytes?: number;
}

/** Runs a command to its end; wall time and (through /usr/bin/time) peak memory. */
function timed(command: string, args: string[], cwd: string): Run {
  const useTime = existsSync(TIME);
  const started = performance.now();
  const run = useTime
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${command} ${args.slice(0, 3).join(' ')} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  const kb = useTime ? Number(/(\d+)\s*$/.exec(run.stderr)?.[1]) : NaN;
  return { seconds, ...(Number.isFinite(kb) ? { megabytes: kb / 1024 } : {}) };
}

const installed = (file: string): boolean => existsSync(file);
const which = (name: string): string | undefined => ['/usr/bin', '/usr/local/bin'].map((d) => path.join(d, name)).find(existsSync);

interface Row {
  measure: string;
  runs: Run[];
  peer?: { name: string; seconds: number };
  target?: string;
}

const min = (xs: number[]): number => Math.min(...xs);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (s: number): string => (s < 10 ? s.toFixed(2) : s.toFixed(1));

function table(rows: Row[], header: string): string {
  const lines = [
    header,
    '',
    '| measure | editio min (s) | median (s) | peak memory (MB) | peer | peer (s) | editio/peer | target |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const seconds = row.runs.map((r) => r.seconds);
    const memory = row.runs.map((r) => r.megabytes).filter((m): m is number => m !== undefined);
    const ratio = row.peer ? `${(min(seconds) / row.peer.seconds).toFixed(2)}×` : '';
    lines.push(
      `| ${row.measure} | ${fmt(min(seconds))} | ${fmt(median(seconds))} | ${memory.length ? Math.round(Math.max(...memory)) : 'n/a'} | ${row.peer?.name ?? ''} | ${row.peer ? fmt(row.peer.seconds) : ''} | ${ratio} | ${row.target ?? ''} |`,
    );
  }
  return lines.join('\n');
}

function appendTo(file: string, find: string | RegExp, replace: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(find, replace);
  if (next === text) throw new Error(`${file}: nothing to change`);
  writeFileSync(file, next);
}

const dir = path.join(tmpdir(), `editio-bench-${docs}`);
rmSync(dir, { recursive: true, force: true });
console.log(`Generating ${docs} documents in ${dir} …`);
const dossier = writeDossier({ dir, docs });
const tei = path.join(dir, 'tei');
const documents = dossier.documents.map((d) => path.join(tei, d));
const megabytes = documents.reduce((n, f) => n + readFileSync(f).length, 0) / 2 ** 20;
const node = process.execPath;
const rows: Row[] = [];
const large = docs >= 10_000;

console.log('editio validate …');
const validateRuns = Array.from({ length: runs }, () => timed(node, [CLI, 'validate', 'tei'], dir));
const validatePeers: { name: string; seconds: number }[] = [];
const xmllint = which('xmllint');
if (xmllint)
  validatePeers.push({
    name: 'xmllint --relaxng (native)',
    seconds: min(Array.from({ length: runs }, () => timed(xmllint, ['--noout', '--relaxng', 'schemas/editio.rng', ...documents], dir).seconds)),
  });
// jing's command (Debian's package jing), else its jar run by java (which epubcheck's dependencies install).
const JING_JAR = '/usr/share/java/jing.jar';
const jing: [string, ...string[]] | undefined = which('jing')
  ? [which('jing')!]
  : installed(JING_JAR) && which('java')
    ? [which('java')!, '-jar', JING_JAR]
    : undefined;
if (jing)
  validatePeers.push({
    name: 'jing',
    seconds: min(Array.from({ length: runs }, () => timed(jing[0], [...jing.slice(1), 'schemas/editio.rng', ...documents], dir).seconds)),
  });
rows.push({
  measure: 'validate (RelaxNG + edition rules)',
  runs: validateRuns,
  ...(validatePeers[0] ? { peer: validatePeers[0] } : {}),
  ...(docs === 1000 ? { target: '≤ 2 s' } : {}),
});
for (const peer of validatePeers.slice(1)) rows.push({ measure: '  (same files)', runs: validateRuns, peer });

console.log('editio build --full …');
const fullRuns = Array.from({ length: runs }, () => timed(node, [CLI, 'build', '--full'], dir));
let javaPeer: { name: string; seconds: number } | undefined;
if (installed(SAXON) && which('java') && jing) {
  // The same stylesheets over the same documents, one JVM per stylesheet (Saxon's batch mode).
  const authorities = `?authorities=doc('${new URL(`file://${path.join(tei, 'authorities.xml')}`).href}')`;
  // The edition's language pack, as editio passes it (src/transform/transform.ts): a map parsed from its JSON.
  const languageFile = path.join(dir, 'language.json');
  writeFileSync(languageFile, JSON.stringify(languagePack('en')));
  const language = `?language=parse-json(unparsed-text('${new URL(`file://${languageFile}`).href}'))`;
  const saxon = (xsl: string): number => {
    const out = path.join(dir, 'saxon', xsl.replace(/\W/g, '-'));
    mkdirSync(out, { recursive: true });
    return min(
      Array.from(
        { length: runs },
        () =>
          timed(
            which('java')!,
            ['-cp', SAXON, 'net.sf.saxon.Transform', `-s:${tei}`, `-o:${out}`, `-xsl:${path.join(ROOT, 'xslt', xsl)}`, authorities, language],
            dir,
          ).seconds,
      ),
    );
  };
  // The extracts are TypeScript now: the peer makes the two editions (and so does less than editio).
  const seconds = validatePeers.find((p) => p.name === 'jing')!.seconds + saxon('html/html.xsl') + saxon('text/text.xsl');
  javaPeer = { name: 'jing + Saxon-HE 9.9 Java (html, text)', seconds };
}
rows.push({
  measure: `full build, ${docs} documents`,
  runs: fullRuns,
  ...(javaPeer ? { peer: javaPeer } : {}),
  target: large ? '≤ 400 s; ≤ 700 MB' : docs === 1000 ? '≤ 35 s; ≤ 2.5× peer' : '',
});

console.log('editio build, nothing changed …');
rows.push({ measure: 'no-op rebuild', runs: Array.from({ length: runs }, () => timed(node, [CLI, 'build'], dir)), ...(large ? { target: '≤ 1.5 s' } : {}) });

console.log('editio build after changing one document …');
const edited = documents[Math.floor(documents.length / 2)]!;
rows.push({
  measure: 'rebuild after one changed document (a sentence added to its text)',
  runs: Array.from({ length: runs }, (_, i) => {
    const text = readFileSync(edited, 'utf8');
    const end = text.lastIndexOf('</p>');
    writeFileSync(edited, `${text.slice(0, end)} Changed for run ${i + 1} of the benchmark.${text.slice(end)}`);
    return timed(node, [CLI, 'build'], dir);
  }),
  ...(large ? { target: '≤ 2 s' } : {}),
});
rows.push({
  measure: '  (its summary edited: the home page lists it)',
  runs: Array.from({ length: runs }, (_, i) => {
    appendTo(edited, '</p>', ` Summary changed for run ${i + 1}.</p>`);
    return timed(node, [CLI, 'build'], dir);
  }),
  ...(large ? { target: '≤ 2 s' } : {}),
});

console.log('editio build after changing one authority entry …');
const entry = dossier.entries.persons[0]!;
const pointing = documents.filter((f) => readFileSync(f, 'utf8').includes(`#${entry}"`)).length;
rows.push({
  measure: 'rebuild after one authority entry’s note changed',
  runs: Array.from({ length: runs }, (_, i) => {
    appendTo(path.join(tei, 'authorities.xml'), new RegExp(`(xml:id="${entry}">[\\s\\S]*?<note>)`), `$1Changed for run ${i + 1}. `);
    return timed(node, [CLI, 'build'], dir);
  }),
});
rows.push({
  ...(large ? { target: '≤ 10 s' } : {}),
  measure: `  (renamed: ${pointing} documents point to it)`,
  runs: Array.from({ length: runs }, (_, i) => {
    appendTo(path.join(tei, 'authorities.xml'), new RegExp(`(xml:id="${entry}">\\s*<persName type="standard">)`), `$1R${i + 1} `);
    return timed(node, [CLI, 'build'], dir);
  }),
});

const header =
  `${docs} synthetic documents (${megabytes.toFixed(1)} MB of TEI, 2–50 KB each), ${runs} run${runs > 1 ? 's' : ''} each; ` +
  `${measuredOn()} with \`npm run bench -- --docs ${docs} --runs ${runs}\`.`;
const result = table(rows, header);
console.log(`\n${result}\n`);
if (!values['print-only']) record(`build-${docs}`, `Build, ${docs.toLocaleString('en')} documents`, `npm run bench -- --docs ${docs}`, result);
if (!values.keep) rmSync(dir, { recursive: true, force: true });

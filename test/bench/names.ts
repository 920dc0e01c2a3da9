/**
 * `npm run bench:names [-- --persons 20000,100000 --cli path/to/main.js]`: validates the seed's
 * documents with N generated persons in the edition's authority lists, each with a note naming
 * two others untagged (as index files do), and prints the wall time and peak memory of
 * `editio validate`. --cli runs another build of editio (an older one, to compare).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { random } from '../fuzz.js';
import { measuredOn, record } from './record.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_CLI = path.join(ROOT, 'dist', 'lib', 'cli', 'main.js');
const { values } = parseArgs({ options: { persons: { type: 'string', default: '20000,100000' }, cli: { type: 'string', default: DEFAULT_CLI } } });
const counts = values.persons.split(',').map(Number);
if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 100_000)) {
  console.error('usage: npm run bench:names -- [--persons 20000,100000] (at most 100,000) [--cli main.js]');
  process.exit(2);
}

const FAMILY = ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Kim', 'Pak', 'Ri', 'Choe', 'Jang', 'Han', 'Ryu', 'Schnitzler', 'Bahr', 'Müller'];
const SYLLABLES = [
  'ha',
  'lo',
  'phu',
  'tan',
  'kep',
  'son',
  'vinh',
  'yen',
  'bai',
  'gia',
  'hoa',
  'lac',
  'kang',
  'won',
  'sin',
  'pyong',
  'chong',
  'ju',
  'hae',
  'mun',
];

/** The seed edition with `count` more persons in its lists. */
function edition(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'editio-names-'));
  for (const part of ['tei', 'schemas', 'editio.config.json']) cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  const next = random(count);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const names = new Set<string>();
  // Three syllables and a family name: 144,000 names to draw from.
  while (names.size < count) names.add(`${cap(pick(SYLLABLES))}${pick(SYLLABLES)}${pick(SYLLABLES)} ${pick(FAMILY)}`);
  const all = [...names];
  const persons = all
    .map(
      (name, i) =>
        `      <person xml:id="bench-${i}">\n        <persName type="standard">${name}</persName>\n        <note>Wrote to ${pick(all)} and met ${pick(all)} in Hanoi.</note>\n      </person>\n`,
    )
    .join('');
  const file = path.join(dir, 'tei', 'authorities.xml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('    </listPerson>', `${persons}    </listPerson>`));
  return dir;
}

const rows = ['| persons in the lists | editio validate tei/ | peak memory |', '| ---: | ---: | ---: |'];
console.log(rows.join('\n'));
for (const count of counts) {
  const dir = edition(count);
  try {
    const started = performance.now();
    const useTime = existsSync('/usr/bin/time');
    const args = ['validate', 'tei'];
    const run = useTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, values.cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 })
      : spawnSync(process.execPath, [values.cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = (performance.now() - started) / 1000;
    const kb = useTime ? Number(/(\d+)\s*$/.exec(run.stderr)?.[1]) : NaN;
    const outcome =
      run.status === 0 || run.status === 1
        ? ''
        : ` (exit ${run.status}: ${
            run.stderr
              .trim()
              .split('\n')
              .find((l) => /error/i.test(l)) ?? ''
          })`;
    rows.push(`| ${count.toLocaleString('en')} | ${seconds.toFixed(1)} s${outcome} | ${Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : '?'} |`);
    console.log(rows.at(-1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
// Another build of editio's numbers are for comparing, not the record.
if (values.cli === DEFAULT_CLI) record('names', 'Validation with large authority lists', 'npm run bench:names', `${measuredOn()}.\n\n${rows.join('\n')}`);

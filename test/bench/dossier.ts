/**
 * A synthetic dossier for benchmarks and for the incremental-build tests: N documents made from
 * the seed edition's wording, with generated persons, places and organisations added to its
 * authority lists, dates spread over 1950–1975 and sizes from 2 to 50 KB. Seeded, so the same
 * arguments always give the same files; every file is valid against schemas/.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from '../fuzz.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface DossierOptions {
  dir: string;
  docs: number;
  seed?: number;
  /** Smallest and largest document, in KB (default 2 and 50). */
  minKb?: number;
  maxKb?: number;
}

export interface Dossier {
  dir: string;
  /** Document files, relative to the dossier's tei/ folder. */
  documents: string[];
  /** Ids of the generated authority entries, by kind. */
  entries: { persons: string[]; places: string[]; orgs: string[] };
}

const FAMILY = ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo', 'Kim', 'Pak', 'Ri', 'Choe', 'Jang', 'Han', 'Ryu', 'O'];
const GIVEN = ['Van', 'Thi', 'Duc', 'Minh', 'Quang', 'Huu', 'Thanh', 'Chol', 'Song', 'Hyon', 'Yong', 'Il', 'Nam', 'Hung', 'Tuan', 'Ho', 'Gwang', 'Sok'];
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
const ORG_KINDS = ['Regiment', 'Division', 'Committee', 'Bureau', 'Department', 'Command'];
const ORG_SUBJECTS = ['Air Defence', 'Logistics', 'Training', 'Signals', 'Engineering', 'Political', 'Supply', 'Liaison'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const KINDS = ['Telegram', 'Letter', 'Minutes', 'Report', 'Memorandum'];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Two-syllable names, unique, so that no generated name is another's variant. */
function uniqueNames(count: number, make: () => string): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(make());
  return [...names];
}

/** The paragraphs of the seed's full document, with their mentions, as templates to vary. */
function seedParagraphs(): string[] {
  const giap = readFileSync(path.join(ROOT, 'tei', '1966-09-21-giap-decision.xml'), 'utf8');
  return [...giap.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!).slice(1);
}

/**
 * Writes the dossier: editio.config.json, schemas/ (copied), tei/edition.xml,
 * tei/authorities.xml (the seed's lists plus generated entries) and the documents.
 */
export function writeDossier(options: DossierOptions): Dossier {
  const { dir, docs } = options;
  const next = random(options.seed ?? 1966);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const tei = path.join(dir, 'tei');
  mkdirSync(tei, { recursive: true });
  cpSync(path.join(ROOT, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
  cpSync(path.join(ROOT, 'tei', 'edition.xml'), path.join(tei, 'edition.xml'));
  const config = JSON.parse(readFileSync(path.join(ROOT, 'editio.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(dir, 'editio.config.json'), `${JSON.stringify({ ...config, title: `A synthetic dossier of ${docs} documents` }, null, 2)}\n`);

  const scale = Math.max(20, Math.round(Math.sqrt(docs) * 6));
  const personNames = uniqueNames(scale, () => `${pick(FAMILY)} ${pick(GIVEN)} ${pick(GIVEN)}`);
  const placeNames = uniqueNames(Math.round(scale / 2), () => `${cap(pick(SYLLABLES))} ${cap(pick(SYLLABLES))}`);
  const orgNames = uniqueNames(Math.min(ORG_KINDS.length * ORG_SUBJECTS.length, Math.round(scale / 5)), () => `${pick(ORG_SUBJECTS)} ${pick(ORG_KINDS)}`);
  const ids = (prefix: string, names: string[]): string[] => names.map((_, i) => `${prefix}-${String(i + 1).padStart(5, '0')}`);
  const entries = { persons: ids('person', personNames), places: ids('place', placeNames), orgs: ids('org', orgNames) };

  const list = (tag: string, entry: string, nameTag: string, names: string[], idsOf: string[]): string =>
    names
      .map(
        (name, i) =>
          `      <${entry} xml:id="${idsOf[i]}">\n        <${nameTag} type="standard">${escapeXml(name)}</${nameTag}>\n        <note>Generated for a benchmark.</note>\n      </${entry}>\n`,
      )
      .join('')
      .replace(/^/, '')
      .concat(`    </${tag}>`);
  let authorities = readFileSync(path.join(ROOT, 'tei', 'authorities.xml'), 'utf8');
  authorities = authorities
    .replace('    </listPerson>', list('listPerson', 'person', 'persName', personNames, entries.persons))
    .replace('    </listPlace>', list('listPlace', 'place', 'placeName', placeNames, entries.places))
    .replace('    </listOrg>', list('listOrg', 'org', 'orgName', orgNames, entries.orgs));
  writeFileSync(path.join(tei, 'authorities.xml'), authorities);

  const ref = (kind: 'persons' | 'places' | 'orgs', names: string[], tag: string): string => {
    const i = Math.floor(next() * names.length);
    return `<${tag} ref="authorities.xml#${entries[kind][i]}">${escapeXml(names[i]!)}</${tag}>`;
  };
  const person = (): string => ref('persons', personNames, 'persName');
  const place = (): string => ref('places', placeNames, 'placeName');
  const org = (): string => ref('orgs', orgNames, 'orgName');
  const templates = seedParagraphs();
  const day = (): { iso: string; words: string } => {
    const d = new Date(Date.UTC(1950, 0, 1) + Math.floor(next() * 26 * 365.25) * 86_400_000);
    return { iso: d.toISOString().slice(0, 10), words: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
  };
  const paragraph = (): string => {
    const mentioned = `<p>On <date when="${day().iso}">${day().words}</date> ${person()} of the ${org()} reported from ${place()} to ${person()}. `;
    return `${mentioned + pick(templates)} The matter was referred to ${org()} in ${place()}.</p>`;
  };

  const documents: string[] = [];
  const seen = new Set<string>();
  for (let n = 0; n < docs; n++) {
    const date = day();
    const kind = pick(KINDS);
    const from = place();
    const title = `${kind} from ${from.replace(/<[^>]+>/g, '')} on ${date.words}`;
    let name = `${date.iso}-${kind.toLowerCase()}`;
    while (seen.has(name)) name += '-b';
    seen.add(name);
    const wanted = 1024 * ((options.minKb ?? 2) + next() ** 2 * ((options.maxKb ?? 50) - (options.minKb ?? 2)));
    const head = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="../schemas/editio.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" type="document">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>${escapeXml(title)}</title>
      </titleStmt>
      <publicationStmt>
        <publisher><name type="placeholder">[Publisher to be named]</name></publisher>
        <date when="2026">2026</date>
        <availability>
          <licence target="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0 International (CC BY 4.0)</licence>
        </availability>
      </publicationStmt>
      <sourceDesc>
        <bibl>A synthetic ${kind.toLowerCase()}, generated for a benchmark from the wording of the seed dossier, dated <date when="${date.iso}">${date.words}</date>.</bibl>
      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <abstract>
        <p>${kind} of ${person()} to ${person()} about the ${org()}.</p>
      </abstract>
      <creation>
        <date when="${date.iso}">${date.words}</date>
      </creation>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="document">
        <head>${escapeXml(kind)} from ${from} on ${date.words}</head>
        <dateline><date when="${date.iso}">${date.words}</date></dateline>
`;
    const tail = `      </div>
    </body>
  </text>
</TEI>
`;
    const body: string[] = [];
    let size = Buffer.byteLength(head + tail);
    do {
      const p = `        ${paragraph()}\n`;
      body.push(p);
      size += Buffer.byteLength(p);
    } while (size < wanted);
    writeFileSync(path.join(tei, `${name}.xml`), head + body.join('') + tail);
    documents.push(`${name}.xml`);
  }
  return { dir, documents, entries };
}

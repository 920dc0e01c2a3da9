import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { buildTree, texts, type XmlElement } from '../src/parse/tree.js';
import {
  corpusDir,
  fixtures,
  htmlProblems,
  passagesNotOnTheirPage,
  read,
  removeDir,
  requireShared,
  runCli,
  searchPassages,
  tempDir,
  teiAllSchema,
} from './helpers.js';

/** The words of a document's text elements, as written (a DOCTYPE taken out first). */
/** What only the diplomatic view shows (struck out, the error beside its correction, the abbreviation), and index records: not in the reading text. */
const RECORD_LISTS = /^list(Person|Place|Org|Object|Event|Bibl|Relation)$/;
const inRecords = (e: XmlElement): boolean => RECORD_LISTS.test(e.name) && e.parent?.name === 'back';
const notRead = (e: XmlElement): boolean =>
  inRecords(e) || e.name === 'del' || e.name === 'am' || (e.parent?.name === 'choice' && ['sic', 'abbr', 'orig'].includes(e.name));

/** The words of a file's texts but its index records: all of them, or (`reading`) those of its reading text. */
function wordsOfText(file: string, reading = false): string[] {
  const built = buildTree(read(file).replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/, ''));
  if ('error' in built) throw new Error(`${file}: ${built.error.reason}`);
  const found: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (e.name === 'text') found.push(e);
    else for (const c of e.children) if (c.kind === 'element') walk(c);
  };
  walk(built.root);
  return found
    .flatMap((t) =>
      [...texts(t, reading ? notRead : inRecords)]
        .map((n) => n.text)
        .join(' ')
        .split(/\s+/),
    )
    .filter(Boolean);
}

function buildForeign(folder: string, extra: string[] = []): { out: string; run: ReturnType<typeof runCli> } {
  const out = tempDir('editio-foreign-');
  return { out, run: runCli(['build', folder, '--out', out, ...extra]) };
}

describe('foreign TEI (a folder without editio.config.json)', function () {
  this.timeout(180_000);

  it('asks for --out rather than writing into someone else’s folder (exit 2)', () => {
    const run = runCli(['build', path.join(fixtures, 'foreign')]);
    expect(run.status).to.equal(2);
    expect(run.stderr).to.contain('name an output folder with --out');
  });

  describe('test/fixtures/foreign', () => {
    let out: string;
    let run: ReturnType<typeof runCli>;
    before(() => ({ out, run } = buildForeign(path.join(fixtures, 'foreign'), ['--report'])));
    after(() => removeDir(out));

    it('publishes every file, with warnings only, and reports what had no specific rendering', () => {
      expect(run.status).to.equal(0);
      expect(readdirSync(path.join(out, 'documents')).sort()).to.deep.equal([
        'inline-svg-and-xsi.html',
        'internal-entities.html',
        'letter-with-series-title.html',
        'line-breaks-inside-words.html',
        'names-with-any-pointer.html',
      ]);
      // The figure and its description have rules; the SVG (another namespace) is reported.
      expect(run.stdout).to.match(/inline-svg-and-xsi\.xml: script ×1, svg ×1, text ×1\n/);
    });

    it('titles a letter by its own title, not its series’, and gives its page the language its header names', () => {
      const page = read(path.join(out, 'documents', 'letter-with-series-title.html'));
      // The page speaks the edition's language; the letter's text says its own.
      expect(page).to.match(/<section class="document-text"[^>]* lang="de-AT"/);
      expect(page).to.match(/<title>A writer to a friend, 26 March 1892 — /);
      // The series names the edition (the folder has no configuration); the letter is listed by its own title.
      const home = read(path.join(out, 'index.html'));
      expect(home).to.match(/<a [^>]*href="documents\/letter-with-series-title\.html"[^>]*>A writer to a friend, 26 March 1892</);
      expect(home).to.contain('<title>Briefwechsel: a correspondence edition (series title)</title>');
    });

    it('joins the parts of a word broken by lb or pb with break="no"', () => {
      expect(read(path.join(out, 'text', 'line-breaks-inside-words.txt'))).to.contain('The pilots of the regiment flew from the airfield near the capital.');
    });

    it('never loses a word boundary at <space/> or a line beginning: in the page, the text and search', () => {
      const words = 'überhaupt scheint sie nichts zu stören';
      expect(read(path.join(out, 'text', 'line-breaks-inside-words.txt')).replace(/\s+/g, ' ')).to.contain(words);
      const page = read(path.join(out, 'documents', 'line-breaks-inside-words.html'));
      expect(
        page
          .replace(/<br[^>]*>/g, ' ')
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' '),
      ).to.contain(words);
      const search = readdirSync(path.join(out, 'search'))
        .map((f) => read(path.join(out, 'search', f)))
        .join('');
      expect(search).to.contain(words).and.contain('The pilots of the regiment flew from the airfield near the capital.');
      expect(search).not.to.contain('überhauptscheint');
    });

    it('expands a DOCTYPE’s internal entities', () => {
      expect(read(path.join(out, 'text', 'internal-entities.txt'))).to.contain('the North Korean pilots dossier—twice');
    });

    it('marks names whatever their pointer, and warns (not fails) on pointers that resolve nowhere', () => {
      const page = parseHtml(read(path.join(out, 'documents', 'names-with-any-pointer.html')));
      const names = page.querySelectorAll('.document-text .mention');
      expect(names.map((n) => [n.getAttribute('data-tei'), n.getAttribute('data-ref') ?? n.getAttribute('data-key') ?? null])).to.deep.equal([
        ['persName', '#p_RD1'],
        ['persName', 'persons.xml#thompson'],
        ['placeName', 'washington'],
        ['orgName', null],
      ]);
      expect(run.stdout).to.match(/warning {2}persName points to #p_RD1, which is no entry of the authority lists {2}ref-unresolved/);
    });

    it('keeps the text of foreign-namespace content but never its markup: no SVG script or handler reaches the page', () => {
      const html = read(path.join(out, 'documents', 'inline-svg-and-xsi.html'));
      expect(html).not.to.match(/<svg|<script>|onload=/);
      expect(parseHtml(html).querySelector('[data-ns="http://www.w3.org/2000/svg"]')!.text).to.contain('Runway seven');
      expect(read(path.join(out, 'text', 'inline-svg-and-xsi.txt'))).to.contain('The runway, drawn by the translator.');
    });
  });

  describe('../shared/corpus (real editions’ TEI)', () => {
    let out: string;
    let run: ReturnType<typeof runCli>;
    before(function () {
      requireShared(this, corpusDir);
      ({ out, run } = buildForeign(corpusDir, ['--schema', teiAllSchema, '--report', '--format', 'json']));
    });
    after(() => out && removeDir(out));

    it('publishes a page and a text for every file, schema problems being warnings', () => {
      expect(run.status, run.stderr).to.equal(0);
      const files = readdirSync(corpusDir).filter((f) => f.endsWith('.xml'));
      for (const file of files) {
        const id = file.replace(/\.xml$/, '');
        expect(existsSync(path.join(out, 'documents', `${id}.html`)), id).to.equal(true);
        expect(existsSync(path.join(out, 'text', `${id}.txt`)), id).to.equal(true);
      }
      const { messages } = JSON.parse(run.stdout) as { messages: { severity: string; ruleId: string; file: string }[] };
      expect(messages.filter((m) => m.severity === 'error')).to.deep.equal([]);
      expect(messages.filter((m) => m.ruleId === 'relaxng').map((m) => path.basename(m.file))).to.include('frus1894Nicaragua-d7.xml');
    });

    it('says the edition cannot be harvested without its address: CMIF linked relatively, no OAI static repository', () => {
      const { messages } = JSON.parse(run.stdout) as { messages: { severity: string; ruleId: string }[] };
      expect(messages.filter((m) => m.ruleId === 'base-url-missing').map((m) => m.severity)).to.deep.equal(['warning']);
      expect(existsSync(path.join(out, 'oai', 'static-repository.xml'))).to.equal(false);
      expect(read(path.join(out, 'cmif.xml'))).to.contain('<correspDesc ref="documents/');
    });

    it('writes valid HTML on every page: blocks the TEI sets in phrases, lists with headings and labels, parts sharing a title', async () => {
      const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
      expect(pages.length).to.be.greaterThan(20);
      expect(await htmlProblems(pages.map((f) => path.join(out, f)))).to.deep.equal([]);
    });

    it('links every passage its search finds to the element of the page that holds the passage’s words, notes included', () => {
      const passages = searchPassages(out);
      expect(passages.filter((p) => /#note-\d+$/.test(p.url)).length, 'notes').to.be.greaterThan(5);
      expect(passagesNotOnTheirPage(out)).to.deep.equal([]);
    });

    it('shows every word of every file’s reading text in its text edition, and no word struck out', () => {
      for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.xml'))) {
        const edition = read(path.join(out, 'text', file.replace(/\.xml$/, '.txt'))).replace(/\s+/g, ' ');
        const missing = wordsOfText(path.join(corpusDir, file), true).filter((w) => !edition.includes(w));
        expect(missing, file).to.deep.equal([]);
      }
      // The papyrus's scribe wrote ἐποίησες; the editors regularise it to ἐποίησας: the reading text has only the latter.
      const papyrus = read(path.join(out, 'text', 'idp-p.oxy.1.119.txt'));
      expect(papyrus).to.include('ἐποίησας').and.not.include('ἐποίησες');
    });

    it('keeps every word of every file’s text on its page, the diplomatic ones in the diplomatic view', () => {
      for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.xml'))) {
        const page = read(path.join(out, 'documents', file.replace(/\.xml$/, '.html')));
        const reading = new Set(wordsOfText(path.join(corpusDir, file), true));
        const diplomatic = wordsOfText(path.join(corpusDir, file)).filter((w) => !reading.has(w) && !/^[\d,.-]+$/.test(w));
        const shown = page
          .replace(/<[^>]+>/g, ' ')
          .replace(/&amp;/g, '&')
          .replace(/\s+/g, ' ');
        expect(
          diplomatic.filter((w) => !shown.includes(w)),
          file,
        ).to.deep.equal([]);
      }
      expect(read(path.join(out, 'documents', 'idp-p.oxy.1.119.html'))).to.match(/<span class="orig diplomatic-only"[^>]*>[^<]*ἐποίησες/);
    });

    it('titles each letter of a correspondence edition by its own title, in its language (Schnitzler)', () => {
      const page = read(path.join(out, 'documents', 'schnitzler-L00088.html'));
      expect(page).to.match(/<title>Hugo von Hofmannsthal an Arthur Schnitzler, 26\. 3\. 1892 — /);
      expect(page).to.match(/<section class="document-text"[^>]* lang="de-AT"/);
    });

    it('reports, per file, the elements without a specific rendering (frus:attachment among them)', () => {
      const { unrendered } = (JSON.parse(run.stdout) as { result: { unrendered: Record<string, Record<string, number>> } }).result;
      const nicaragua = Object.entries(unrendered).find(([f]) => f.endsWith('frus1894Nicaragua-d7.xml'))![1];
      expect(nicaragua).to.have.property('frus:attachment', 1);
    });
  });
});

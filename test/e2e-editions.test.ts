/**
 * Editions as the TEI community encodes them, each in a fixture of its own pattern (no text of
 * theirs copied): letters carrying their index records in their back (as the Schnitzler letters
 * do), letters pointing into separate index files (as the Tillich correspondence does), a
 * documentary volume whose front matter lists its persons (as FRUS volumes do), a dossier
 * kept as one teiCorpus whose header lists its persons, and letters dated roughly among other papers.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { parse as parseHtml } from 'node-html-parser';
import path from 'node:path';
import type { Message } from '../src/infra/messages.js';
import {
  aceViolations,
  CHROMIUM,
  EPUBCHECK,
  epubcheckLater,
  fixtures,
  htmlProblems,
  lineOf,
  passagesNotOnTheirPage,
  read,
  removeDir,
  runCli,
  runCliLater,
  searchFinds,
  searchPassages,
  tempDir,
} from './helpers.js';

const editions = path.join(fixtures, 'editions');
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

type Built = { out: string; messages: Message[]; status: number | null };

const buildArgs = (folder: string, out: string, options: string[]): string[] => [
  'build',
  path.isAbsolute(folder) ? folder : path.join(editions, folder),
  '--out',
  out,
  '--format',
  'json',
  ...options,
];
const readBuild = (out: string, run: { status: number; stdout: string }): Built => ({
  out,
  status: run.status,
  messages: (JSON.parse(run.stdout) as { messages: Message[] }).messages,
});

function build(folder: string, ...options: string[]): Built {
  const out = tempDir('editio-editions-');
  return readBuild(out, runCli(buildArgs(folder, out, options)));
}

/** The same, while the books of the editions built before are being checked. */
async function buildLater(folder: string, ...options: string[]): Promise<Built> {
  const out = tempDir('editio-editions-');
  return readBuild(out, await runCliLater(buildArgs(folder, out, options)));
}

/** Each fixture edition built once, with its e-book, for every test that reads it (removed after them all). */
const builds = new Map<string, Built>();
const builtOnce = (folder: string): Built => {
  if (!builds.has(folder)) builds.set(folder, build(folder, '--epub'));
  return builds.get(folder)!;
};
after(() => {
  for (const { out } of builds.values()) removeDir(out);
});

describe('real editions’ patterns (end to end)', function () {
  this.timeout(240_000);

  // Each edition built once with its e-book: what validators others wrote say of every page and of the EPUB.
  it('writes valid HTML on every page and an EPUB epubcheck and Ace by DAISY pass, and links every passage the search finds to the element that holds its words, in each of them', async function () {
    // Thirteen editions, each built and its book checked by epubcheck and Ace (two checkers at a time, test/helpers.ts):
    // 80 s alone on two cores, more beside the other tests.
    this.timeout(420_000);
    const epubs = existsSync(EPUBCHECK) && spawnSync('java', ['-version']).status === 0;
    if (!epubs) console.log('      (epubcheck not run: it needs Debian’s epubcheck package and Java)');
    const checks: Promise<[string, string[]]>[] = [];
    try {
      for (const folder of readdirSync(editions)) {
        if (!builds.has(folder)) builds.set(folder, await buildLater(folder, '--epub'));
        const built = builtOnce(folder);
        expect(passagesNotOnTheirPage(built.out), folder).to.deep.equal([]);
        const pages = readdirSync(built.out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
        expect(await htmlProblems(pages.map((f) => path.join(built.out, f))), folder).to.deep.equal([]);
        // epubcheck runs while the next edition builds.
        if (epubs) checks.push(epubcheckLater(path.join(built.out, 'print', 'edition.epub')).then(({ messages }) => [folder, messages]));
        // And Ace by DAISY: no critical, serious or moderate violation in any of them.
        if (existsSync(CHROMIUM))
          checks.push(aceViolations(path.join(built.out, 'print', 'edition.epub')).then((violations) => [`${folder} (Ace)`, violations]));
      }
      for (const [folder, messages] of await Promise.all(checks)) expect(messages, folder).to.deep.equal([]);
    } finally {
      await Promise.allSettled(checks);
    }
  });

  describe('letters of a correspondence among other papers', () => {
    let built: ReturnType<typeof build>;
    before(() => (built = builtOnce('letters-dated-roughly')));

    const navOf = (id: string): string[] => {
      const nav = parseHtml(read(path.join(built.out, 'documents', `${id}.html`))).querySelector('nav.correspondence-nav');
      return (nav?.querySelectorAll('a') ?? []).map((a) => `${a.getAttribute('rel')} ${a.querySelector('.nav-label')!.text} → ${a.getAttribute('href')}`);
    };

    it('links a letter to the one before or after it between the same correspondents, and among the letters, where the next document is another', () => {
      // By date: R1, R2 (both Brandt–Fink), R5 (a note, no letter), R4 (Brandt–Lenz), R3 (Brandt–Fink).
      expect(navOf('R2')).to.deep.equal(['next Next letter between the same correspondents → R3.html', 'next Next letter among the letters → R4.html']);
      expect(navOf('R3')).to.deep.equal(['prev Previous letter between the same correspondents → R2.html']);
      expect(navOf('R4')).to.deep.equal(['prev Previous letter among the letters → R2.html']);
      // The letter before or after by date is linked by the page already, and a note has no correspondents.
      expect(navOf('R1')).to.deep.equal([]);
      expect(navOf('R5')).to.deep.equal([]);
    });

    it('lists on a person’s page the letters they wrote and received, in date order', () => {
      const letters = parseHtml(read(path.join(built.out, 'registers', 'persons', 'brandt.html'))).querySelector('.entry-letters')!;
      expect(letters.querySelectorAll('h3').map((h) => h.text)).to.deep.equal(['Letters from Brandt, Clara (3)', 'Letters to Brandt, Clara (1)']);
      expect(letters.querySelectorAll('a').map((a) => a.getAttribute('href'))).to.deep.equal([
        '../../documents/R1.html',
        '../../documents/R4.html',
        '../../documents/R3.html',
        '../../documents/R2.html',
      ]);
      expect(
        parseHtml(read(path.join(built.out, 'registers', 'persons', 'lenz.html')))
          .querySelectorAll('.entry-letters h3')
          .map((h) => h.text),
      ).to.deep.equal(['Letters to Lenz, Marie (1)']);
      // A place is no correspondent.
      expect(read(path.join(built.out, 'registers', 'places', 'linz.html'))).not.to.include('entry-letters');
    });
  });

  describe('letters carrying their index records in their back', () => {
    let built: ReturnType<typeof build>;
    before(() => (built = builtOnce('letters-with-records')));

    it('publishes every letter, resolving every pointer to the records (none unresolved, no id refused)', () => {
      expect(built.status).to.equal(0);
      expect(readdirSync(path.join(built.out, 'documents')).sort()).to.deep.equal(['L001.html', 'L002.html', 'L003.html']);
      expect(built.messages.filter((m) => ['ref-unresolved', 'id-duplicate', 'xslt-error'].includes(m.ruleId))).to.deep.equal([]);
      for (const page of readdirSync(path.join(built.out, 'documents'))) expect(read(path.join(built.out, 'documents', page))).not.to.include('unresolved');
    });

    it('merges a record repeated in several letters into one entry, and reports a copy that differs once, where it stands', () => {
      const differs = built.messages.filter((m) => m.ruleId === 'record-differs');
      expect(differs).to.have.length(1);
      expect(differs[0]).to.deep.include({ severity: 'warning', line: 44, column: 9 });
      expect(differs[0]!.file).to.match(/L002\.xml$/);
      expect(differs[0]!.reason).to.match(
        new RegExp(`xml:id="p3".*L001\\.xml:${lineOf(read(path.join(editions, 'letters-with-records', 'L001.xml')), '<person xml:id="p3"')}`),
      );
      const persons = textOf(read(path.join(built.out, 'registers', 'persons.html')));
      expect(persons).to.include('3 entries').and.include('Weber, Anna').and.include('Roth, Paul').and.not.include('Roth, Paul Friedrich');
    });

    it('links rs, @key, a prefixed pointer and a URL its record carries to the entries; works get a register', () => {
      const page = read(path.join(built.out, 'documents', 'L001.html'));
      expect(page).to.match(/<a href="\.\.\/registers\/persons\/p3\.html" class="mention mention-persName" data-tei="rs" data-ref="wh:p3"/);
      expect(page).to.match(/<a href="\.\.\/registers\/persons\/p2\.html" class="mention mention-persName" data-tei="persName" data-key="p2"/);
      expect(page).to.match(/<a href="\.\.\/registers\/works\/w1\.html" class="mention mention-title" data-tei="rs"/);
      expect(read(path.join(built.out, 'documents', 'L002.html'))).to.match(
        /<a href="\.\.\/registers\/persons\/p3\.html"[^>]*data-ref="https:\/\/example\.org\/persons\/roth"/,
      );
      expect(textOf(read(path.join(built.out, 'registers', 'works.html'))))
        .to.include('Die Brücke')
        .and.include('Mentioned once');
      // Roth: received L001, "Paul" in L001, sender of L002 and L003, the URL in L002.
      expect(textOf(read(path.join(built.out, 'registers', 'persons.html')))).to.match(/Roth, Paul .*Mentioned 5 times in 3 documents/);
    });

    it('shows the records on the registers, not in the letter, and keeps their births and deaths out of the chronology', () => {
      const letter = read(path.join(built.out, 'documents', 'L001.html'));
      expect(textOf(letter.slice(letter.indexOf('document-text')))).not.to.match(/1851|1849|47\.07/);
      expect(read(path.join(built.out, 'text', 'L001.txt'))).not.to.match(/1851|1849|47\.07/);
      const years = [...textOf(read(path.join(built.out, 'chronology.html'))).matchAll(/\b1[89]\d\d\b/g)].map(([y]) => y);
      expect(years).to.include('1890').and.not.include('1851').and.not.include('1922');
      expect(textOf(read(path.join(built.out, 'registers', 'persons.html')))).to.match(/Weber, Anna born 1 February 1851; died 30 November 1922/);
    });

    it('renders deletions, additions, corrections and abbreviations for a diplomatic and a reading view; text and search read the reading', () => {
      const page = read(path.join(built.out, 'documents', 'L001.html'));
      expect(page).to.include('<del class="del diplomatic-only" data-tei="del" title="Deleted in the source">gelesen</del>');
      expect(page).to.match(/<span class="add" data-tei="add" title="Added in the source — place: above">verschlungen<\/span>/);
      expect(page).to.match(/<span class="sic diplomatic-only"[^>]*>Wintter<\/span><span class="corr reading-only"[^>]*>Winter<\/span>/);
      expect(page).to.match(/<span class="abbr diplomatic-only"[^>]*>Hr\.<\/span><span class="expan reading-only"[^>]*>Herr<\/span>/);
      expect(page).to.match(/<span class="unclear"[^>]*title="Unclear in the source — reason: faded">schön<\/span>/);
      expect(page).to.include('<span class="hi rend-underline" data-tei="hi" data-rend="underline">sehr</span>');
      expect(page).to.include('D<sup class="hi rend-sup" data-tei="hi" data-rend="superscript">r</sup>');
      expect(page).to.include('id="view-reading"');
      const text = read(path.join(built.out, 'text', 'L001.txt')).replace(/\s+/g, ' ');
      expect(text).to.include('dein Buch »Die Brücke« verschlungen und sehr genossen. Der Winter war lang; Herr Karl grüßt');
      expect(text).not.to.match(/gelesen|Wintter|Hr\./);
      const passages = searchPassages(built.out);
      const search = passages.map((p) => p.text).join(' ');
      expect(search).to.include('verschlungen').and.include('Winter').and.not.include('gelesen').and.not.include('Wintter');
      // Each passage carries its letter's language, which the result takes.
      expect(passages.filter((p) => p.url.startsWith('documents/L001.html')).map((p) => p.lang)).to.include('de');
    });

    it('names the edition by the series its letters belong to, with their editors, not by its folder', () => {
      const home = read(path.join(built.out, 'index.html'));
      expect(home).to.include('<title>Letters of the Weber household (a test correspondence)</title>');
      expect(home).to.include('Edited by Lind, Eva; Moser, Jakob');
      expect(home).not.to.include('letters-with-records');
      expect(read(path.join(built.out, 'documents', 'L001.html'))).to.match(/lang="de"/);
    });

    it('sets several senders apart, and links the letters before and after as correspContext names them', () => {
      const page = read(path.join(built.out, 'documents', 'L001.html'));
      // The date as the edition writes dates, in the page and the text alike (the source's "3. 5. 1890" on hover).
      expect(textOf(page)).to.match(/Sent Weber, Anna ; Weber, Karl · Graz · 3 May 1890/);
      expect(page).to.include('title="In the source: 3. 5. 1890"');
      expect(read(path.join(built.out, 'text', 'L001.txt'))).to.include('Sent: Weber, Anna; Weber, Karl · Graz · 3 May 1890');
      expect(page).to.match(
        /<nav class="correspondence-nav"[^>]*><ul><li><a rel="next" href="L002\.html"><span class="nav-label">Next letter<\/span>Paul Roth to Anna Weber/,
      );
      const answer = read(path.join(built.out, 'documents', 'L002.html'));
      expect(answer).to.match(/<a rel="prev" href="L001\.html"><span class="nav-label">Previous letter<\/span>Anna and Karl Weber/);
      expect(textOf(answer)).to.include('Next letter Paul Roth to Karl Weber, June 1890 (not in this edition)');
    });
  });

  describe('letters pointing into separate index files', () => {
    let built: ReturnType<typeof build>;
    before(() => (built = builtOnce('letters-with-index')));

    it('reads the index files as authorities, not documents, and publishes them as sources', () => {
      expect(built.status).to.equal(0);
      expect(readdirSync(path.join(built.out, 'documents')).sort()).to.deep.equal(['1911-03-04.html', '1911-03-09.html', '1911-03-12.html']);
      expect(existsSync(path.join(built.out, 'tei', 'indices', 'listperson.xml'))).to.equal(true);
      expect(built.messages.filter((m) => m.ruleId === 'ref-unresolved')).to.deep.equal([]);
    });

    it('makes registers of the entries the letters name, by #id, file#id, @key and an identifier URL, and of no other', () => {
      expect(readdirSync(path.join(built.out, 'registers', 'persons')).sort()).to.deep.equal(['person_1.html', 'person_2.html', 'person_3.html']);
      const persons = textOf(read(path.join(built.out, 'registers', 'persons.html')));
      expect(persons).to.include('3 entries').and.not.include('Never');
      // The standard name (type="reg") without the identifier some editions put inside it.
      expect(persons)
        .to.match(/Hess, Clara born 1880 Also: Clärchen/)
        .and.not.include('0001');
      expect(persons).to.match(/Kern, Ida .*Mentioned 2 times in 1 document/);
      expect(persons).to.match(/Brand, Otto .*Mentioned 3 times in 3 documents/);
    });

    it('publishes a place within a place as an entry of its own', () => {
      expect(readdirSync(path.join(built.out, 'registers', 'places')).sort()).to.deep.equal(['place_1.html', 'place_2.html']);
      expect(read(path.join(built.out, 'documents', '1911-03-04.html'))).to.include('href="../registers/places/place_2.html"');
    });

    it('names the edition by the edition statement its letters share, and a letter without a title by its first heading', () => {
      expect(read(path.join(built.out, 'index.html'))).to.include('<title>The Hess–Brand letters (a test edition)</title>');
      expect(read(path.join(built.out, 'documents', '1911-03-12.html'))).to.include(
        '<title>Clara Hess to Otto Brand, 12 March 1911 — The Hess–Brand letters (a test edition)</title>',
      );
    });
  });

  describe('a play in verse, encoded as drama corpora encode plays', () => {
    let built: ReturnType<typeof build>;
    let page: ReturnType<typeof parseHtml>;
    before(() => {
      built = builtOnce('play-in-verse');
      page = parseHtml(read(path.join(built.out, 'documents', 'die-wette.html')));
    });

    it('renders every element of the play by a rule of its own', () => {
      expect(built.status).to.equal(0);
      expect(page.querySelectorAll('[data-fallback]').map((e) => e.getAttribute('data-fallback'))).to.deep.equal([]);
    });

    it('dates the play by the dates kept beside its text: printed, where it says not when it was written', () => {
      expect(textOf(page.querySelector('.document-meta')!.toString())).to.match(/Datum 1820/);
      expect(textOf(read(path.join(built.out, 'index.html')))).to.not.include('Undated');
    });

    it('heads the page with the play’s title, not its first act’s heading, and heads acts and scenes by their depth', () => {
      expect(page.querySelector('h1')!.text.trim()).to.equal('Die Wette');
      expect(page.querySelectorAll('.document-text h2').map((h) => h.text)).to.deep.equal(['Personen', 'Erster Aufzug', 'Zweiter Aufzug']);
      expect(page.querySelectorAll('.document-text h3').map((h) => h.text)).to.deep.equal(['Erster Auftritt', 'Zweiter Auftritt']);
    });

    it('sets the cast as dramatis personae: each role with its description on one line, a group with its description', () => {
      const cast = page.querySelector('.castList')!;
      expect(cast.querySelectorAll('p.castItem').map((p) => p.text.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Anna, eine junge Witwe.',
        'Bruno, ihr Vetter',
        'Ein Diener',
        'Gäste',
      ]);
      expect(cast.querySelector('.castGroup > p.roleDesc')!.text).to.equal('im Hause Annas');
    });

    it('sets each speaker apart, stage directions as such (bracketed within a line), verse lines numbered, a split line set on from its first part', () => {
      expect(page.querySelectorAll('.sp > p.speaker').map((p) => p.text)).to.deep.equal(['Anna.', 'Bruno', 'Diener', 'Beide.']);
      expect(page.querySelectorAll('p.stage').map((p) => p.text)).to.deep.equal(['Ein Zimmer. Anna am Fenster.', 'tritt ein.']);
      const fifth = page.querySelectorAll('div.l')[4]!;
      expect(fifth.querySelector('.line-number')!.text).to.equal('5');
      expect(fifth.querySelector('span.stage')!.text).to.equal('[Es klopft.]');
      const completing = page.querySelector('div.l.part-F')!;
      expect(completing.querySelector('.line-lead')!.text).to.equal('Herein!');
      expect(completing.querySelector('.line-lead')!.getAttribute('aria-hidden')).to.equal('true');
      // A prose speech is a paragraph.
      expect(page.querySelector('.sp > p.p')!.text).to.include('Gnädige Frau, die Gäste sind da');
    });

    it('counts each speech as a mention of its role: the speaker links to the role’s entry, whose page lists the speeches', () => {
      expect(page.querySelectorAll('.sp > p.speaker > a').map((a) => a.getAttribute('href'))).to.deep.equal([
        '../registers/persons/anna.html',
        '../registers/persons/bruno.html',
        '../registers/persons/diener.html',
        '../registers/persons/anna.html',
      ]);
      expect(readdirSync(path.join(built.out, 'registers', 'persons')).sort()).to.deep.equal(['anna.html', 'bruno.html', 'diener.html']);
      expect(textOf(read(path.join(built.out, 'registers', 'persons.html')))).to.match(/Anna 2-mal erwähnt, in einem Dokument/);
      expect(textOf(read(path.join(built.out, 'registers', 'persons', 'bruno.html')))).to.include('Die Wette ist verloren, Base.');
    });

    it('sets the text edition as a play is set: speakers on their lines, numbers in a margin, stage directions bracketed', () => {
      const text = read(path.join(built.out, 'text', 'die-wette.txt'));
      expect(text).to.include('Anna, eine junge Witwe.\nBruno, ihr Vetter\n');
      expect(text).to.include('[Ein Zimmer. Anna am Fenster.]');
      expect(text).to.include('Anna.\n       Wie still der Abend über allen Dächern liegt,\n');
      expect(text).to.include('\n    5  Und eilig macht. [Es klopft.] Wer ist da?\n       Herein!\n');
      // The completing part begins where "Herein!" ended.
      expect(text).to.include(`\nBruno\n${' '.repeat(7 + 'Herein! '.length)}Die Wette ist verloren, Base.\n`);
    });
  });

  describe('a correspondence kept in one file, each letter a division', () => {
    let dir: string;
    let built: ReturnType<typeof build>;
    before(() => {
      dir = tempDir('editio-letters-volume-');
      const letter = (id: string, place: string, day: string): string =>
        `<div type="letter" xml:id="${id}"><head>Brief aus ${place}</head><dateline><placeName ref="#${place.toLowerCase()}">${place}</placeName>, <date when="${day}">${day}</date></dateline><p>Grüße aus ${place}.</p></div>`;
      writeFileSync(
        path.join(dir, 'briefe.xml'),
        `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="de"><teiHeader><fileDesc><titleStmt><title>Briefe an Anna</title></titleStmt>
<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Nachlass.</p></sourceDesc></fileDesc></teiHeader>
<text><body>${letter('b1', 'Wien', '1911-03-04')}${letter('b2', 'Graz', '1911-04-01')}</body>
<back><listPlace><place xml:id="wien"><placeName>Wien</placeName><location><geo>48.2 16.37</geo></location></place>
<place xml:id="graz"><placeName>Graz</placeName><location><geo>47.07 15.44</geo></location></place></listPlace></back></text></TEI>`,
      );
      built = build(dir);
    });
    after(() => {
      removeDir(built.out);
      removeDir(dir);
    });

    it('publishes each letter as a page of its own, whose map shows its places, not the volume’s', () => {
      expect(readdirSync(path.join(built.out, 'documents'))).to.deep.equal(['briefe-b1.html', 'briefe-b2.html']);
      const places = (id: string): string[] =>
        parseHtml(read(path.join(built.out, 'documents', `briefe-${id}.html`)))
          .querySelectorAll('figure.map a.map-place')
          .map((a) => a.getAttribute('href')!);
      expect(places('b1')).to.deep.equal(['../registers/places/wien.html']);
      expect(places('b2')).to.deep.equal(['../registers/places/graz.html']);
    });
  });

  describe('a manuscript catalogue: a description in msDesc', () => {
    let built: ReturnType<typeof build>;
    before(() => (built = builtOnce('manuscript-catalogue')));

    it('sets the contents item by item, an item within another inside it, and a description in two languages without stray commas', () => {
      const page = parseHtml(read(path.join(built.out, 'documents', 'MS_Test_7.html')));
      const items = page.querySelectorAll('.document-meta span.msItem');
      expect(items.map((i) => i.text.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'fols. 1r–20v Statuta antiqua fols. 1r–10v Pars prima fols. 11r–20v Pars secunda',
        'fols. 1r–10v Pars prima',
        'fols. 11r–20v Pars secunda',
        'fol. 21r Modus legendi',
      ]);
      // Each a line of its own (genres.css), the inner ones inside the outer.
      expect(read(path.join(built.out, 'assets', 'genres.css'))).to.match(/span\.msItem, span\.msItemStruct \{ display: block; \}/);
      expect(items[1]!.parentNode).to.equal(items[0]);
      const support = page
        .querySelectorAll('.document-meta .part')
        .map((p) => p.text.replace(/\s+/g, ' ').trim())
        .find((t) => t.startsWith('Support'));
      expect(support).to.equal('Support: Parchment, well prepared. Pergamena, ben preparata.');
      expect(
        page
          .querySelectorAll('.document-meta .part')
          .map((p) => p.text.replace(/\s+/g, ' ').trim())
          .find((t) => t.startsWith('Contents')),
      ).not.to.include(',');
      // The text edition too: each field and each item a line.
      expect(read(path.join(built.out, 'text', 'MS_Test_7.txt'))).to.include(
        '        fols. 1r–10v Pars prima\n        fols. 11r–20v Pars secunda\n        fol. 21r Modus legendi\n        Support: Parchment, well prepared.\n',
      );
    });
  });

  describe('an inscription encoded in EpiDoc, with an apparatus and a bibliography', () => {
    let built: ReturnType<typeof build>;
    before(() => (built = builtOnce('inscriptions-epidoc')));

    it('names its place of origin by its names in each language one after another, not run together', () => {
      const origin = 'Origin: Testia Colonia, Testa di Prova, Italy, Second century A.D.';
      const fields = parseHtml(read(path.join(built.out, 'documents', 'funerary-stele.html')))
        .querySelectorAll('.document-meta .part')
        .map((p) => p.text.replace(/\s+/g, ' ').trim());
      expect(fields).to.include(origin);
      expect(read(path.join(built.out, 'text', 'funerary-stele.txt')).replace(/\s+/g, ' ')).to.include(origin);
    });

    it('sets the apparatus as editions print it, a reading in the text after the adopted one, and the inscription line by line', () => {
      const text = read(path.join(built.out, 'text', 'funerary-stele.txt'));
      expect(text).to.include('\nD(is) M(anibus)\nM(arcus) Testius\nvix(it) an(nos) XXX [XXV (prova1901)]\n');
      expect(text).to.include('\n2 Testius ] Textius (prova1901, altro1950)\n');
      const page = parseHtml(read(path.join(built.out, 'documents', 'funerary-stele.html')));
      expect(page.querySelectorAll('.app').map((a) => a.text.trim())).to.deep.equal(['2 Testius ] Textius (prova1901, altro1950)', '3 XXX ] XXV (prova1901)']);
      expect(page.querySelectorAll('[data-fallback]').map((e) => e.getAttribute('data-fallback'))).to.deep.equal([]);
    });

    it('keeps every word of a citation whatever its parts: a pointer with a range, authors and titles in citation order', () => {
      const text = read(path.join(built.out, 'text', 'funerary-stele.txt'));
      expect(text).to.include('https://example.org/bibliography/prova1901 no. 12');
      expect(text).to.match(/\nAltro: Stele di prova\. 1950\.\s*$/);
    });
  });

  describe('a play in prose whose roles are identified in its cast list', () => {
    let built: ReturnType<typeof build>;
    before(() => (built = builtOnce('play-in-prose')));

    it('makes each role of the cast list with an xml:id an entry, described by its cast item, that its speeches mention', () => {
      expect(built.messages.filter((m) => m.ruleId === 'ref-unresolved')).to.deep.equal([]);
      expect(readdirSync(path.join(built.out, 'registers', 'persons')).sort()).to.deep.equal(['bote.html', 'klara.html', 'moritz.html']);
      const persons = textOf(read(path.join(built.out, 'registers', 'persons.html')));
      expect(persons).to.match(/Klara Gutsbesitzerin 2-mal erwähnt, in einem Dokument/);
      expect(persons).to.match(/Moritz ihr Neffe Einmal erwähnt/);
      expect(persons).to.match(/Ein Bote Einmal erwähnt/);
      const page = parseHtml(read(path.join(built.out, 'documents', 'der-besuch.html')));
      expect(page.querySelectorAll('.speaker a').map((a) => a.getAttribute('href'))).to.deep.equal([
        '../registers/persons/klara.html',
        '../registers/persons/moritz.html',
        '../registers/persons/bote.html',
        '../registers/persons/klara.html',
      ]);
      expect(textOf(read(path.join(built.out, 'registers', 'persons', 'klara.html')))).to.include('Er kommt also doch.');
    });

    it('heads the page with the play’s title, its one scene with the scene’s heading', () => {
      const page = parseHtml(read(path.join(built.out, 'documents', 'der-besuch.html')));
      expect(page.querySelector('h1')!.text.trim()).to.equal('Der Besuch. Ein Lustspiel in einem Aufzug');
      expect(page.querySelectorAll('.document-text h2').map((h) => h.text.trim())).to.deep.equal(['Personen', 'Einziger Auftritt']);
    });
  });

  describe('letters laid out as letters, pointing into index files kept in divisions', () => {
    let built: ReturnType<typeof build>;
    let letter: string;
    before(() => {
      built = builtOnce('letters-with-divided-index');
      letter = read(path.join(built.out, 'documents', 'B001.html'));
    });

    it('reads index files whose lists stand in divisions (several, with headings) as index files, not documents', () => {
      expect(built.messages.filter((m) => m.severity === 'error')).to.deep.equal([]);
      expect(readdirSync(path.join(built.out, 'documents')).sort()).to.deep.equal(['B001.html', 'B002.html']);
      expect(readdirSync(path.join(built.out, 'registers', 'works'))).to.deep.equal(['rf_work_1.html']);
      // A work with its author and date, on the register and on its page.
      expect(textOf(read(path.join(built.out, 'registers', 'works.html')))).to.match(/Die Brücke am Fluss Falk, Jakob · 1902 Einmal erwähnt/);
      expect(parseHtml(read(path.join(built.out, 'registers', 'works', 'rf_work_1.html'))).querySelector('.work-details')!.text).to.equal('Falk, Jakob · 1902');
      expect(readdirSync(path.join(built.out, 'registers', 'objects'))).to.deep.equal(['rf_object_1.html']);
      expect(readdirSync(path.join(built.out, 'registers', 'persons')).sort()).to.deep.equal(['rf_person_1.html', 'rf_person_2.html']);
    });

    it('gives an entry’s other names once each, and its identifiers as links named by what they identify in, each address once', () => {
      const entry = parseHtml(read(path.join(built.out, 'registers', 'persons', 'rf_person_1.html')));
      expect(entry.querySelector('.variants')!.text).to.equal('Auch: Emmy');
      expect(entry.querySelectorAll('.identifiers li').map((li) => li.text)).to.deep.equal(['pmb', 'pmb 2', 'gnd: 118000000', 'wikidata.org']);
      expect(entry.querySelectorAll('.identifiers a').map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://pmb.example.org/entity/101/',
        'https://pmb.example.org/entity/2202/',
        'https://www.wikidata.org/wiki/Q1',
      ]);
    });

    it('lays out the opening, closing, postscript and address as a letter has them, with nothing left to the general rule', () => {
      const page = parseHtml(letter);
      expect(page.querySelectorAll('[data-fallback]').map((e) => e.getAttribute('data-fallback'))).to.deep.equal([]);
      expect(page.querySelector('.opener > p.dateline')!.text).to.equal('Graz, 2. Mai 1903');
      expect(page.querySelector('.opener > p.salute')!.text).to.equal('Lieber Freund!');
      expect(page.querySelector('.closer > p.signed')!.text).to.equal('Ihre Emma Roth');
      expect(page.querySelector('.postscript p')!.text).to.include('Grüßen Sie');
      expect(page.querySelectorAll('.address > .line').map((l) => l.text)).to.deep.equal(['Herrn Jakob Falk', 'Linz']);
    });

    it('keeps a signature within the closing’s words, and each line of an address, a line of its own in the text edition', () => {
      const text = read(path.join(built.out, 'text', 'B002.txt'));
      expect(text).to.include('\nHerzlich\nIhr\nJakob Falk\n');
      expect(text).to.include('\nFrau Emma Roth\nGraz\n');
      const reply = parseHtml(read(path.join(built.out, 'documents', 'B002.html')));
      expect(reply.querySelector('p.closer > span.signed')!.text).to.equal('Jakob Falk');
      expect(reply.querySelectorAll('.address > .line').map((l) => l.text)).to.deep.equal(['Frau Emma Roth', 'Graz']);
      // A seg the source sets at the right margin is a line of its own, there.
      expect(reply.querySelector('.dateline > span.line.rend-right')!.text).to.equal('9. 5. 1903');
      expect(text).to.match(/\nWien\n9\. 5\. 1903\n/);
    });

    it('quotes with the marks of the text’s language, and sets none around indirect speech', () => {
      expect(parseHtml(letter).querySelector('.document-text')!.text).to.include('sagte nur „das ist ein Buch für den Sommer“, und er wolle es behalten.');
      expect(read(path.join(built.out, 'text', 'B001.txt')).replace(/\s+/g, ' ')).to.include('„das ist ein Buch für den Sommer“, und er wolle es behalten.');
    });

    it('sets a page number apart from the words around it', () => {
      expect(parseHtml(letter).querySelector('.document-text')!.text).to.include('hängt [2] noch im Flur');
    });

    it('describes the manuscript in labelled fields, read off attributes where it has no words', () => {
      const source = parseHtml(letter)
        .querySelectorAll('.document-meta .part')
        .map((part) => part.text);
      for (const field of [
        'Aufbewahrungsort: Österreich, Wien, Stadtarchiv',
        'Signatur: Nachlass Falk, 12/3',
        'Umfang: 2 Blatt',
        'Schreiberhände: Tinte, Kurrent',
      ])
        expect(source).to.include(field);
      // The hand's writer is named by a pointer, an id that means nothing to a reader: not read as words.
      expect(source.join(' ')).not.to.include('rf_person_1');
      expect(parseHtml(letter).querySelector('.document-meta .field-label')!.text).to.equal('Aufbewahrungsort: ');
      // The text edition sets each field on a line of its own, under the Source label (the edition is German).
      expect(read(path.join(built.out, 'text', 'B001.txt'))).to.include(
        'Quelle: Aufbewahrungsort: Österreich, Wien, Stadtarchiv\n        Signatur: Nachlass Falk, 12/3\n        Umfang: 2 Blatt\n        Schreiberhände: Tinte, Kurrent\n',
      );
    });

    it('links a name whose @ref lists several pointers to the first entry, and reports none of them', () => {
      expect(built.messages.filter((m) => m.ruleId === 'ref-unresolved')).to.deep.equal([]);
      expect(letter).to.match(/<a href="\.\.\/registers\/persons\/rf_person_1\.html"[^>]*data-ref="#rf_person_1 #rf_person_2"[^>]*>die Familie<\/a>/);
    });

    it('links a reference to a document of the edition by its id or file name, to an entry’s page, expands another edition’s by its type, and leaves no empty or dead link', () => {
      const reply = parseHtml(read(path.join(built.out, 'documents', 'B002.html')));
      const refs = reply
        .querySelectorAll('.document-text [data-tei="ref"], .document-text [data-tei="ptr"]')
        .map((e) => [e.tagName.toLowerCase(), e.getAttribute('href') ?? '', e.text]);
      expect(refs).to.deep.equal([
        ['a', 'B001.html', 'Brief'],
        ['a', 'B001.html', 'Emma Roth an Jakob Falk, 2. Mai 1903'],
        ['a', '../registers/works/rf_work_1.html', 'Die Brücke am Fluss'],
        ['a', 'https://briefe.example.org/L00311.html', 'L00311'],
        ['span', '', '10. Dezember 1902'],
      ]);
    });
  });

  describe('a dossier kept as one teiCorpus, its persons in the corpus header', () => {
    let built: ReturnType<typeof build>;
    before(() => (built = builtOnce('dossier-corpus')));

    it('takes the edition’s title and editor from the corpus header', () => {
      const home = read(path.join(built.out, 'index.html'));
      expect(home).to.include('<title>Harbour Negotiations, 1958 (a test dossier)</title>');
      expect(home).to.include('Edited by Quint, Rosa');
    });

    it('resolves @corresp pointers to the header’s records and counts their mentions', () => {
      const page = read(path.join(built.out, 'documents', 'dossier.html'));
      expect(page).to.match(/<a href="\.\.\/registers\/persons\/p_LT\.html" class="mention mention-persName"[^>]*>Miss Tamm<\/a>/);
      expect(textOf(read(path.join(built.out, 'registers', 'persons.html')))).to.match(
        /Tamm, Liisa Envoy of the shipping board\. Mentioned 2 times in 1 document/,
      );
      expect(readdirSync(path.join(built.out, 'registers', 'places'))).to.deep.equal(['t_port.html']);
    });
  });

  describe('a documentary volume whose front matter lists its persons (FRUS)', () => {
    let built: ReturnType<typeof build>;
    before(() => (built = builtOnce('frus-like-volume')));

    it('makes each name heading an item of the list an entry, described by the rest of its item', () => {
      expect(built.messages.filter((m) => m.ruleId === 'ref-unresolved')).to.deep.equal([]);
      const persons = textOf(read(path.join(built.out, 'registers', 'persons.html')));
      expect(persons).to.match(/Tamm, Liisa Envoy of the Shipping Board Mentioned 4 times in 4 documents/);
      expect(persons).to.match(/Varga, Andor Harbour Master of Port Ellery Mentioned 2 times in 2 documents/);
      expect(read(path.join(built.out, 'documents', 'volume-d3.html'))).to.match(/<a href="\.\.\/registers\/persons\/p_TL1\.html"[^>]*>Miss Tamm<\/a>/);
    });

    it('is named by its own title, a volume in one file being the edition', () => {
      expect(read(path.join(built.out, 'index.html'))).to.include('<title>Test Relations, 1958–1960, Volume I, The Harbour Question</title>');
      expect(built.messages.filter((m) => m.ruleId === 'edition-untitled')).to.deep.equal([]);
    });

    it('publishes each document of the volume as a page of its own, in order, headed by its number and title, with its date and notes', () => {
      expect(readdirSync(path.join(built.out, 'documents'))).to.deep.equal(['volume-d1.html', 'volume-d2.html', 'volume-d3.html', 'volume-d4.html']);
      const first = parseHtml(read(path.join(built.out, 'documents', 'volume-d1.html')));
      expect(first.querySelector('h1')!.text.trim()).to.match(/^1\. Telegram From the Envoy to the SB\s*1$/);
      expect(first.querySelector('.notes')!.text).to.include('Source: Harbour Archives, Box 4. Secret.');
      // A pointer to another document of the volume leads to its page.
      expect(first.querySelector('a[data-tei="ref"]')!.getAttribute('href')).to.equal('volume-d3.html');
      expect(textOf(read(path.join(built.out, 'documents', 'volume-d2.html')))).to.match(
        /Date between 3 and 9 April 1958 Source Test Relations, 1958–1960, Volume I, The Harbour Question , The Opening of the Port/,
      );
      const home = parseHtml(read(path.join(built.out, 'index.html')));
      expect(home.querySelectorAll('.documents a').map((a) => a.getAttribute('href'))).to.deep.equal([
        'documents/volume-d1.html',
        'documents/volume-d2.html',
        'documents/volume-d3.html',
        'documents/volume-d4.html',
      ]);
      expect(home.querySelectorAll('section.introduction h2').map((h) => h.text.trim())).to.deep.equal(['Preface', 'Abbreviations and Terms']);
      expect(readdirSync(path.join(built.out, 'tei')).sort()).to.deep.equal([
        'volume-d1.xml',
        'volume-d2.xml',
        'volume-d3.xml',
        'volume-d4.xml',
        'volume-front.xml',
      ]);
    });

    it("takes a despatch's sender and addressee from the names its heading marks (persName type from, to), not from its enclosure", () => {
      const despatch = parseHtml(read(path.join(built.out, 'documents', 'volume-d4.html')));
      const fields = despatch.querySelectorAll('.document-meta > div').map((d) => `${d.querySelector('dt')!.text}: ${d.querySelector('dd')!.text.trim()}`);
      expect(fields).to.include.members(['Sent: Varga', 'Received: Tamm']);
      expect(despatch.querySelector('.document-meta a')!.getAttribute('href')).to.equal('../registers/persons/p_VA1.html');
      expect(textOf(read(path.join(built.out, 'registers', 'persons', 'p_VA1.html')))).to.match(
        /Letters from Varga, Andor \(1\) 4\. Mr\. Varga to Miss Tamm\./,
      );
      const cmif = read(path.join(built.out, 'cmif.xml'));
      expect(cmif).to.match(/<correspAction type="sent">\s*<persName>Varga<\/persName>\s*<date when="1958-04-12"\/>/);
      expect(cmif).not.to.include('Harbour Board');
      expect(read(path.join(built.out, 'text', 'volume-d4.txt'))).to.match(/Sent: Varga\nReceived: Tamm\n/);
    });

    it('gives no anchor an id the volume gives an element (its documents are d1, d2, … as dates are counted), nor a dateline date two', async () => {
      const pages = readdirSync(path.join(built.out, 'documents')).map((f) => path.join(built.out, 'documents', f));
      expect(await htmlProblems(pages)).to.deep.equal([]);
      const note = read(path.join(built.out, 'documents', 'volume-d2.html'));
      expect(note).to.match(/<div class="div" data-tei="div" data-type="document" id="d2">/);
      expect(note).to.match(/<span class="date" data-tei="date" id="d2-1"/);
    });
  });

  describe('in an edition with a configuration: index files named as its authorities, letters with their own records', () => {
    let root: string;
    let built: ReturnType<typeof build>;
    before(() => {
      root = tempDir('editio-configured-');
      cpSync(path.join(editions, 'letters-with-index'), path.join(root, 'tei'), { recursive: true });
      for (const letter of ['L001.xml', 'L002.xml', 'L003.xml'])
        cpSync(path.join(editions, 'letters-with-records', letter), path.join(root, 'tei', 'letters', letter));
      writeFileSync(
        path.join(root, 'tei', 'letters', 'ex-prefix.xml'),
        read(path.join(editions, 'letters-with-index', 'letters', '1911-03-09.xml')).replace('ref="#person_1">Clara</rs>', 'ref="ex:ida-kern">Frau Kern</rs>'),
      );
      const config = {
        title: 'A configured test edition',
        editors: ['Lind, Eva'],
        licence: { name: 'CC BY 4.0' },
        baseUrl: 'https://example.org/ed/',
        authorities: ['indices/listperson.xml', 'indices/listplace.xml'],
        prefixes: { ex: 'https://example.org/persons/$1' },
      };
      writeFileSync(path.join(root, 'editio.config.json'), JSON.stringify(config));
      const out = tempDir('editio-configured-out-');
      const run = runCli(['build', '--out', out, '--format', 'json'], root);
      built = { out, status: run.status, messages: (JSON.parse(run.stdout) as { messages: Message[] }).messages };
    });
    after(() => {
      removeDir(root);
      removeDir(built.out);
    });

    it('publishes every letter: records repeated across letters are merged, not refused; letters outside the edition named in correspContext are no error', () => {
      expect(built.messages.filter((m) => m.severity === 'error')).to.deep.equal([]);
      expect(readdirSync(path.join(built.out, 'documents'))).to.have.length(7);
      expect(built.messages.filter((m) => m.ruleId === 'record-differs')).to.have.length(1);
    });

    it('warns of the entries of its own lists no letter names, and of none of the letters’ records', () => {
      const unused = built.messages.filter((m) => m.ruleId === 'authority-unused').map((m) => /"([^"]+)"/.exec(m.reason)![1]);
      expect(unused.sort()).to.deep.equal(['person_4', 'person_5', 'place_3']);
    });

    it('expands a pointer by the configuration’s prefixes to the URL an entry carries', () => {
      expect(read(path.join(built.out, 'documents', 'ex-prefix.html'))).to.match(
        /<a href="\.\.\/registers\/persons\/person_3\.html"[^>]*data-ref="ex:ida-kern"/,
      );
    });
  });

  describe('letters searched for what a historian looks for (briefe-zum-suchen)', () => {
    const folder = path.join(editions, 'briefe-zum-suchen');
    let built: ReturnType<typeof build>;
    before(() => (built = builtOnce('briefe-zum-suchen')));

    /** A text's words, case, accents and ß aside, a hyphenated word also by its parts. */
    const wordsIn = (text: string): string[] =>
      (
        text
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .replace(/ß/g, 'ss')
          .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []
      ).flatMap((w) => [w, ...(w.includes('-') ? w.split('-') : [])]);
    const plain = (xml: string): string => xml.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]+>/g, ' ');
    const part = (xml: string, element: string): string =>
      [...xml.matchAll(new RegExp(`<${element}[\\s>][\\s\\S]*?</${element}>`, 'g'))].map((m) => m[0]).join(' ');

    /**
     * What each letter holds, read from its TEI: the words of its title, correspondents, text (its
     * notes included) and source, and the names the records it points to give (the registers').
     */
    function lettersHolding(): Map<string, { words: Set<string>; runs: string[][] }> {
      const records = new Map<string, string>();
      for (const file of readdirSync(path.join(folder, 'register'))) {
        for (const [, id, body] of read(path.join(folder, 'register', file)).matchAll(/<(?:person|place) xml:id="([^"]+)">([\s\S]*?)<\/(?:person|place)>/g))
          records.set(id!, plain(body!));
      }
      const letters = new Map<string, { words: Set<string>; runs: string[][] }>();
      for (const file of readdirSync(path.join(folder, 'briefe'))) {
        const xml = read(path.join(folder, 'briefe', file));
        const fields = [part(xml, 'title'), part(xml, 'correspDesc'), part(xml, 'sourceDesc'), part(xml, 'text')];
        const names = [...fields.join(' ').matchAll(/ref="[^"#]*#([^"]+)"/g)].map(([, id]) => records.get(id!) ?? '');
        // Phrases are looked for within one block of the text or one field, in its words as written (a hyphenated word's parts left out).
        const runs = [...fields.flatMap((f) => f.split(/<\/?(?:p|address|salute|signed|dateline|note|title|correspAction)\b[^>]*>/)), ...names].map((t) =>
          wordsIn(plain(t)).filter((w, i, all) => !all[i - 1]?.includes('-') || !all[i - 1]!.split('-').includes(w)),
        );
        letters.set(`documents/${file.replace(/\.xml$/, '.html')}`, { words: new Set(wordsIn(plain(`${fields.join(' ')} ${names.join(' ')}`))), runs });
      }
      return letters;
    }

    /** The letters that hold every word and phrase of a query, and none of its -words. */
    function expected(query: string, letters: Map<string, { words: Set<string>; runs: string[][] }>): string[] {
      const phrases = [...query.matchAll(/"([^"]+)"/g)].map(([, p]) => wordsIn(p!));
      const rest = query
        .replace(/"[^"]+"/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
      const wanted = rest.filter((w) => !w.startsWith('-')).flatMap((w) => wordsIn(w).slice(0, 1));
      const unwanted = rest.filter((w) => w.startsWith('-')).flatMap((w) => wordsIn(w.slice(1)).slice(0, 1));
      const holdsRun = (runs: string[][], phrase: string[]): boolean => runs.some((run) => run.some((_, i) => phrase.every((w, j) => run[i + j] === w)));
      return [...letters]
        .filter(([, { words, runs }]) => wanted.every((w) => words.has(w)) && !unwanted.some((w) => words.has(w)) && phrases.every((p) => holdsRun(runs, p)))
        .map(([page]) => page)
        .sort();
    }

    it('finds every letter whose title, correspondents, text, notes, source or named records hold the words, and no other', () => {
      expect(built.status).to.equal(0);
      const letters = lettersHolding();
      const queries = [
        'Beer-Hofmann',
        'Hofmann',
        'Richard Beer-Hofmann',
        'Paula Beer-Hofmann',
        'Hofmannsthal',
        'von Hofmannsthal',
        'Loris',
        'Lissy',
        'Wien',
        'Vienna',
        'Rodaun',
        'Ischl',
        'Josefstadt',
        '"Theater in der Josefstadt"',
        'Theater -Bahr',
        // A word only in a title, only in the correspondents, only in a note, only in the source, only in an address.
        'Telegramm',
        'Bahr',
        'Griensteidl',
        'Hochstift',
        'Houghton',
        'Franckgaße',
        'Franckgasse',
      ];
      let wanted = 0;
      for (const query of queries) {
        const want = expected(query, letters);
        wanted += want.length;
        expect(
          searchFinds(built.out, query)
            .map((f) => f.page)
            .sort(),
          query,
        ).to.deep.equal(want);
      }
      // The set is no set of empty answers.
      expect(wanted).to.be.greaterThan(30);
      // The old spelling the text has ("Thür") is found by today's.
      expect(searchFinds(built.out, 'Tür').map((f) => f.page)).to.deep.equal(['documents/L02.html']);
    });

    it('lists an editors’ note as a note, and gives a document found by its header alone with no passage', () => {
      const [note] = searchFinds(built.out, 'Griensteidl');
      expect(note!.passages).to.deep.equal([{ url: 'documents/L01.html#note-1', kind: 'note' }]);
      const [telegram] = searchFinds(built.out, 'Telegramm');
      expect(telegram).to.deep.include({ page: 'documents/L04.html', head: true, passages: [] });
    });
  });
});

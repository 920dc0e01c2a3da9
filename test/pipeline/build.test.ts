import { expect } from 'chai';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { copyEdition, lineOf, read, removeDir, requireShared, runCli, seedFile, teiDir, tempDir, type CliRun } from '../helpers.js';

const MENTIONS = new Set(['persName', 'placeName', 'orgName', 'objectName', 'eventName']);
const REGISTER: Record<string, string> = { persName: 'persons', placeName: 'places', orgName: 'organisations', objectName: 'objects', eventName: 'events' };
const documents = readdirSync(teiDir)
  .filter((f) => /^\d{4}-\d{2}-\d{2}-.*\.xml$/.test(f))
  .map((f) => f.replace(/\.xml$/, ''));

type Node = Record<string, unknown>;
/** The @ref of every mention in a TEI file, with the element it is on. */
function mentionsOf(file: string): { name: string; ref: string }[] {
  const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true }).parse(read(file)) as Node[];
  const found: { name: string; ref: string }[] = [];
  const walk = (nodes: Node[]): void => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
      if (!name || name.startsWith('?')) continue;
      const ref = (node[':@'] as Record<string, string> | undefined)?.ref;
      if (MENTIONS.has(name) && ref) found.push({ name, ref });
      walk(node[name] as Node[]);
    }
  };
  walk(tree);
  return found;
}

/** Where a rendered mention leads: its own href, or for a mention holding others, its parts' href. */
function hrefOf(el: HTMLElement): string | undefined {
  if (el.tagName === 'A') return el.getAttribute('href');
  return el.querySelector(':scope > a.mention-part')?.getAttribute('href');
}

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('build (end to end, the CLI on tei/)', function () {
  this.timeout(120_000);
  let out: string;
  let run: CliRun;

  before(() => {
    out = tempDir();
    run = runCli(['build', '--out', out]);
  });
  after(() => removeDir(out));

  it('exits 0 and says where to open the edition', () => {
    expect(run.status, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.contain(`Built ${documents.length} documents`);
    expect(run.stdout).to.contain(`file://${out}/index.html`);
  });

  it('writes the index, a page and a text per document, the registers and edition.txt', () => {
    for (const id of documents) {
      expect(existsSync(path.join(out, 'documents', `${id}.html`)), id).to.equal(true);
      expect(existsSync(path.join(out, 'text', `${id}.txt`)), id).to.equal(true);
    }
    for (const page of [
      'index.html',
      'text/edition.txt',
      'assets/edition.css',
      'registers/persons.html',
      'registers/places.html',
      'registers/organisations.html',
    ]) {
      expect(existsSync(path.join(out, page)), page).to.equal(true);
    }
  });

  it('links every mention tagged in a document’s TEI to the right register entry', () => {
    for (const id of documents) {
      const tei = mentionsOf(path.join(teiDir, `${id}.xml`));
      const html = parseHtml(read(path.join(out, 'documents', `${id}.html`)));
      const rendered = html.querySelectorAll('[data-ref]');
      expect(rendered.map((el) => el.getAttribute('data-ref')).sort(), id).to.deep.equal(tei.map((m) => m.ref).sort());
      for (const el of rendered) {
        const name = el.getAttribute('data-tei')!;
        const entry = el.getAttribute('data-ref')!.split('#')[1]!;
        expect(hrefOf(el), `${id}: ${entry}`).to.equal(`../registers/${REGISTER[name]}/${entry}.html`);
        const entryPage = parseHtml(read(path.join(out, 'registers', REGISTER[name]!, `${entry}.html`)));
        expect(entryPage.getElementById(entry), `${REGISTER[name]}/${entry}.html`).to.not.equal(null);
        const register = parseHtml(read(path.join(out, 'registers', `${REGISTER[name]}.html`)));
        expect(register.getElementById(entry), `${REGISTER[name]}.html#${entry}`).to.not.equal(null);
        expect(el.getAttribute('title'), entry).to.be.a('string').and.not.equal('');
      }
    }
  });

  it('marks supplied text with square brackets in HTML and text', () => {
    const html = parseHtml(read(path.join(out, 'documents', '1966-09-21-giap-decision.html')));
    expect(html.querySelectorAll('[data-tei="supplied"]').map((s) => s.text)).to.deep.equal(['[support]', '[North Korean]']);
    expect(read(path.join(out, 'text', '1966-09-21-giap-decision.txt'))).to.contain('technical [support] personnel');
  });

  it('lists the documents on the index in date order, each with date, title, summary and link', () => {
    const index = parseHtml(read(path.join(out, 'index.html')));
    const items = index.querySelectorAll('.document-list li');
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href'))).to.deep.equal(documents.map((id) => `documents/${id}.html`).sort());
    expect(items.map((li) => li.querySelector('time')!.getAttribute('datetime'))).to.deep.equal(['1966-09-21', '1966-09-30', '1967-07-06']);
    expect(items[1]!.querySelector('.summary')!.text).to.contain('MiG-21s');
    expect(index.querySelector('.introduction')!.text).to.contain('In 2000, both North Korea and Vietnam admitted');
  });

  it('wraps the text edition at 72 columns', () => {
    for (const file of readdirSync(path.join(out, 'text'))) {
      const long = read(path.join(out, 'text', file))
        .split('\n')
        .filter((l) => [...l].length > 72);
      expect(long, file).to.deep.equal([]);
    }
  });

  describe('the text edition against the seed dossier', () => {
    before(function () {
      requireShared(this, seedFile);
    });

    it('contains every sentence of the seed', () => {
      const edition = normalize(read(path.join(out, 'text', 'edition.txt')));
      const sentences = read(seedFile)
        .split(/\n/)
        .map(normalize)
        .filter(Boolean)
        .flatMap((line) => line.split(/(?<=[.:])\s+(?=[A-Z“])/));
      expect(sentences.length).to.be.greaterThan(20);
      const missing = sentences.filter((s) => !edition.includes(s));
      expect(missing).to.deep.equal([]);
    });
  });

  it('produces byte-identical output when built twice', () => {
    const again = tempDir();
    try {
      expect(runCli(['build', '--out', again]).status).to.equal(0);
      const list = (dir: string): string[] =>
        readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
          // The stamps record the sources' file times, not what was built (src/incremental/stamps.ts).
          .filter((file) => file !== path.join('.editio', 'stamps.json'))
          .sort();
      expect(list(again)).to.deep.equal(list(out));
      for (const file of list(out)) expect(readFileSync(path.join(again, file)).equals(readFileSync(path.join(out, file))), file).to.equal(true);
    } finally {
      removeDir(again);
    }
  });
});

describe('build (with broken documents)', function () {
  this.timeout(120_000);
  let edition: string;
  before(() => {
    edition = copyEdition();
  });
  after(() => removeDir(edition));

  it('publishes the other documents, reports the broken ones with file and line, and exits 1', () => {
    const giap = path.join(edition, 'tei', '1966-09-21-giap-decision.xml');
    writeFileSync(giap, read(giap).replace('</roleName> Phung The Tai</persName>', '</roleName> Phung The Tai</orgName>'));
    const telegram = path.join(edition, 'tei', '1967-07-06-telegram-pyongyang-bucharest.xml');
    writeFileSync(telegram, read(telegram).replace('<head>Telegram from <placeName ref="authorities.xml#pyongyang">', '<head>Telegram from <placeName>'));
    const run = runCli(['build'], edition);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.match(
      new RegExp(
        `^tei/1966-09-21-giap-decision\\.xml\\n {2}${lineOf(read(giap), 'Phung The Tai</orgName>')}:\\d+ {2}error {2}not well-formed XML.* {2}not-well-formed$`,
        'm',
      ),
    );
    expect(run.stdout).to.match(
      new RegExp(
        `^tei/1967-07-06-telegram-pyongyang-bucharest\\.xml\\n {2}${lineOf(read(telegram), '<head>Telegram from <placeName>')} {2}error {2}<placeName> lacks a required attribute.* {2}relaxng$`,
        'm',
      ),
    );
    const out = path.join(edition, 'dist', 'edition');
    expect(readdirSync(path.join(out, 'documents'))).to.deep.equal(['1966-09-30-protocol-agreement.html']);
    const index = read(path.join(out, 'index.html'));
    expect(index).to.contain('1966-09-30-protocol-agreement.html');
    expect(index).not.to.contain('1967-07-06-telegram-pyongyang-bucharest.html');
  });

  it('removes the outputs of a document that no longer exists', () => {
    rmSync(path.join(edition, 'tei', '1966-09-21-giap-decision.xml'));
    rmSync(path.join(edition, 'tei', '1967-07-06-telegram-pyongyang-bucharest.xml'));
    expect(runCli(['build'], edition).status).to.equal(0);
    expect(readdirSync(path.join(edition, 'dist', 'edition', 'text')).sort()).to.deep.equal(['1966-09-30-protocol-agreement.txt', 'edition.txt']);
  });

  it('refuses to write into a folder holding files it did not write (exit 2)', () => {
    const foreign = tempDir();
    try {
      writeFileSync(path.join(foreign, 'thesis.docx'), 'precious');
      const run = runCli(['build', '--out', foreign], edition);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.contain('out-not-editio');
      expect(read(path.join(foreign, 'thesis.docx'))).to.equal('precious');
    } finally {
      removeDir(foreign);
    }
  });
});

describe('build: document ids and the output folder (end to end)', function () {
  this.timeout(120_000);
  let edition: string;
  beforeEach(() => (edition = copyEdition()));
  afterEach(() => removeDir(edition));
  const protocol = (): string => read(path.join(edition, 'tei', '1966-09-30-protocol-agreement.xml'));

  it('reports two sources with one file name in different folders, naming both, and publishes the one in fewer folders', () => {
    mkdirSync(path.join(edition, 'tei', 'drafts'));
    // The same document one folder down: its pointers lead one folder up.
    const draft = protocol()
      .replace('../schemas/', '../../schemas/')
      .replaceAll('"authorities.xml#', '"../authorities.xml#')
      .replaceAll('"edition.xml#', '"../edition.xml#');
    writeFileSync(path.join(edition, 'tei', 'drafts', '1966-09-30-protocol-agreement.xml'), draft.replace('Agreement', 'Draft agreement'));
    writeFileSync(path.join(edition, 'tei', 'drafts', '1966-09-30-PROTOCOL-agreement.xml'), draft);
    const run = runCli(['build'], edition);
    expect(run.status, run.stderr).to.equal(1);
    for (const draft of ['1966-09-30-protocol-agreement', '1966-09-30-PROTOCOL-agreement']) {
      expect(run.stdout).to.match(
        new RegExp(
          `^tei/drafts/${draft}\\.xml\\n {2}1 {2}error {2}this document would be published as documents/${draft}\\.html, like tei/1966-09-30-protocol-agreement\\.xml: .*rename one of the files {2}document-id-duplicate$`,
          'm',
        ),
      );
    }
    const out = path.join(edition, 'dist', 'edition');
    expect(read(path.join(out, 'documents', '1966-09-30-protocol-agreement.html'))).not.to.contain('Draft agreement');
    expect(readdirSync(path.join(out, 'documents'))).to.have.length(documents.length);
  });

  it('refuses an output folder inside the sources (exit 2), and never reads an earlier one as sources', () => {
    const inside = runCli(['build', '--out', 'tei/site'], edition);
    expect(inside.status).to.equal(2);
    expect(inside.stderr).to.match(
      /the output folder .*tei\/site is inside the sources folder .*tei, whose files are all read as the edition's; choose an output folder outside it {2}out-in-sources/,
    );
    expect(existsSync(path.join(edition, 'tei', 'site'))).to.equal(false);
    // An edition an older editio built inside the sources: its copies of the TEI are not sources.
    const elsewhere = path.join(edition, 'elsewhere');
    expect(runCli(['build', '--out', elsewhere], edition).status).to.equal(0);
    cpSync(elsewhere, path.join(edition, 'tei', 'old-site'), { recursive: true });
    const later = runCli(['build'], edition);
    expect(later.status, later.stdout + later.stderr).to.equal(0);
    expect(later.stdout).to.contain(`Built ${documents.length} documents`);
  });

  it('publishes documents whose names fit the file names made from them, and reports longer ones', () => {
    const named = (length: number): string => `1966-09-30-${'p'.repeat(length - 11)}`;
    for (const length of [233, 248, 249, 251]) writeFileSync(path.join(edition, 'tei', `${named(length)}.xml`), protocol());
    const run = runCli(['build'], edition);
    expect(run.status, run.stderr).to.equal(1);
    expect(run.stderr).to.equal('');
    for (const length of [249, 251]) {
      expect(run.stdout).to.match(
        new RegExp(
          `^tei/${named(length)}\\.xml\\n {2}1 {2}error {2}the file name is too long to publish: .*at most 248 bytes before \\.xml \\(it has ${length}\\) {2}file-name-too-long$`,
          'm',
        ),
      );
    }
    const out = path.join(edition, 'dist', 'edition');
    for (const length of [233, 248]) {
      expect(existsSync(path.join(out, 'documents', `${named(length)}.html`)), `${length}`).to.equal(true);
      expect(existsSync(path.join(out, 'metadata', `${named(length)}.dc.xml`)), `${length}`).to.equal(true);
    }
    expect(readdirSync(path.join(out, 'documents'))).to.have.length(documents.length + 2);
  });
});

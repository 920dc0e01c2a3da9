import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { htmlProblems, passagesNotOnTheirPage, read, removeDir, runCli, searchPassages, teiDir, tempDir } from './helpers.js';

/** Every HTML page of a built edition, by path. */
function pagesOf(out: string): Map<string, HTMLElement> {
  const pages = new Map<string, HTMLElement>();
  for (const file of readdirSync(out, { recursive: true }) as string[]) {
    if (file.endsWith('.html')) pages.set(file.split(path.sep).join('/'), parseHtml(read(path.join(out, file))));
  }
  return pages;
}

/** The element a relative link from `from` lands on, if any. */
function landing(pages: Map<string, HTMLElement>, from: string, href: string): HTMLElement | null | undefined {
  const [target, anchor] = decodeURIComponent(path.posix.normalize(path.posix.join(path.posix.dirname(from), href))).split('#');
  const page = pages.get(target!);
  if (!page) return undefined;
  return anchor ? page.getElementById(anchor) : page;
}

describe('the HTML edition (end to end)', function () {
  this.timeout(120_000);
  let out: string;
  let pages: Map<string, HTMLElement>;

  before(() => {
    out = tempDir();
    expect(runCli(['build', '--out', out]).status).to.equal(0);
    pages = pagesOf(out);
  });
  after(() => removeDir(out));

  it('writes registers, chronology and search beside the documents', () => {
    for (const page of ['index.html', 'chronology.html', 'search.html', 'registers/persons.html', 'registers/places.html', 'registers/organisations.html']) {
      expect(pages.has(page), page).to.equal(true);
    }
  });

  it('indexes every passage of every page for search, each linked to the element that holds its words', () => {
    const passages = searchPassages(out);
    // The introduction's and every document's headings, summaries, datelines and paragraphs.
    expect(passages.length).to.be.greaterThan(10);
    // But not a document's heading that is its title: the title finds it, and the result shows it.
    const titles = passages.filter(
      (p) => p.url.startsWith('documents/') && p.text === pages.get(p.url.split('#')[0]!)!.querySelector('h1')!.textContent!.trim(),
    );
    expect(titles).to.deep.equal([]);
    const heading = passages.filter((p) => /^North Korean Pilots in the Skies over Vietnam$/.test(p.text));
    expect(heading).to.have.length(1);
    expect(heading[0]!.url).to.match(/^index\.html#p\d+$/);
    expect(passagesNotOnTheirPage(out)).to.deep.equal([]);
  });

  it('is valid HTML5, accessible by html-validate’s rules, on every page', async () => {
    expect(await htmlProblems([...pages.keys()].map((page) => path.join(out, page)))).to.deep.equal([]);
  });

  it('sets lang, a Content-Security-Policy, landmarks and headings in order; has no inline script', () => {
    for (const [name, page] of pages) {
      expect(page.querySelector('html')!.getAttribute('lang'), name).to.equal('en');
      expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), name).to.contain("default-src 'none'");
      for (const landmark of ['header', 'nav', 'main', 'footer']) expect(page.querySelector(landmark), `${name} ${landmark}`).to.not.equal(null);
      for (const script of page.querySelectorAll('script')) expect(script.getAttribute('src'), name).to.be.a('string');
      expect(page.toString(), name).not.to.match(/javascript:/i);
      const levels = page.querySelectorAll('h1, h2, h3, h4').map((h) => Number(h.tagName[1]));
      expect(levels[0], name).to.equal(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${name}: heading h${levels[i]} after h${levels[i - 1]}`).to.be.at.most(1);
    }
  });

  it('loads nothing from another site: every script, stylesheet and image is the edition’s own', () => {
    for (const [name, page] of pages) {
      for (const el of page.querySelectorAll('script[src], link[href], img[src]')) {
        expect(el.getAttribute('src') ?? el.getAttribute('href'), name).not.to.match(/^(https?:)?\/\//);
      }
    }
  });

  it('gives each register entry a page listing every mention, each link landing on that mention', () => {
    let checked = 0;
    for (const register of ['persons', 'places', 'organisations', 'objects', 'events']) {
      const list = `registers/${register}.html`;
      for (const section of pages.get(list)!.querySelectorAll('section.entry')) {
        const name = `registers/${register}/${section.id}.html`;
        expect(section.querySelector('h2 a')?.getAttribute('href'), list).to.equal(`../${name}`);
        const entry = pages.get(name)!.getElementById(section.id)!;
        expect(entry.querySelector('h1')!.text).to.equal(section.querySelector('h2')!.text);
        for (const link of entry.querySelectorAll('ul.mentions ul a')) {
          const target = landing(pages, name, link.getAttribute('href')!);
          expect(target, `${entry.id}: ${link.getAttribute('href')}`).to.not.equal(undefined);
          expect(target?.getAttribute('data-ref'), `${entry.id}: ${link.getAttribute('href')}`).to.match(new RegExp(`#${entry.id}$`));
          checked++;
        }
      }
    }
    const teiMentions = readdirSync(teiDir)
      .filter((f) => f !== 'authorities.xml')
      .reduce((n, f) => n + [...read(path.join(teiDir, f)).matchAll(/<(persName|placeName|orgName|objectName|eventName) ref=/g)].length, 0);
    expect(checked).to.equal(teiMentions);
  });

  it('says how often each entry is mentioned', () => {
    const giap = pages.get('registers/persons.html')!.getElementById('vo-nguyen-giap')!;
    expect(giap.querySelector('.mention-count')!.text).to.equal('Mentioned 3 times in 1 document');
    expect(giap.querySelector('.identifiers')).to.equal(null);
    const giapPage = pages.get('registers/persons/vo-nguyen-giap.html')!.getElementById('vo-nguyen-giap')!;
    expect(giapPage.querySelector('.mention-count')!.text).to.equal('Mentioned 3 times in 1 document:');
    // The introduction is no document: it is named as itself.
    expect(pages.get('registers/places/north-korea.html')!.querySelector('.mention-count')!.text).to.match(
      /^Mentioned \d+ times in \d+ documents? and the introduction:$/,
    );
    const korea = pages.get('registers/places.html')!.getElementById('north-korea')!;
    expect(korea.querySelector('.identifiers a')!.getAttribute('href')).to.equal('http://www.wikidata.org/entity/Q423');
  });

  it('lists every date in the chronology, each link landing on it, with an SVG timeline', () => {
    const page = pages.get('chronology.html')!;
    const items = page.querySelectorAll('ol.chronology > li');
    expect(items.map((li) => li.querySelector('time')!.getAttribute('datetime'))).to.deep.equal(['1966-09-21', '1966-09-30', '1967-07-06', '2000']);
    for (const link of page.querySelectorAll('ol.chronology a')) {
      const target = landing(pages, 'chronology.html', link.getAttribute('href')!);
      expect(target?.getAttribute('data-tei'), link.getAttribute('href')!).to.equal('date');
    }
    expect(page.querySelectorAll('svg .timeline-point')).to.have.length(4);
  });

  it('offers each document’s TEI for download, byte for byte, with the schema its xml-model names', () => {
    const doc = pages.get('documents/1966-09-21-giap-decision.html')!;
    const href = doc.querySelector('a.download')!.getAttribute('href')!;
    expect(href).to.equal('../tei/1966-09-21-giap-decision.xml');
    expect(
      readFileSync(path.join(out, 'tei', '1966-09-21-giap-decision.xml')).equals(readFileSync(path.join(teiDir, '1966-09-21-giap-decision.xml'))),
    ).to.equal(true);
    expect(readdirSync(path.join(out, 'schemas')).sort()).to.deep.equal(['editio-authorities.rng', 'editio-edition.rng', 'editio.rng']);
  });

  it('suggests a citation with the stable URL from the configured base URL', () => {
    const cite = pages.get('documents/1966-09-30-protocol-agreement.html')!.querySelector('.citation')!;
    expect(cite.text).to.contain('30 September 1966. In North Korean Pilots in the Air War over North Vietnam, 1966–1967');
    expect(cite.querySelector('a')!.getAttribute('href')).to.equal(
      'https://editions.example.org/north-korean-pilots/documents/1966-09-30-protocol-agreement.html',
    );
  });

  it('links every paragraph to itself, for citing a passage', () => {
    const doc = pages.get('documents/1966-09-21-giap-decision.html')!;
    for (const p of doc.querySelectorAll('.document-text p.p')) {
      expect(p.querySelector('a.anchor-link')!.getAttribute('href')).to.equal(`#${p.id}`);
    }
  });

  it('says on a page with paragraphs, and only there, that each has its link', () => {
    expect(pages.get('documents/1966-09-21-giap-decision.html')!.querySelector('.cite-help')).not.to.equal(null);
    // The telegram is known only by its summary: no paragraph, no ¶.
    expect(pages.get('documents/1967-07-06-telegram-pyongyang-bucharest.html')!.querySelector('.cite-help')).to.equal(null);
  });

  it('gives a document’s date once in its fields, as the edition writes dates, where the chronology links to it', () => {
    const telegram = pages.get('documents/1967-07-06-telegram-pyongyang-bucharest.html')!;
    const field = (name: string): HTMLElement | undefined =>
      telegram
        .querySelectorAll('.document-meta > div')
        .find((d) => d.querySelector('dt')!.text === name)
        ?.querySelector('dd') ?? undefined;
    const date = field('Date')!.querySelector('time')!;
    expect(date.text).to.equal('6 July 1967');
    expect(date.getAttribute('title')).to.equal('In the source: July 6, 1967');
    expect(field('Sent')!.text).to.equal('Pyongyang');
    expect(telegram.querySelector('.citation')!.text).to.contain('” 6 July 1967.');
    const chronologyLink = pages
      .get('chronology.html')!
      .querySelectorAll('.chronology-document a')
      .find((a) => a.getAttribute('href')!.includes('telegram'))!;
    expect(chronologyLink.getAttribute('href')).to.equal(`documents/1967-07-06-telegram-pyongyang-bucharest.html#${date.id}`);
  });

  it('offers a highlight switch for each kind of thing a page shows, and for no other', () => {
    for (const [page, html] of pages) {
      const switches = html.querySelectorAll('.highlight-switch').map((s) => s.id.replace(/^highlight-/, ''));
      if (switches.length === 0) continue;
      const shown = new Set(html.querySelectorAll('main [class]').flatMap((e) => e.classList.value));
      const kinds = ['mention-persName', 'mention-placeName', 'mention-orgName', 'mention-objectName', 'mention-eventName', 'mention-title', 'date'];
      expect(switches, page).to.deep.equal(kinds.filter((k) => shown.has(k)));
    }
    const telegram = pages.get('documents/1967-07-06-telegram-pyongyang-bucharest.html')!;
    expect(telegram.querySelectorAll('.highlight-switches label').map((l) => l.text.trim())).to.deep.equal(['Places', 'Events', 'Dates']);
  });

  it('cites a document with the edition’s year, its URL breaking only after a slash', () => {
    const citation = pages.get('documents/1966-09-21-giap-decision.html')!.querySelector('.citation')!;
    // (Its editors are not named yet: the citation leaves them out rather than print the placeholder.)
    expect(citation.text).to.match(/In North Korean Pilots in the Air War over North Vietnam, 1966–1967 \(2026\)\. https:/);
    const url = citation.querySelector('a')!;
    expect(url.innerHTML.split('<wbr>').every((part, i) => i === 0 || part.length > 0)).to.equal(true);
    expect(url.innerHTML.replace(/<wbr>/g, '')).to.equal(url.getAttribute('href'));
    expect(url.innerHTML).to.match(/\/<wbr>north-korean-pilots\/<wbr>documents\/<wbr>/);
  });

  it('prints no placeholder for the editors the configuration has not named yet (the build warns of it once)', () => {
    for (const [page, html] of pages) expect(html.text, page).not.to.contain('to be named');
    const run = runCli(['build', '--out', out, '--full', '--format', 'json']);
    const warned = (JSON.parse(run.stdout) as { messages: { ruleId: string; line?: number }[] }).messages.filter((m) => m.ruleId === 'editor-placeholder');
    expect(warned).to.have.length(1);
    expect(warned[0]!.line).to.equal(5);
  });

  it('says how the edition was made on its About page, linked from every page, and offers what a reader can download', () => {
    const about = pages.get('about.html')!;
    expect(about.querySelectorAll('main h2').map((h) => h.text)).to.deep.equal([
      'How the texts are edited',
      'Sources',
      'How to cite the edition',
      'Licence',
      'Downloads',
    ]);
    expect(about.querySelector('main')!.text).to.contain('square brackets here too').and.contain('known only by the summary');
    for (const [page, html] of pages) {
      const link = html.querySelectorAll('.site-nav a').find((a) => a.text.trim() === 'About');
      expect(link, page).not.to.equal(undefined);
      expect(path.posix.normalize(path.posix.join(path.posix.dirname(page), link!.getAttribute('href')!)), page).to.equal('about.html');
    }
    for (const page of ['index.html', 'about.html']) {
      const links = pages
        .get(page)!
        .querySelectorAll('.downloads a')
        .map((a) => a.getAttribute('href')!);
      expect(links, page).to.include.members(['corpus.xml', 'editio-edition.zip', 'metadata/documents.csv', 'text/edition.txt']);
      // Built without --pdf: no book to offer.
      expect(links, page).not.to.include('print/edition.pdf');
      for (const href of links) expect(existsSync(path.join(out, href)), `${page} → ${href}`).to.equal(true);
    }
  });

  it('marks where the reader is in the navigation', () => {
    const current = (page: string): string[] =>
      pages
        .get(page)!
        .querySelectorAll('.site-nav a[aria-current]')
        .map((a) => `${a.text.trim()}=${a.getAttribute('aria-current')}`);
    expect(current('index.html')).to.deep.equal([]);
    expect(current('documents/1966-09-21-giap-decision.html')).to.deep.equal(['Documents=true']);
    expect(current('registers/persons.html')).to.deep.equal(['Persons=page']);
    expect(current('registers/persons/vo-nguyen-giap.html')).to.deep.equal(['Persons=true']);
    expect(current('chronology.html')).to.deep.equal(['Chronology=page']);
    expect(current('search.html')).to.deep.equal([]);
    expect(current('about.html')).to.deep.equal(['About=page']);
  });

  it('explains supplied text on hover and focus', () => {
    const supplied = pages.get('documents/1966-09-21-giap-decision.html')!.querySelectorAll('.supplied');
    expect(supplied).to.have.length(2);
    for (const s of supplied) {
      expect(s.getAttribute('title')).to.equal('Added by the translator');
      expect(s.getAttribute('tabindex')).to.equal('0');
    }
  });
});

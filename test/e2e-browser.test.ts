import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serve, type Server } from '../src/serve/serve.js';
import { writeDossier } from './bench/dossier.js';
import { removeDir, repoRoot, runCli, searchFinds, tempDir, CHROMIUM, CHROMIUM_ARGS } from './helpers.js';

const SCREENSHOTS = path.join(repoRoot, 'dist', 'screenshots');
const PAGE_TYPES: Record<string, string> = {
  index: 'index.html',
  document: 'documents/1966-09-21-giap-decision.html',
  register: 'registers/persons.html',
  places: 'registers/places.html',
  entry: 'registers/persons/vo-nguyen-giap.html',
  chronology: 'chronology.html',
  search: 'search.html?q=MiG-21',
  about: 'about.html',
};

describe('the HTML edition in Chromium', function () {
  this.timeout(180_000);
  let out: string;
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  const outside: string[] = [];
  const errors: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      (skipped: ${CHROMIUM} is missing; install Debian's chromium to run the browser tests)`);
      this.skip();
    }
    out = tempDir();
    expect(runCli(['build', '--out', out]).status).to.equal(0);
    server = await serve({ dir: out, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const local = url.protocol === 'file:' || url.protocol === 'data:' || url.hostname === '127.0.0.1';
      if (local) return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    context.on('page', watch);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (out) removeDir(out);
  });

  function watch(page: Page): void {
    page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  }

  async function open(relative: string, c: BrowserContext = context): Promise<Page> {
    const page = await c.newPage();
    if (c !== context) watch(page);
    await page.goto(server.url + relative);
    return page;
  }

  it('opens every kind of page, saves a screenshot of each at 1280 and 390 px, and logs no error', async () => {
    for (const [kind, relative] of Object.entries(PAGE_TYPES)) {
      const page = await open(relative);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        // Loaded again at each width: the search page opens its filters only where there is room.
        await page.reload();
        if (kind === 'search') await page.waitForSelector('#search-results li');
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: path.join(SCREENSHOTS, width === 1280 ? `${kind}.png` : `${kind}-${width}px.png`), fullPage: true });
      }
      await page.close();
    }
    expect(errors).to.deep.equal([]);
  });

  it('follows a person from a document to the entry’s page, its register and back to the exact mention', async () => {
    const page = await open(PAGE_TYPES.document!);
    await page.click('a[data-ref="authorities.xml#phung-the-tai"]');
    await page.waitForURL(/registers\/persons\/phung-the-tai\.html$/);
    expect(await page.textContent('h1')).to.equal('Phung The Tai');
    await page.click('nav.breadcrumb a');
    await page.waitForURL(/registers\/persons\.html#phung-the-tai$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).to.equal('phung-the-tai');
    await page.click('#phung-the-tai h2 a');
    await page.waitForURL(/registers\/persons\/phung-the-tai\.html$/);
    await page.click('ul.mentions ul a');
    await page.waitForURL(/documents\/1966-09-21-giap-decision\.html#m\d+$/);
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      return { ref: el?.getAttribute('data-ref'), text: el?.textContent, visible: el ? el.getBoundingClientRect().top < window.innerHeight : false };
    });
    expect(target).to.deep.equal({ ref: 'authorities.xml#phung-the-tai', text: 'Comrade Phung The Tai', visible: true });
    await page.close();
  });

  const background = (page: Page, selector: string): Promise<string> => page.$eval(selector, (el) => getComputedStyle(el).backgroundColor);

  it('switches highlighting on and off per type, with the keyboard', async () => {
    const page = await open(PAGE_TYPES.document!);
    const none = 'rgba(0, 0, 0, 0)';
    expect(await background(page, '.mention-persName')).to.equal(none);
    await page.focus('#highlight-mention-persName');
    await page.keyboard.press('Space');
    expect(await background(page, '.mention-persName')).not.to.equal(none);
    expect(await background(page, '.mention-placeName')).to.equal(none);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await background(page, '.mention-placeName')).not.to.equal(none);
    await page.focus('#highlight-mention-persName');
    await page.keyboard.press('Space');
    expect(await background(page, '.mention-persName')).to.equal(none);
    await page.close();
  });

  it('highlights without JavaScript too', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await open(PAGE_TYPES.document!, noScript);
    await page.click('label:has(#highlight-date)');
    expect(await background(page, '.date')).not.to.equal('rgba(0, 0, 0, 0)');
    await noScript.close();
  });

  it('ends a document’s citation with the day the reader reads it, and without JavaScript leaves the day out', async () => {
    const page = await open(PAGE_TYPES.document!);
    const accessed = await page.$eval('.citation', (p) => ({
      text: p.textContent!,
      iso: p.querySelector('.cite-accessed time')!.getAttribute('datetime'),
      shown: !p.querySelector<HTMLElement>('.cite-accessed')!.hidden,
    }));
    const today = await page.evaluate(() => [new Date().getFullYear(), new Date().getMonth() + 1, new Date().getDate()]);
    expect(accessed.shown).to.equal(true);
    expect(accessed.iso).to.equal(`${today[0]}-${String(today[1]).padStart(2, '0')}-${String(today[2]).padStart(2, '0')}`);
    expect(accessed.text).to.match(new RegExp(`\\.html, accessed ${today[2]} [A-Z][a-z]+ ${today[0]}\\.$`));
    await page.close();
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await open(PAGE_TYPES.document!, noScript);
    expect(await plain.isVisible('.cite-accessed')).to.equal(false);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, line breaks and all, is what a reader copies
    expect(await plain.$eval('.citation', (p) => (p as HTMLElement).innerText)).to.match(/\.html\.$/);
    await noScript.close();
  });

  it('explains supplied text when it gets keyboard focus', async () => {
    const page = await open(PAGE_TYPES.document!);
    await page.focus('.supplied');
    const explanation = await page.$eval('.supplied', (el) => getComputedStyle(el, '::after').content);
    expect(explanation).to.equal('"Added by the translator"');
    await page.close();
  });

  it('finds the protocol agreement for "MiG-21" and the decision for "Giap", each result linking to the passage', async () => {
    const page = await open(PAGE_TYPES.search!);
    await page.waitForSelector('#search-results li');
    const first = await page.$eval('#search-results a.search-passage', (a) => a.getAttribute('href'));
    expect(first).to.match(/^documents\/1966-09-30-protocol-agreement\.html#p\d+$/);
    await page.click('#search-results a.search-passage');
    await page.waitForURL(/protocol-agreement\.html#p\d+$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).to.contain('MiG-21s');
    await page.goto(`${server.url}search.html`);
    await page.fill('#search-q', 'Giap');
    await page.press('#search-q', 'Enter');
    await page.waitForSelector('#search-results li');
    const hrefs = await page.$$eval('#search-results a.search-passage', (links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.every((h) => h!.startsWith('documents/1966-09-21-giap-decision.html#'))).to.equal(true);
    expect(await page.textContent('#search-status')).to.match(/^\d+ passages? in 1 page found for “Giap”\.$/);
    await page.close();
  });

  it('finds only passages that hold the word, grouped under their page, each link landing on the word', async () => {
    const page = await open('search.html?q=pilots');
    await page.waitForSelector('#search-results li');
    // (No helper function inside: the test runner's compiler would name it with a function the page lacks.)
    const groups = await page.$$eval('#search-results > li', (items) =>
      items.map((item) => ({
        page: item.querySelector('h2 a')!.getAttribute('href')!,
        title: [...item.querySelectorAll('h2 mark')].map((m) => m.textContent!.toLowerCase()),
        passages: [...item.querySelectorAll('a.search-passage')].map((a) => ({
          href: a.getAttribute('href')!,
          marked: [...a.querySelectorAll('mark')].map((m) => m.textContent!.toLowerCase()),
        })),
      })),
    );
    // Each page once, found by its text or its title (marked there).
    expect(new Set(groups.map((g) => g.page)).size).to.equal(groups.length);
    for (const group of groups) expect(group.passages.length > 0 || group.title.includes('pilots'), group.page).to.equal(true);
    const passages = groups.flatMap((g) => g.passages);
    expect(passages.length).to.be.greaterThan(1);
    for (const { href, marked } of passages) {
      expect(marked, href).to.include('pilots');
      const target = await open(href);
      expect(await target.evaluate(() => document.querySelector(':target')?.textContent ?? ''), href).to.match(/pilots/i);
      await target.close();
    }
    // Ranked as assets/search-query.js ranks them: the title weighs most, so the pages with "Pilots" in their titles come first.
    const titled = groups.map((g) => g.title.includes('pilots'));
    expect(titled.indexOf(false)).to.be.greaterThan(0);
    expect(titled.lastIndexOf(true)).to.be.lessThan(titled.indexOf(false));
    expect(await page.textContent('#search-status')).to.match(new RegExp(`^\\d+ passages in ${groups.length} pages found for “pilots”\\.$`));
    await page.close();
  });

  it('finds a phrase, marks its words only where they stand together, and quotes it in the status as the page’s language does', async () => {
    const page = await open(`search.html?q=${encodeURIComponent('"air force"')}`);
    await page.waitForSelector('#search-results li');
    // The results' texts with their marks in brackets: every mark is one of a pair "⟦air⟧ ⟦force⟧".
    const texts = await page.$$eval('#search-results h2 a, #search-results .search-date, #search-results .search-snippet', (elements) =>
      elements.map((e) => [...e.childNodes].map((n) => (n.nodeName === 'MARK' ? `⟦${n.textContent}⟧` : n.textContent)).join('')),
    );
    expect(texts.join(' ')).to.match(/⟦air⟧ ⟦force⟧/i);
    for (const text of texts) expect(text.replace(/⟦air⟧\s+⟦force⟧/gi, ''), text).not.to.include('⟦');
    expect(await page.textContent('#search-status')).to.match(/^\d+ passages? in \d+ pages? found for “‘air force’”\.$/);
    await page.close();
  });

  it('narrows the results by a date range and a kind of document, keeps both in the URL, and restores them from it', async () => {
    const page = await open('search.html?q=Korea');
    await page.waitForSelector('#search-results li');
    const pagesFound = (): Promise<string[]> => page.$$eval('#search-results > li h2 a', (links) => links.map((a) => a.getAttribute('href')!));
    expect((await pagesFound()).length).to.be.greaterThan(2);
    await page.fill('#search-from', '1967');
    await page.press('#search-from', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 1);
    expect(await pagesFound()).to.deep.equal(['documents/1967-07-06-telegram-pyongyang-bucharest.html']);
    expect(await page.textContent('#search-status')).to.match(/found for “Korea” \(from 1967\)\.$/);
    // Counts follow the words and the range (once the results are drawn): only the telegram's kind is left to choose.
    await page.waitForSelector('#search-facets:not([aria-busy])', { state: 'attached' });
    expect(await page.$$eval('.facet-kind .facet-choice:not([hidden])', (labels) => labels.map((l) => l.textContent!.trim()))).to.deep.equal(['Telegram (1)']);
    await page.check('.facet-kind input[value="Telegram"]');
    await page.waitForFunction(() => location.search.includes('kind=Telegram'));
    const shared = page.url();
    expect(new URL(shared).search).to.equal('?q=Korea&from=1967&kind=Telegram');
    const again = await open(shared.slice(server.url.length));
    await again.waitForSelector('#search-results li');
    expect(await again.inputValue('#search-from')).to.equal('1967');
    expect(await again.isChecked('.facet-kind input[value="Telegram"]')).to.equal(true);
    expect(await again.$$eval('#search-results > li', (items) => items.length)).to.equal(1);
    // A range the page cannot read is said to be wrong, not searched as if it were none.
    await again.fill('#search-from', '1967-13');
    await again.press('#search-from', 'Enter');
    await again.waitForFunction(() => /is not a date/.test(document.getElementById('search-status')!.textContent!));
    expect(await again.$$eval('#search-results > li', (items) => items.length)).to.equal(0);
    await Promise.all([page.close(), again.close()]);
  });

  it('follows the words as they are typed, orders by date when asked (in the URL), and keeps the words when the filters are cleared', async () => {
    const page = await open('search.html');
    // While typing, the last word is the start of one: "Gia" finds Giap; once sent, whole words only.
    await page.type('#search-q', 'Gia');
    await page.waitForSelector('#search-results li');
    expect(await page.$$eval('#search-results mark', (marks) => marks.map((m) => m.textContent))).to.include('Giap');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => /^Nothing found for “Gia”/.test(document.getElementById('search-status')!.textContent!));
    await page.fill('#search-q', 'Korea');
    await page.selectOption('#search-sort', 'date');
    await page.waitForFunction(() => location.search.includes('sort=date'));
    expect(new URL(page.url()).search).to.equal('?q=Korea&sort=date');
    const hrefs = await page.$$eval('#search-results > li h2 a', (links) => links.map((a) => a.getAttribute('href')!));
    const documents = hrefs.filter((h) => h.startsWith('documents/'));
    expect(documents).to.deep.equal([...documents].sort());
    expect(documents.length).to.be.greaterThan(2);
    // Clearing the filters keeps the words.
    await page.fill('#search-from', '1967');
    await page.press('#search-from', 'Enter');
    await page.waitForFunction(() => location.search.includes('from=1967'));
    await page.click('.facet-actions a');
    await page.waitForURL(/search\.html\?q=Korea$/);
    expect(await page.inputValue('#search-q')).to.equal('Korea');
    await page.close();
  });

  it('lists the documents the filters leave when no words are given, and filters from file:// too', async () => {
    const page = await context.newPage();
    await page.goto(`${pathToFileURL(path.join(out, 'search.html')).href}?from=1966-09&to=1966-09&name=vo-nguyen-giap`);
    await page.waitForSelector('#search-results li');
    expect(await page.$$eval('#search-results > li h2 a', (links) => links.map((a) => a.getAttribute('href')))).to.deep.equal([
      'documents/1966-09-21-giap-decision.html',
    ]);
    expect(await page.textContent('#search-status')).to.equal('1 page with these filters (1966-09 to 1966-09; Võ Nguyên Giáp).');
    await page.close();
  });

  it('maps the places of a document and of the places register, each marker linked to its entry, no name over another', async () => {
    for (const [relative, expected] of [
      ['registers/places.html', ['Bucharest', 'North Korea', 'North Vietnam', 'Pyongyang', 'United States', 'Vietnam']],
      ['documents/1967-07-06-telegram-pyongyang-bucharest.html', ['Bucharest', 'North Korea', 'Pyongyang', 'Vietnam']],
    ] as const) {
      const page = await open(relative);
      const markers = await page.$$eval('figure.map a.map-place', (links) =>
        links.map((a) => ({
          href: a.getAttribute('href')!,
          name: a.querySelector('title')!.textContent!,
          box: a.querySelector('text')?.getBoundingClientRect().toJSON() as DOMRect | undefined,
        })),
      );
      expect(markers.map((m) => m.name).sort(), relative).to.deep.equal([...expected]);
      for (const { href, name } of markers) {
        const target = await open(new URL(href, server.url + relative).href.slice(server.url.length));
        expect(await target.textContent('h1'), href).to.equal(name);
        await target.close();
      }
      const boxes = markers.flatMap((m) => (m.box ? [m.box] : []));
      expect(boxes.length, relative).to.equal(markers.length);
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, relative).to.equal(true);
      }
      // The caption names the same places, as links, for a reader who does not see the map.
      expect(await page.$$eval('figure.map figcaption a', (links) => links.map((a) => a.textContent))).to.deep.equal([...expected]);
      await page.close();
    }
    // A page whose places are not located has no map.
    const about = await open('about.html');
    expect(await about.$('figure.map')).to.equal(null);
    await about.close();
  });

  it('draws the timeline with no label on another and none under 12 px, on a desktop and on a phone', async () => {
    for (const width of [1280, 390]) {
      const screen = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await open('chronology.html', screen);
      const boxes = await page.$$eval('figure.timeline svg text', (texts) =>
        texts.map((t) => {
          const { left, top, right, bottom } = t.getBoundingClientRect();
          return { text: t.textContent!, left, top, right, bottom };
        }),
      );
      expect(boxes.length, `${width} px`).to.be.greaterThan(5);
      for (const box of boxes) expect(box.bottom - box.top, `${box.text} at ${width} px`).to.be.at.least(12);
      const overlapping = boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          .map((b) => `${a.text} / ${b.text}`),
      );
      expect(overlapping, `${width} px`).to.deep.equal([]);
      expect(await page.$$eval('.timeline-key', (keys) => keys.map((k) => k.textContent))).to.deep.equal(['a document’s own date', 'a date a text mentions']);
      await screen.close();
    }
  });

  it('searches from file://, with no server, folding accents', async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(`${pathToFileURL(path.join(out, 'search.html')).href}?q=gi%C3%A1p`);
    await page.waitForSelector('#search-results li');
    expect(await page.$$eval('#search-results li', (items) => items.length)).to.be.greaterThan(0);
    await page.close();
  });

  it('finds the same passages in an index of many parts as in one whole index, and lists the documents found ten at a time', async () => {
    const dir = tempDir('editio-shards-');
    try {
      writeDossier({ dir, docs: 12, seed: 21, minKb: 2, maxKb: 4 });
      const config = path.join(dir, 'editio.config.json');
      const buildWith = (searchShardPages: number, searchTermsKilobytes: number, out: string): void => {
        writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), searchShardPages, searchTermsKilobytes }));
        expect(runCli(['build', '--out', out], dir).status).to.equal(0);
      };
      const whole = path.join(dir, 'whole');
      const parted = path.join(dir, 'parted');
      buildWith(1000, 10_000, whole);
      // 13 pages, about two a part: eight parts of texts; terms in parts of about a kilobyte.
      buildWith(2, 1, parted);
      const files = readdirSync(path.join(parted, 'search'));
      const texts = files.filter((f) => f.startsWith('texts-'));
      expect(texts).to.have.length(8);
      const filled = texts.filter((f) => !readFileSync(path.join(parted, 'search', f), 'utf8').endsWith('= {};\n'));
      expect(filled.length, 'parts holding passages').to.be.greaterThan(3);
      expect(files.filter((f) => f.startsWith('terms-')).length, 'parts of terms').to.be.at.least(4);
      expect(readdirSync(path.join(whole, 'search')).filter((f) => f.startsWith('terms-'))).to.deep.equal(['terms-1.js']);
      // The page's own query code over each index, run as the browser runs it (test/helpers.ts, searchFinds).
      const found = (edition: string, query: string): string[] =>
        searchFinds(edition, query)
          .flatMap((f) => [f.page, ...f.passages.map((p) => p.url)])
          .sort();
      for (const query of ['Korean air', 'Nguyen', 'specialists', 'Vietnam', '"air force"', '"Korean air force"', 'no-such-word']) {
        const inWhole = found(whole, query);
        expect(found(parted, query), query).to.deep.equal(inWhole);
        if (query !== 'no-such-word') expect(new Set(inWhole.map((h) => h.split('#')[0])).size, query).to.be.greaterThan(1);
      }
      // The page lists the documents found ten at a time, counting them all, and goes on where the next ones begin.
      const page = await context.newPage();
      watch(page);
      await page.goto(`${pathToFileURL(path.join(parted, 'search.html')).href}?q=the&sort=date`);
      await page.waitForFunction(() => /found/.test(document.getElementById('search-status')?.textContent ?? ''));
      const status = (await page.textContent('#search-status'))!;
      const total = Number(/ in (\d+) pages/.exec(status)?.[1]);
      expect(total, status).to.be.within(11, 19);
      expect(await page.$$eval('#search-results > li', (items) => items.length)).to.equal(10);
      expect(await page.textContent('.search-more')).to.equal(`Show ${total - 10} more document${total - 10 === 1 ? '' : 's'}`);
      // Of the index, the page loaded the part of "the" and the texts of the ten documents shown.
      const loaded = await page.$$eval('script[src^="search/"]', (scripts) => scripts.map((s) => s.getAttribute('src')!.replace(/^search\//, '')).sort());
      expect(loaded.filter((f) => /^(terms|pairs|places)-/.test(f))).to.have.length(1);
      expect(loaded.filter((f) => f.startsWith('texts-')).length).to.be.within(1, 8);
      await page.click('.search-more');
      await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, total);
      expect(await page.isHidden('.search-more')).to.equal(true);
      // The keyboard's focus on the first of the new ones.
      expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('#search-results > li')[10]!.querySelector('a'))).to.equal(true);
      await page.close();
      expect(errors).to.deep.equal([]);
    } finally {
      removeDir(dir);
    }
  });

  it('has no accessibility violation (axe-core), of any impact, on any kind of page, a search with its results included', async () => {
    const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    // axe is injected as a script, which the pages' own CSP would rightly refuse.
    const audit = await browser.newContext({ bypassCSP: true });
    for (const [kind, relative] of Object.entries(PAGE_TYPES)) {
      const page = await open(relative, audit);
      if (kind === 'search') await page.waitForSelector('#search-results li');
      await page.addScriptTag({ path: axe });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
        return result.violations.map((v) => `${v.id} (${v.impact})`);
      });
      expect(violations, kind).to.deep.equal([]);
    }
    await audit.close();
  });

  it('sets a document as a reader expects: previous and next side by side, paragraphs spaced not indented, ¶ on a touch screen, a name within a name apart', async () => {
    const page = await open('documents/1966-09-30-protocol-agreement.html');
    const [prev, next] = await Promise.all(['[rel=prev]', '[rel=next]'].map((s) => page.$eval(`.document-nav ${s}`, (a) => a.getBoundingClientRect().top)));
    expect(prev).to.equal(next);
    await page.close();
    const giap = await open(PAGE_TYPES.document!);
    expect(await giap.$$eval('.document-text p.p', (ps) => ps.map((p) => getComputedStyle(p).textIndent))).to.satisfy((indents: string[]) =>
      indents.every((i) => i === '0px'),
    );
    expect(await giap.$eval('.anchor-link', (a) => getComputedStyle(a).opacity)).to.equal('0');
    const [outer, inner] = await giap.$eval('.mention-orgName .mention-orgName', (e) => [
      getComputedStyle(e.parentElement!.closest('.mention')!).textDecorationStyle,
      getComputedStyle(e).textDecorationStyle,
    ]);
    expect(inner).not.to.equal(outer);
    await giap.close();
    const touch = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
    const onPhone = await open(PAGE_TYPES.document!, touch);
    expect(Number(await onPhone.$eval('.anchor-link', (a) => getComputedStyle(a).opacity))).to.be.greaterThan(0.3);
    await touch.close();
  });

  it('sets the text in the book face shipped with the edition, from a server and from file://', async () => {
    for (const url of [
      `${server.url}registers/persons/vo-nguyen-giap.html`,
      pathToFileURL(path.join(out, 'registers', 'persons', 'vo-nguyen-giap.html')).href,
    ]) {
      const page = await context.newPage();
      await page.goto(url);
      const faces = await page.evaluate(async () => {
        await document.fonts.ready;
        return {
          family: getComputedStyle(document.querySelector('h1')!).fontFamily,
          loaded: [...document.fonts].filter((f) => f.status === 'loaded' && f.family.includes('Source Serif 4')),
        };
      });
      expect(faces.family, url).to.match(/^"Source Serif 4"/);
      expect(faces.loaded.length, url).to.be.greaterThan(0);
      expect(await page.evaluate(() => document.fonts.check('600 16px "Source Serif 4"', 'Võ Nguyên Giáp')), url).to.equal(true);
      await page.close();
    }
  });

  it('darkens its form controls with the page in dark mode (the highlight switches are the browser’s own checkboxes)', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const page = await open(PAGE_TYPES.document!, dark);
    expect(await page.$eval('.highlight-switch', (box) => getComputedStyle(box).colorScheme)).to.contain('dark');
    const background = await page.$eval('body', (body) => getComputedStyle(body).backgroundColor);
    expect(
      background
        .match(/\d+/g)!
        .slice(0, 3)
        .map(Number)
        .reduce((a, b) => a + b),
      background,
    ).to.be.below(3 * 100);
    await dark.close();
  });

  it('fits a 375 and a 390 px phone screen without sideways scrolling, on every kind of page, the search page with its filters open', async () => {
    for (const width of [375, 390]) {
      const phone = await browser.newContext({ viewport: { width, height: 812 } });
      for (const [kind, relative] of Object.entries(PAGE_TYPES)) {
        const page = await open(kind === 'search' ? `${relative}&from=1966` : relative, phone);
        if (kind === 'search') {
          await page.waitForSelector('#search-results li');
          // On a phone the filters wait, closed, above the results, saying how many are set.
          expect(
            await page.$eval('#search-filters', (d) => ({ open: (d as HTMLDetailsElement).open, summary: d.querySelector('summary')!.textContent })),
          ).to.deep.equal({ open: false, summary: 'Filter by date, kind of document and names (1 set)' });
          await page.click('#search-filters summary');
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${kind} at ${width} px`).to.be.at.most(width);
        // Nor for a word longer than the line: a web address in a note, a heading that is an id (real editions have both).
        await page.evaluate(() => {
          document.querySelector('main h1')!.textContent = 'ATTENDANTS.CAESAR.0_Ant'.repeat(3);
          document.querySelector('main p')?.append(` https://www.digital.wienbibliothek.at/periodical/pageview/${'1234567890'.repeat(6)}`);
        });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${kind} at ${width} px, with long words`).to.be.at.most(width);
      }
      await phone.close();
    }
  });

  it('prints the text without the site’s navigation', async () => {
    const page = await open(PAGE_TYPES.document!);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-nav', '.site-search', '.highlight-switches', '.document-nav']) {
      expect(await page.$eval(selector, (el) => getComputedStyle(el).display), selector).to.equal('none');
    }
    await page.close();
  });

  it('made no request outside this machine, and no page logged an error', () => {
    expect(outside).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});

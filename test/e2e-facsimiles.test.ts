import { expect } from 'chai';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { CHROMIUM, CHROMIUM_ARGS, EPUBCHECK, epubcheck, fixtures, htmlProblems, lineOf, removeDir, runCli, tempDir } from './helpers.js';
import { drawScan, facsimileEdition } from './iiif/scans.js';
import { serve } from '../src/serve/serve.js';

const require = createRequire(import.meta.url);
const BASE = 'https://example.org/briefe/';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile());
}

describe('facsimiles: page images beside the text, IIIF tiles and manifests (letters-with-facsimiles)', function () {
  this.timeout(240_000);
  let edition: string;
  let out: string;
  let report: { messages: { ruleId: string; file?: string; line?: number; reason: string }[] };

  before(async () => {
    edition = await facsimileEdition();
    out = tempDir();
    const run = runCli(['build', edition, '--out', out, '--format', 'json']);
    expect(run.status, run.stderr).to.equal(0);
    report = JSON.parse(run.stdout);
  });
  after(() => {
    removeDir(edition);
    removeDir(out);
  });

  it('makes each scan a IIIF level 0 service once, and its page shows it', () => {
    const services = readdirSync(path.join(out, 'iiif', 'images')).sort();
    expect(services).to.deep.equal(['scans-1896-05-03-1', 'scans-1896-05-03-2']);
    const info = JSON.parse(readFileSync(path.join(out, 'iiif', 'images', services[0]!, 'info.json'), 'utf8'));
    expect(info).to.include({ id: `${BASE}iiif/images/scans-1896-05-03-1`, profile: 'level0', width: 2000, height: 2800 });
    const page = readFileSync(path.join(out, 'documents', '1896-05-03.html'), 'utf8');
    expect(page).to.include('class="facsimile"').and.include('data-facs="#s1-gruss"').and.include('assets/openseadragon.min.js');
    expect(existsSync(path.join(out, 'assets', 'openseadragon-LICENSE.txt'))).to.equal(true);
  });

  it('lets a page load images from the remote servers its facsimile names, and from no other', () => {
    const remote = readFileSync(path.join(out, 'documents', '1896-05-07.html'), 'utf8');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(remote)![1]!;
    expect(policy)
      .to.match(/img-src 'self' file: data: https:\/\/iiif\.example\.org;/)
      .and.match(/connect-src https:\/\/iiif\.example\.org$/);
    const local = readFileSync(path.join(out, 'documents', '1896-05-03.html'), 'utf8');
    expect(/content="([^"]*)"/.exec(local.slice(local.indexOf('Content-Security-Policy')))![1]).not.to.match(/https:|connect-src/);
  });

  it('writes manifests valid against the IIIF Presentation 3 schema, and a collection of them', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    // ajv-formats is CommonJS: its plugin is its default export's default.
    (formats as unknown as { default: (instance: Ajv) => void }).default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(fixtures, 'iiif', 'presentation-3.schema.json'), 'utf8')));
    const files = ['iiif/1896-05-03/manifest.json', 'iiif/1896-05-07/manifest.json', 'iiif/collection.json'];
    for (const file of files)
      expect(validate(JSON.parse(readFileSync(path.join(out, file), 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).to.equal(true);
    // The schema is no formality: a canvas without its size fails it.
    const manifest = JSON.parse(readFileSync(path.join(out, files[0]!), 'utf8'));
    expect(manifest.items.map((c: { label: object }) => c.label)).to.deep.equal([{ none: ['1r'] }, { none: ['1v'] }]);
    expect(manifest.seeAlso[0]).to.include({ id: `${BASE}tei/1896-05-03.xml`, format: 'application/tei+xml' });
    expect(manifest.metadata[0]).to.deep.equal({ label: { de: ['Datum'] }, value: { de: ['3. Mai 1896'] } });
    const body = manifest.items[0].items[0].items[0].body;
    expect(existsSync(path.join(out, body.id.slice(BASE.length)))).to.equal(true);
    delete manifest.items[0].width;
    expect(validate(manifest)).to.equal(false);
    const collection = JSON.parse(readFileSync(path.join(out, files[2]!), 'utf8'));
    expect(collection.items.map((m: { id: string }) => m.id)).to.deep.equal([`${BASE}iiif/1896-05-03/manifest.json`, `${BASE}iiif/1896-05-07/manifest.json`]);
  });

  it('is served by editio serve with the remote image server let in to its page alone, and its tiles as JPEG', async () => {
    const server = await serve({ dir: out, port: 0 });
    try {
      const policyOf = async (page: string): Promise<string> => (await fetch(`${server.url}documents/${page}.html`)).headers.get('content-security-policy')!;
      expect(await policyOf('1896-05-07'))
        .to.match(/img-src 'self' data: https:\/\/iiif\.example\.org;/)
        .and.match(/connect-src 'self' https:\/\/iiif\.example\.org;/);
      expect(await policyOf('1896-05-03')).not.to.include('https:');
      const tile = await fetch(`${server.url}iiif/images/scans-1896-05-03-1/full/250,350/0/default.jpg`);
      expect([tile.status, tile.headers.get('content-type')]).to.deep.equal([200, 'image/jpeg']);
    } finally {
      await server.close();
    }
  });

  it('says which page images a manifest leaves out, and links each manifest from its DTS record', () => {
    const left = report.messages.filter((m) => m.ruleId === 'iiif-canvas-size');
    expect(left).to.have.length(1);
    expect(left[0]).to.include({ line: 20 });
    expect(left[0]!.file).to.match(/1896-05-12\.xml$/);
    expect(left[0]!.reason).to.match(/^the IIIF manifests leave out 2 page images of 1 document, on a remote server .*@width and @height/);
    const dts = JSON.parse(readFileSync(path.join(out, 'dts', 'collection', '1896-05-03.json'), 'utf8'));
    expect(JSON.stringify(dts)).to.include(`"@id":"${BASE}iiif/1896-05-03/manifest.json"`);
  });

  it('builds the same bytes again, the tiles included', () => {
    const fresh = tempDir();
    try {
      expect(runCli(['build', edition, '--out', fresh]).status).to.equal(0);
      for (const file of filesUnder(out))
        if (!file.startsWith('.editio')) expect(readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(out, file))), file).to.equal(true);
    } finally {
      removeDir(fresh);
    }
  });

  // One edition's scan through its life: missing, then unreadable, then good; each build sees it, the others' tiles are kept.
  it('shows a scan that comes later, reports an unreadable one on the document and line that name it, and remakes only the tiles of a changed one', async () => {
    const copy = tempDir();
    try {
      const dir = path.join(copy, 'edition');
      const builtOut = path.join(copy, 'out');
      await cp(edition, dir, { recursive: true });
      const scan = path.join(dir, 'scans', '1896-05-03-2.jpg');
      const messagesOf = (run: { stdout: string }, ruleId: string) => (JSON.parse(run.stdout) as typeof report).messages.filter((m) => m.ruleId === ruleId);
      rmSync(scan);
      const missing = runCli(['build', dir, '--out', builtOut, '--format', 'json']);
      expect(messagesOf(missing, 'facsimile-image-unknown').map((m) => m.reason))
        .to.have.length(1)
        .and.to.match(/\.\.\/scans\/1896-05-03-2\.jpg/);

      writeFileSync(scan, 'not a JPEG at all');
      const broken = runCli(['build', dir, '--out', builtOut, '--format', 'json']);
      expect(broken.status).to.equal(1);
      const faults = messagesOf(broken, 'facsimile-image');
      expect(faults).to.have.length(1);
      expect(faults[0]!.file).to.match(/1896-05-03\.xml$/);
      expect(faults[0]!.line).to.equal(lineOf(readFileSync(path.join(dir, 'briefe', '1896-05-03.xml'), 'utf8'), '<surface xml:id="s2"'));
      expect(faults[0]!.reason).to.match(/1896-05-03-2\.jpg cannot be read as an image .*save it as JPEG, PNG or TIFF/);
      // The page shows the scan it can, and every document is published.
      expect(readFileSync(path.join(builtOut, 'documents', '1896-05-03.html'), 'utf8'))
        .to.include('scans-1896-05-03-1')
        .and.not.include('scans-1896-05-03-2');
      expect(readdirSync(path.join(builtOut, 'documents')).sort()).to.deep.equal(['1896-05-03.html', '1896-05-07.html', '1896-05-12.html']);

      await drawScan(scan, 1800, 2600, '1v');
      const good = runCli(['build', dir, '--out', builtOut, '--verbose']);
      expect(good.status).to.equal(0);
      expect(good.stdout + good.stderr).to.match(/iiif\/images\/scans-1896-05-03-2: image changed/);
      expect(good.stdout + good.stderr).not.to.match(/iiif\/images\/scans-1896-05-03-1:/);
      expect(good.stdout + good.stderr).not.to.match(/facsimile-image/);
      expect(existsSync(path.join(builtOut, 'iiif', 'images', 'scans-1896-05-03-2', 'info.json'))).to.equal(true);
      expect(readFileSync(path.join(builtOut, 'documents', '1896-05-03.html'), 'utf8')).to.include('scans-1896-05-03-2');
    } finally {
      removeDir(copy);
    }
  });

  it('puts each page image kept in the edition after its document in the print edition and the EPUB (--plates)', function () {
    if (!existsSync(CHROMIUM)) this.skip();
    const book = tempDir();
    try {
      const run = runCli(['build', edition, '--out', book, '--pdf', '--epub', '--plates']);
      expect(run.status, run.stderr).to.equal(0);
      const images = execFileSync('pdfimages', ['-list', path.join(book, 'print', 'edition.pdf')], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean);
      expect(images.map((line) => line.trim().split(/\s+/).slice(3, 5).join('×'))).to.deep.equal(['1600×2240', '1600×2311']);
      const epub = unzipSync(readFileSync(path.join(book, 'print', 'edition.epub')));
      expect(Object.keys(epub).filter((f) => f.startsWith('EPUB/plates/'))).to.deep.equal(['EPUB/plates/doc1-1.jpg', 'EPUB/plates/doc1-2.jpg']);
      expect(strFromU8(epub['EPUB/doc1.xhtml']!)).to.include('<figcaption>Faksimile, Seite 1v</figcaption>');
      if (existsSync(EPUBCHECK)) expect(epubcheck(path.join(book, 'print', 'edition.epub')).messages).to.deep.equal([]);
    } finally {
      removeDir(book);
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    const problems: string[] = [];
    before(async function () {
      if (!existsSync(CHROMIUM)) {
        console.log(`      (skipped: ${CHROMIUM} is missing; install Debian's chromium to run the browser tests)`);
        this.skip();
      }
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });
    after(async () => browser?.close());

    async function open(width: number, url: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(url);
      return page;
    }
    const place = (page: Page): Promise<string | null> => page.locator('.facsimile-place').textContent();

    it('shows the page in view from file://, follows the reader, and outlines the zone pointed at', async () => {
      const page = await open(1280, pathToFileURL(path.join(out, 'documents', '1896-05-03.html')).href);
      await page.waitForFunction(() => document.querySelector('.facsimile.ready .facsimile-view canvas') !== null);
      expect(await place(page)).to.equal('1r (1 von 2)');
      // Side by side: the image to the right of the text.
      const [text, viewer] = await Promise.all([page.locator('.document-text').boundingBox(), page.locator('.facsimile').boundingBox()]);
      expect(viewer!.x).to.be.greaterThan(text!.x + text!.width);
      // Read on: once the next page's break is above the reading line, its image shows.
      await page.locator('.pb[data-facs="#s2"]').evaluate((pb) => window.scrollTo(0, pb.getBoundingClientRect().top + window.scrollY - 100));
      await page.waitForFunction(() => document.querySelector('.facsimile-place')?.textContent?.startsWith('1v'));
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction(() => document.querySelector('.facsimile-place')?.textContent?.startsWith('1r'));
      // Clicking the next page's break shows its image.
      await page.locator('.pb[data-facs="#s2"]').click();
      await page.waitForFunction(() => document.querySelector('.facsimile-place')?.textContent?.startsWith('1v'));
      await page.locator('.pb[data-facs="#s1"]').click();
      await page.waitForFunction(() => document.querySelector('.facsimile-place')?.textContent?.startsWith('1r'));
      await page.locator('[data-facs="#s2-unterschrift"]').hover();
      await page.waitForFunction(() => document.querySelector('.facsimile-place')?.textContent?.startsWith('1v'));
      await page.waitForFunction(() => document.querySelector('.facsimile-zone')?.isConnected === true);
      // The scan's paper, drawn from its tiles on disk, fills the middle of the view.
      await page.locator('[data-zoom="home"]').click();
      await page.waitForTimeout(1500);
      const shot = await sharp(await page.locator('.facsimile-view').screenshot())
        .raw()
        .toBuffer({ resolveWithObject: true });
      const { width, height, channels } = shot.info;
      const at = (Math.floor(height / 2) * width + Math.floor(width / 2)) * channels;
      const [r, g, b] = [shot.data[at]!, shot.data[at + 1]!, shot.data[at + 2]!];
      expect(Math.abs(r - 0xea) + Math.abs(g - 0xdf) + Math.abs(b - 0xc4), `${r},${g},${b}`).to.be.below(30);
      await page.close();
    });

    it('asks a remote image only of the server the facsimile names, and says in the edition’s language when it cannot be reached', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const remote: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        remote.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(out, 'documents', '1896-05-07.html')).href);
      await page.waitForSelector('.facsimile-failed:not([hidden])');
      expect(await page.locator('.facsimile-failed').textContent()).to.equal('Das Bild konnte von seinem Server nicht geladen werden.');
      // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, with OpenSeadragon's hidden message left out
      expect(await page.locator('.facsimile').innerText()).not.to.match(/Unable|open/i);
      expect(remote).to.deep.equal(['https://iiif.example.org/iiif/3/B-0007-1.jp2/info.json']);
      await context.close();
    });

    it('stacks the image above the text on a phone', async () => {
      const page = await open(390, pathToFileURL(path.join(out, 'documents', '1896-05-03.html')).href);
      await page.waitForSelector('.facsimile.ready');
      const [text, viewer] = await Promise.all([page.locator('.document-text').boundingBox(), page.locator('.facsimile').boundingBox()]);
      expect(viewer!.y + viewer!.height).to.be.at.most(text!.y + 1);
      expect(viewer!.width).to.be.greaterThan(300);
      await page.close();
    });

    it('has valid HTML and no accessibility violation with its viewer, its pb marks made buttons', async () => {
      const pages = ['1896-05-03', '1896-05-07', '1896-05-12'].map((id) => path.join(out, 'documents', `${id}.html`));
      expect(await htmlProblems(pages)).to.deep.equal([]);
      // axe is injected as a script, which the page's own CSP would rightly refuse.
      const audit = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await audit.newPage();
      await page.goto(pathToFileURL(pages[0]!).href);
      await page.waitForSelector('.facsimile.ready');
      expect(await page.locator('.pb[data-facs="#s2"]').getAttribute('role')).to.equal('button');
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
        return result.violations.map((v) => `${v.id} (${v.impact})`);
      });
      expect(violations).to.deep.equal([]);
      await audit.close();
    });

    it('has its manifest opened by a second viewer (Tify) without error', async () => {
      const tify = path.dirname(require.resolve('tify/dist/tify.js'));
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      const served: string[] = [];
      // The edition as if published at its address, and Tify beside it; nothing reaches the network.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url === `${BASE}tify.html`)
          return route.fulfill({
            contentType: 'text/html',
            body: `<!DOCTYPE html><html><head><link rel="stylesheet" href="tify/tify.css"><script type="module" src="tify/tify.js"></script></head><body><div id="tify" style="height:700px"></div><script type="module">new Tify({ container: '#tify', manifestUrl: '${BASE}iiif/1896-05-03/manifest.json' })</script></body></html>`,
          });
        if (url.startsWith(`${BASE}tify/`)) return route.fulfill({ path: path.join(tify, url.slice(`${BASE}tify/`.length)) });
        if (url.startsWith(BASE) && existsSync(path.join(out, url.slice(BASE.length)))) {
          served.push(url);
          return route.fulfill({ path: path.join(out, url.slice(BASE.length)), headers: { 'Access-Control-Allow-Origin': '*' } });
        }
        problems.push(`request outside the edition: ${url}`);
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${BASE}tify.html`);
      await page.waitForFunction(() => document.body.textContent?.includes('Clara Hess an Otto Brand'), undefined, { timeout: 30_000 });
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /iiif\/images\/.*default\.jpg$/.test(e.name)), undefined, {
        timeout: 30_000,
      });
      expect(errors).to.deep.equal([]);
      expect(served.some((u) => u.endsWith('manifest.json'))).to.equal(true);
      await context.close();
    });

    it('raised no error in any page', () => {
      expect(problems.filter((p) => !p.startsWith('request outside'))).to.deep.equal([]);
    });
  });
});

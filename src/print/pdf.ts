import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Debian's Chromium; never a browser downloaded at install time. */
export const CHROMIUM = process.env.EDITIO_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The polyfill build, which the package's exports do not name: found beside its CommonJS entry. */
function pagedPolyfill(): string {
  return path.resolve(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Which Chromium a PDF would be made with, if any: an input of the print edition, so that
 * installing, upgrading or moving it makes the PDF again (not the old "no Chromium" message).
 */
export function chromiumIdentity(): string {
  try {
    const { size, mtimeMs } = statSync(CHROMIUM);
    return `${CHROMIUM} ${size} ${mtimeMs}`;
  } catch {
    return `${CHROMIUM} missing`;
  }
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
}

/**
 * Lays the book out with Paged.js in headless Chromium (footnotes at the page foot, running
 * heads), fills in the page numbers of the contents and the index from where each anchor
 * landed, prints it to PDF, and sets the PDF's metadata. Nothing is fetched: the book is one
 * page with its CSS inline, and every request is refused.
 */
export async function renderPdf(html: string, metadata: PdfMetadata, paper: 'a4' | 'letter'): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    // The polyfill lays the book out once, as soon as it is added, and then calls `after`.
    await page.evaluate(() => {
      (window as unknown as { PagedConfig: object }).PagedConfig = { after: () => ((window as unknown as { editioPaged: boolean }).editioPaged = true) };
    });
    await page.addScriptTag({ path: pagedPolyfill() });
    await page.waitForFunction(() => (window as unknown as { editioPaged?: boolean }).editioPaged === true, undefined, { timeout: 120_000 });
    await page.evaluate(() => {
      const pageOf = (id: string): number | undefined => {
        const found = document.getElementById(id)?.closest<HTMLElement>('.pagedjs_page');
        return found ? Number(found.dataset.pageNumber) : undefined;
      };
      for (const el of document.querySelectorAll<HTMLElement>('[data-targets]')) {
        const pages = [...new Set((el.dataset.targets ?? '').split(' ').map(pageOf).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
        el.textContent = pages.join(', ');
      }
    });
    // Paged.js has laid out whole pages, margins included: the printer adds none.
    const margin = { top: '0', right: '0', bottom: '0', left: '0' };
    const pdf = await page.pdf({ format: paper === 'letter' ? 'Letter' : 'A4', margin, printBackground: true });
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(pdf);
    doc.setTitle(metadata.title);
    // An edition whose editors are not named yet has no author to give.
    if (metadata.author) doc.setAuthor(metadata.author);
    doc.setSubject(metadata.subject);
    doc.setCreator('editio');
    doc.setProducer('editio (Paged.js, Chromium)');
    // Fixed dates, so that the file says nothing that changes between two builds of the same input.
    doc.setCreationDate(new Date(Date.UTC(2000, 0, 1)));
    doc.setModificationDate(new Date(Date.UTC(2000, 0, 1)));
    return await doc.save();
  } finally {
    await browser.close();
  }
}

import { createRequire } from 'node:module';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../infra/chromium.js';
import { escapeAttribute } from '../infra/escape.js';
import { UNKNOWN_DAY } from '../model/header.js';
import { mendContents } from './pdf-content.js';
import { tidyStructure } from './pdf-structure.js';

/** The polyfill build, which the package's exports do not name: found beside its CommonJS entry. */
function pagedPolyfill(): string {
  return path.resolve(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
}

type PdfLib = typeof import('pdf-lib');

/** Gives each bookmark the words of its heading, spaces and all, where Chromium's title lost them at a line's end. */
function mendOutline(
  doc: import('pdf-lib').PDFDocument,
  headings: readonly string[],
  { PDFDict, PDFName, PDFHexString }: Pick<PdfLib, 'PDFDict' | 'PDFName' | 'PDFHexString'>,
): void {
  const bare = (s: string): string => s.replace(/\s+/g, '');
  const byLetters = new Map(headings.map((h) => [bare(h), h]));
  const visit = (item: unknown): void => {
    for (let node = item; node instanceof PDFDict; node = node.lookup(PDFName.of('Next'))) {
      const title = node.lookup(PDFName.of('Title')) as { decodeText?: () => string } | undefined;
      const written = title?.decodeText ? byLetters.get(bare(title.decodeText())) : undefined;
      if (written) node.set(PDFName.of('Title'), PDFHexString.fromText(written));
      visit(node.lookup(PDFName.of('First')));
    }
  };
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'));
  if (outlines instanceof PDFDict) visit(outlines.lookup(PDFName.of('First')));
}

/**
 * Says what each link does, as PDF/UA asks of every link annotation (/Contents): the address it
 * opens, or the page of the book it leads to; and has a page's annotations read in the order of
 * its structure (/Tabs /S).
 */
function describeLinks(
  doc: import('pdf-lib').PDFDocument,
  linkToPage: (page: number) => string,
  { PDFArray, PDFDict, PDFName, PDFString, PDFHexString }: PdfLib,
): void {
  const pageOf = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  const destination = (dest: unknown): number | undefined => {
    const named = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
    const array = named !== undefined && dests instanceof PDFDict ? dests.lookup(PDFName.of(named)) : dest;
    const target = array instanceof PDFArray ? array.get(0) : undefined;
    return target ? pageOf.get(target.toString()) : undefined;
  };
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) continue;
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    for (const ref of annots.asArray()) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.lookup(PDFName.of('Subtype')) !== PDFName.of('Link') || annot.has(PDFName.of('Contents'))) continue;
      const action = annot.lookup(PDFName.of('A'));
      const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined;
      const target = destination(annot.lookup(PDFName.of('Dest')) ?? (action instanceof PDFDict ? action.lookup(PDFName.of('D')) : undefined));
      const says = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : target !== undefined ? linkToPage(target) : undefined;
      if (says) annot.set(PDFName.of('Contents'), PDFHexString.fromText(says));
    }
  }
}

/** The book's XMP metadata (ISO 16684-1), which PDF/UA and archives read: title, editors, subject, language, dates, tools. */
function xmp({ title, authors, subject, language, modified }: PdfMetadata): string {
  const alt = (value: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeAttribute(value)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(title)}</dc:title>`,
    ...(authors.length > 0 ? [`<dc:creator><rdf:Seq>${authors.map((a) => `<rdf:li>${escapeAttribute(a)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>`] : []),
    `<dc:description>${alt(subject)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeAttribute(language)}</rdf:li></rdf:Bag></dc:language>`,
    ...(modified === UNKNOWN_DAY
      ? []
      : [`<xmp:CreateDate>${modified}</xmp:CreateDate>`, `<xmp:ModifyDate>${modified}</xmp:ModifyDate>`, `<xmp:MetadataDate>${modified}</xmp:MetadataDate>`]),
    '<xmp:CreatorTool>editio</xmp:CreatorTool>',
    '<pdf:Producer>editio (Paged.js, Chromium)</pdf:Producer>',
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** The largest book laid out, in bytes of its HTML (about 8,000 pages, an hour's layout). */
export const MAX_BOOK_BYTES = 40_000_000;

/** Why a book is too large to lay out, named before the layout begins; undefined if it is not. */
export function bookTooLarge(bytes: number): string | undefined {
  if (bytes <= MAX_BOOK_BYTES) return undefined;
  return `no PDF: the book would be ${(bytes / 1e6).toFixed(1)} MB of HTML, more than the ${MAX_BOOK_BYTES / 1e6} MB editio lays out (about 8,000 pages); the pages, texts and EPUB are made — publish the edition in parts to print it`;
}

/**
 * How long a book's layout may take: two minutes, or a minute and a half a megabyte for a larger
 * book (twenty Shakespeare plays, 10.7 MB and 2,295 pages, took eleven minutes beside other work).
 */
export const layoutBudget = (bytes: number): number => Math.max(120_000, Math.ceil(bytes / 1_000_000) * 90_000);

export interface PdfMetadata {
  title: string;
  /** The editors, each by name; none when the edition names none (no author is made up). */
  authors: readonly string[];
  subject: string;
  /** The book's language (BCP 47), which the PDF declares for screen readers and text extraction. */
  language: string;
  /** When the edition was last updated (src/model/header.ts, publishedOn), or UNKNOWN_DAY: the PDF's dates. */
  modified: string;
  /** What a link to a page of the book says to a screen reader ("Page 12"), in the edition's language. */
  linkToPage: (page: number) => string;
}

/**
 * Lays the book out with Paged.js in headless Chromium (footnotes at the page foot, running
 * heads), fills in the page numbers of the contents and the index from where each anchor
 * landed, prints it to PDF, and sets the PDF's metadata. Nothing is fetched: the book is one
 * page with its CSS inline, and every request is refused.
 */
export async function renderPdf(html: string, metadata: PdfMetadata, paper: 'a4' | 'letter'): Promise<Uint8Array> {
  const budget = layoutBudget(Buffer.byteLength(html));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    // The polyfill lays the book out once, as soon as it is added, and then calls `after`.
    await page.evaluate(() => {
      (window as unknown as { PagedConfig: object }).PagedConfig = { after: () => ((window as unknown as { editioPaged: boolean }).editioPaged = true) };
    });
    await page.addScriptTag({ path: pagedPolyfill() });
    await page
      .waitForFunction(() => (window as unknown as { editioPaged?: boolean }).editioPaged === true, undefined, { timeout: budget })
      .catch((err: Error) => {
        throw err.name === 'TimeoutError' ? new Error(`laying the book out took longer than ${budget / 1000} s, the time allowed a book of its size`) : err;
      });
    await page.evaluate(() => {
      // Paged.js names each note after a random id (note-<uuid>), which the PDF keeps as a link's destination:
      // named by their order instead, two builds of one book are the same bytes.
      const renamed = new Map<string, string>();
      for (const note of document.querySelectorAll<HTMLElement>('[id^="note-"]')) {
        if (!/^note-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(note.id)) continue;
        renamed.set(note.id, `pagedjs-note-${renamed.size + 1}`);
        note.id = renamed.get(note.id)!;
      }
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="#note-"]')) {
        const id = renamed.get(link.getAttribute('href')!.slice(1));
        if (id) link.setAttribute('href', `#${id}`);
      }
      // A note's call is Paged.js's generated content, drawn in no element and so in no tag: written out as the link's own text, set as it was drawn.
      for (const call of document.querySelectorAll<HTMLElement>('a[data-footnote-call]')) {
        const n = document.querySelector<HTMLElement>(`[data-ref="${call.dataset.ref}"][data-n]:not([data-footnote-call])`)?.dataset.n;
        if (!n) continue;
        const drawn = getComputedStyle(call, '::after');
        const number = document.createElement('span');
        for (const property of ['font-size', 'vertical-align', 'line-height', 'font-variant-position'])
          number.style.setProperty(property, drawn.getPropertyValue(property));
        number.textContent = n;
        call.append(number);
        call.classList.add('call-written');
      }
      for (const opening of document.querySelectorAll('.introduction, .document, .index, .note-on-text, .toc'))
        opening.closest('.pagedjs_page')?.classList.add('chapter-opening');
      const pageOf = (id: string): number | undefined => {
        const found = document.getElementById(id)?.closest<HTMLElement>('.pagedjs_page');
        return found ? Number(found.dataset.pageNumber) : undefined;
      };
      // Each page number a link to the first of its anchors on that page (the contents' to its chapter, the index's to the mention).
      for (const el of document.querySelectorAll<HTMLElement>('[data-targets]')) {
        const firstOn = new Map<number, string>();
        for (const id of (el.dataset.targets ?? '').split(' ')) {
          const n = pageOf(id);
          if (n !== undefined && !firstOn.has(n)) firstOn.set(n, id);
        }
        el.replaceChildren();
        [...firstOn]
          .sort(([a], [b]) => a - b)
          .forEach(([n, id], i) => {
            if (i > 0) el.append(', ');
            const link = document.createElement('a');
            link.href = `#${id}`;
            link.textContent = String(n);
            el.append(link);
          });
      }
    });
    // The headings as written: Chromium's bookmarks lose the space where a heading wraps ("Request toSend").
    const headings = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) =>
        (h.textContent ?? '')
          .replace(/\u00ad/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    );
    // Paged.js has laid out whole pages, margins included: the printer adds none.
    const margin = { top: '0', right: '0', bottom: '0', left: '0' };
    // Bookmarks from the headings (front matter, every document, the index), and a tagged structure for assistive technology.
    const pdf = await page.pdf({ format: paper === 'letter' ? 'Letter' : 'A4', margin, printBackground: true, outline: true, tagged: true });
    const pdfLib = await import('pdf-lib');
    const { PDFDocument, PDFDict, PDFName, PDFString, PDFHexString } = pdfLib;
    const doc = await PDFDocument.load(pdf);
    doc.catalog.set(PDFName.of('Lang'), PDFString.of(metadata.language));
    mendOutline(doc, headings, { PDFDict, PDFName, PDFHexString });
    describeLinks(doc, metadata.linkToPage, pdfLib);
    // The contents lead to the note on the text, each part's start and the index (src/print/book.ts).
    tidyStructure(doc, (destination) => /(^|-)start$|^index$|^note-on-text$/.test(destination), pdfLib);
    mendContents(doc, pdfLib);
    doc.setTitle(metadata.title, { showInWindowTitleBar: true });
    // An edition whose editors are not named yet has no author to give.
    if (metadata.authors.length > 0) doc.setAuthor(metadata.authors.join(', '));
    doc.setSubject(metadata.subject);
    doc.setCreator('editio');
    doc.setProducer('editio (Paged.js, Chromium)');
    // The edition's own date, so that the file says nothing that changes between two builds of the same input; none when its sources date nothing.
    if (metadata.modified === UNKNOWN_DAY) {
      const info = doc.context.lookup(doc.context.trailerInfo.Info);
      if (info instanceof PDFDict) for (const key of ['CreationDate', 'ModDate']) info.delete(PDFName.of(key));
    } else {
      doc.setCreationDate(new Date(metadata.modified));
      doc.setModificationDate(new Date(metadata.modified));
    }
    // XMP is UTF-8, and stays uncompressed for the tools that look for its packet.
    doc.catalog.set(
      PDFName.of('Metadata'),
      doc.context.register(doc.context.stream(new TextEncoder().encode(xmp(metadata)), { Type: 'Metadata', Subtype: 'XML' })),
    );
    return await doc.save();
  } finally {
    await browser.close();
  }
}

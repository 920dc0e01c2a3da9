/**
 * What a reader can take away from the edition, as the home page and the About page offer it:
 * the files the build writes besides the pages (src/exchange/export.ts, src/families/pdf.ts).
 */
export interface Download {
  /** From the edition's root. */
  href: string;
  /** What it is, as a message key (xslt/messages/), and its format's. */
  label: string;
  format: string;
}

/** The downloads of an edition; the book only as the build makes it (`--pdf`, `--epub`). */
export function downloadsOf({ pdf, epub }: { pdf: boolean; epub: boolean }): Download[] {
  return [
    ...(pdf ? [{ href: 'print/edition.pdf', label: 'download.pdf', format: 'format.pdf' }] : []),
    ...(epub ? [{ href: 'print/edition.epub', label: 'download.epub', format: 'format.epub' }] : []),
    { href: 'corpus.xml', label: 'download.corpus', format: 'format.tei' },
    { href: 'text/edition.txt', label: 'download.text', format: 'format.text' },
    { href: 'metadata/documents.csv', label: 'download.csv', format: 'format.csv' },
    { href: 'metadata/documents.json', label: 'download.json', format: 'format.json' },
    { href: 'editio-edition.zip', label: 'download.zip', format: 'format.zip' },
    { href: 'CITATION.cff', label: 'download.cff', format: 'format.cff' },
  ];
}

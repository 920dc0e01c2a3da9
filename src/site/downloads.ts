/**
 * What a reader can take away from the edition, as the home page and the About page offer it:
 * the files the build writes besides the pages (src/site/export.ts, src/build/families/print.ts).
 */
export interface Download {
  /** From the edition's root. */
  href: string;
  label: string;
  format: string;
}

/** The downloads of an edition; the book only as the build makes it (`--pdf`, `--epub`). */
export function downloadsOf({ pdf, epub }: { pdf: boolean; epub: boolean }): Download[] {
  return [
    ...(pdf ? [{ href: 'print/edition.pdf', label: 'The edition as a book, with its index', format: 'PDF' }] : []),
    ...(epub ? [{ href: 'print/edition.epub', label: 'The edition as an e-book, for e-readers', format: 'EPUB' }] : []),
    { href: 'corpus.xml', label: 'Every document and the authority lists in one TEI file', format: 'TEI XML' },
    { href: 'text/edition.txt', label: 'The reading text of the whole edition', format: 'plain text' },
    { href: 'metadata/documents.csv', label: 'The documents as a table: their dates and places, the persons, places and organisations they name', format: 'CSV' },
    { href: 'metadata/documents.json', label: 'The same table for programs', format: 'JSON' },
    { href: 'editio-edition.zip', label: 'All of it: the TEI sources, the tables, the records and the texts', format: 'ZIP' },
    { href: 'CITATION.cff', label: 'How to cite the edition, for reference managers', format: 'CFF' },
  ];
}

/** What each page contributes to the edition-wide pages, as xslt/extract/extract.xsl writes it. */
export interface InContext {
  before: string;
  text: string;
  after: string;
}

export interface DateRecord {
  anchor: string;
  label: string;
  sort: string;
  when: string;
}

export interface Extract {
  id: string;
  title: string;
  date: DateRecord | null;
  summary: string;
  summaryOnly: boolean;
  /** Where the document was written or sent from. */
  place: { text: string; entry: string } | null;
  mentions: ({ ref: string; entry: string; anchor: string } & InContext)[];
  dates: (DateRecord & InContext)[];
  passages: { anchor: string; text: string }[];
}

/** An extract and the page it describes, relative to the edition's root. */
export interface Page {
  url: string;
  extract: Extract;
}

export interface MentionLink extends InContext {
  url: string;
  anchor: string;
  title: string;
  date?: string;
}

/** Every mention of every authority entry, in the order of the pages. */
export function mentionsByEntry(pages: readonly Page[]): Record<string, MentionLink[]> {
  const byEntry: Record<string, MentionLink[]> = {};
  for (const { url, extract } of pages) {
    for (const m of extract.mentions) {
      const link: MentionLink = { url, anchor: m.anchor, title: extract.title, before: m.before, text: m.text, after: m.after };
      if (extract.date) link.date = extract.date.label;
      (byEntry[m.entry] ??= []).push(link);
    }
  }
  return byEntry;
}

export interface ChronologyItem extends InContext {
  kind: 'document' | 'mention';
  sort: string;
  when: string;
  label: string;
  url: string;
  anchor: string;
  title: string;
}

/** The documents' own dates and the dates their texts mention, in order. */
export function chronology(pages: readonly Page[]): ChronologyItem[] {
  const items: ChronologyItem[] = [];
  for (const { url, extract } of pages) {
    const { date } = extract;
    if (date) items.push({ kind: 'document', ...date, url, title: extract.title, before: '', text: '', after: '' });
    for (const d of extract.dates) items.push({ kind: 'mention', ...d, url, title: extract.title });
  }
  const rank = (i: ChronologyItem): string => `${i.sort}\u0000${i.kind === 'document' ? 0 : 1}\u0000${i.url}\u0000${i.anchor.padStart(8, '0')}`;
  return items.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

export interface SearchDocument {
  id: string;
  url: string;
  title: string;
  date: string;
  text: string;
}

/** One search document per passage, so that a result links to the passage itself. */
export function searchDocuments(pages: readonly Page[]): SearchDocument[] {
  return pages.flatMap(({ url, extract }) =>
    extract.passages
      .filter((p) => p.text !== '')
      .map((p) => ({ id: `${url}#${p.anchor}`, url: `${url}#${p.anchor}`, title: extract.title, date: extract.date?.label ?? '', text: p.text })),
  );
}

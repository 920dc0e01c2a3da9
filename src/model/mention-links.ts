/** The mentions of the authority entries in context, as an entry's pages and the book's index list them: read from the pages' extracts. */
import type { Extract, InContext, Page } from './extract-types.js';

export interface MentionLink extends InContext {
  url: string;
  anchor: string;
  title: string;
  date?: string;
}

function linkOf(url: string, extract: Omit<Extract, 'digests'>, m: Extract['mentions'][number]): MentionLink {
  const link: MentionLink = { url, anchor: m.anchor, title: extract.title, before: m.before, text: m.text, after: m.after };
  if (extract.date) link.date = extract.date.label;
  return link;
}

/** A page's mentions, by entry. */
export function linksOf(url: string, extract: Omit<Extract, 'digests'>): Record<string, MentionLink[]> {
  const byEntry: Record<string, MentionLink[]> = {};
  for (const m of extract.mentions) (byEntry[m.entry] ??= []).push(linkOf(url, extract, m));
  return byEntry;
}

/** Every mention of every authority entry, in the order of the pages. */
export function mentionsByEntry(pages: readonly Page[]): Record<string, MentionLink[]> {
  const byEntry: Record<string, MentionLink[]> = {};
  for (const { url, extract } of pages) {
    for (const [entry, links] of Object.entries(linksOf(url, extract))) (byEntry[entry] ??= []).push(...links);
  }
  return byEntry;
}

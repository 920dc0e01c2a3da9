/**
 * The long lists of edition-wide pages (an entry's mentions), written here into the page the
 * stylesheet frames (xslt/html/registers.xsl leaves a placeholder where the list goes): a list of
 * thousands of items costs a stylesheet ~0.3 ms per KB of data just to read as JSON, where a
 * string here costs its length. Escaped as SaxonJS's HTML serializer escapes, so that the page is
 * the same byte for byte (test/site/html-lists.test.ts holds the two together).
 */
import type { MentionLink } from '../model/mention-links.js';

/** Where the stylesheet leaves a page's list to be written. */
export const LIST_PLACEHOLDER = '<!--editio:list-->';

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;', '\u007f': '&#127;', '\u2028': '&#8232;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&#34;' };

export const escapeText = (s: string): string => s.replace(/[&<>\r\u007f\u2028]/g, (c) => TEXT_ESCAPES[c]!);

/** A link's address as the HTML serializer writes it: characters beyond printable ASCII as UTF-8 %XX, then escaped as an attribute. */
export const escapeHref = (s: string): string =>
  s.replace(/[^\x20-\x7e]+/gu, (run) => encodeURIComponent(run)).replace(/[&<>"]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

/** One page's mentions of an entry (all on that page): the page, then each mention in its words, linked to its place. */
export function pageMentionsHtml(group: readonly MentionLink[], pathToRoot: string): string {
  const { url, title, date } = group[0]!;
  const parts = [`<li><a class="mention-source" href="${escapeHref(pathToRoot + url)}">${escapeText(title)}</a>`];
  if (date) parts.push(`<span class="mention-date"> (${escapeText(date)})</span>`);
  parts.push('<ul>');
  for (const m of group) {
    parts.push(
      `<li><a href="${escapeHref(`${pathToRoot}${m.url}#${m.anchor}`)}">${escapeText(m.before)}<mark>${escapeText(m.text)}</mark>${escapeText(m.after)}</a></li>`,
    );
  }
  parts.push('</ul></li>');
  return parts.join('');
}

/** The list of an entry's mentions, from each page's part (pageMentionsHtml), in the order of the pages. */
export const mentionListHtml = (pageParts: readonly string[]): string => `<ul class="mentions">${pageParts.join('')}</ul>`;

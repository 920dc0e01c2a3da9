import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type SaxonJSModule from 'saxon-js';
import { mentionsByEntry, type MentionLink } from '../../src/model/mention-links.js';
import { mentionListHtml, pageMentionsHtml } from '../../src/site/html-lists.js';
import { extractDocument } from '../../src/transform/extract.js';
import { teiDir } from '../helpers.js';

const saxon = createRequire(import.meta.url)('saxon-js') as typeof SaxonJSModule;

/** An entry's list as a register page writes it: the mentions of each page, page by page. */
function listHtml(mentions: readonly MentionLink[], root: string): string {
  const pages = [...new Set(mentions.map((m) => m.url))];
  return mentionListHtml(
    pages.map((url) =>
      pageMentionsHtml(
        mentions.filter((m) => m.url === url),
        root,
      ),
    ),
  );
}

/** The same list built as XML and serialized by SaxonJS as the pages are (HTML5, no indentation). */
function serializedBySaxon(mentions: readonly MentionLink[], root: string): string {
  const x = (s: string): string => s.replace(/[&<>"\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' })[c]!);
  const pages = [...new Set(mentions.map((m) => m.url))];
  const xml = `<ul class="mentions">${pages
    .map((url) => {
      const group = mentions.filter((m) => m.url === url);
      const date = group[0]!.date ? `<span class="mention-date"> (${x(group[0]!.date)})</span>` : '';
      const items = group
        .map((m) => `<li><a href="${x(`${root}${m.url}#${m.anchor}`)}">${x(m.before)}<mark>${x(m.text)}</mark>${x(m.after)}</a></li>`)
        .join('');
      return `<li><a class="mention-source" href="${x(root + url)}">${x(group[0]!.title)}</a>${date}<ul>${items}</ul></li>`;
    })
    .join('')}</ul>`;
  return String(saxon.XPath.evaluate("serialize(parse-xml($xml), map { 'method': 'html', 'html-version': 5, 'indent': false() })", null, { params: { xml } }));
}

describe('html-lists (long lists written into pages the stylesheets frame)', () => {
  it('writes an entry’s mentions as SaxonJS serializes them, on the mentions of tei/', () => {
    const pages = readdirSync(teiDir)
      .filter((f) => /^\d.*\.xml$/.test(f))
      .map((f) => {
        const made = extractDocument(readFileSync(path.join(teiDir, f), 'utf8'), f.replace(/\.xml$/, ''), {
          ids: new Set(),
          identifiers: new Map(),
          prefixes: [],
        });
        if ('error' in made) throw new Error(made.error);
        return { url: `documents/${f.replace(/\.xml$/, '.html')}`, extract: JSON.parse(made.json) };
      });
    const byEntry = mentionsByEntry(pages);
    expect(Object.keys(byEntry).length).to.be.greaterThan(10);
    for (const mentions of Object.values(byEntry)) expect(listHtml(mentions, '../../')).to.equal(serializedBySaxon(mentions, '../../'));
  });

  it('escapes what the serializer escapes, and percent-encodes addresses beyond ASCII', () => {
    const tricky = 'a & b < c > d " e \' f \u00a0 g \u2028 h é 𝔄 \t i \r j \u007f k';
    const mentions: MentionLink[] = [
      { url: 'documents/Giáp & "Tài".html', anchor: 'm1', title: tricky, date: tricky, before: tricky, text: tricky, after: tricky },
      { url: 'documents/Giáp & "Tài".html', anchor: 'mé', title: 'ignored: the first of a page names it', before: '', text: '<script>', after: '' },
      { url: 'documents/other.html', anchor: 'p2', title: 'Undated', before: 'x', text: 'y', after: 'z' },
    ];
    const html = listHtml(mentions, '../');
    expect(html).to.equal(serializedBySaxon(mentions, '../'));
    expect(html).to.include('href="../documents/Gi%C3%A1p &amp; &#34;T%C3%A0i&#34;.html#m%C3%A9"').and.include('<mark>&lt;script&gt;</mark>');
    expect(html.match(/class="mention-source"/g)).to.have.length(2);
  });
});

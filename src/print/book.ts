import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fill, type Words } from '../i18n/catalogue.js';
import type { EditionConfig } from '../model/config.js';
import type { MentionLink } from '../model/mention-links.js';
import { GENRES_CSS, packageRoot } from '../infra/package.js';
import { bookFace } from '../site/fonts.js';
import { ENTITY_KINDS } from '../model/entities.js';
import { escapeAttribute, escapeText } from '../infra/escape.js';
import type { Authorities, AuthorityEntry } from '../model/authorities.js';
import { normalize, stringValue, tei } from '../model/header.js';

export type Paper = 'a4' | 'letter';

export interface Chapter {
  /** Anchor prefix of the chapter (its ids are prefix + anchor). */
  prefix: string;
  title: string;
  html: string;
  /** The page images shown after the document (--plates). */
  plates?: Plate[];
}

/** A page image of the edition as the book shows it: its plate-sized JPEG and its caption. */
export interface Plate {
  jpeg: Uint8Array;
  width: number;
  height: number;
  caption: string;
}

export interface IndexEntry {
  name: string;
  /** Where it stands in the index (AuthorityEntry.sortKey). */
  sortKey: string;
  register: string;
  /** The anchors (with their chapter's prefix) of every mention. */
  targets: string[];
  /** What the register says of it: a person's years, an event's date, the entry's note. */
  about: string;
}

/** The index's order: by where each name stands (by surname, without a leading particle), as the edition's language sorts. */
export function byIndexOrder(language: string): (a: IndexEntry, b: IndexEntry) => number {
  const collator = new Intl.Collator(language || 'en', { sensitivity: 'accent', numeric: true });
  return (a, b) => collator.compare(a.sortKey, b.sortKey) || collator.compare(a.name, b.name);
}

/** A chapter's page images, each a figure on a page of its own, with its caption; `src`, where the book finds the image. */
export const platesHtml = (chapter: Chapter, src: (plate: Plate, n: number) => string): string =>
  (chapter.plates ?? [])
    .map(
      (p, n) =>
        `<figure class="plate"><img src="${escapeAttribute(src(p, n))}" alt="${escapeAttribute(p.caption)}" width="${p.width}" height="${p.height}"/><figcaption>${escapeText(p.caption)}</figcaption></figure>`,
    )
    .join('');

const cssString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The whole edition as one HTML book for Paged.js: title page, contents, introduction, one
 * chapter per document, and the index. Page numbers in the contents and the index are filled
 * in after pagination (pdf.ts), from where Paged.js actually put each anchor.
 */
export async function bookHtml(
  config: EditionConfig,
  words: Words,
  paper: Paper,
  titlePage: string,
  chapters: readonly Chapter[],
  index: readonly IndexEntry[],
): Promise<string> {
  // The book face embedded: the book is loaded with nothing from outside (pdf.ts), and the PDF embeds only the glyphs it sets.
  const face = await bookFace((file) => `data:font/woff2;base64,${file.content.toString('base64')}`);
  const css = (face.css + (await readFile(path.join(packageRoot(), 'xslt', 'print', 'print.css'), 'utf8')) + (await readFile(GENRES_CSS, 'utf8')))
    .replace(/var\(--paper\)/g, paper === 'letter' ? 'letter' : 'A4')
    // A text block of 120 mm on either paper (210 mm and 215.9 mm wide).
    .replace(/var\(--side\)/g, paper === 'letter' ? '47.95mm' : '45mm')
    .replace(/var\(--edition-title\)/g, cssString(config.title));
  const toc = [
    ...(titlePage.includes('id="note-on-text"')
      ? [`<li><a href="#note-on-text">${escapeText(fill(words, 'print.note-on-text'))}</a><span class="toc-page" data-targets="note-on-text"></span></li>`]
      : []),
    ...chapters.map(
      (c) => `<li><a href="#${c.prefix}start">${escapeAttribute(c.title)}</a><span class="toc-page" data-targets="${c.prefix}start"></span></li>`,
    ),
    `<li><a href="#index">${escapeText(fill(words, 'print.index'))}</a><span class="toc-page" data-targets="index"></span></li>`,
  ];
  // Every kind of entry the edition mentions (persons, places, organisations, objects, events, works), each page number a link to its page.
  const registers = ENTITY_KINDS.map(({ register, list }) => {
    const entries = index.filter((e) => e.register === register && e.targets.length > 0).sort(byIndexOrder(config.language));
    if (entries.length === 0) return '';
    const items = entries.map(
      (e) => `<li><span class="index-name">${escapeAttribute(e.name)}</span>, <span class="index-pages" data-targets="${e.targets.join(' ')}"></span></li>`,
    );
    return `<h2>${escapeText(fill(words, `register.${list}`))}</h2><ul>${items.join('')}</ul>`;
  });
  // Footnote calls are numbered by Paged.js through the whole book; the notes follow suit.
  let note = 0;
  const numbered = chapters.map(
    (c) =>
      c.html.replace(/ data-n="\d+"/g, () => ` data-n="${++note}"`) + platesHtml(c, (p) => `data:image/jpeg;base64,${Buffer.from(p.jpeg).toString('base64')}`),
  );
  const body = [
    titlePage.replace(/<section class="note-on-text"[\s\S]*?<\/section>/, (note) => hyphenated(note, config.language)),
    `<nav class="toc"><h1>${escapeText(fill(words, 'print.contents'))}</h1><ol>${toc.join('')}</ol></nav>`,
    // Each document hyphenated by its own language's patterns.
    ...numbered.map((chapter) => hyphenated(chapter, chapterLanguage(chapter) ?? config.language)),
    `<section class="index" id="index"><h1>${escapeText(fill(words, 'print.index'))}</h1>${registers.join('')}</section>`,
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeAttribute(config.language)}"><head><meta charset="utf-8"><title>${escapeAttribute(config.title)}</title><style>${css}</style></head><body>`,
    body,
    '</body></html>',
  ].join('\n');
}

/**
 * What is never hyphenated: headings (the PDF's bookmarks and running heads are made from them),
 * links (URLs), a document's label, fields and running title: only running text is.
 */
const UNHYPHENATED =
  /(<h[1-6][\s\S]*?<\/h[1-6]>|<a [\s\S]*?<\/a>|<p class="(?:running-title|document-number)">[\s\S]*?<\/p>|<table class="document-meta">[\s\S]*?<\/table>)/;

/**
 * The running text with soft hyphens where the language's patterns allow a break (the hyphen
 * package's TeX patterns): Chromium here has no hyphenation dictionaries, and justified lines
 * without hyphenation open wide gaps. Markup is left as it is; a language without patterns, unhyphenated.
 */
/** The language a chapter's document declares (print.xsl writes it on its section), if it does. */
export const chapterLanguage = (html: string): string | undefined => /^\s*<section\b[^>]*\sclass="document"[^>]*\slang="([^"]+)"/.exec(html)?.[1];

function hyphenated(html: string, language: string): string {
  const require = createRequire(import.meta.url);
  for (const tag of [language.toLowerCase(), language.toLowerCase().split('-')[0]!]) {
    let hyphenate: (text: string, options: { minWordLength: number }) => string;
    try {
      hyphenate = (require(`hyphen/${tag}`) as { hyphenateHTMLSync: typeof hyphenate }).hyphenateHTMLSync;
    } catch {
      continue;
    }
    return html
      .split(UNHYPHENATED)
      .map((part, i) => (i % 2 === 1 ? part : hyphenate(part, { minWordLength: 6 })))
      .join('');
  }
  return html;
}

/** Index entries from the registers' mentions, with each page's anchors prefixed by its chapter. */
export function indexEntries(mentions: Record<string, MentionLink[]>, entries: Authorities, prefixOf: ReadonlyMap<string, string>): IndexEntry[] {
  return Object.entries(mentions).flatMap(([id, links]) => {
    const entry = entries.get(id);
    if (!entry) return [];
    const targets = links.filter((l) => prefixOf.has(l.url)).map((l) => prefixOf.get(l.url)! + l.anchor);
    return [{ name: entry.name, sortKey: entry.sortKey, register: entry.kind.register, targets, about: aboutEntry(entry) }];
  });
}

/** An entry as its register describes it, in a line: "1911–2013. Commander of …". */
function aboutEntry(entry: AuthorityEntry): string {
  const when = (name: string): string =>
    tei(entry.element, name)[0]
      ?.attrs.get('when')
      ?.replace(/^(-?\d{4}).*$/, '$1') ?? '';
  const [born, died] = [when('birth'), when('death')];
  const years = born && died ? `${born}–${died}` : born ? `born ${born}` : died ? `died ${died}` : '';
  const date = entry.kind.entry === 'event' ? (['when', 'from', 'notBefore'].map((a) => entry.element.attrs.get(a)).find(Boolean) ?? '') : '';
  const note =
    tei(entry.element, 'note')
      .map((n) => normalize(stringValue(n)))
      .find((t) => t !== '') ?? '';
  return [years || date, note]
    .filter(Boolean)
    .map((part) => part.replace(/\.?$/, '.'))
    .join(' ');
}

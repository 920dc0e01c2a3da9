import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EditionConfig } from '../config.js';
import type { MentionLink } from '../site/extracts.js';
import { packageRoot } from '../transform/stylesheets.js';
import { bookFace } from '../site/fonts.js';
import { escapeAttribute } from '../escape.js';
import type { Authorities } from '../authorities.js';

export type Paper = 'a4' | 'letter';

export interface Chapter {
  /** Anchor prefix of the chapter (its ids are prefix + anchor). */
  prefix: string;
  title: string;
  html: string;
}

export interface IndexEntry {
  name: string;
  register: string;
  /** The anchors (with their chapter's prefix) of every mention. */
  targets: string[];
}

const cssString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The whole edition as one HTML book for Paged.js: title page, contents, introduction, one
 * chapter per document, and the index. Page numbers in the contents and the index are filled
 * in after pagination (pdf.ts), from where Paged.js actually put each anchor.
 */
export async function bookHtml(config: EditionConfig, paper: Paper, titlePage: string, chapters: readonly Chapter[], index: readonly IndexEntry[]): Promise<string> {
  // The book face embedded: the book is loaded with nothing from outside (pdf.ts), and the PDF embeds only the glyphs it sets.
  const face = await bookFace((file) => `data:font/woff2;base64,${file.content.toString('base64')}`);
  const css = (face.css + (await readFile(path.join(packageRoot(), 'xslt', 'print', 'print.css'), 'utf8')))
    .replace(/var\(--paper\)/g, paper === 'letter' ? 'letter' : 'A4')
    .replace(/var\(--edition-title\)/g, cssString(config.title));
  const toc = [
    ...chapters.map((c) => `<li><a href="#${c.prefix}start">${escapeAttribute(c.title)}</a><span class="toc-page" data-targets="${c.prefix}start"></span></li>`),
    '<li><a href="#index">Index</a><span class="toc-page" data-targets="index"></span></li>',
  ];
  const registers = ['persons', 'places', 'organisations'].map((register) => {
    const entries = index.filter((e) => e.register === register && e.targets.length > 0).sort((a, b) => a.name.localeCompare(b.name, config.language));
    if (entries.length === 0) return '';
    const items = entries.map((e) => `<li><span class="index-name">${escapeAttribute(e.name)}</span>, <span class="index-pages" data-targets="${e.targets.join(' ')}"></span></li>`);
    return `<h2>${register[0]!.toUpperCase()}${register.slice(1)}</h2><ul>${items.join('')}</ul>`;
  });
  // Footnote calls are numbered by Paged.js through the whole book; the notes follow suit.
  let note = 0;
  const numbered = chapters.map((c) => c.html.replace(/ data-n="\d+"/g, () => ` data-n="${++note}"`));
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeAttribute(config.language)}"><head><meta charset="utf-8"><title>${escapeAttribute(config.title)}</title><style>${css}</style></head><body>`,
    titlePage,
    `<nav class="toc"><h1>Contents</h1><ol>${toc.join('')}</ol></nav>`,
    ...numbered,
    `<section class="index" id="index"><h1>Index</h1>${registers.join('')}</section>`,
    '</body></html>',
  ].join('\n');
}

/** Index entries from the registers' mentions, with each page's anchors prefixed by its chapter. */
export function indexEntries(
  mentions: Record<string, MentionLink[]>,
  entries: Authorities,
  prefixOf: ReadonlyMap<string, string>,
): IndexEntry[] {
  return Object.entries(mentions).flatMap(([id, links]) => {
    const entry = entries.get(id);
    if (!entry) return [];
    const targets = links.filter((l) => prefixOf.has(l.url)).map((l) => prefixOf.get(l.url)! + l.anchor);
    return [{ name: entry.name, register: entry.kind.register, targets }];
  });
}

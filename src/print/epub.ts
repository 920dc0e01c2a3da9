/**
 * The EPUB edition: an EPUB 3 package (no NCX) of the print edition's parts as XHTML (xslt/epub),
 * with a navigation document, the index's references as links, the book face embedded, and a
 * cover made from the title. Zipped by the edition's own writer (src/infra/zip.ts): the mimetype
 * first and stored, dates fixed, so that two builds of the same input give the same bytes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fill, type Words } from '../i18n/catalogue.js';
import type { EditionConfig } from '../model/config.js';
import { escapeAttribute, escapeText } from '../infra/escape.js';
import { uuidFrom } from '../infra/hash.js';
import { UNKNOWN_DAY } from '../model/header.js';
import { ENTITY_KINDS } from '../model/entities.js';
import { bookFace, BOOK_FACE, fontLicence } from '../site/fonts.js';
import { zipEntries, type ZipEntry } from '../infra/zip.js';
import { GENRES_CSS, packageRoot } from '../infra/package.js';
import { byIndexOrder, chapterLanguage, platesHtml, type Chapter, type IndexEntry } from './book.js';
import { coverSvg } from './cover.js';

export interface EpubParts {
  /** The half-title, title page, imprint and note on the text (epub.xsl, mode title-page). */
  frontMatter: string;
  /** The introduction and the documents, in order. */
  chapters: readonly Chapter[];
  index: readonly IndexEntry[];
  /** When the edition was last updated (xsd:dateTime), from its header. */
  modified: string;
}

interface Item {
  id: string;
  href: string;
  mediaType: string;
  content: string | Uint8Array;
  properties?: string;
  /** Where the reader's spine puts it, if it is read in order. */
  spine?: boolean;
}

const XHTML = 'application/xhtml+xml';
/** The note on the text, the last part of the front matter: a page of its own, in the contents. */
const NOTE_ON_TEXT = /<section\b[^>]*\bclass="note-on-text"[\s\S]*<\/section>/;

/** A chapter's file, named by its anchors' prefix ("doc3-" → doc3.xhtml). */
const fileOf = (prefix: string): string => `${prefix.replace(/-$/, '')}.xhtml`;

/** The parts of a book whose epub:type has an ARIA role (DPUB-ARIA), which reading systems and assistive technology read. */
const ROLES: Record<string, string> = { chapter: 'doc-chapter', introduction: 'doc-introduction', preface: 'doc-preface', index: 'doc-index' };

/** Where a chapter's nth page image is kept in the book. */
const plateFile = (chapter: Chapter, n: number): string => `plates/${chapter.prefix}${n + 1}.jpg`;

function xhtml(config: EditionConfig, title: string, bodyType: string, body: string): string {
  // A document's chapter is in its own language, the rest in the edition's.
  const lang = escapeAttribute(chapterLanguage(body) ?? config.language);
  // Where the part stands (front, body, back matter) is said on the body; what it is, with its role, on a section that holds it: a body takes no role.
  const [matter, ...kinds] = bodyType.split(' ');
  const kind = kinds.find((k) => ROLES[k]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">`,
    `<head><meta charset="utf-8"/><title>${escapeText(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>`,
    ...(kind
      ? [
          `<body epub:type="${[matter, ...kinds.filter((k) => k !== kind)].join(' ')}">`,
          `<section epub:type="${kind}" role="${ROLES[kind]}">`,
          body,
          '</section>',
          '</body>',
        ]
      : [`<body epub:type="${bodyType}">`, body, '</body>']),
    '</html>',
    '',
  ].join('\n');
}

/**
 * The registers and index: every kind of entry the book mentions, each name followed by links to
 * where it is mentioned, one per chapter ("Introduction", then the documents' numbers), and by
 * what its register says of it (a person's years, the entry's note).
 */
function indexBody(config: EditionConfig, words: Words, index: readonly IndexEntry[], chapters: readonly Chapter[]): string {
  // Only what the book shows: a name the page has but the book leaves out (a letter's addressee in its header) is not linked to.
  const shown = new Set(chapters.flatMap((c) => [...c.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  const labelOf = (prefix: string): string => (prefix === 'intro-' ? escapeText(fill(words, 'edition.introduction')) : prefix.replace(/^doc(\d+)-$/, '$1'));
  const registers = ENTITY_KINDS.map(({ register, list }) => {
    const entries = index
      .map((e) => ({ ...e, targets: e.targets.filter((t) => shown.has(t)) }))
      .filter((e) => e.register === register && e.targets.length > 0)
      .sort(byIndexOrder(config.language));
    if (entries.length === 0) return '';
    const items = entries.map((e) => {
      // The first mention in each chapter, in the book's order.
      const links = chapters.flatMap(({ prefix }) => {
        const target = e.targets.find((t) => t.startsWith(prefix));
        return target ? [`<a href="${fileOf(prefix)}#${escapeAttribute(target)}">${labelOf(prefix)}</a>`] : [];
      });
      const about = e.about ? `<span class="index-about">${escapeText(e.about)}</span>` : '';
      return `<li><span class="index-name">${escapeText(e.name)}</span>, ${links.join(', ')}${about}</li>`;
    });
    return `<section class="register"><h2>${escapeText(fill(words, `register.${list}`))}</h2><ul>${items.join('')}</ul></section>`;
  });
  return `<section class="index" id="index"><h1>${escapeText(fill(words, 'epub.index'))}</h1><p class="index-key">${escapeText(fill(words, 'epub.index-key'))}</p>${registers.join('')}</section>`;
}

function navBody(
  words: Words,
  contents: readonly { href: string; title: string }[],
  landmarks: readonly { href: string; type: string; title: string }[],
): string {
  const toc = contents.map((c) => `<li><a href="${c.href}">${escapeText(c.title)}</a></li>`).join('\n');
  const marks = landmarks.map((l) => `<li><a epub:type="${l.type}" href="${l.href}">${escapeText(l.title)}</a></li>`).join('\n');
  return [
    `<nav epub:type="toc" id="toc" role="doc-toc"><h1>${escapeText(fill(words, 'print.contents'))}</h1><ol>\n${toc}\n</ol></nav>`,
    `<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>${escapeText(fill(words, 'epub.landmarks'))}</h2><ol>\n${marks}\n</ol></nav>`,
  ].join('\n');
}

/**
 * How the book can be read, as EPUB Accessibility asks (schema.org's terms), true to what editio
 * makes: text with headings, lists and links in reading order, a table of contents, landmarks and an
 * index; its one image, the cover, described in words; no sound, motion or flashing.
 */
function accessibility(words: Words): string[] {
  const meta = (property: string, value: string): string => `<meta property="schema:${property}">${escapeText(value)}</meta>`;
  return [
    meta('accessMode', 'textual'),
    meta('accessMode', 'visual'),
    meta('accessModeSufficient', 'textual'),
    ...['structuralNavigation', 'tableOfContents', 'readingOrder', 'alternativeText', 'index'].map((f) => meta('accessibilityFeature', f)),
    meta('accessibilityHazard', 'none'),
    meta('accessibilitySummary', fill(words, 'epub.accessibility-summary')),
  ];
}

function packageDocument(config: EditionConfig, words: Words, modified: string, items: readonly Item[]): string {
  const lang = escapeAttribute(config.language);
  const editors = config.editors.map(
    (name, i) =>
      `<dc:creator id="editor-${i + 1}">${escapeText(name)}</dc:creator>\n<meta refines="#editor-${i + 1}" property="role" scheme="marc:relators">edt</meta>`,
  );
  const metadata = [
    `<dc:identifier id="book-id">urn:uuid:${uuidFrom('epub', config.baseUrl, config.title)}</dc:identifier>`,
    `<dc:title>${escapeText(config.title)}</dc:title>`,
    `<dc:language>${escapeText(config.language)}</dc:language>`,
    ...editors,
    ...(config.subtitle ? [`<dc:description>${escapeText(config.subtitle)}</dc:description>`] : []),
    `<dc:rights>${escapeText(config.licence.url ? `${config.licence.name} (${config.licence.url})` : config.licence.name)}</dc:rights>`,
    ...(modified === UNKNOWN_DAY ? [] : [`<dc:date>${modified.slice(0, 10)}</dc:date>`]),
    ...(config.baseUrl ? [`<dc:source>${escapeText(config.baseUrl)}</dc:source>`] : []),
    `<meta property="dcterms:modified">${modified}</meta>`,
    '<meta name="cover" content="cover-image"/>',
    ...accessibility(words),
  ];
  const manifest = items.map(
    (i) => `<item id="${i.id}" href="${escapeAttribute(i.href)}" media-type="${i.mediaType}"${i.properties ? ` properties="${i.properties}"` : ''}/>`,
  );
  const spine = items.filter((i) => i.spine).map((i) => `<itemref idref="${i.id}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">`,
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n${metadata.join('\n')}\n</metadata>`,
    `<manifest>\n${manifest.join('\n')}\n</manifest>`,
    `<spine>\n${spine.join('\n')}\n</spine>`,
    '</package>',
    '',
  ].join('\n');
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

/** The book as an EPUB 3 file. */
export async function epubArchive(config: EditionConfig, words: Words, parts: EpubParts): Promise<Uint8Array> {
  const say = (key: string): string => fill(words, key);
  const face = await bookFace((file) => `fonts/${file.name}`);
  const css = face.css + (await readFile(path.join(packageRoot(), 'xslt', 'epub', 'epub.css'), 'utf8')) + (await readFile(GENRES_CSS, 'utf8'));
  const noteOnText = NOTE_ON_TEXT.exec(parts.frontMatter)?.[0];
  const frontMatter = parts.frontMatter.replace(NOTE_ON_TEXT, '');
  const cover = `<section class="cover" epub:type="cover"><img src="cover.svg" alt="${escapeAttribute(config.title)}"/></section>`;
  const licence = (await fontLicence()).toString('utf8');
  const faceBody = `<section class="book-face" id="book-face"><h1>${escapeText(say('epub.book-face'))}</h1><p>${escapeText(fill(words, 'epub.book-face-text', { face: BOOK_FACE }))}</p><pre>${escapeText(licence)}</pre></section>`;

  const chapterItems: Item[] = parts.chapters.map((c) => ({
    id: c.prefix.replace(/-$/, ''),
    href: fileOf(c.prefix),
    mediaType: XHTML,
    spine: true,
    content: xhtml(
      config,
      c.title,
      c.prefix === 'intro-' ? 'bodymatter introduction' : 'bodymatter chapter',
      c.html + platesHtml(c, (_, n) => plateFile(c, n)),
    ),
  }));
  const plateItems: Item[] = parts.chapters.flatMap((c) =>
    (c.plates ?? []).map((p, n) => ({ id: `plate-${plateFile(c, n).replace(/\W+/g, '-')}`, href: plateFile(c, n), mediaType: 'image/jpeg', content: p.jpeg })),
  );
  const contents = [
    { href: 'front.xhtml', title: say('epub.title-page') },
    ...(noteOnText ? [{ href: 'note-on-text.xhtml', title: say('print.note-on-text') }] : []),
    ...parts.chapters.map((c) => ({ href: fileOf(c.prefix), title: c.title })),
    { href: 'index.xhtml', title: say('epub.index') },
    { href: 'book-face.xhtml', title: say('epub.book-face') },
  ];
  const landmarks = [
    { href: 'cover.xhtml', type: 'cover', title: say('epub.cover') },
    { href: 'front.xhtml', type: 'titlepage', title: say('epub.title-page') },
    { href: 'nav.xhtml', type: 'toc', title: say('print.contents') },
    ...(parts.chapters[0] ? [{ href: fileOf(parts.chapters[0].prefix), type: 'bodymatter', title: parts.chapters[0].title }] : []),
    { href: 'index.xhtml', type: 'index', title: say('epub.index') },
  ];
  const items: Item[] = [
    { id: 'cover', href: 'cover.xhtml', mediaType: XHTML, spine: true, content: xhtml(config, config.title, 'cover', cover) },
    { id: 'front', href: 'front.xhtml', mediaType: XHTML, spine: true, content: xhtml(config, config.title, 'frontmatter', frontMatter) },
    {
      id: 'nav',
      href: 'nav.xhtml',
      mediaType: XHTML,
      spine: true,
      properties: 'nav',
      content: xhtml(config, say('print.contents'), 'frontmatter', navBody(words, contents, landmarks)),
    },
    ...(noteOnText
      ? [
          {
            id: 'note-on-text',
            href: 'note-on-text.xhtml',
            mediaType: XHTML,
            spine: true,
            content: xhtml(config, say('print.note-on-text'), 'frontmatter preface', noteOnText),
          },
        ]
      : []),
    ...chapterItems,
    {
      id: 'index',
      href: 'index.xhtml',
      mediaType: XHTML,
      spine: true,
      content: xhtml(config, say('epub.index'), 'backmatter index', indexBody(config, words, parts.index, parts.chapters)),
    },
    { id: 'book-face', href: 'book-face.xhtml', mediaType: XHTML, spine: true, content: xhtml(config, say('epub.book-face'), 'backmatter', faceBody) },
    { id: 'cover-image', href: 'cover.svg', mediaType: 'image/svg+xml', properties: 'cover-image', content: coverSvg(config, say('edition.edited-by')) },
    { id: 'style', href: 'style.css', mediaType: 'text/css', content: css },
    ...face.files.map((f, i) => ({ id: `font-${i + 1}`, href: `fonts/${f.name}`, mediaType: 'font/woff2', content: new Uint8Array(f.content) })),
    ...plateItems,
  ];
  const encoder = new TextEncoder();
  const bytes = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? encoder.encode(content) : content);
  const entries: ZipEntry[] = [
    { path: 'mimetype', content: encoder.encode('application/epub+zip'), store: true },
    { path: 'META-INF/container.xml', content: encoder.encode(CONTAINER) },
    { path: 'EPUB/package.opf', content: encoder.encode(packageDocument(config, words, parts.modified, items)) },
    ...items.map((i) => ({ path: `EPUB/${i.href}`, content: bytes(i.content) })),
  ];
  return Buffer.concat(await zipEntries(entries));
}

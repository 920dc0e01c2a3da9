/**
 * A Word file (.docx) as blocks of TEI: mammoth reads the file (styles, numbering, footnotes and
 * endnotes, tables: the parts of OOXML a hand-written reader would get wrong) into plain HTML,
 * which is then mapped element by element: headings, paragraphs, italics/bold/underline/
 * strikethrough/super- and subscripts as <hi rend>, line breaks as <lb/>, links as <ref>,
 * footnotes and endnotes as <note place="foot|end" n> where their call stands, lists, tables.
 * Nothing outside the file is read (mammoth's external file access is off); images are left out,
 * with a warning.
 */
import { createRequire } from 'node:module';
import { escapeAttribute, escapeText } from '../infra/escape.js';
import { message, type Message } from '../infra/messages.js';
import { buildTree, type XmlElement, type XmlNode } from '../parse/tree.js';
import { docxRefusal } from './docx-limits.js';

export interface DocxBlock {
  kind: 'head' | 'p' | 'list' | 'table';
  /** The block as TEI (the element and its content). */
  xml: string;
  /** Its words, for finding the title and the date. */
  text: string;
  /** Its place among the file's paragraphs (from 1), for messages. */
  paragraph: number;
}

type Mammoth = typeof import('mammoth');
const mammoth = (): Mammoth => createRequire(import.meta.url)('mammoth') as Mammoth;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

const RENDS: Record<string, string> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strikethrough',
  sup: 'superscript',
  sub: 'subscript',
};

/** Text with the translator's or editor's [bracketed words] as <supplied>. */
export const withSupplied = (text: string): string => escapeText(text).replace(/\[([^\][]+)\]/g, '<supplied reason="editorial">$1</supplied>');

const children = (e: XmlElement): XmlElement[] => e.children.filter((c): c is XmlElement => c.kind === 'element');
const textOf = (n: XmlNode): string => (n.kind === 'text' ? n.text : n.children.map(textOf).join(''));

class Converter {
  readonly messages: Message[] = [];
  private readonly notes = new Map<string, XmlElement>();

  constructor(
    private readonly file: string,
    root: XmlElement,
  ) {
    // The notes' list mammoth puts last: each <li id="footnote-N"> (or endnote-N), read where its call stands.
    for (const li of root.children.flatMap((c) => (c.kind === 'element' && c.name === 'ol' ? children(c) : []))) {
      const id = li.attrs.get('id');
      if (id && /^(foot|end)note-\d+$/.test(id)) this.notes.set(id, li);
    }
  }

  isNotes(e: XmlElement): boolean {
    return e.name === 'ol' && children(e).length > 0 && children(e).every((li) => this.notes.has(li.attrs.get('id') ?? ''));
  }

  /** Phrase-level content as TEI. */
  inline(nodes: readonly XmlNode[], paragraph: number): string {
    return nodes.map((n) => (n.kind === 'text' ? withSupplied(n.text) : this.element(n, paragraph))).join('');
  }

  private element(e: XmlElement, paragraph: number): string {
    const inner = (): string => this.inline(e.children, paragraph);
    if (e.name === 'br') return '<lb/>';
    if (e.name === 'img') {
      this.messages.push(
        message(
          'warning',
          'import',
          'image-left-out',
          `an image in paragraph ${paragraph} was left out: editio imports the text; describe the image in a <note> or a <figDesc> if it matters`,
          { file: this.file },
        ),
      );
      return '';
    }
    if (e.name === 'a') {
      const href = e.attrs.get('href') ?? '';
      const note = /^#((foot|end)note-(\d+))$/.exec(href);
      if (note) return this.note(note[1]!, note[2] === 'foot' ? 'foot' : 'end', paragraph);
      // A back-link of a note to its call, or a bookmark: its words, without the link.
      if (/^#/.test(href) || href === '') return textOf(e) === '↑' ? '' : inner();
      return /^(https?|mailto):/i.test(href) ? `<ref target="${escapeAttribute(href)}">${inner()}</ref>` : inner();
    }
    // A superscript that only holds a note's call is the call.
    if (
      e.name === 'sup' &&
      children(e).length === 1 &&
      /^#(foot|end)note-/.test(children(e)[0]!.attrs.get('href') ?? '') &&
      textOf(e) === textOf(children(e)[0]!)
    )
      return inner();
    const rend = RENDS[e.name];
    if (rend) return textOf(e).trim() === '' ? inner() : `<hi rend="${rend}">${inner()}</hi>`;
    return inner();
  }

  /** A note where its call stands: its paragraphs as <p>, or its words alone when it has one. */
  private note(id: string, place: 'foot' | 'end', paragraph: number): string {
    const li = this.notes.get(id);
    if (!li) return '';
    const n = li.attrs.get('id')!.replace(/^\D+/, '');
    const paragraphs = children(li).filter((c) => c.name === 'p');
    const parts = (paragraphs.length > 0 ? paragraphs.map((p) => p.children) : [li.children])
      .map((nodes) => this.inline(nodes, paragraph).trim())
      .filter(Boolean);
    const content = parts.length === 1 ? parts[0]! : parts.map((p) => `<p>${p}</p>`).join('');
    return `<note place="${place}" n="${n}">${content}</note>`;
  }

  /** A block-level element as blocks (a list in a list, say, as more items). */
  blocks(e: XmlElement, paragraph: number): DocxBlock[] {
    const text = textOf(e).replace(/\s+/g, ' ').trim();
    if (/^h[1-6]$/.test(e.name)) return [{ kind: 'head', xml: `<head>${this.inline(e.children, paragraph).trim()}</head>`, text, paragraph }];
    if (e.name === 'p')
      return text === '' && !children(e).length ? [] : [{ kind: 'p', xml: `<p>${this.inline(e.children, paragraph).trim()}</p>`, text, paragraph }];
    if (e.name === 'ul' || e.name === 'ol') {
      const items = this.items(e, paragraph);
      return items.length
        ? [{ kind: 'list', xml: `<list${e.name === 'ol' ? ' type="numbered"' : ''}>${items.map((i) => `<item>${i}</item>`).join('')}</list>`, text, paragraph }]
        : [];
    }
    if (e.name === 'table') {
      const rows = children(e).flatMap((c) => (c.name === 'tr' ? [c] : children(c).filter((r) => r.name === 'tr')));
      const xml = rows
        .map(
          (tr) =>
            `<row>${children(tr)
              .map((cell) => this.cell(cell, paragraph))
              .join('')}</row>`,
        )
        .join('');
      return rows.length ? [{ kind: 'table', xml: `<table>${xml}</table>`, text, paragraph }] : [];
    }
    return [{ kind: 'p', xml: `<p>${this.inline(e.children, paragraph).trim()}</p>`, text, paragraph }];
  }

  /** A list's items, a nested list's items following their parent's. */
  private items(list: XmlElement, paragraph: number): string[] {
    return children(list).flatMap((li) => {
      const own = li.children.filter((c) => !(c.kind === 'element' && (c.name === 'ul' || c.name === 'ol')));
      const nested = children(li).filter((c) => c.name === 'ul' || c.name === 'ol');
      const words = own
        .map((c) => (c.kind === 'element' && c.name === 'p' ? this.inline(c.children, paragraph) : this.inline([c], paragraph)))
        .join(' ')
        .trim();
      return [...(words ? [words] : []), ...nested.flatMap((n) => this.items(n, paragraph))];
    });
  }

  /** A cell's paragraphs, one line each. */
  private cell(cell: XmlElement, paragraph: number): string {
    const lines = children(cell)
      .filter((c) => c.name === 'p')
      .map((p) => this.inline(p.children, paragraph).trim());
    const content = (lines.length ? lines : [this.inline(cell.children, paragraph).trim()]).join('<lb/>');
    const span = ['colspan', 'rowspan']
      .flatMap((a) => (cell.attrs.get(a) ? [` ${a === 'colspan' ? 'cols' : 'rows'}="${Number(cell.attrs.get(a))}"`] : []))
      .join('');
    return `<cell${cell.name === 'th' ? ' role="label"' : ''}${span}>${content}</cell>`;
  }
}

/** The blocks of a Word file, in order, or why it cannot be read. */
export async function docxBlocks(bytes: Uint8Array, file: string): Promise<{ blocks: DocxBlock[]; messages: Message[] } | { error: Message }> {
  const at = { file };
  if (startsWith(bytes, COMPOUND_FILE)) {
    return {
      error: message(
        'error',
        'import',
        'docx-unreadable',
        'this is a password-protected Word file, or one in the old .doc format: open it in Word, remove the password (File › Info › Protect Document) or save it as .docx, and import that',
        at,
      ),
    };
  }
  if (!startsWith(bytes, ZIP))
    return {
      error: message(
        'error',
        'import',
        'docx-unreadable',
        'this is not a Word .docx file (a .docx is a zip archive, and this is none): save the document as .docx and import that',
        at,
      ),
    };
  const refusal = docxRefusal(bytes);
  if (refusal) return { error: message('error', 'import', refusal.ruleId, refusal.reason, at) };
  let html: string;
  try {
    const result = await mammoth().convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: ['u => u', "p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        externalFileAccess: false,
        convertImage: mammoth().images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    // The XML parser's own words, without its tags and the "undefined" it leaves where it knows no place.
    const reason = (err as Error).message
      .split('\n')[0]!
      .replace(/^error:\s*/i, '')
      .replace(/\[xmldom \w+\]\s*/g, '')
      .replace(/:?\bundefined\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    return {
      error: message(
        'error',
        'import',
        'docx-unreadable',
        `the Word file is damaged or incomplete (${reason}): open it in Word and save it again, or export it anew`,
        at,
      ),
    };
  }
  const tree = buildTree(`<body>${html}</body>`);
  if ('error' in tree) return { error: message('error', 'import', 'docx-unreadable', `the Word file could not be read as text (${tree.error.reason})`, at) };
  const converter = new Converter(file, tree.root);
  const blocks = children(tree.root)
    .filter((e) => !converter.isNotes(e))
    .flatMap((e, i) => converter.blocks(e, i + 1));
  return { blocks, messages: converter.messages };
}

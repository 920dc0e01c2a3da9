/**
 * Whole volumes: a file whose text holds many documents, each a `div` of type "document" (as
 * FRUS volumes are encoded: hundreds of documents in chapters, the persons and terms in the front
 * matter) or "letter" (a correspondence kept in one file). Such a file is checked as it is
 * written, and published as its documents: each becomes a TEI document of its own, the volume's
 * header with the document's title, date and place in the volume, and the division as its body.
 * The volume's front matter (preface, sources, abbreviations) becomes the edition's introduction.
 *
 * What a volume is made of is worked out when it is checked (its tree is at hand then) and kept
 * in the build state as offsets into its text: a later build cuts the parts without parsing it.
 */
import { escapeAttribute, escapeRegExp } from '../infra/escape.js';
import { hashOf } from '../infra/hash.js';
import type { Source } from '../parse/source.js';
import { TEI_NS, type ParsedDoc, type ReadDoc } from '../parse/parse.js';
import { ancestors, descendants, startTagEnd, type XmlElement } from '../parse/tree.js';
import { isGlossaryEntry } from '../model/records.js';
import { tei, teiDescendants } from '../model/header.js';

/** The division types that make a file a volume when two or more stand in its text. */
const DOCUMENT_TYPES = new Set(['document', 'letter']);

/** A document of a volume: where its division stands in the volume's text, and what its header says of it. */
export interface VolumePart {
  /** Unique in the volume: the division's xml:id, else its number, else its position. */
  id: string;
  /** The division's start and end offsets in the volume's text. */
  start: number;
  end: number;
  title: string;
  /** The headings of the parts of the volume it stands in (chapter, compilation), outermost first. */
  within: string[];
  /** The number the volume gives it. */
  n?: string;
  /** The day or days the volume dates it by (FRUS's frus:doc-dateTime-min/max), when its text has no dated dateline. */
  date?: { when?: string; notBefore?: string; notAfter?: string };
  /** Namespace declarations and the language in force where it stands, which the part's text must declare. */
  context: [name: string, value: string][];
  /** Its text's hash and length, worked out when the volume was checked. */
  hash: string;
  size: number;
  /** The entries it points to (its map shows their places), worked out with the volume's check. */
  pointsTo?: string[];
}

export interface VolumeLayout {
  /** The volume's title, as its parts cite it. */
  title: string;
  /** Offsets in the volume's text: the root's start tag, the header, and the header's parts a part's header replaces. */
  root: { start: number; tagEnd: number; qname: string };
  header: { start: number; end: number };
  replaced: { start: number; end: number; what: 'titleStmt' | 'sourceDesc' | 'creation' | 'correspDesc' }[];
  /** Where a part's creation date goes: after the profileDesc's start tag, or (none) after the fileDesc. */
  profile: { at: number; open: boolean } | undefined;
  /** The titleStmt's children other than titles (editors, funders, …), as offsets. */
  titleStmtRest: { start: number; end: number }[];
  parts: VolumePart[];
  /** The front matter's sections that are read, not looked up (preface, sources, abbreviations): the introduction. */
  front: { start: number; end: number }[];
  frontHash: string;
}

const isTei = (e: XmlElement, ...names: string[]): boolean => e.ns === TEI_NS && names.includes(e.name);
const isDocumentDiv = (e: XmlElement): boolean => isTei(e, 'div') && DOCUMENT_TYPES.has(e.attrs.get('type') ?? '');

/** The words of a heading, its notes left out (FRUS puts the source note inside the heading). */
function headingWords(head: XmlElement): string {
  const collect = (e: XmlElement): string =>
    e.children.map((c) => (c.kind === 'text' ? c.text : isTei(c, 'note') ? '' : isTei(c, 'lb') ? ' ' : collect(c))).join('');
  return collect(head).replace(/\s+/g, ' ').trim();
}

/** A name that is safe in a file name and an URL. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function partIds(divs: readonly XmlElement[]): string[] {
  const taken = new Set<string>();
  return divs.map((div, i) => {
    const candidates = [div.attrs.get('xml:id'), div.attrs.get('n') && `d${div.attrs.get('n')}`, `d${i + 1}`];
    let id = candidates.find((c): c is string => Boolean(c && SAFE_ID.test(c) && !taken.has(c))) ?? `d${i + 1}`;
    while (taken.has(id)) id = `${id}-${i + 1}`;
    taken.add(id);
    return id;
  });
}

const DAY = /^(-?\d{4}-\d{2}-\d{2})/;

/** The day or days FRUS's date range attributes give, unless the text dates itself in a dateline. */
function partDate(div: XmlElement): VolumePart['date'] {
  if (teiDescendants(div, 'dateline').some((d) => teiDescendants(d, 'date').length > 0)) return undefined;
  const attr = (suffix: string): string | undefined => {
    for (const [name, value] of div.attrs) if (name.endsWith(`doc-dateTime-${suffix}`)) return DAY.exec(value.trim())?.[1];
    return undefined;
  };
  const [min, max] = [attr('min'), attr('max')];
  if (min && max) return min === max ? { when: min } : { notBefore: min, notAfter: max };
  if (min) return { notBefore: min };
  if (max) return { notAfter: max };
  return undefined;
}

/** What a part's text must declare that its ancestors declared: namespaces, and its language. */
function contextOf(div: XmlElement, root: XmlElement): VolumePart['context'] {
  const declared = new Map<string, string>();
  const between = ancestors(div)
    .filter((a) => a !== root)
    .reverse();
  for (const a of between) for (const [name, value] of a.attrs) if (name === 'xmlns' || name.startsWith('xmlns:')) declared.set(name, value);
  const lang = [div, ...ancestors(div)].find((a) => a !== root && a.attrs.has('xml:lang'))?.attrs.get('xml:lang');
  if (lang && !div.attrs.has('xml:lang')) declared.set('xml:lang', lang);
  for (const name of div.attrs.keys()) declared.delete(name);
  return [...declared];
}

/** The documents of a file's text: the outermost divisions of a document type, if there are two or more. */
function documentDivs(root: XmlElement): XmlElement[] {
  const text = tei(root, 'text')[0];
  if (!text) return [];
  const found: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.kind !== 'element') continue;
      if (isDocumentDiv(c)) found.push(c);
      else if (!isTei(c, 'note', 'floatingText')) walk(c);
    }
  };
  for (const part of [...tei(text, 'body'), ...tei(text, 'group')]) walk(part);
  return found;
}

/** The front matter's sections a reader reads: not its lists of persons (they are the registers), not a table of contents. */
function readSections(root: XmlElement): XmlElement[] {
  const front = tei(tei(root, 'text')[0], 'front')[0];
  if (!front) return [];
  return front.children.filter((c): c is XmlElement => {
    if (c.kind !== 'element' || !isTei(c, 'div', 'div1')) return false;
    const contents = ['type', 'subtype', 'xml:id'].map((a) => c.attrs.get(a) ?? '').join(' ');
    return !/\b(toc|table-of-contents|contents)\b/i.test(contents) && ![...descendants(c)].some(isGlossaryEntry);
  });
}

/** Where a part's creation date goes: into the profileDesc, else (none, or one written empty) in a profileDesc of its own after it or the fileDesc. */
function profileOf(text: string, profileDesc: XmlElement | undefined, fileDesc: XmlElement | undefined): VolumeLayout['profile'] {
  if (profileDesc) {
    const tagEnd = startTagEnd(text, profileDesc);
    return tagEnd === profileDesc.end && text.slice(tagEnd - 2, tagEnd) === '/>' ? { at: profileDesc.end, open: false } : { at: tagEnd, open: true };
  }
  return fileDesc ? { at: fileDesc.end, open: false } : undefined;
}

/** A file's layout as a volume, or undefined if it is one document. */
export function volumeLayout(doc: ParsedDoc, pointsTo?: (within: XmlElement) => string[]): VolumeLayout | undefined {
  const root = doc.tree;
  if (root.name !== 'TEI') return undefined;
  const divs = documentDivs(root);
  const header = tei(root, 'teiHeader')[0];
  if (divs.length < 2 || !header) return undefined;
  const fileDesc = tei(header, 'fileDesc')[0];
  const titleStmt = tei(fileDesc, 'titleStmt')[0];
  const profileDesc = tei(header, 'profileDesc')[0];
  const replaced: VolumeLayout['replaced'] = [
    ...(titleStmt ? [{ start: titleStmt.start, end: titleStmt.end, what: 'titleStmt' as const }] : []),
    ...tei(fileDesc, 'sourceDesc').map((s) => ({ start: s.start, end: s.end, what: 'sourceDesc' as const })),
    // The volume's own date and correspondence are not its documents'.
    ...tei(profileDesc, 'creation').map((s) => ({ start: s.start, end: s.end, what: 'creation' as const })),
    ...tei(profileDesc, 'correspDesc').map((s) => ({ start: s.start, end: s.end, what: 'correspDesc' as const })),
  ].sort((a, b) => a.start - b.start);
  const titles = tei(titleStmt, 'title');
  const volumeTitle = titles.find((t) => ['complete', 'main'].includes(t.attrs.get('type') ?? '')) ?? titles[0];
  const tagEnd = startTagEnd(doc.text, root);
  const layout: VolumeLayout = {
    title: volumeTitle ? headingWords(volumeTitle) : '',
    root: { start: root.start, tagEnd, qname: /^<([^\s/>]+)/.exec(doc.text.slice(root.start, tagEnd))![1]! },
    header: { start: header.start, end: header.end },
    replaced,
    profile: profileOf(doc.text, profileDesc, fileDesc),
    titleStmtRest: (titleStmt?.children ?? [])
      .filter((c): c is XmlElement => c.kind === 'element' && !isTei(c, 'title'))
      .map((c) => ({ start: c.start, end: c.end })),
    parts: [],
    front: readSections(root).map((s) => ({ start: s.start, end: s.end })),
    frontHash: '',
  };
  const ids = partIds(divs);
  layout.parts = divs.map((div, i) => {
    const head = tei(div, 'head')[0];
    const n = div.attrs.get('n');
    const words = head ? headingWords(head) : '';
    // Its number heads its title, as the volume prints it ("216. Telegram …", "No. 7. Mr. Guzman …").
    const numbered = n !== undefined && new RegExp(`^\\W*(?:\\p{L}{1,4}\\.?\\s*)?${escapeRegExp(n)}\\b`, 'u').test(words);
    const title = words && n && !numbered ? `${n}. ${words}` : words || (n ? `${layout.title}, ${n}` : layout.title);
    const within = ancestors(div)
      .filter((a) => isTei(a, 'div', 'div1', 'div2'))
      .reverse()
      .flatMap((a) => {
        const h = tei(a, 'head')[0];
        return h ? [headingWords(h)] : [];
      })
      .filter(Boolean);
    const date = partDate(div);
    const part: VolumePart = {
      id: ids[i]!,
      start: div.start,
      end: div.end,
      title,
      within,
      ...(n ? { n } : {}),
      ...(date ? { date } : {}),
      context: contextOf(div, root),
      hash: '',
      size: 0,
      ...(pointsTo ? { pointsTo: pointsTo(div) } : {}),
    };
    const text = partText(doc.text, layout, part);
    return { ...part, hash: hashOf(text), size: Buffer.byteLength(text) };
  });
  layout.frontHash = layout.front.length > 0 ? hashOf(frontText(doc.text, layout)) : '';
  return layout;
}

const attributes = (pairs: readonly [string, string][]): string => pairs.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');

type Edit = VolumeLayout['replaced'][number]['what'] | 'date';

/** The volume's prolog and root start tag, less the root's xml:id (a part is not the volume), then its header with `edit` made to its parts. */
function opening(text: string, layout: VolumeLayout, edit: (what: Edit) => string): string {
  const rootTag = text.slice(layout.root.start, layout.root.tagEnd).replace(/\sxml:id\s*=\s*("[^"]*"|'[^']*')/, '');
  const insertion = layout.profile ? [{ start: layout.profile.at, end: layout.profile.at, what: 'date' as const }] : [];
  // An insertion goes before an element that starts where it is made.
  const edits = [...layout.replaced, ...insertion].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  let header = '';
  let at = layout.header.start;
  for (const e of edits) {
    header += text.slice(at, e.start) + edit(e.what);
    at = e.end;
  }
  header += text.slice(at, layout.header.end);
  return text.slice(0, layout.root.start) + rootTag + text.slice(layout.root.tagEnd, layout.header.start) + header;
}

/** The element names a part's text writes, with the prefix the volume's root is written with. */
const prefixOf = (layout: VolumeLayout): string => (layout.root.qname.includes(':') ? `${layout.root.qname.split(':')[0]!}:` : '');

/** One document of a volume as a TEI document of its own: valid wherever the volume is. */
export function partText(text: string, layout: VolumeLayout, part: VolumePart): string {
  const p = prefixOf(layout);
  const el = (name: string, attrs: [string, string][], content: string): string => `<${p}${name}${attributes(attrs)}>${content}</${p}${name}>`;
  const rest = layout.titleStmtRest.map((r) => text.slice(r.start, r.end)).join('');
  // Its number is not repeated: its title begins with it.
  const scope = part.within.map((w) => el('biblScope', [['unit', 'part']], escapeAttribute(w)));
  const bibl = el('bibl', [], [el('title', [['level', 'm']], escapeAttribute(layout.title)), ...scope].join(', '));
  const creation = part.date ? el('creation', [], el('date', Object.entries(part.date) as [string, string][], '')) : '';
  let sourceDescDone = false;
  const head = opening(text, layout, (what) => {
    if (what === 'titleStmt') return el('titleStmt', [], el('title', [['type', 'main']], escapeAttribute(part.title)) + rest);
    if (what === 'sourceDesc' && !sourceDescDone) {
      sourceDescDone = true;
      return el('sourceDesc', [], bibl);
    }
    if (what === 'date' && creation) return layout.profile!.open ? creation : el('profileDesc', [], creation);
    return '';
  });
  const lang = part.context.filter(([name]) => name === 'xml:lang');
  const declared = part.context.filter(([name]) => name !== 'xml:lang');
  return `${head}<${p}text${attributes(lang)}><${p}body${attributes(declared)}>${text.slice(part.start, part.end)}</${p}body></${p}text></${layout.root.qname}>`;
}

/** The volume's front matter as the edition's introduction: its header as written, the sections in its body. */
export function frontText(text: string, layout: VolumeLayout): string {
  const p = prefixOf(layout);
  const header = text.slice(0, layout.header.end);
  return `${header}<${p}text><${p}body>${layout.front.map((f) => text.slice(f.start, f.end)).join('')}</${p}body></${p}text></${layout.root.qname}>`;
}

/**
 * A volume's documents, each a source of its own that stands beside the volume's file (its name
 * the file's with the part's id: frus1952-54Guat-d216.xml), and its introduction if it has
 * front matter to read. The volume's text is read once, when a part is first read.
 */
export function volumeParts(volume: ReadDoc, layout: VolumeLayout): { documents: ReadDoc[]; introduction: ReadDoc | undefined } {
  let text: string | undefined;
  const volumeText = (): string => (text ??= volume.text);
  const base = volume.source.path.replace(/\.xml$/i, '');
  const readDoc = (suffix: string, role: Source['role'], hash: string, size: number, make: () => string): ReadDoc => {
    const source: Source = {
      path: `${base}-${suffix}.xml`,
      name: volume.source.name,
      role,
      partOf: volume.source.path,
      known: { hash, size, schemaHrefs: volume.source.known?.schemaHrefs ?? [], index: false },
      ...(volume.source.stamp ? { stamp: volume.source.stamp } : {}),
      get bytes() {
        return Buffer.from(make());
      },
    };
    return {
      source,
      get text() {
        return make();
      },
      get schemaRefs() {
        return volume.schemaRefs;
      },
    };
  };
  const documents = layout.parts.map((part) => readDoc(part.id, 'document', part.hash, part.size, () => partText(volumeText(), layout, part)));
  const introduction = layout.front.length > 0 ? readDoc('front', 'introduction', layout.frontHash, 0, () => frontText(volumeText(), layout)) : undefined;
  return { documents, introduction };
}

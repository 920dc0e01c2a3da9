/**
 * A document's extract: the small record the edition-wide pages are built from (the index,
 * previous and next links, registers, chronology, search index), so that they never read the
 * documents again. Data, not an edition: made here from the document's tree, not by a
 * stylesheet. It reads the document as the HTML stylesheets do (the anchors the pages are given,
 * src/transform/anchors.ts; the reading text of common.xsl's ed:plain, src/transform/reading-text.ts; the layout whitespace it
 * strips), so that every anchor it records is one the pages carry; test/transform/extract.test.ts
 * holds the two to each other.
 */
import { dateInWords, dateSpan, edtfOf, documentDate, documentTitle, normalize, stringValue, tei, teiDescendants } from '../model/header.js';
import { TEI_NS } from '../parse/parse.js';
import { buildTree, type XmlElement } from '../parse/tree.js';
import { DocumentWalk, isBlock, isMention, isPassage, isTei, mentionPointer, shownNotes } from './anchors.js';
import { completeExtract } from '../model/extracts.js';
import type { CorrespAction, CorrespondenceLink, DateRecord, PlaceInBlock, RawExtract } from '../model/extract-types.js';
import { blockWords } from './block-words.js';
import { plainText, textsBelow } from './reading-text.js';
import { EntryReader, pointerOf, referencesOf, type PublishedEntries } from './entry-reader.js';
import { markedParties, type Side } from './marked-parties.js';
import { languagePack } from '../i18n/catalogue.js';
import { bcp47 } from '../i18n/language.js';
import type { DateWording } from '../i18n/dates.js';

const RECORD_HOLDERS = new Set(['back', 'standOff', 'teiHeader']);
const RECORD_LISTS = new Set(['listPerson', 'listPlace', 'listOrg', 'listObject', 'listEvent', 'listBibl', 'listRelation']);
const teiChildren = (e: XmlElement | undefined): XmlElement[] => (e?.children ?? []).filter((c): c is XmlElement => c.kind === 'element' && c.ns === TEI_NS);

/** Whether a correspContext pointer leads to the previous or the next letter (type prev/next, or a subtype such as previous_letter). */
function linkDirection(ref: XmlElement): 'prev' | 'next' | '' {
  const type = ref.attrs.get('type');
  const subtype = ref.attrs.get('subtype') ?? '';
  if (type === 'prev' || type === 'previous' || /^prev/i.test(subtype)) return 'prev';
  if (type === 'next' || /^next/i.test(subtype)) return 'next';
  return '';
}

/** The elements below `e` (not `e` itself), in document order, with the ancestors between. */
function* below(e: XmlElement, path: XmlElement[] = []): Generator<[XmlElement, readonly XmlElement[]]> {
  for (const child of e.children) {
    if (child.kind !== 'element') continue;
    yield [child, path];
    yield* below(child, [...path, child]);
  }
}

/** Whether an element is part of an index record (ed:in-record): in a list of the back matter, the standOff or the header. */
const inRecord = (ancestors: readonly XmlElement[]): boolean =>
  ancestors.some((a) => isTei(a, RECORD_HOLDERS)) && ancestors.some((a) => isTei(a, RECORD_LISTS));

/** A text whose body is one division (a letter, a volume's document): that division. */
function onlyDivision(texts: readonly XmlElement[]): XmlElement | undefined {
  const divs = texts.length === 1 ? teiChildren(teiChildren(texts[0]).find((c) => c.name === 'body')).filter((c) => c.name === 'div') : [];
  return divs.length === 1 ? divs[0] : undefined;
}

const CITATIONS = new Set(['bibl', 'biblStruct', 'biblFull', 'listBibl']);

/** A document's extract as JSON (src/model/extract-types.ts Extract), or why it could not be made. */
export function extractDocument(
  text: string,
  id: string,
  entries: PublishedEntries,
  wording: DateWording = languagePack('en'),
): { json: string } | { error: string } {
  const parsed = buildTree(text);
  if ('error' in parsed) return { error: `${parsed.error.reason} (line ${parsed.error.line})` };
  return { json: completeExtract(rawExtract(parsed.root, id, entries, wording)) };
}

export function rawExtract(document: XmlElement, id: string, entries: PublishedEntries, wording: DateWording): RawExtract {
  const root = isTei(document, 'TEI') || isTei(document, 'teiCorpus') ? document : undefined;
  const walk = new DocumentWalk(document);
  const reader = new EntryReader(document, entries);
  const header = tei(root, 'teiHeader');
  const profiles = header.flatMap((h) => tei(h, 'profileDesc'));
  const abstracts = profiles.flatMap((p) => tei(p, 'abstract'));
  // A TEI's text, or each text of a teiCorpus's documents (ed:texts).
  const texts = root ? [...walk.places.keys()].filter((e) => isTei(e, 'text') && (e.parent === root || (isTei(e.parent, 'TEI') && e.parent !== root))) : [];
  // What may hold index records (the back, the header) is sifted; the rest of the text holds none, and is not (it is most of it).
  const plainRoots = new Set(texts.flatMap((t) => teiChildren(t).filter((c) => c.name !== 'back')));
  const backs = new Set(texts.flatMap((t) => tei(t, 'back')));
  const siftedRoots = new Set([...backs, ...profiles, ...header.flatMap((h) => tei(h, 'fileDesc')).flatMap((f) => tei(f, 'sourceDesc'))]);
  const abstractSet = new Set(abstracts);

  const mentions: XmlElement[] = [];
  const dates: XmlElement[] = [];
  const passages: XmlElement[] = [];
  const abstractParagraphs = new Set(abstracts.flatMap((a) => tei(a, 'p')));
  const contextOf = new Map<XmlElement, XmlElement>();
  const notes = shownNotes(document);
  // The entries each passage (a block of the text, a note) mentions: a mention's nearest passage, as a note is a passage apart from its block.
  const entriesIn = new Map<XmlElement, Set<string>>([...notes.keys()].map((note) => [note, new Set()]));
  for (const [e, ancestors] of root ? below(root, [root]) : []) {
    const plain = ancestors.some((a) => plainRoots.has(a));
    const sifted = ancestors.some((a) => siftedRoots.has(a));
    const back = ancestors.some((a) => backs.has(a));
    const record = inRecord(ancestors);
    const inText = plain || (back && !record);
    const mention = isMention(e) && (mentionPointer(e) !== undefined || e.attrs.has('key')) && (plain || (sifted && !record));
    // A date in a citation is the date of a publication about the text, not one the text tells of: the chronology leaves it out.
    const cited = ancestors.some((a) => isTei(a, CITATIONS));
    const date = isTei(e, 'date') && !cited && ((inText && !ancestors.some((a) => isTei(a, 'dateline'))) || ancestors.some((a) => abstractSet.has(a)));
    if (mention) {
      mentions.push(e);
      let passage: XmlElement | undefined;
      for (let i = ancestors.length - 1; i >= 0 && !passage; i--) if (entriesIn.has(ancestors[i]!)) passage = ancestors[i];
      const entry = reader.idOf(e);
      if (passage && entry) entriesIn.get(passage)!.add(entry);
    }
    if (date) dates.push(e);
    if (mention || date) contextOf.set(e, contextBlock(e, ancestors));
    if (abstractParagraphs.has(e) || (isPassage(e) && inText)) {
      passages.push(e);
      entriesIn.set(e, new Set());
    }
  }

  const blocks = walk.inOrder(contextOf.values());
  const blockNumber = new Map(blocks.map((b, i) => [b, i]));
  const wordsOf = new Map(blocks.map((b) => [b, blockWords(walk, b)]));
  const inBlock = (e: XmlElement): PlaceInBlock => {
    const block = contextOf.get(e)!;
    const words = wordsOf.get(block)!;
    const span = words.span(e);
    // Its own words read as the block's do: "Schnitzlers<space/>Paracelus" apart.
    return { block: blockNumber.get(block)!, ...span, text: normalize(words.slice(span)) };
  };
  const dateRecord = (date: XmlElement): DateRecord => ({
    // A date the text does not show (a play's, kept beside the text in its standOff) has no anchor: its page is linked.
    anchor: walk.place(date).anchor ?? '',
    label: dateInWords(date, wording),
    sort: date.attrs.get('when') ?? date.attrs.get('from') ?? date.attrs.get('notBefore') ?? date.attrs.get('notAfter') ?? '',
    when: date.attrs.get('when') ?? '',
    edtf: edtfOf(date),
  });

  const documentsDate = root ? documentDate(root) : undefined;
  const placeElement = walk.inOrder(
    profiles.flatMap((p) => [...tei(p, 'creation').flatMap((c) => tei(c, 'placeName')), ...correspActions(p, 'sent').flatMap((a) => tei(a, 'placeName'))]),
  )[0];
  const ownText = root ? tei(root, 'text') : [];
  const actions = profiles.flatMap((p) => tei(p, 'correspDesc')).flatMap((c) => tei(c, 'correspAction'));
  // A side the header leaves unnamed, the text may name (src/transform/marked-parties.ts).
  const marked = markedParties(texts);
  const partiesOf = (side: Side): XmlElement[] => {
    const ofSide = actions.filter((a) => a.attrs.get('type') === side);
    return ofSide.length > 0 ? ofSide.flatMap((a) => teiChildren(a)) : marked[side];
  };
  const markedActions = (['sent', 'received'] as const)
    .filter((side) => marked[side].length > 0 && !actions.some((a) => a.attrs.get('type') === side))
    .map((side) => partiesAction(side, marked[side], side === 'sent' ? documentsDate : undefined, reader, walk));
  return {
    id,
    // A document that is one division of a volume (src/load/volumes.ts) is named by the division's xml:id.
    xmlId: root?.attrs.get('xml:id') ?? onlyDivision(ownText)?.attrs.get('xml:id') ?? '',
    lang: (root && bcp47(languageOf(root, profiles, ownText))) || '',
    links: profiles
      .flatMap((p) => tei(p, 'correspDesc'))
      .flatMap((c) => tei(c, 'correspContext'))
      .flatMap((c) => teiChildren(c).filter((r) => (r.name === 'ref' || r.name === 'ptr') && r.attrs.has('target') && linkDirection(r) !== ''))
      .map((r): CorrespondenceLink => {
        const type = r.attrs.get('type');
        return {
          rel: linkDirection(r) as CorrespondenceLink['rel'],
          scope: type === 'prev' || type === 'previous' || type === 'next' ? '' : (type ?? ''),
          target: normalize(r.attrs.get('target')!),
          label: normalize(walk.string(r)),
        };
      }),
    references: referencesOf(texts, reader),
    title: root ? documentTitle(root) : '',
    date: documentsDate ? dateRecord(documentsDate) : null,
    span: documentsDate ? dateSpan(documentsDate) : null,
    ...classification(header),
    correspondents: { sent: correspondentsOf(partiesOf('sent'), reader), received: correspondentsOf(partiesOf('received'), reader) },
    changed: lastChange(header),
    corresp: [...actions.map((a) => partiesAction(a.attrs.get('type') ?? '', teiChildren(a), tei(a, 'date')[0], reader, walk)), ...markedActions],
    summary: normalize(
      abstracts
        .flatMap((a) => tei(a, 'p'))
        .map((p) => walk.string(p))
        .join(' '),
    ),
    // Each of its text's runs apart: a msIdentifier's settlement, repository and shelfmark are words of their own.
    source: normalize(
      header
        .flatMap((h) => tei(h, 'fileDesc'))
        .flatMap((f) => tei(f, 'sourceDesc'))
        .flatMap((d) => [...textsBelow(d)])
        .join(' '),
    ),
    summaryOnly:
      ownText.some((t) => [...below(t)].some(([e]) => isTei(e, 'gap') && e.attrs.get('reason') === 'not-transcribed')) &&
      !ownText.some((t) => [...below(t)].some(([e]) => isTei(e, 'p'))),
    place: placeElement ? { text: normalize(walk.string(placeElement)), entry: reader.idOf(placeElement) } : null,
    mentions: mentions.map((m) => ({ ref: pointerOf(m), entry: reader.idOf(m), anchor: walk.anchor(m), ...inBlock(m) })),
    dates: dates.map((d) => ({ ...dateRecord(d), ...inBlock(d) })),
    blocks: blocks.map((b) => wordsOf.get(b)!.text),
    passages: [
      ...passages.map((p) => ({ anchor: walk.anchor(p), text: plainText(walk, p), note: false, entries: [...entriesIn.get(p)!] })),
      // Each note the page shows, where it shows it: in its notes, after the text.
      ...[...notes].map(([note, n]) => ({ anchor: `note-${n}`, text: plainText(walk, note), note: true, entries: [...entriesIn.get(note)!] })),
    ],
  };
}

/**
 * How the document is classified (profileDesc/textClass): each category a catRef points to, as
 * '#' and its id (named by the taxonomy that declares it, in this header or another page's), and
 * each keyword term as written; and the categories its own header declares (classDecl), by id.
 */
function classification(header: XmlElement[]): Pick<RawExtract, 'classes' | 'categories'> {
  const textClasses = header.flatMap((h) => tei(h, 'profileDesc')).flatMap((p) => tei(p, 'textClass'));
  const pointed = textClasses
    .flatMap((c) => tei(c, 'catRef'))
    .flatMap((r) => normalize(r.attrs.get('target') ?? '').split(' '))
    .filter((t) => t.includes('#'));
  const terms = textClasses
    .flatMap((c) => tei(c, 'keywords'))
    .flatMap((k) => tei(k, 'term'))
    .map((t) => normalize(stringValue(t)));
  const classes = [...new Set([...pointed.map((t) => `#${t.replace(/^.*#/, '')}`), ...terms.filter((t) => t !== '')])];
  const declared = header
    .flatMap((h) => tei(h, 'encodingDesc'))
    .flatMap((e) => tei(e, 'classDecl'))
    .flatMap((d) => teiDescendants(d, 'category'));
  const categories = declared.flatMap((c): [string, string][] => {
    const id = c.attrs.get('xml:id');
    const label = [...tei(c, 'catDesc'), ...tei(c, 'gloss')].map((d) => normalize(stringValue(d))).find((t) => t !== '');
    return id ? [[id, label ?? id]] : [];
  });
  return { classes, categories };
}

/** Who wrote or received a letter: the entries its parties of one side name (persons, organisations), each once. */
const PARTIES = new Set(['persName', 'orgName', 'name', 'rs']);
function correspondentsOf(parties: XmlElement[], reader: EntryReader): string[] {
  return [
    ...new Set(
      parties
        .filter((c) => PARTIES.has(c.name))
        .map((e) => reader.idOf(e))
        .filter((id) => id !== ''),
    ),
  ];
}

/** The day of the latest change the header records (revisionDesc/change/@when), or ''. */
function lastChange(header: XmlElement[]): string {
  const days = header
    .flatMap((h) => tei(h, 'revisionDesc'))
    .flatMap((r) => [...tei(r, 'change'), ...tei(r, 'listChange').flatMap((l) => tei(l, 'change'))])
    .flatMap((c) => /^\d{4}-\d{2}-\d{2}/.exec(normalize(c.attrs.get('when') ?? ''))?.[0] ?? []);
  return days.sort().at(-1) ?? '';
}

const DATING = ['when', 'from', 'to', 'notBefore', 'notAfter', 'cert'] as const;

/**
 * A sending or a receiving as data (for CMIF): who (persons, organisations), where, when, each
 * with the entry it names; from a correspAction's children, or the names the text marks.
 */
function partiesAction(type: string, parts: XmlElement[], date: XmlElement | undefined, reader: EntryReader, walk: DocumentWalk): CorrespAction {
  const named = (names: ReadonlySet<string>) =>
    parts
      .filter((c) => names.has(c.name) && (c.name !== 'rs' || names.has(`rs:${c.attrs.get('type') ?? ''}`)))
      .map((c) => ({ name: normalize(walk.string(c)), entry: reader.idOf(c) }));
  return {
    type,
    persons: named(new Set(['persName', 'name', 'rs', 'rs:person'])),
    orgs: named(new Set(['orgName', 'rs', 'rs:org', 'rs:organisation', 'rs:organization'])),
    places: named(new Set(['placeName', 'rs', 'rs:place'])),
    date: date ? Object.fromEntries(DATING.flatMap((a) => (date.attrs.has(a) ? [[a, normalize(date.attrs.get(a)!)]] : []))) : {},
  };
}

const correspActions = (profile: XmlElement, type: string): XmlElement[] =>
  tei(profile, 'correspDesc')
    .flatMap((c) => tei(c, 'correspAction'))
    .filter((a) => a.attrs.get('type') === type);

/**
 * A mention's or date's block: its outermost block, else bibliography entry, else correspAction,
 * else its parent; within a note, the note's (a note is a passage of its own, not its block's).
 */
function contextBlock(e: XmlElement, ancestors: readonly XmlElement[]): XmlElement {
  let note = -1;
  ancestors.forEach((a, i) => {
    if (isTei(a, 'note')) note = i;
  });
  const within = ancestors.slice(note + 1);
  return (
    within.find(isBlock) ?? within.find((a) => isTei(a, 'bibl')) ?? within.find((a) => isTei(a, 'correspAction')) ?? (note >= 0 ? ancestors[note]! : e.parent!)
  );
}

/** The document's language (ed:language): its xml:lang, or its text's, else the one language its header says it uses. */
function languageOf(root: XmlElement, profiles: XmlElement[], texts: XmlElement[]): string {
  const used = profiles
    .flatMap((p) => tei(p, 'langUsage'))
    .flatMap((u) => tei(u, 'language'))
    .flatMap((l) => (l.attrs.has('ident') ? [l.attrs.get('ident')!] : []));
  return root.attrs.get('xml:lang') ?? texts.find((t) => t.attrs.has('xml:lang'))?.attrs.get('xml:lang') ?? (used.length === 1 ? used[0]! : '');
}

/**
 * The edition as checked: what the families need to know of the sources beyond their text. The
 * authority lists as published (the files that passed their check), the introduction, the
 * documents that can be published, and what a document's outputs depend on besides its bytes.
 */
import path from 'node:path';
import { Authorities } from '../model/authorities.js';
import type { EditionConfig } from '../model/config.js';
import type { EntityKind } from '../model/entities.js';
import { hashOf } from '../infra/hash.js';
import type { Message } from '../infra/messages.js';
import { parse, type ParsedDoc, type ReadDoc } from '../parse/parse.js';
import type { EditionCheck } from './checks.js';
import { tooLarge, withPublishableIds } from './names.js';
import { volumeParts, type VolumePart } from '../load/volumes.js';

/** The name of the published entries' document (never written: the stylesheets read it). */
const PUBLISHED_AUTHORITIES = '.editio-authorities.xml';

/** The stand-in source of pages made from parameters and the lists, not from a document (the site without an introduction, the entry pages). */
export const EMPTY_TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>';

export class CheckedEdition {
  /** The authority files that passed their check: published as sources. */
  readonly authorityFiles: ParsedDoc[];
  /** The entries as published (the curated lists whole, the records something points to), and that as one document for the stylesheets. */
  readonly authorities: Authorities;
  readonly authorityText: string;
  readonly kinds: EntityKind[];
  /** Hashes of the authority files, and of which lists there are. */
  readonly authorityHash: string;
  readonly listsHash: string;
  readonly intro: ReadDoc | undefined;
  /** What the site pages are made from: the introduction, or a stand-in. */
  readonly introDoc: ReadDoc | undefined;
  /** The documents that may be published (a unique id, a name that fits, a size editio transforms), and how many were candidates. */
  readonly documents: ReadDoc[];
  readonly candidates: number;
  private readonly entriesHash = new Map<ReadDoc, string>();
  /** A volume's documents, each with where it stands in its volume. */
  private readonly parts = new Map<ReadDoc, VolumePart>();

  constructor(
    private readonly config: EditionConfig,
    private readonly check: EditionCheck,
    private readonly hashOfDoc: (doc: ReadDoc) => string,
    messages: Message[],
  ) {
    const isValid = new Set(check.valid.map((d) => d.source.path));
    this.authorityFiles = check.authorities.docs.filter((d) => isValid.has(d.source.path));
    const pointed = new Set(Object.values(check.records).flatMap((r) => (r.valid ? r.pointsTo : [])));
    this.authorityText = check.authorities.published(pointed, (doc) => isValid.has(doc.source.path));
    const published = parse({
      path: path.join(config.root, config.sources, PUBLISHED_AUTHORITIES),
      name: 'the authority entries',
      bytes: Buffer.from(this.authorityText),
      role: 'authorities',
    }).doc!;
    this.authorities = new Authorities([published]);
    this.kinds = this.authorities.kinds();
    this.authorityHash = hashOf(this.authorityText);
    this.listsHash = hashOf(...this.kinds.map((k) => k.list));
    // A volume is published as its documents; the front matter of the edition's one volume is its introduction.
    const volumes = check.valid.flatMap((d) => {
      const layout = d.source.role === 'document' ? check.records[this.recordKey(d)]!.volume : undefined;
      return layout ? [{ volume: d, layout, ...volumeParts(d, layout) }] : [];
    });
    const inVolume = new Map(volumes.map((v) => [v.volume, v.documents]));
    for (const { layout, documents } of volumes)
      documents.forEach((doc, i) => {
        this.parts.set(doc, layout.parts[i]!);
      });
    const configured = check.valid.find((d) => d.source.role === 'introduction');
    this.intro = configured ?? (volumes.length === 1 ? volumes[0]!.introduction : undefined);
    const first = check.valid[0];
    this.introDoc = this.intro ?? (first ? { ...first, text: EMPTY_TEI } : undefined);
    const documents = check.valid.flatMap((d) => inVolume.get(d) ?? (d.source.role === 'document' ? [d] : []));
    const candidates = withPublishableIds(documents, messages);
    this.candidates = candidates.length;
    this.documents = candidates.filter((doc) => !tooLarge(doc, config, messages));
  }

  /** A source's path in the edition's folder: what the state keys its check by (a volume's document, its volume's). */
  private recordKey(doc: ReadDoc): string {
    return path
      .relative(this.config.root, doc.source.partOf ?? doc.source.path)
      .split(path.sep)
      .join('/');
  }

  /** What the state keys a document's outputs by: its path in the edition's folder, a volume's document by its volume's and its own name (volume.xml#volume-d1.xml). */
  relative(doc: ReadDoc): string {
    return doc.source.partOf ? `${this.recordKey(doc)}#${path.basename(doc.source.path)}` : this.recordKey(doc);
  }

  /** What a document's page and record show of the entries it points to: their faces, not their notes. */
  entriesOf(doc: ReadDoc): string {
    if (!this.entriesHash.has(doc))
      this.entriesHash.set(doc, hashOf(...this.check.records[this.recordKey(doc)]!.pointsTo.map((id) => `${id}=${this.authorities.face(id) ?? ''}`)));
    return this.entriesHash.get(doc)!;
  }

  /** The entries a document points to (a volume's document, its own, not its volume's). */
  pointsTo(doc: ReadDoc): readonly string[] {
    return this.parts.get(doc)?.pointsTo ?? this.check.records[this.recordKey(doc)]!.pointsTo;
  }

  /** What a document's extract reads of the entries: their faces if it names some by key or prefix, else nothing (it reads their ids off its pointers). */
  lookedUpBy(doc: ReadDoc): string {
    return this.check.records[this.recordKey(doc)]!.looksUp ? this.entriesOf(doc) : '';
  }

  /** What the site pages show of the lists: which there are, and each entry's face (a note edit changes none). */
  entryFaces(): string {
    return hashOf(this.listsHash, ...[...this.authorities.entries.keys()].map((id) => `${id}=${this.authorities.face(id)}`));
  }

  /** Whether a source holds active content (its check said so): then it is published without it. */
  hasActiveContent(doc: ReadDoc): boolean {
    return this.check.records[this.recordKey(doc)]!.messages.some((m) => m.ruleId === 'active-content');
  }

  introHash(): string {
    return this.intro ? this.hashOfDoc(this.intro) : 'none';
  }
}

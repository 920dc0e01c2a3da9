/**
 * Every result a family may need, by name: what the checks give (the edition, the last build's
 * state) and what families give each other. A family that gives a result adds its line here.
 */
import type { CheckedEdition } from '../edition/edition.js';
import type { DataFile } from '../exchange/export.js';
import type { BuildState } from '../incremental/state.js';
import type { Summary } from '../model/extract-types.js';
import type { ReadDoc } from '../parse/parse.js';
import type { PlaceOnMap } from '../site/map.js';
import type { Output } from '../write/write.js';
import type { DocumentFacsimile, ViewerData } from '../iiif/viewer.js';
import type { EditionPages } from './pages.js';

/** Per source: the elements its HTML marks as rendered by the general rule (data-fallback, see xslt/html/html.xsl). */
export type Unrendered = Record<string, Record<string, number>>;

/** What the checks give every family. */
export interface Given {
  /** The checked edition: its documents, entries, introduction and what each document reads of them. */
  edition: CheckedEdition;
  /** What the last build kept that a family reuses (its summaries, what its pages left unrendered); none after a full build's reasons. */
  last: Pick<BuildState, 'summaries' | 'unrendered'> | undefined;
}

export interface Results extends Given {
  /** Each document's summary (src/families/extracts.ts). */
  extracts: {
    /** Each document whose extract could be made, with its summary, in the order given; `ordered`, the summaries in date order. */
    documents: Map<ReadDoc, Summary>;
    ordered: Summary[];
    introduction: Summary | undefined;
    /** By extract file: what the state keeps of each. */
    summaries: Record<string, Summary>;
  };
  /** A document's map: the places it points to that their entries locate (src/families/maps.ts). */
  documentMaps: {
    placesOf(doc: ReadDoc): PlaceOnMap[];
    /** A map's drawing, as the stylesheets' map-json parameter. */
    drawing(places: readonly PlaceOnMap[]): string;
  };
  /** The edition's map, every place the entries locate, drawn: the places register's (src/families/maps.ts). */
  editionMap: { drawing(): string };
  /** Each document's facsimile and its scans' tiles (src/families/facsimiles.ts). */
  facsimiles: {
    documents: Map<ReadDoc, DocumentFacsimile>;
    /** What a document's page shows of its facsimile; undefined if none. */
    viewer(doc: ReadDoc): ViewerData | undefined;
  };
  /** The documents published, their pages made or kept (src/families/documents.ts). */
  documents: {
    /** Their summaries and sources, in date order, alike. */
    published: Summary[];
    sources: ReadDoc[];
    unrendered: Unrendered;
    /** When the edition was last published: the introduction's publication date, else its documents' latest change (src/model/header.ts, publishedOn). */
    publication: string;
    /** The edition's pages: the introduction and every published document. */
    pages: EditionPages;
  };
  /** The TEI as published, with its schemas (src/families/published-tei.ts). */
  publishedTei: {
    /** Every TEI file as published, by its path in the edition: what the DTS answers hold. */
    byPath: Map<string, ReadDoc>;
    /** Each source as published (without active content) and its hash. */
    asPublished: Map<ReadDoc, { doc: ReadDoc; hash: string }>;
    /** The TEI files and schemas as data files (the zip holds them). */
    files: DataFile[];
    /** The hash of the published sources' paths and hashes. */
    members: string;
  };
  /** Each published document's Dublin Core record (src/families/dublin-core.ts). */
  dublinCore: DataFile[];
  /** The tables of documents, metadata/documents.csv and .json (src/families/tables.ts). */
  tables: { files: Output[]; hash: string };
  /** CITATION.cff and LICENSE.txt (src/families/citation.ts). */
  citation: { files: Output[]; hash: string };
}

/** The published documents the DTS API answers from: read on demand, each once, with its citation tree. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildTree, type XmlElement } from '../parse/tree.js';
import { citationTree, flatten, type CitableUnit } from './citation.js';

/** What the build records of each document for the DTS API (dts/resources.json). */
export interface ResourceRecord {
  id: string;
  title: string;
  description: string;
  /** In EDTF where it has one (its range and doubts kept), else as the TEI gives it. */
  date: string;
  language: string;
  /** The published TEI file, relative to the edition's root. */
  tei: string;
  /** Its IIIF manifest's URL, if it has a facsimile (src/families/manifests.ts). */
  manifest?: string;
}

export interface Registry {
  collection: { id: string; title: string; description: string };
  resources: ResourceRecord[];
}

export interface Loaded {
  record: ResourceRecord;
  text: string;
  root: XmlElement;
  units: CitableUnit[];
  all: CitableUnit[];
}

/** Reads published documents on demand, each once. */
export class Library {
  private readonly cache = new Map<string, Promise<Loaded | undefined>>();
  private readonly records: ReadonlyMap<string, ResourceRecord>;

  constructor(
    readonly registry: Registry,
    readonly base: string,
    /** Reads a published file by its path in the edition. */
    readonly readText: (relative: string) => Promise<string>,
    readonly isStatic = false,
  ) {
    this.records = new Map(registry.resources.map((r) => [r.id, r]));
  }

  /** Lets a resource's parsed text go: a static build reads each resource once, and 10,000 would not fit in memory. */
  forget(id: string): void {
    this.cache.delete(id);
  }

  /** The live API over a built edition folder (its dts/resources.json and tei/). */
  static async open(dir: string, base = '/api/dts'): Promise<Library | undefined> {
    const read = (relative: string): Promise<string> => readFile(path.join(dir, ...relative.split('/')), 'utf8');
    try {
      return new Library(JSON.parse(await read('dts/resources.json')) as Registry, base, read);
    } catch {
      return undefined;
    }
  }

  load(id: string): Promise<Loaded | undefined> {
    let loaded = this.cache.get(id);
    if (!loaded) {
      const record = this.records.get(id);
      loaded = record ? this.read(record) : Promise.resolve(undefined);
      this.cache.set(id, loaded);
      // A file that could not be read (removed by a build running now) is read again next time.
      loaded.catch(() => {
        if (this.cache.get(id) === loaded) this.cache.delete(id);
      });
    }
    return loaded;
  }

  private async read(record: ResourceRecord): Promise<Loaded | undefined> {
    const text = await this.readText(record.tei);
    const built = buildTree(text.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/, (d) => ' '.repeat(d.length)));
    if ('error' in built) return undefined;
    const units = citationTree(built.root);
    return { record, text, root: built.root, units, all: flatten(units) };
  }
}

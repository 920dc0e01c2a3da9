/** A file as the build reads it, before any interpretation: what parsing is given. */
export type Role = 'document' | 'introduction' | 'authorities';

/** What a build knows of a source's content without reading it again. */
export interface Known {
  hash: string;
  size: number;
  /** The schemas its xml-model processing instructions name, as absolute paths (URLs left out). */
  schemaHrefs: string[];
  /** An index file (its body a list of records): read for its entries, never published as a document. */
  index?: boolean;
}

/** A file's size, times and inode when it was read: if none differs later, the file is as it was (as git's index assumes). */
export interface Stamp {
  stamp: string;
  /**
   * Its modification time: an edit within the file system's time granularity of it may not
   * show in the stamp. (A replacement that sets an older time still changes the change time,
   * which no program can set, so it shows.)
   */
  changedAt: number;
}

/** A file that was read, with its stamp from just before. */
export interface Stamped {
  path: string;
  stamp: Stamp;
}

/** A file as read from disk, before any interpretation. */
export interface Source {
  /** Absolute path. */
  path: string;
  /** Path as shown in messages (relative to the working folder when inside it). */
  name: string;
  /** Its content; for a file the last build knew unchanged, read when first asked for. */
  readonly bytes: Buffer;
  role: Role;
  /** For one document of a volume (src/load/volumes.ts), the volume's file: its path names the part, a file that is not on disk. */
  partOf?: string;
  /** Its hash, size and schemas: from the last build for a file not read, else worked out when first asked for (knownOf). */
  known?: Known;
  /**
   * Its stamp, taken before its bytes were read (or, for a file not read, the stamp the last
   * build took): a file replaced after that, even by one with an older time, stamps otherwise.
   */
  stamp?: Stamp;
}

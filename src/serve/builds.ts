/**
 * What `editio serve` answers the DTS API and OAI-PMH from: the data of the last finished build
 * of the folder it serves, taken again whenever another build has finished, whoever ran it.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Library } from '../dts/api.js';
import { AnswerCache } from '../dts/cache.js';
import { LOCK_FILE } from '../incremental/lock.js';
import { STATE_DIR } from '../incremental/state.js';
import type { OaiRepository } from '../oai/repository.js';

/** Where the server's DTS API answers. */
export const DTS_BASE = '/api/dts';

/** What one answer during a rebuild waits for that build at most, before it is told to come back. */
const WAIT_FOR_BUILD_MS = 30_000;

export interface Build {
  /** Which finished build this is: its result file's identity. */
  stamp: string;
  /** The DTS answers of that build; undefined if it has no DTS data. */
  dts: AnswerCache | undefined;
  /** Its OAI-PMH repository; undefined if it has none. */
  oai: OaiRepository | undefined;
  /** What the resumption tokens given out from this build are signed with. */
  tokenKey: Uint8Array;
}

/**
 * The data of the last finished build, whoever ran it (this session's --watch, or "editio
 * build" in another terminal): a build ends by writing its result (.editio/result.json), and
 * its data is taken afresh when that file is another than the one the data was taken with.
 * What could not be read is never kept: it is read again at the next request.
 */
export class Builds {
  private current: Promise<Build>;

  constructor(private readonly root: string) {
    this.current = this.take();
  }

  private async stamp(): Promise<string> {
    const info = await stat(path.join(this.root, STATE_DIR, 'result.json')).catch(() => undefined);
    return info ? `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}` : 'none';
  }

  private async take(): Promise<Build> {
    const stamp = await this.stamp();
    const [library, oai] = await Promise.all([Library.open(this.root, DTS_BASE), readJson<OaiRepository>(path.join(this.root, 'oai', 'repository.json'))]);
    // Data that could not be read (an edition mid-way through its first build) is looked for again next time.
    return { stamp: library && oai ? stamp : '', dts: library && new AnswerCache(library), oai, tokenKey: randomBytes(32) };
  }

  /** The last finished build's data, taken again if another build has finished since. */
  async latest(): Promise<Build> {
    const taken = this.current;
    const build = await taken;
    if ((await this.stamp()) !== build.stamp && this.current === taken) this.current = this.take();
    return this.current;
  }

  /** Takes the build's data now (a build has just finished). */
  renew(): Promise<Build> {
    this.current = this.take();
    return this.current;
  }

  /**
   * An answer from the last finished build. A file it names that is gone has been removed by a
   * build: the answer waits for that build to end and is made again from it (and again, should
   * the next build have begun meanwhile); undefined if it cannot be made within a while, or the
   * file is missing with no build to bring it back.
   */
  async answer<T>(make: (build: Build) => Promise<T> | T): Promise<T | undefined> {
    const deadline = Date.now() + WAIT_FOR_BUILD_MS;
    for (let build = await this.latest(); ; build = await this.renew()) {
      try {
        return await make(build);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      const building = await this.building();
      if (!building && (await this.stamp()) === build.stamp) return undefined;
      if (building && !(await this.buildEnds(deadline))) return undefined;
    }
  }

  private building(): Promise<boolean> {
    return stat(path.join(this.root, ...LOCK_FILE.split('/'))).then(
      () => true,
      () => false,
    );
  }

  /** Waits while a build holds the output folder; false if it still does at `deadline`. */
  private async buildEnds(deadline: number): Promise<boolean> {
    for (; Date.now() < deadline; await sleep(50)) if (!(await this.building())) return true;
    return false;
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

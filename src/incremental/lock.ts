/**
 * One build at a time in an output folder: a lock file created exclusively, naming its owner.
 * A lock whose owner is no longer running on this machine (a build killed with -9) is taken
 * over; any other means another build is writing, and this one stops with a message saying so.
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, message } from '../infra/messages.js';
import { STATE_DIR, tempDirOf } from './state.js';
import { claimOutputFolder, isBuiltEdition, isProcessRunning } from '../write/write.js';

export const LOCK_FILE = `${STATE_DIR}/lock`;

interface Owner {
  pid: number;
  host: string;
  since: string;
}

/** Locks this process holds: a lock naming this pid but not among them was left by a process that had the pid before. */
const held = new Set<string>();

const isStale = (owner: Owner, lock: string): boolean =>
  owner.host === hostname() && owner.pid !== 0 && (owner.pid === process.pid ? !held.has(lock) : !isProcessRunning(owner.pid));

async function ownerOf(lock: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(lock, 'utf8')) as Owner;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock file if nobody holds it; else says who does. */
async function tryLock(lock: string): Promise<Owner | undefined> {
  const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    const handle = await open(lock, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(owner)}\n`);
    } finally {
      await handle.close();
    }
    return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // A lock being written has no owner yet: it is held all the same.
    return (await ownerOf(lock)) ?? { pid: 0, host: '', since: 'now' };
  }
}

/**
 * Takes the output folder for this build (claiming it as editio's if it is new) and empties the
 * temporary files a killed build left; returns what releases it.
 */
export async function lockOutputFolder(outDir: string): Promise<() => Promise<void>> {
  if (!(await isBuiltEdition(outDir))) await claimOutputFolder(outDir);
  await mkdir(path.join(outDir, STATE_DIR), { recursive: true });
  const lock = path.join(outDir, ...LOCK_FILE.split('/'));
  let holder = await tryLock(lock);
  if (holder && isStale(holder, lock)) {
    await rm(lock, { force: true });
    holder = await tryLock(lock);
  }
  if (holder) {
    const who = holder.pid === 0 ? 'another editio build' : `another editio build (process ${holder.pid} on ${holder.host}, since ${holder.since})`;
    throw new ConfigError(
      message('error', 'config', 'out-locked', `${who} is writing ${outDir}; wait for it to finish and build again (if no build is running, remove ${lock})`),
    );
  }
  held.add(lock);
  await rm(tempDirOf(outDir), { recursive: true, force: true });
  return async () => {
    held.delete(lock);
    await rm(lock, { force: true });
  };
}

import { createHash } from 'node:crypto';

/** A short hash (128 bits of SHA-256) of some strings and bytes, each part kept apart from the next. */
export function hashOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

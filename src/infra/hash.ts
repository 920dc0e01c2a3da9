import { createHash } from 'node:crypto';

/** A short hash (128 bits of SHA-256) of some strings and bytes, each part kept apart from the next. */
export function hashOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/** A name-based UUID (version 5 layout) from some strings: the same for every build of the same input. */
export function uuidFrom(...parts: readonly string[]): string {
  const hex = hashOf(...parts).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

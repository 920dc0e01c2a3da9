/**
 * A zip writer that takes each entry's compressed bytes from the previous archive when the
 * entry is unchanged (same name and hash as then, or same name, size and CRC-32): after an
 * edit only the changed files are read and compressed again. Names are UTF-8, dates fixed, so
 * the same entries always give the same bytes.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

export interface ZipEntry {
  path: string;
  /** The bytes, or how to get them when they cannot be taken from the previous archive. */
  content: Uint8Array | (() => Promise<Uint8Array>);
  /** A hash of the content: an entry with the same one in the previous archive is taken unread. */
  hash?: string;
}

/** The previous archive and the hashes of its entries, by name. */
export interface PreviousZip {
  zip: Uint8Array;
  hashes?: ReadonlyMap<string, string>;
}

/** CRC-32 as zip stores it; zlib's, which is native (a JS loop took a second for 200 MB of sources). */
export const crc32 = (bytes: Uint8Array): number => zlibCrc32(bytes);

interface Stored {
  crc: number;
  size: number;
  method: number;
  data: Uint8Array;
}

/** The entries of an archive this module wrote, by name; anything unreadable gives none. */
function readEntries(zip: Uint8Array | undefined): Map<string, Stored> {
  const entries = new Map<string, Stored>();
  if (!zip || zip.length < 22) return entries;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  if (view.getUint32(end, true) !== 0x06054b50) return entries;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  try {
    for (let i = 0; i < count; i++) {
      if (view.getUint32(at, true) !== 0x02014b50) return new Map();
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      const compressed = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const skip = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
      const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      entries.set(name, { crc, size, method, data: zip.subarray(dataStart, dataStart + compressed) });
      at += 46 + nameLength + skip;
    }
  } catch {
    return new Map();
  }
  return entries;
}

/** 1980-01-01 00:00, the earliest date a zip can hold. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export async function zipEntries(entries: readonly ZipEntry[], previous?: PreviousZip): Promise<Uint8Array> {
  if (entries.length > 0xffff) throw new Error(`${entries.length} files are more than a zip without Zip64 holds (65,535)`);
  const reusable = readEntries(previous?.zip);
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const old = reusable.get(entry.path);
    let stored: Stored;
    if (old && entry.hash !== undefined && previous?.hashes?.get(entry.path) === entry.hash) stored = old;
    else {
      const content = typeof entry.content === 'function' ? await entry.content() : entry.content;
      const crc = crc32(content);
      if (old && old.crc === crc && old.size === content.length) stored = old;
      else {
        const deflated = deflateSync(content, { level: 9 });
        stored = deflated.length < content.length ? { crc, size: content.length, method: 8, data: deflated } : { crc, size: content.length, method: 0, data: content };
      }
    }
    if (offset + 30 + name.length + stored.data.length > 0xffffffff) throw new Error('the archive would pass 4 GB, more than a zip without Zip64 holds');
    const header = (signature: number, size: number): DataView => {
      const view = new DataView(new ArrayBuffer(size));
      view.setUint32(0, signature, true);
      return view;
    };
    const local = header(0x04034b50, 30);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, stored.method, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, stored.crc, true);
    local.setUint32(18, stored.data.length, true);
    local.setUint32(22, stored.size, true);
    local.setUint16(26, name.length, true);
    const central = header(0x02014b50, 46);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x0800, true);
    central.setUint16(10, stored.method, true);
    central.setUint16(14, DOS_DATE, true);
    central.setUint32(16, stored.crc, true);
    central.setUint32(20, stored.data.length, true);
    central.setUint32(24, stored.size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), name, stored.data);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + stored.data.length;
  }
  const centralSize = centrals.reduce((n, part) => n + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, new Uint8Array(end.buffer)]);
}

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../infra/package.js';
import { writeFileAtomic } from '../write/write.js';

/** One top-level stylesheet per output; each imports xslt/common. */
export const FORMATS = ['html', 'text', 'print', 'epub'] as const;
export type Format = (typeof FORMATS)[number];

const stylesheetPath = (format: Format): string => path.join(packageRoot(), 'xslt', format, `${format}.xsl`);
const sefDir = (): string => path.join(packageRoot(), 'dist', 'sef');
const sefPath = (format: Format): string => path.join(sefDir(), `${format}.sef.json`);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A hash of every stylesheet and of the compiler version: when it changes, SEF is stale. */
async function fingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  hash.update(JSON.parse(readFileSync(require.resolve('xslt3/package.json'), 'utf8')).version);
  const root = path.join(packageRoot(), 'xslt');
  for (const file of await listFiles(root)) {
    hash
      .update(path.relative(root, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
}

async function compileOne(format: Format): Promise<void> {
  const require = createRequire(import.meta.url);
  const xslt3 = require.resolve('xslt3/xslt3.js');
  const temp = `${sefPath(format)}.tmp-${process.pid}`;
  await promisify(execFile)(process.execPath, [xslt3, `-xsl:${stylesheetPath(format)}`, `-export:${temp}`, '-nogo', '-relocate:on'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  await writeFileAtomic(sefPath(format), await readFile(temp));
  await rm(temp, { force: true });
}

/**
 * Compiles xslt/ to SEF with xslt3 when the stylesheets changed since the last compilation.
 * Returns whether anything was compiled. Transforms never compile: they load the SEF.
 */
export async function compileStylesheets(force = false): Promise<boolean> {
  const stamp = path.join(sefDir(), 'fingerprint');
  const current = await fingerprint();
  const fresh = FORMATS.every((f) => existsSync(sefPath(f))) && existsSync(stamp) && readFileSync(stamp, 'utf8') === current;
  if (fresh && !force) return false;
  await mkdir(sefDir(), { recursive: true });
  try {
    await Promise.all(FORMATS.map(compileOne));
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? String(err);
    throw new Error(`compiling the stylesheets failed:\n${stderr.trim()}`);
  }
  await writeFileAtomic(stamp, current);
  return true;
}

/** What the SEF was compiled from, as recorded by the last compilation. */
export async function stylesheetsFingerprint(): Promise<string> {
  return readFile(path.join(sefDir(), 'fingerprint'), 'utf8').catch(() => fingerprint());
}

const loaded = new Map<Format, object>();

/** The compiled stylesheet, parsed once per process. */
export function loadStylesheet(format: Format): object {
  let sef = loaded.get(format);
  if (!sef) {
    sef = JSON.parse(readFileSync(sefPath(format), 'utf8')) as object;
    loaded.set(format, sef);
  }
  return sef;
}

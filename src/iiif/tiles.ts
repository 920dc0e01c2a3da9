/**
 * A scan kept in the edition as a static IIIF Image API 3.0 service (level 0): its tiles, a few
 * whole-image sizes and its info.json, files that any web server (or a page opened from disk)
 * serves as they are. libvips (through sharp) cuts the tiles in IIIF's own layout; the sizes are
 * what a viewer asks for before it zooms (the level below one tile), what the manifest and the
 * print edition show (a plate of at most PLATE_WIDTH pixels), and the whole image when it is one
 * tile ("max").
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metadata, Sharp } from 'sharp';

/** libvips, loaded when an image is first read: most builds read none, and a no-op build should not pay for loading it. */
const imaging = async (): Promise<typeof import('sharp').default> => (await import('sharp')).default;

/** Tile edge in pixels: what OpenSeadragon and Mirador ask of a level 0 service without trouble. */
export const TILE_SIZE = 512;
/** The width of the image the manifest's canvas and the print edition show. */
const PLATE_WIDTH = 1600;
/** What changes the tiles of an unchanged image: a build with other settings makes them again. */
export const TILE_SETTINGS = `iiif3 tiles ${TILE_SIZE} jpeg 82 plate ${PLATE_WIDTH}`;

/** What a viewer and a manifest need of a tiled image (info.json's facts). */
export interface TiledImage {
  width: number;
  height: number;
  scaleFactors: number[];
  /** Whole-image sizes there are files of, smallest first. */
  sizes: { width: number; height: number }[];
  /** The size of the plate (full/w,h/0/default.jpg). */
  plate: { width: number; height: number };
}

export interface ImageLimits {
  /** Larger images are refused before they are decoded. */
  maxMegapixels: number;
  maxMegabytes: number;
}

/** info.json of a level 0 service at `id`. */
function infoJson(id: string, image: TiledImage): string {
  const info = {
    '@context': 'http://iiif.io/api/image/3/context.json',
    id,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level0',
    width: image.width,
    height: image.height,
    sizes: image.sizes,
    tiles: [{ width: TILE_SIZE, scaleFactors: image.scaleFactors }],
  };
  return `${JSON.stringify(info, null, 2)}\n`;
}

/** Why an image cannot be tiled (unreadable, too large), or its size. */
export async function checkImage(file: string, bytes: number, limits: ImageLimits): Promise<{ width: number; height: number } | { problem: string }> {
  if (bytes > limits.maxMegabytes * 1024 * 1024)
    return {
      problem: `is ${(bytes / 1024 / 1024).toFixed(0)} MB, more than the ${limits.maxMegabytes} MB an image may have (maxImageMegabytes in editio.config.json)`,
    };
  let meta: Metadata;
  try {
    const sharp = await imaging();
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (e) {
    return { problem: `cannot be read as an image (${(e as Error).message}): save it as JPEG, PNG or TIFF` };
  }
  const { width, height } = meta.autoOrient ?? meta;
  if (!width || !height) return { problem: 'has no size that can be read: save it as JPEG, PNG or TIFF' };
  if (width * height > limits.maxMegapixels * 1e6)
    return {
      problem: `has ${((width * height) / 1e6).toFixed(0)} megapixels (${width}×${height}), more than the ${limits.maxMegapixels} an image may have (maxImageMegapixels in editio.config.json): scale it down`,
    };
  return { width, height };
}

const fitWithin = (width: number, height: number, maxWidth: number): { width: number; height: number } =>
  width <= maxWidth ? { width, height } : { width: maxWidth, height: Math.round((height * maxWidth) / width) };

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) found.push(...(await filesUnder(path.join(dir, entry.name), `${relative}/`)));
    else found.push(relative);
  }
  return found;
}

/**
 * Tiles `file` into `work` (a folder of its own, emptied first): the service's files are left in
 * `work`, listed (paths relative to it, info.json among them), with the image's facts.
 */
export async function tileImage(
  file: string,
  work: string,
  size: { width: number; height: number },
  serviceId: string,
): Promise<{ image: TiledImage; files: string[] }> {
  await rm(work, { recursive: true, force: true });
  await mkdir(path.dirname(work), { recursive: true });
  // Turned as the camera says (EXIF), in sRGB, without the metadata (a phone's location) in any tile.
  const sharp = await imaging();
  const source = (): Sharp => sharp(file, { limitInputPixels: false }).autoOrient().toColourspace('srgb');
  await source().jpeg({ quality: 82 }).tile({ size: TILE_SIZE, overlap: 0, layout: 'iiif3', id: 'x' }).toFile(work);
  // The levels libvips cut, as its own info.json lists them.
  const cut = JSON.parse(await readFile(path.join(work, 'info.json'), 'utf8')) as { tiles?: { scaleFactors?: number[] }[] };
  const scaleFactors = cut.tiles?.[0]?.scaleFactors ?? [1];
  const files = (await filesUnder(work)).filter((f) => f.endsWith('.jpg'));
  const { width, height } = size;
  const sizes = files
    .map((f) => /^full\/(\d+),(\d+)\/0\/default\.jpg$/.exec(f))
    .filter((m) => m !== null)
    .map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const write = async (relative: string, image: Sharp): Promise<void> => {
    await mkdir(path.dirname(path.join(work, relative)), { recursive: true });
    await image.jpeg({ quality: 82 }).toFile(path.join(work, relative));
    files.push(relative);
  };
  const plate = fitWithin(width, height, PLATE_WIDTH);
  if (!sizes.some((s) => s.width === plate.width && s.height === plate.height)) {
    await write(`full/${plate.width},${plate.height}/0/default.jpg`, source().resize(plate.width, plate.height));
    sizes.push(plate);
  }
  // A viewer asks for the whole image as "max" when it is no larger than a tile.
  if (width <= TILE_SIZE && height <= TILE_SIZE) await write('full/max/0/default.jpg', source());
  sizes.sort((a, b) => a.width - b.width);
  const image: TiledImage = { width, height, scaleFactors, sizes, plate };
  await writeFile(path.join(work, 'info.json'), infoJson(serviceId, image));
  return { image, files: [...files.sort(), 'info.json'] };
}

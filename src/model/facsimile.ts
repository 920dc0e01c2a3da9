/**
 * A document's facsimile as TEI models it (Guidelines 11.1): `facsimile` holds `surface`s (a page,
 * its coordinate system in @ulx @uly @lrx @lry), each with `graphic`s (images of it) and `zone`s
 * (regions of it); or, as many letters editions write it, `graphic`s straight in `facsimile`, one
 * a page. The text points at them with @facs (on `pb`, on a division, a line, …) and a surface at
 * the text with @start. A pointer is `#id` (a surface, a zone, a graphic), an image's URL, or a
 * bare image id ("MS-…-00045", "0022") that the edition's own site maps to its image server: here
 * by the document's `prefixDef`s and the configuration's `imageService` pattern.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { message, type Message } from '../infra/messages.js';
import { TEI_NS } from '../parse/parse.js';
import { descendants, type XmlElement } from '../parse/tree.js';
import { expandPointer, type PrefixDef } from './pointers.js';

/** Where a page's image is: a file of the edition, a IIIF Image API service, or a plain image on the web. */
export type ImageSource = { kind: 'local'; file: string } | { kind: 'service'; url: string } | { kind: 'remote'; url: string };

/** A region of a surface, in the surface's coordinates: x, y, width, height. */
export type Box = [number, number, number, number];

export interface Surface {
  /** The surface's label: the number of the page that begins on it (pb/@n), else its own @n; undefined: its place in order. */
  label: string | undefined;
  image: ImageSource;
  /** Its size as the encoding says (the largest graphic's @width/@height in px, else the surface's own extent); unknown for many. */
  width?: number;
  height?: number;
  /** The surface's coordinate system (@ulx @uly @lrx @lry), in which its zones are given; undefined: the image's pixels. */
  extent?: [number, number, number, number];
  zones: Record<string, Box>;
  line: number;
}

/** A document's facsimile: its surfaces in order, what each pointer of the text names, and the elements surfaces @start at. */
export interface Facsimile {
  surfaces: Surface[];
  /** By @facs pointer as written: the surface it shows, and the zone of it, if it names one. */
  pointers: Record<string, { surface: number; zone?: string }>;
  /** By xml:id of an element of the text: the surface whose transcription starts there (surface/@start). */
  starts: Record<string, number>;
}

/** Images a browser shows: a pointer to anything else is a IIIF service (a .jp2 on an image server, a bare id). */
const WEB_IMAGE = /\.(jpe?g|png|gif|webp)$/i;
/** Images a build tiles (src/iiif/tiles.ts). */
const LOCAL_IMAGE = /\.(jpe?g|png|tiff?|webp)$/i;
/** Which of a surface's images is shown: one the build tiles, then a service, then a plain image. */
const RANK = { local: 3, service: 2, remote: 1, none: 0 } as const;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

export interface FacsimileContext {
  /** The document's path (relative image paths are read from its folder) and its name in messages. */
  file: string;
  name: string;
  /** The edition's folder: no image outside it is read. */
  root: string;
  prefixes: readonly PrefixDef[];
  /** The configuration's pattern for a bare image id, $1 the id: a IIIF Image API service. */
  imageService: string | undefined;
  /** Told of every image file of the edition looked for, there or not: a build depends on them. */
  looked?(file: string): void;
}

const isTei = (e: XmlElement, name: string): boolean => e.ns === TEI_NS && e.name === name;
const number = (value: string | undefined): number | undefined => {
  const n = Number.parseFloat(value ?? '');
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};
/** A graphic's size in pixels (@width="5520px"); other units say nothing of its pixels. */
const pixels = (value: string | undefined): number | undefined => (value && /^\s*[\d.]+\s*(px)?\s*$/.test(value) ? number(value) : undefined);

/**
 * An image pointer as a source: a service URL as its service (…/info.json, …/full/…/default.jpg
 * cut off), a file of the edition, a mapped id. A URL is a plain image when its name or its
 * graphic's @mimeType says so (HathiTrust's imgsrv?…); one with a query that says neither is a
 * web page (a newspaper portal's viewer, as some letters editions link their printed sources), no image.
 */
function imageSource(pointer: string, context: FacsimileContext, mimeType?: string): ImageSource | undefined {
  const expanded = expandPointer(pointer, context.prefixes) ?? pointer;
  if (ABSOLUTE.test(expanded)) {
    if (!/^https?:\/\//i.test(expanded)) return undefined;
    const request = /^(.*?)\/(info\.json|full\/[^/]+\/[^/]+\/[a-z]+\.[a-z0-9]+)$/i.exec(expanded);
    if (request) return { kind: 'service', url: request[1]! };
    const url = new URL(expanded);
    if (WEB_IMAGE.test(url.pathname) || /^image\/(jpeg|png|gif|webp)$/i.test(mimeType ?? '')) return { kind: 'remote', url: expanded };
    // A IIIF service's address has no query.
    return url.search === '' ? { kind: 'service', url: expanded } : undefined;
  }
  if (/[{}<>"\\]/.test(expanded) || expanded.startsWith('#')) return undefined;
  const file = path.resolve(path.dirname(context.file), decodeURI(expanded));
  const inside = !path.relative(context.root, file).startsWith('..') && !path.isAbsolute(path.relative(context.root, file));
  if (inside && LOCAL_IMAGE.test(file)) {
    context.looked?.(file);
    if (existsSync(file)) return { kind: 'local', file };
  }
  // A bare id ("0022", "MS-…-00045"), which the edition's image server knows.
  if (context.imageService && !expanded.includes('/')) return { kind: 'service', url: context.imageService.replaceAll('$1', encodeURIComponent(expanded)) };
  return undefined;
}

/** A zone's region: its corners, or the bounds of its @points. */
function zoneBox(zone: XmlElement): Box | undefined {
  const [ulx, uly, lrx, lry] = ['ulx', 'uly', 'lrx', 'lry'].map((a) => number(zone.attrs.get(a)));
  if (ulx !== undefined && uly !== undefined && lrx !== undefined && lry !== undefined && lrx > ulx && lry > uly) return [ulx, uly, lrx - ulx, lry - uly];
  const points = (zone.attrs.get('points') ?? '')
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number));
  if (points.length < 2 || points.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n)))) return undefined;
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return [x, y, Math.max(...xs) - x, Math.max(...ys) - y];
}

/** The document's facsimile, undefined if it has none; what it cannot show is said in `messages`. */
export function readFacsimile(root: XmlElement, context: FacsimileContext, messages: Message[]): Facsimile | undefined {
  const surfaces: Surface[] = [];
  const pointers: Facsimile['pointers'] = {};
  const starts: Facsimile['starts'] = {};
  const byId = new Map<string, { surface: number; zone?: string }>();
  const byImage = new Map<string, number>();
  const unreadable: string[] = [];
  let firstUnreadable = 0;
  const imageOf = (pointer: string, line: number, mimeType?: string): ImageSource | undefined => {
    const image = imageSource(pointer, context, mimeType);
    if (!image && !unreadable.includes(pointer)) {
      unreadable.push(pointer);
      firstUnreadable ||= line;
    }
    return image;
  };
  const add = (surface: Surface, pointer: string | undefined, id: string | undefined): number => {
    const n = surfaces.push(surface) - 1;
    if (pointer !== undefined) byImage.set(pointer, n);
    if (id) byId.set(id, { surface: n });
    return n;
  };

  const elements = [...descendants(root)];
  // The surfaces of facsimile and of sourceDoc (grouped in surfaceGrp or not), in document order; a surface within a surface is part of it.
  const within = (e: XmlElement, names: readonly string[]): boolean => {
    for (let up = e.parent; up; up = up.parent) if (up.ns === TEI_NS && names.includes(up.name)) return true;
    return false;
  };
  for (const e of elements) {
    if (e.ns !== TEI_NS || !within(e, ['facsimile', 'sourceDoc']) || within(e, ['surface'])) continue;
    if (e.name === 'surface') readSurface(e);
    else if (e.name === 'graphic' && (isTei(e.parent!, 'facsimile') || isTei(e.parent!, 'surfaceGrp'))) {
      // A page's image straight in the facsimile (as the Schnitzler letters write it).
      const url = e.attrs.get('url');
      const image = url && imageOf(url, e.line, e.attrs.get('mimeType'));
      if (image)
        add(
          { label: e.attrs.get('n'), image, width: pixels(e.attrs.get('width')), height: pixels(e.attrs.get('height')), zones: {}, line: e.line },
          url,
          e.attrs.get('xml:id'),
        );
    }
  }

  function readSurface(surface: XmlElement): void {
    const graphics = [...descendants(surface)].filter((e) => isTei(e, 'graphic') && e.parent === surface && e.attrs.get('url'));
    // Several images of a page (a thumbnail, a screen image, the master; a scan of the edition, a
    // IIIF service, a library's image): a scan of the edition first (it is tiled), then a service
    // (deep zoom), then a plain image; among those, the largest the encoding says.
    const candidates = graphics.map((g, order) => ({
      g,
      order,
      rank: RANK[imageSource(g.attrs.get('url')!, context, g.attrs.get('mimeType'))?.kind ?? 'none'],
      w: pixels(g.attrs.get('width')),
      h: pixels(g.attrs.get('height')),
    }));
    candidates.sort((a, b) => b.rank - a.rank || (b.w ?? 0) * (b.h ?? 0) - (a.w ?? 0) * (a.h ?? 0) || a.order - b.order);
    const chosen = candidates[0];
    const image = chosen && imageOf(chosen.g.attrs.get('url')!, chosen.g.line, chosen.g.attrs.get('mimeType'));
    if (!image) return;
    const [ulx, uly, lrx, lry] = ['ulx', 'uly', 'lrx', 'lry'].map((a) => number(surface.attrs.get(a)));
    const extent: Surface['extent'] =
      ulx !== undefined && uly !== undefined && lrx !== undefined && lry !== undefined && lrx > ulx && lry > uly ? [ulx, uly, lrx, lry] : undefined;
    const zones: Record<string, Box> = {};
    const n = add(
      {
        label: surface.attrs.get('n'),
        image,
        width: chosen.w ?? (extent && !chosen.h ? extent[2] - extent[0] : undefined),
        height: chosen.h ?? (extent && !chosen.w ? extent[3] - extent[1] : undefined),
        ...(extent ? { extent } : {}),
        zones,
        line: surface.line,
      },
      undefined,
      surface.attrs.get('xml:id'),
    );
    for (const g of graphics) if (g.attrs.get('xml:id')) byId.set(g.attrs.get('xml:id')!, { surface: n });
    for (const zone of [...descendants(surface)].filter((e) => isTei(e, 'zone'))) {
      const id = zone.attrs.get('xml:id');
      const box = zoneBox(zone);
      if (id && box) {
        zones[id] = box;
        byId.set(id, { surface: n, zone: id });
      } else if (id) byId.set(id, { surface: n });
    }
    const start = surface.attrs.get('start');
    if (start?.startsWith('#')) starts[start.slice(1)] = n;
  }

  // The text's pointers: to a surface, zone or graphic by id; to an image by its URL or id.
  for (const e of elements) {
    const facs = e.attrs.get('facs');
    if (facs === undefined || e.ns !== TEI_NS || isTei(e, 'surface') || isTei(e, 'zone')) continue;
    for (const pointer of facs.trim().split(/\s+/).filter(Boolean)) {
      let target = pointer.startsWith('#') ? byId.get(pointer.slice(1)) : byImage.has(pointer) ? { surface: byImage.get(pointer)! } : undefined;
      if (!target && !pointer.startsWith('#')) {
        const image = imageOf(pointer, e.line);
        if (image) target = { surface: add({ label: undefined, image, zones: {}, line: e.line }, pointer, undefined) };
      }
      if (!target) continue;
      pointers[pointer] ??= target;
      // A page that begins on the surface names it.
      if (isTei(e, 'pb') && e.attrs.get('n') && !target.zone) surfaces[target.surface]!.label ??= e.attrs.get('n');
    }
  }
  if (unreadable.length > 0) {
    messages.push(
      message(
        'info',
        'site',
        'facsimile-image-unknown',
        `${unreadable.length === 1 ? 'a page image' : `${unreadable.length} page images`} (${unreadable.slice(0, 3).join(', ')}${unreadable.length > 3 ? ', …' : ''}) ${unreadable.length === 1 ? 'is' : 'are'} neither an image file of the edition (.jpg, .png, .tif, .webp beside the document), the URL of an image or of a IIIF Image service, nor mapped to one: give its file, a prefixDef, or "imageService" in editio.config.json`,
        { file: context.name, line: firstUnreadable },
      ),
    );
  }
  return surfaces.length > 0 ? { surfaces, pointers, starts } : undefined;
}

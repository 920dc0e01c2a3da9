/**
 * A document's facsimile as its page's viewer (assets/facsimile.js) and its manifest show it: the
 * surfaces that can be shown, each with where its image is and, for a scan of the edition, its
 * tiles' facts (src/families/facsimiles.ts makes them).
 */
import { hashOf } from '../infra/hash.js';
import type { Facsimile, Surface } from '../model/facsimile.js';
import { TILE_SIZE, type TiledImage } from './tiles.js';

/** A surface as the viewer and the manifest show it: where its image is, and, for a scan of the edition, the facts of its tiles. */
export interface Canvas {
  surface: Surface;
  /** Its place among the document's surfaces (1, 2, …): its label when it has none. */
  place: number;
  /** A scan of the edition: its service's folder in the edition (iiif/images/<name>) and its tiles' facts. */
  local?: { folder: string; image: TiledImage };
}

export interface DocumentFacsimile {
  facsimile: Facsimile;
  /** The surfaces that can be shown, in order; `canvasOf` a surface's index among them. */
  canvases: Canvas[];
  canvasOf: Map<number, number>;
}

/** What a document's page shows of its facsimile (the stylesheets' facsimile-json, read by assets/facsimile.js), and the hosts it loads images from. */
export interface ViewerData {
  json: string;
  hosts: string[];
}

export function viewerData(document: DocumentFacsimile | undefined): ViewerData | undefined {
  if (!document) return undefined;
  const { facsimile, canvases, canvasOf } = document;
  const hosts = new Set<string>();
  const shown = canvases.map(({ surface, place, local }) => {
    const common = { label: surface.label ?? String(place), ...(surface.extent ? { extent: surface.extent } : {}), zones: surface.zones };
    if (local) {
      const { width, height, scaleFactors, sizes } = local.image;
      return { ...common, service: `../${local.folder}`, level0: { width, height, scaleFactors, sizes, tile: TILE_SIZE } };
    }
    const image = surface.image as { kind: 'service' | 'remote'; url: string };
    hosts.add(new URL(image.url).origin);
    return { ...common, [image.kind === 'service' ? 'service' : 'url']: image.url };
  });
  const pointers = Object.fromEntries(
    Object.entries(facsimile.pointers)
      .filter(([, target]) => canvasOf.has(target.surface))
      .map(([pointer, target]) => [pointer, target.zone ? [canvasOf.get(target.surface)!, target.zone] : [canvasOf.get(target.surface)!]]),
  );
  const starts = Object.fromEntries(Object.entries(facsimile.starts).flatMap(([id, surface]) => (canvasOf.has(surface) ? [[id, canvasOf.get(surface)!]] : [])));
  return { json: JSON.stringify({ canvases: shown, pointers, starts }), hosts: [...hosts].sort() };
}

/** The hash of what a page shows of its facsimile: a page is made again when it changes. */
export const viewerHash = (data: ViewerData | undefined): string => (data ? hashOf(data.json, data.hosts.join(' ')) : '');

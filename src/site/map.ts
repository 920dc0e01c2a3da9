/**
 * Maps of places, laid out when the edition is built (xslt/html/map.xsl draws them as SVG: no
 * tiles, no script, nothing fetched): the land and borders of Natural Earth's 1:110m world
 * (world-atlas), an Equal Earth projection centred on the places and fitted to them, and a
 * marker for each place its authority entry locates (location/geo), labelled beside it where the
 * label has room, and linked to the entry.
 */
import { geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Authorities, AuthorityEntry } from '../model/authorities.js';
import { normalize, tei } from '../model/header.js';

export interface PlaceOnMap {
  id: string;
  name: string;
  /** Its entry's page, from the edition's root. */
  href: string;
  lat: number;
  lon: number;
}

/** Where a place's name stands: beside its marker, under or over it, or nowhere (no side had room; its marker's title names it). */
export type LabelSide = 'right' | 'left' | 'below' | 'above' | 'none';

export interface MapDrawing {
  width: number;
  height: number;
  /** SVG path data of the land and of the borders between countries. */
  land: string;
  borders: string;
  /** Each place's marker, and its label's side (or none, where no side has room). */
  places: (Omit<PlaceOnMap, 'lat' | 'lon'> & { x: number; y: number; label: LabelSide })[];
}

/**
 * A place's latitude and longitude, from its entry's location/geo in decimal degrees as editions
 * write them: "lat long" (TEI's default geoDecl), "lat, long", or with decimal commas
 * ("47,639444 13,763333"); undefined if it has none that reads so.
 */
export function coordinatesOf(entry: AuthorityEntry): { lat: number; lon: number } | undefined {
  const geo = tei(entry.element, 'location').flatMap((l) => tei(l, 'geo'))[0];
  const written = geo ? normalize(geo.children.map((c) => (c.kind === 'text' ? c.text : '')).join('')) : '';
  // Two numbers with decimal commas, set apart by a space (or a semicolon): the commas are decimal points.
  const text = /^[+-]?\d+,\d+\s*[ ;]\s*[+-]?\d+,\d+$/.test(written) ? written.replace(/(\d),(\d)/g, '$1.$2').replace(/\s*;\s*/, ' ') : written;
  const parts = /^([+-]?\d+(?:\.\d+)?)[ ,]+([+-]?\d+(?:\.\d+)?)$/.exec(text);
  if (!parts) return undefined;
  const [lat, lon] = [Number(parts[1]), Number(parts[2])];
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

/** The places among these entries that their entries locate, each once, in the order of their ids. */
export function placesOnMap(authorities: Authorities, ids: Iterable<string>): PlaceOnMap[] {
  return [...new Set(ids)].sort().flatMap((id) => {
    const entry = authorities.get(id);
    const at = entry?.kind.entry === 'place' ? coordinatesOf(entry) : undefined;
    return entry && at ? [{ id, name: entry.name, href: `registers/${entry.kind.register}/${id}.html`, ...at }] : [];
  });
}

/** Maps laid out already, by their places: documents of one edition name the same few places again and again. */
const laidOut = new Map<string, string>();
const LAID_OUT_KEPT = 256;

/** A map as the stylesheets take it (map-json): null for none. */
export function mapJson(places: readonly PlaceOnMap[]): string {
  const key = JSON.stringify(places);
  let json = laidOut.get(key);
  if (json === undefined) {
    json = JSON.stringify(mapOf(places) ?? null);
    if (laidOut.size >= LAID_OUT_KEPT) laidOut.delete(laidOut.keys().next().value!);
    laidOut.set(key, json);
  }
  return json;
}

let world: { land: GeoPermissibleObjects; borders: GeoPermissibleObjects } | undefined;

function worldOutline(): { land: GeoPermissibleObjects; borders: GeoPermissibleObjects } {
  if (!world) {
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ land: GeometryCollection; countries: GeometryCollection }>;
    world = { land: feature(topology, topology.objects.land), borders: mesh(topology, topology.objects.countries, (a, b) => a !== b) };
  }
  return world;
}

/** Degrees a map shows at least, around its places: one city alone is shown in its region, not as a street plan. */
const MIN_SPAN = { lon: 40, lat: 24 };
/** Room around the outermost places, as a share of their span. */
const MARGIN = 0.2;
const LABEL_SIZE = 13;
/** A label's width, estimated: the map is laid out before any browser measures it. */
const labelWidth = (name: string): number => Math.ceil(name.length * LABEL_SIZE * 0.56) + 8;

/** The map of these places, `width` pixels wide; undefined when none is given. */
export function mapOf(places: readonly PlaceOnMap[], width = 640): MapDrawing | undefined {
  if (places.length === 0) return undefined;
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const centre = { lon: (Math.min(...lons) + Math.max(...lons)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
  const half = {
    lon: Math.min(180, Math.max(MIN_SPAN.lon, (Math.max(...lons) - Math.min(...lons)) * (1 + 2 * MARGIN)) / 2),
    lat: Math.min(85, Math.max(MIN_SPAN.lat, (Math.max(...lats) - Math.min(...lats)) * (1 + 2 * MARGIN)) / 2),
  };
  // A map of places far apart east to west is not a thin strip: it shows as much north and south as a reader expects of a map.
  half.lat = Math.min(85, Math.max(half.lat, half.lon * 0.4));
  const frame: GeoPermissibleObjects = {
    type: 'MultiPoint',
    coordinates: [-1, 0, 1].flatMap((i) => [-1, 0, 1].map((j) => [centre.lon + i * half.lon, Math.max(-85, Math.min(85, centre.lat + j * half.lat))])),
  };
  const projection = geoEqualEarth().rotate([-centre.lon, 0]).fitWidth(width, frame);
  const [[, top], [, bottom]] = geoPath(projection).bounds(frame);
  const height = Math.ceil(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]).clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = geoPath(projection).digits(0);
  const { land, borders } = worldOutline();
  const round = (n: number): number => Math.round(n * 10) / 10;
  const placed = places
    .map((p) => {
      const [x, y] = projection([p.lon, p.lat])!;
      return { id: p.id, name: p.name, href: p.href, x: round(x), y: round(y) };
    })
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  return { width, height, land: squeezed(path(land) ?? ''), borders: squeezed(path(borders) ?? ''), places: withLabels(placed, width, height) };
}

/** Path data without the points that repeat the one before (whole pixels make many): a smaller page, the same drawing. */
const squeezed = (d: string): string => d.replace(/L(-?\d+,-?\d+)(?:L\1)+(?![\d.])/g, 'L$1').replace(/([ML](-?\d+,-?\d+))(?:L\2)+(?![\d.])/g, '$1');

type Box = { left: number; right: number; top: number; bottom: number };
const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Each label to the right of its marker, else to the left, below or above, else none: never over another label or marker, nor off the map. */
function withLabels<T extends { x: number; y: number; name: string }>(places: T[], width: number, height: number): (T & { label: LabelSide })[] {
  const taken: Box[] = places.map((p) => ({ left: p.x - 5, right: p.x + 5, top: p.y - 5, bottom: p.y + 5 }));
  return places.map((p) => {
    const w = labelWidth(p.name);
    const sides = [
      { side: 'right' as const, box: { left: p.x + 7, right: p.x + 7 + w, top: p.y - LABEL_SIZE * 0.7, bottom: p.y + LABEL_SIZE * 0.5 } },
      { side: 'left' as const, box: { left: p.x - 7 - w, right: p.x - 7, top: p.y - LABEL_SIZE * 0.7, bottom: p.y + LABEL_SIZE * 0.5 } },
      { side: 'below' as const, box: { left: p.x - w / 2, right: p.x + w / 2, top: p.y + 6, bottom: p.y + 6 + LABEL_SIZE * 1.2 } },
      { side: 'above' as const, box: { left: p.x - w / 2, right: p.x + w / 2, top: p.y - 6 - LABEL_SIZE * 1.2, bottom: p.y - 6 } },
    ];
    const free = sides.find(({ box }) => box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height && !taken.some((t) => overlaps(t, box)));
    if (free) taken.push(free.box);
    return { ...p, label: free ? free.side : ('none' as const) };
  });
}

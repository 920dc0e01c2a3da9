/**
 * An entry's identifiers (`idno`) as URIs, for the formats that want them so (CMIF): records write
 * a URL, or an authority file's bare number with the file's name as its type
 * ("<idno type="gnd">118609807</idno>"), which stands for the URI that file publishes for it.
 */
const AUTHORITY_URIS: { type: RegExp; value: RegExp; uri: (value: string) => string }[] = [
  { type: /^gnd$/i, value: /^[0-9]{7,10}[0-9X]$|^[0-9]{1,9}-[0-9X]$/i, uri: (v) => `https://d-nb.info/gnd/${v}` },
  { type: /^viaf$/i, value: /^[0-9]{1,22}$/, uri: (v) => `https://viaf.org/viaf/${v}` },
  { type: /^geonames$/i, value: /^[0-9]{1,10}$/, uri: (v) => `https://sws.geonames.org/${v}/` },
  { type: /^wikidata$/i, value: /^Q[0-9]+$/, uri: (v) => `http://www.wikidata.org/entity/${v}` },
];

/** An identifier as a URI: a URL as written, an authority file's bare number as that file's URI, else none. */
export function identifierUri({ type, value }: { type: string; value: string }): string | undefined {
  const trimmed = value.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  const known = AUTHORITY_URIS.find((a) => a.type.test(type.trim()) && a.value.test(trimmed));
  return known?.uri(trimmed);
}

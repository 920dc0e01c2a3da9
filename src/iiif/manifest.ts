/**
 * IIIF Presentation API 3.0: a manifest per document with a facsimile (a canvas per surface,
 * labelled with its page, painted with its image and that image's service), and the edition's
 * collection of them. Every id is a URL under the edition's address (baseUrl), as the API asks.
 */
import type { Surface } from '../model/facsimile.js';

const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

/** Language maps as IIIF writes them: {"de": ["…"]}. */
const text = (lang: string, value: string): Record<string, string[]> => ({ [lang || 'none']: [value] });

/** A surface as the manifest paints it: its size, and the image (a file of the service, or a remote image) and service. */
export interface PaintedSurface {
  surface: Surface;
  /** The canvas's label when the surface has none: its place ("3"). */
  label: string;
  width: number;
  height: number;
  body: { id: string; width: number; height: number; format: string; service?: string; level0?: boolean };
  /** A small image of it, for a viewer's page list (a level 0 service has only the sizes it lists). */
  thumbnail?: { id: string; width: number; height: number };
}

export interface ManifestFacts {
  /** The manifest's own URL. */
  id: string;
  /** The edition's language, in which the fields are named and the dates written. */
  lang: string;
  /** The document's own language, in which its title and summary are. */
  textLang: string;
  title: string;
  /** Pairs of a field's name and its value, in the edition's language ("Datum": "3. Mai 1896"). */
  metadata: [string, string][];
  summary?: string;
  /** The document's page, its TEI, the collection. */
  page: string;
  tei: string;
  collection: string;
  edition: string;
  /** A licence URL the API accepts as rights (Creative Commons, RightsStatements.org). */
  rights?: string;
  attribution: [string, string];
}

/** Whether the API accepts a licence URL as `rights`. */
export const rightsUrl = (url: string | undefined): string | undefined => {
  const http = url?.replace(/^https:/, 'http:');
  return http && /^http:\/\/(creativecommons\.org\/(licenses|publicdomain)|rightsstatements\.org\/vocab)\//.test(http) ? http : undefined;
};

export function manifest(facts: ManifestFacts, surfaces: readonly PaintedSurface[]): object {
  const base = facts.id.replace(/manifest\.json$/, '');
  const { lang, textLang } = facts;
  return {
    '@context': PRESENTATION_CONTEXT,
    id: facts.id,
    type: 'Manifest',
    label: text(textLang, facts.title),
    metadata: facts.metadata.map(([label, value]) => ({ label: text(lang, label), value: text(lang, value) })),
    ...(facts.summary ? { summary: text(textLang, facts.summary) } : {}),
    requiredStatement: { label: text(lang, facts.attribution[0]), value: text(lang, facts.attribution[1]) },
    ...(facts.rights ? { rights: facts.rights } : {}),
    homepage: [{ id: facts.page, type: 'Text', label: text(textLang, facts.title), format: 'text/html', language: [textLang || lang] }],
    seeAlso: [
      { id: facts.tei, type: 'Dataset', label: text(textLang, `${facts.title} (TEI)`), format: 'application/tei+xml', profile: 'http://www.tei-c.org/ns/1.0' },
    ],
    partOf: [{ id: facts.collection, type: 'Collection', label: text(lang, facts.edition) }],
    items: surfaces.map((painted, i) => {
      const canvas = `${base}canvas/${i + 1}`;
      const { body } = painted;
      return {
        id: canvas,
        type: 'Canvas',
        label: text('none', painted.surface.label ?? painted.label),
        width: painted.width,
        height: painted.height,
        ...(painted.thumbnail ? { thumbnail: [{ ...painted.thumbnail, type: 'Image', format: 'image/jpeg' }] } : {}),
        items: [
          {
            id: `${canvas}/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${canvas}/page/image`,
                type: 'Annotation',
                motivation: 'painting',
                target: canvas,
                body: {
                  id: body.id,
                  type: 'Image',
                  format: body.format,
                  width: body.width,
                  height: body.height,
                  // A remote service's level is its own: named only for the edition's static services.
                  ...(body.service ? { service: [{ id: body.service, type: 'ImageService3', ...(body.level0 ? { profile: 'level0' } : {}) }] } : {}),
                },
              },
            ],
          },
        ],
      };
    }),
  };
}

/** The edition's collection: every manifest, in the documents' order. */
export function collection(id: string, lang: string, title: string, members: readonly { id: string; title: string }[]): object {
  return {
    '@context': PRESENTATION_CONTEXT,
    id,
    type: 'Collection',
    label: text(lang, title),
    items: members.map((m) => ({ id: m.id, type: 'Manifest', label: text(lang, m.title) })),
  };
}

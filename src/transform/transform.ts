import { createRequire } from 'node:module';
import type SaxonJSModule from 'saxon-js';
import { message, type Message } from '../infra/messages.js';
import { loadStylesheet, type Format } from './stylesheets.js';
import { ENTITY_KINDS } from '../model/entities.js';
import { prepareSource } from './prepare.js';
import { MentionFaces } from './mentions.js';
import type { PrefixDef } from '../model/pointers.js';
import { languagePack } from '../i18n/catalogue.js';

let saxonJs: typeof SaxonJSModule | undefined;
/** SaxonJS, loaded on first use: a build with nothing to transform does not pay for loading it. */
const saxon = (): typeof SaxonJSModule => (saxonJs ??= createRequire(import.meta.url)('saxon-js') as typeof SaxonJSModule);

/**
 * The parameters the stylesheets declare (xslt/common/params.xsl), with their XPath types.
 * test/transform.test.ts fails when this list and the stylesheet's declarations drift apart.
 */
export const STYLESHEET_PARAMS = {
  /** The edition's configuration, as JSON (title, subtitle, editors, licence, baseUrl, language). */
  'edition-json': 'xs:string',
  /** The edition's language (src/i18n/catalogue.ts, LanguagePack): passed as its JSON, made a map once per process. */
  language: 'map(*)',
  /** The edition's documents in date order, as a JSON array of extracts. */
  'documents-json': 'xs:string',
  /** Parsed authority files, for standard names and register links. */
  authorities: 'document-node()*',
  /** Their entries by id: built once per thread (authorityContext). */
  entries: 'map(xs:string, element())',
  /** A letter's previous and next letters (correspContext), as JSON: rel, scope, label, and the id and title of the document if the edition has it. */
  'correspondence-json': 'xs:string',
  /** What the text's refs and ptrs to other documents point to, as JSON: by "type|target", the page (href) and its title (words). */
  'references-json': 'xs:string',
  /** The document's identifier, as used in its URLs. */
  'document-id': 'xs:string',
  /** Relative path from the page to the edition's root: '' or '../'. */
  'path-to-root': 'xs:string',
  /** In modes index and about: what a reader can download (src/site/downloads.ts), as JSON. */
  'downloads-json': 'xs:string',
  /** In mode register: which list to render (listPerson, …). */
  'register-list': 'xs:string',
  /** The TEI source's path in the published edition (tei/…), for its download link. */
  'source-path': 'xs:string',
  /** In mode register: how often each entry is mentioned, as JSON (entry id → { mentions, pages }). */
  'counts-json': 'xs:string',
  /** In mode register-entry: the entry's id; in mode search, the entry the search help takes its example from. */
  'entry-id': 'xs:string',
  /** In mode register-entry: how many mentions the page lists (src/site/html-lists.ts writes them into the page). */
  'listed-mentions': 'xs:integer',
  /** For a list split over several pages (an entry's mentions, the documents): which page this is, of how many, and the number of its first item. */
  part: 'xs:integer',
  parts: 'xs:integer',
  'first-number': 'xs:integer',
  /** In mode register-entry, on the first page: how many mentions in all, in how many documents, and whether (1) or not (0) in the introduction. */
  'entry-mentions': 'xs:integer',
  'entry-documents': 'xs:integer',
  'entry-introduction': 'xs:integer',
  /** In mode register-entry, on the first page: the letters the entry sent and received (correspDesc), as JSON: sent and received, each url, title, date. */
  'letters-json': 'xs:string',
  /** In modes chronology and chronology-year: the dates of the page in order, as JSON. */
  'chronology-json': 'xs:string',
  /** For a chronology split into years, as JSON: in mode chronology each year's label, page and count; in mode chronology-year, the page's year. */
  'chronology-years-json': 'xs:string',
  /** In modes chronology and chronology-year: the timeline laid out (src/site/timeline.ts), as JSON; null for none. */
  'timeline-json': 'xs:string',
  /** On a document page and the places register: the map of its places laid out (src/site/map.ts), as JSON; null for none. */
  'map-json': 'xs:string',
  /** On a document page: its facsimile as the viewer reads it (src/families/facsimiles.ts), as JSON; '' for none. */
  'facsimile-json': 'xs:string',
  /** On a document page: the hosts of the remote images its facsimile shows, space-separated origins (the page's policy lets them in). */
  'facsimile-hosts': 'xs:string',
  /** In the print edition's imprint: what made the book ("editio 0.1.0"). */
  'made-with': 'xs:string',
  /** Prefixed to every anchor, so that many documents can share one page (the print edition). */
  'anchor-prefix': 'xs:string',
  /** In the text edition: the column lines are wrapped at. */
  'text-width': 'xs:integer',
} as const;

type TypeOf<T> = T extends 'xs:string' | 'map(*)' ? string : T extends 'xs:integer' ? number : T extends 'document-node()*' ? unknown[] : unknown;

export type StylesheetParams = {
  -readonly [K in keyof typeof STYLESHEET_PARAMS]?: TypeOf<(typeof STYLESHEET_PARAMS)[K]>;
};

export interface TransformRequest {
  format: Format;
  /** The document, as text. */
  sourceText: string;
  /** Name used in messages. */
  file: string;
  initialMode?: string;
  params?: StylesheetParams;
}

export interface TransformResult {
  output: string | undefined;
  messages: Message[];
}

/** Each language pack as the stylesheets read it, a map, made once: by its JSON. */
const languageMaps = new Map<string, unknown>();
let english: string | undefined;

/** A language pack's JSON as an XDM map; a transform given none speaks English. */
function languageMap(json: string | undefined): unknown {
  const key = json ?? (english ??= JSON.stringify(languagePack('en')));
  if (!languageMaps.has(key)) languageMaps.set(key, saxon().XPath.evaluate('parse-json($json)', null, { params: { json: key }, resultForm: 'xdm' }));
  return languageMaps.get(key);
}

/** JavaScript numbers reach XSLT as xs:double: cast those the stylesheets declare as xs:integer; the language pack's JSON becomes its map. */
function toStylesheetParams(params: StylesheetParams = {}): Record<string, unknown> {
  const converted: Record<string, unknown> = { ...params, language: languageMap(params.language) };
  for (const [name, type] of Object.entries(STYLESHEET_PARAMS)) {
    if (type === 'xs:integer' && typeof converted[name] === 'number') {
      converted[name] = saxon().XPath.evaluate('xs:integer($n)', null, { params: { n: converted[name] }, resultForm: 'xdm' });
    }
  }
  return converted;
}

function messageText(content: unknown): string {
  return String(saxon().XPath.evaluate('string(.)', content)).trim();
}

/** The source of a transform: its text, prepared for the stylesheets, or a tree several transforms share. */
type Source = { sourceText: string } | { sourceNode: unknown };

/**
 * Runs a compiled stylesheet. `xsl:message` output of the form `[rule-id] reason` becomes a
 * warning on the document; a dynamic error becomes an error, and the output is withheld.
 */
export function transform(request: TransformRequest, faces: MentionFaces): TransformResult {
  return run(request, { sourceText: prepareSource(request.sourceText, faces) });
}

/**
 * Several outputs of one source (a document's page and its text), the source prepared and parsed
 * once for all of them. One that cannot be parsed is transformed output by output, each saying why.
 */
export function transformAll(requests: readonly TransformRequest[], faces: MentionFaces): TransformResult[] {
  let sourceNode: unknown;
  try {
    sourceNode = saxon().XPath.evaluate('parse-xml($text)', null, { params: { text: prepareSource(requests[0]!.sourceText, faces) } });
  } catch {
    return requests.map((request) => transform(request, faces));
  }
  return requests.map((request) => run(request, { sourceNode }));
}

function run(request: TransformRequest, source: Source): TransformResult {
  const messages: Message[] = [];
  const at = { file: request.file };
  try {
    const result = saxon().transform(
      {
        stylesheetInternal: loadStylesheet(request.format),
        ...source,
        destination: 'serialized',
        ...(request.initialMode ? { initialMode: request.initialMode } : {}),
        stylesheetParams: toStylesheetParams(request.params),
        deliverMessage: (content: unknown) => {
          const text = messageText(content);
          const tagged = /^\[([a-z0-9-]+)\]\s*([\s\S]*)$/.exec(text);
          messages.push(message('warning', 'transform', tagged ? tagged[1]! : 'xslt-message', tagged ? tagged[2]! : text, at));
        },
      },
      'sync',
    );
    return { output: result.principalResult as string | undefined, messages };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    messages.push(
      message('error', 'transform', 'xslt-error', `the ${request.format} stylesheet failed (${e.code ?? 'error'}): ${e.message ?? String(err)}`, at),
    );
    return { output: undefined, messages };
  }
}

/** Parses XML once into a node that can be passed to many transforms as a parameter. */
async function parseForStylesheets(text: string): Promise<unknown> {
  return saxon().getResource({ text, type: 'xml' });
}

/** The authority parameters of every transform that shows entries. */
export type AuthorityParams = Required<Pick<StylesheetParams, 'authorities' | 'entries'>>;

/** What every transform that shows entries is given: the stylesheets' parameters, and what each mention shows (for preparing sources). */
export interface AuthorityContext {
  params: AuthorityParams;
  faces: MentionFaces;
}

/** Every entry by its id: the entry elements are those of ENTITY_KINDS, which the stylesheets' registers name too. */
const ENTRIES_BY_ID = `map:merge(//(${ENTITY_KINDS.map((k) => `tei:${k.entry}`).join(' | ')})[@xml:id] ! map { string(@xml:id): . }, map { 'duplicates': 'use-first' })`;
const namespaceContext = { tei: 'http://www.tei-c.org/ns/1.0', map: 'http://www.w3.org/2005/xpath-functions/map' };

/** A prepared authority file, and its entries by id. */
async function readEntries(text: string, faces?: MentionFaces): Promise<{ doc: unknown; entries: unknown }> {
  const doc = await parseForStylesheets(prepareSource(text, faces));
  return { doc, entries: saxon().XPath.evaluate(ENTRIES_BY_ID, doc, { namespaceContext, resultForm: 'xdm' }) };
}

/**
 * The published entries as the stylesheets read them: their document, and a map of them made once
 * per thread. (A key() over a document passed in would be indexed again by every transform, and
 * the index kept on that long-lived document: time and memory growing with each transform.) What
 * a mention shows of each entry (xslt/common/authorities.xsl, ed:entry-faces-json) is made once too.
 */
export async function authorityContext(text: string, identifiers: Readonly<Record<string, string>>, prefixes: readonly PrefixDef[]): Promise<AuthorityContext> {
  const faceJson = saxon().transform(
    {
      stylesheetInternal: loadStylesheet('html'),
      initialFunction: 'Q{urn:x-editio:functions}entry-faces-json',
      functionParams: [(await readEntries(text)).entries],
      destination: 'raw',
    },
    'sync',
  ).principalResult as string;
  const faces = MentionFaces.fromJson(faceJson, new Map(Object.entries(identifiers)), prefixes);
  // Prepared as documents are: an entry's note that names other entries shows those mentions with their anchors and faces.
  const { doc, entries } = await readEntries(text, faces);
  return { faces, params: { authorities: [doc], entries } };
}

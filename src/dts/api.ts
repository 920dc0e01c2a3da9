import type { XmlElement } from '../parse/tree.js';
import { citeStructure, flatten, type CitableUnit } from './citation.js';
import { escapeAttribute } from '../infra/escape.js';
import type { Library, Loaded } from './library.js';

export { Library, type Registry, type ResourceRecord } from './library.js';

export interface Answer {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

export const DTS_CONTEXT = 'https://dtsapi.org/context/v1.0.json';
export const WRAPPER_NS = 'https://w3id.org/api/dts#';
const JSON_LD = 'application/ld+json; charset=utf-8';
const TEI = 'application/tei+xml; charset=utf-8';

const json = (status: number, body: object, headers?: Record<string, string>): Answer => ({
  status,
  type: JSON_LD,
  body: `${JSON.stringify(body, null, 2)}\n`,
  ...(headers ? { headers } : {}),
});

/** Errors say what is wrong with the request, never how the server failed. */
const fail = (status: 400 | 404, reason: string): Answer =>
  json(status, { '@type': 'Error', status, title: status === 400 ? 'Bad Request' : 'Not Found', description: reason });

const enc = encodeURIComponent;

/**
 * URI templates of one API, rooted at `base`: the live API (/api/dts, query parameters) or its
 * static copy (dts/, one file per collection, navigation and document).
 */
export function templates(base: string, isStatic = false) {
  return isStatic
    ? {
        collection: `${base}/collection{/id}.json`,
        navigation: `${base}/navigation{/resource}.json`,
        document: `${base}/document{/resource}.xml`,
        resourceCollection: (id: string) => `${base}/collection/${enc(id)}.json`,
        resourceNavigation: (id: string) => `${base}/navigation/${enc(id)}.json`,
        resourceDocument: (id: string) => `${base}/document/${enc(id)}.xml`,
      }
    : {
        collection: `${base}/collection{?id,page,nav}`,
        navigation: `${base}/navigation{?resource,ref,start,end,down,tree,page}`,
        document: `${base}/document{?resource,ref,start,end,tree,mediaType}`,
        resourceCollection: (id: string) => `${base}/collection?id=${enc(id)}{&page,nav}`,
        resourceNavigation: (id: string) => `${base}/navigation?resource=${enc(id)}{&ref,down,start,end,tree,page}`,
        resourceDocument: (id: string) => `${base}/document?resource=${enc(id)}{&ref,start,end,tree,mediaType}`,
      };
}

export function entry(base: string, isStatic = false): object {
  const t = templates(base, isStatic);
  return {
    '@context': DTS_CONTEXT,
    dtsVersion: '1.0',
    '@id': base,
    '@type': 'EntryPoint',
    collection: t.collection,
    navigation: t.navigation,
    document: t.document,
  };
}

/**
 * Where a resource's TEI is downloaded, as a URL that resolves from the answer it stands in: from
 * the edition's root, when the API's address is absolute or from the server's root; else (static
 * files served from anywhere) relative to the answer's file, `depth` folders below dts/'s parent.
 */
function downloadOf(library: Library, record: Loaded['record'], depth: number): string {
  const root = library.base.replace(library.isStatic ? /dts$/ : /api\/dts$/, '');
  return root !== '' ? `${root}${record.tei}` : `${'../'.repeat(depth)}${record.tei}`;
}

function resourceObject(library: Library, loaded: Loaded, full: boolean, depth = 2): object {
  const t = templates(library.base, library.isStatic);
  const { record } = loaded;
  return {
    '@id': record.id,
    '@type': 'Resource',
    title: record.title,
    ...(record.description ? { description: record.description } : {}),
    totalParents: 1,
    totalChildren: 0,
    collection: t.resourceCollection(record.id),
    navigation: t.resourceNavigation(record.id),
    document: t.resourceDocument(record.id),
    download: downloadOf(library, record, depth),
    mediaTypes: ['application/tei+xml'],
    citationTrees: [{ '@type': 'CitationTree', citeStructure: citeStructure(loaded.units) }],
    // Its facsimile's IIIF manifest, in full IRIs (DTS's context names neither).
    ...(record.manifest
      ? { extensions: { 'http://www.w3.org/2000/01/rdf-schema#seeAlso': [{ '@id': record.manifest, '@type': 'http://iiif.io/api/presentation/3#Manifest' }] } }
      : {}),
    ...(full
      ? {
          dublinCore: {
            title: [{ lang: record.language, value: record.title }],
            ...(record.date ? { date: record.date } : {}),
            ...(record.description ? { description: [{ lang: record.language, value: record.description }] } : {}),
            language: [record.language],
          },
        }
      : {}),
  };
}

function rootCollection(library: Library, members: object[] | undefined, nav: string): object {
  const { collection } = library.registry;
  return {
    '@context': DTS_CONTEXT,
    dtsVersion: '1.0',
    '@id': collection.id,
    '@type': 'Collection',
    title: collection.title,
    ...(collection.description ? { description: collection.description } : {}),
    totalParents: 0,
    totalChildren: library.registry.resources.length,
    collection: templates(library.base, library.isStatic).collection,
    ...(members ? { member: nav === 'parents' ? [] : members } : {}),
  };
}

/** The root collection with these members, as `collection` answers it. */
export function rootCollectionAnswer(library: Library, members: object[]): Answer {
  return json(200, rootCollection(library, members, 'children'));
}

/**
 * A resource as a member of the root collection, from its own collection answer; its download URL,
 * if relative, made relative to the root collection's file (dts/collection.json), one folder up from
 * the resource's (dts/collection/<id>.json).
 */
export function memberOf(resourceAnswer: string): object {
  const { '@context': _context, dtsVersion: _version, ...member } = JSON.parse(resourceAnswer) as Record<string, unknown>;
  if (typeof member.download === 'string' && member.download.startsWith('../')) member.download = member.download.slice(3);
  return member;
}

type Query = URLSearchParams;

function pageCheck(query: Query): Answer | undefined {
  const page = query.get('page');
  if (page === null) return undefined;
  if (!/^[1-9]\d*$/.test(page)) return fail(400, 'page must be a whole number from 1');
  return page === '1' ? undefined : fail(404, `there is no page ${page}: results fit on one page`);
}

export async function collection(library: Library, query: Query): Promise<Answer> {
  const id = query.get('id');
  const nav = query.get('nav') ?? 'children';
  if (!['children', 'parents'].includes(nav)) return fail(400, 'nav must be "children" or "parents"');
  const paged = pageCheck(query);
  if (paged) return paged;
  if (id === null || id === library.registry.collection.id) {
    const members: object[] = [];
    for (const record of library.registry.resources) {
      const loaded = await library.load(record.id);
      if (loaded) members.push(resourceObject(library, loaded, true, 1));
    }
    return json(200, rootCollection(library, members, nav));
  }
  const loaded = await library.load(id);
  if (!loaded) return fail(404, `no collection or resource has the id "${id}"`);
  const parents = nav === 'parents' ? { member: [rootCollection(library, undefined, nav)] } : {};
  return json(200, { '@context': DTS_CONTEXT, dtsVersion: '1.0', ...resourceObject(library, loaded, true), ...parents });
}

function unitObject(unit: CitableUnit): object {
  return {
    identifier: unit.identifier,
    '@type': 'CitableUnit',
    level: unit.level,
    parent: unit.parent,
    citeType: unit.citeType,
    ...(unit.title ? { dublinCore: { title: [{ value: unit.title }] } } : {}),
  };
}

function descendantsTo(unit: CitableUnit | null, units: readonly CitableUnit[], depth: number): CitableUnit[] {
  const maxLevel = depth === -1 ? Infinity : (unit?.level ?? 0) + depth;
  return flatten(unit ? unit.children : units).filter((u) => u.level <= maxLevel);
}

/** Shared checks of navigation and document: the resource, ref or start/end, tree. */
async function target(library: Library, query: Query): Promise<{ loaded: Loaded; ref?: CitableUnit; start?: CitableUnit; end?: CitableUnit } | Answer> {
  const resource = query.get('resource');
  if (resource === null || resource === '') return fail(400, 'resource is required');
  const [ref, start, end] = ['ref', 'start', 'end'].map((p) => query.get(p));
  if (ref !== null && (start !== null || end !== null)) return fail(400, 'ref cannot be combined with start and end');
  if ((start === null) !== (end === null)) return fail(400, 'start and end go together');
  const loaded = await library.load(resource);
  if (!loaded) return fail(404, `no resource has the id "${resource}"`);
  if (query.get('tree') !== null) return fail(404, `the resource has only its default citation tree, no tree "${query.get('tree')}"`);
  const find = (identifier: string | null): CitableUnit | undefined | null =>
    identifier === null ? null : loaded.all.find((u) => u.identifier === identifier);
  const found = { ref: find(ref), start: find(start), end: find(end) };
  for (const [name, unit] of Object.entries(found)) {
    if (unit === undefined) return fail(404, `the citation tree has no unit "${query.get(name)}"`);
  }
  if (found.start && found.end && loaded.all.indexOf(found.start) > loaded.all.indexOf(found.end)) {
    return fail(400, 'start comes after end in the document');
  }
  return { loaded, ...(found.ref ? { ref: found.ref } : {}), ...(found.start ? { start: found.start, end: found.end! } : {}) };
}

export async function navigation(library: Library, query: Query, requestUrl: string): Promise<Answer> {
  const paged = pageCheck(query);
  if (paged) return paged;
  const down = query.get('down');
  if (down !== null && !/^(-1|0|[1-9]\d*)$/.test(down)) return fail(400, 'down must be -1, 0 or a positive whole number');
  const found = await target(library, query);
  if ('status' in found) return found;
  const { loaded, ref, start, end } = found;
  const depth = down === null ? undefined : Number(down);
  if (!ref && !start && depth === undefined) return fail(400, 'give ref, start and end, or down');
  if (depth === 0 && !ref) return fail(400, 'down=0 needs a ref');
  let member: CitableUnit[] | undefined;
  if (depth === 0) member = ref!.parent === null ? loaded.units : loaded.all.find((u) => u.identifier === ref!.parent)!.children;
  else if (depth !== undefined && start && end) {
    // From start to end and all within end, as the document endpoint gives the range, to the depth asked.
    const range = loaded.all.slice(loaded.all.indexOf(start), loaded.all.indexOf(end) + 1 + flatten(end.children).length);
    const top = Math.max(start.level, end.level);
    member = range.filter((u) => depth === -1 || u.level <= top + depth);
  } else if (depth !== undefined) member = [...(ref ? [ref] : []), ...descendantsTo(ref ?? null, loaded.units, depth)];
  return json(200, {
    '@context': DTS_CONTEXT,
    dtsVersion: '1.0',
    '@type': 'Navigation',
    // Relative, as every other @id: the request's own last step ("navigation?resource=…", "X.json"), which resolves to itself.
    '@id': requestUrl.slice(requestUrl.lastIndexOf('/', requestUrl.includes('?') ? requestUrl.indexOf('?') : requestUrl.length) + 1),
    resource: resourceObject(library, loaded, false),
    ...(ref ? { ref: unitObject(ref) } : {}),
    ...(start ? { start: unitObject(start), end: unitObject(end!) } : {}),
    ...(member ? { member: member.map(unitObject) } : {}),
  });
}

/** The namespace declarations of the document's root, so that a fragment keeps its prefixes. */
function rootNamespaces(root: XmlElement): string {
  return [...root.attrs]
    .filter(([name]) => name.startsWith('xmlns:'))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * The whole document as DTS gives it: its root element alone, without the source's DOCTYPE and
 * xml-model (a schema path that does not resolve from the API); a teiCorpus wrapped in a TEI root,
 * as the specification asks of every answer of the document endpoint.
 */
function wholeDocument({ text, root }: Loaded): string {
  const element = text.slice(root.start, root.end);
  if (root.name === 'TEI') return `${XML_DECLARATION}${element}\n`;
  return `${XML_DECLARATION}<TEI xmlns="http://www.tei-c.org/ns/1.0"${rootNamespaces(root)}><dts:wrapper xmlns:dts="${WRAPPER_NS}">${element}</dts:wrapper></TEI>\n`;
}

export async function document(library: Library, query: Query): Promise<Answer> {
  const mediaType = query.get('mediaType');
  if (mediaType !== null && mediaType !== 'application/tei+xml') return fail(404, `the resource is available as application/tei+xml only, not ${mediaType}`);
  const found = await target(library, query);
  if ('status' in found) return found;
  const { loaded, ref, start, end } = found;
  const headers = { Link: `<${library.base}/collection?id=${enc(loaded.record.id)}>; rel="collection"` };
  if (!ref && !start) return { status: 200, type: TEI, body: wholeDocument(loaded), headers };
  let units: CitableUnit[];
  if (ref) units = [ref];
  else {
    const range = loaded.all.slice(loaded.all.indexOf(start!), loaded.all.indexOf(end!) + 1);
    units = range.filter((u) => !range.some((other) => other !== u && u.identifier.startsWith(`${other.identifier}.`)));
  }
  const fragment = units.map((u) => loaded.text.slice(u.element.start, u.element.end)).join('\n');
  const attributes = ref ? ` ref="${ref.identifier}"` : ` start="${start!.identifier}" end="${end!.identifier}"`;
  const body = `${XML_DECLARATION}<TEI xmlns="http://www.tei-c.org/ns/1.0"${rootNamespaces(loaded.root)}><dts:wrapper xmlns:dts="${WRAPPER_NS}"${attributes}>${fragment}</dts:wrapper></TEI>\n`;
  return { status: 200, type: TEI, body, headers };
}

/**
 * A request's query as the DTS URI templates write it (RFC 6570): a "+" is a plus sign
 * ("application/tei+xml"), not a space as an HTML form would have it.
 */
const queryOf = (url: URL): Query => new URLSearchParams(url.search.replace(/\+/g, '%2B'));

/** Answers a request under `library.base`; a path that is none of the API's gets a JSON error, as every answer of the API is JSON or TEI. */
export async function answer(library: Library, url: URL): Promise<Answer> {
  const sub = url.pathname.slice(library.base.length).replace(/\/$/, '');
  const query = queryOf(url);
  switch (sub) {
    case '':
      return json(200, entry(library.base, library.isStatic));
    case '/collection':
      return collection(library, query);
    case '/navigation':
      return navigation(library, query, url.href);
    case '/document':
      return document(library, query);
    default:
      return fail(
        404,
        `the API has no endpoint ${url.pathname}: it answers ${library.base}, ${library.base}/collection, ${library.base}/navigation and ${library.base}/document`,
      );
  }
}

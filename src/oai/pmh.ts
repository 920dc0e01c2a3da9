/**
 * OAI-PMH 2.0 answered from the repository the build wrote (oai/repository.json): the six verbs,
 * selective harvesting by day and set, resumption tokens past a page of records, and every error
 * condition of the protocol with its code. Stateless: a resumption token carries the request it
 * continues and where it stopped.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { escapeAttribute, escapeText, NOT_XML_CHAR } from '../infra/escape.js';
import { idPrefix, withPrefixedIds } from '../exchange/prefixed-ids.js';
import {
  identifierOf,
  identifyParts,
  METADATA_FORMATS,
  metadataFormatsXml,
  OAI_NS,
  recordHeader,
  rootElementOf,
  type OaiRecord,
  type OaiRepository,
} from './repository.js';

export interface PmhOptions {
  /** The address harvesters send requests to. */
  baseURL: string;
  /** Reads a file of the edition by its path in it. */
  read(relative: string): Promise<string>;
  now: Date;
  /** Records (or headers) per answer of a list verb; the rest follow by resumption token. */
  pageSize: number;
  /**
   * What resumption tokens are signed with (HMAC-SHA256): a key drawn for each build served, so
   * that a token altered, made by hand, or given out before the edition was built again is refused.
   */
  tokenKey: Uint8Array;
}

type ErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

class PmhError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The arguments each verb takes: required, optional, and exclusive (resumptionToken, alone). A Map: a verb is looked up by what a request says ("__proto__" too). */
const VERBS = new Map<string, { required: string[]; optional: string[]; exclusive?: string }>([
  ['Identify', { required: [], optional: [] }],
  ['ListMetadataFormats', { required: [], optional: ['identifier'] }],
  ['ListSets', { required: [], optional: [], exclusive: 'resumptionToken' }],
  ['ListIdentifiers', { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' }],
  ['ListRecords', { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' }],
  ['GetRecord', { required: ['identifier', 'metadataPrefix'], optional: [] }],
]);

interface ListRequest {
  metadataPrefix: string;
  from?: string;
  until?: string;
  set?: string;
  offset: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A from or until argument: a day, as the repository's granularity is; a time is finer than it keeps. */
function day(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value))
    throw new PmhError('badArgument', `${name} "${value}" is finer than the repository's granularity, YYYY-MM-DD`);
  throw new PmhError('badArgument', `${name} "${value}" is not a day (YYYY-MM-DD)`);
}

const signatureOf = (payload: string, key: Uint8Array): Buffer => createHmac('sha256', key).update(payload).digest();

/** A token: the request it continues, and its signature. */
const tokenOf = (request: ListRequest, key: Uint8Array): string => {
  const payload = Buffer.from(JSON.stringify(request)).toString('base64url');
  return `${payload}.${signatureOf(payload, key).toString('base64url')}`;
};

function requestOfToken(token: string, key: Uint8Array): ListRequest {
  const [payload = '', signature = '', ...rest] = token.split('.');
  const given = Buffer.from(signature, 'base64url');
  const expected = signatureOf(payload, key);
  if (rest.length === 0 && given.length === expected.length && timingSafeEqual(given, expected)) {
    try {
      const request = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ListRequest;
      if (typeof request.metadataPrefix === 'string' && Number.isInteger(request.offset) && request.offset >= 0) return request;
    } catch {
      // Signed by us but unreadable: cannot happen; said below all the same.
    }
  }
  throw new PmhError('badResumptionToken', 'the resumption token is not one this repository gave since the edition was last built, or has been altered');
}

function checkFormat(prefix: string): void {
  if (!METADATA_FORMATS.some((f) => f.prefix === prefix))
    throw new PmhError('cannotDisseminateFormat', `the repository gives ${METADATA_FORMATS.map((f) => f.prefix).join(' and ')}, not "${prefix}"`);
}

function recordOf(repository: OaiRepository, identifier: string): OaiRecord {
  const record = repository.records.find((r) => identifierOf(repository, r) === identifier);
  if (!record) throw new PmhError('idDoesNotExist', `no record has the identifier "${identifier}"`);
  return record;
}

/** A record's metadata; a TEI record's ids prefixed with its identifier, as many records stand in one answer (src/exchange/prefixed-ids.ts). */
async function metadataOf(record: OaiRecord, prefix: string, options: PmhOptions): Promise<string> {
  return prefix === 'tei' ? withPrefixedIds(await options.read(record.tei), idPrefix(record.id)) : rootElementOf(await options.read(record.dc));
}

/** The records a list request selects, and its page of them with the token for the next. */
function page(repository: OaiRepository, request: ListRequest, options: PmhOptions): { records: OaiRecord[]; token: string } {
  checkFormat(request.metadataPrefix);
  if (request.from && request.until && request.from > request.until)
    throw new PmhError('badArgument', `from (${request.from}) is after until (${request.until})`);
  if (request.set !== undefined && repository.sets.length === 0) throw new PmhError('noSetHierarchy', 'the repository has no sets');
  const selected = repository.records.filter(
    (r) =>
      (!request.from || r.datestamp >= request.from) &&
      (!request.until || r.datestamp <= request.until) &&
      (request.set === undefined || r.sets.some((s) => s === request.set || s.startsWith(`${request.set}:`))),
  );
  if (selected.length === 0) throw new PmhError('noRecordsMatch', 'no record matches the request');
  if (request.offset >= selected.length) throw new PmhError('badResumptionToken', 'the resumption token goes past the end of the list');
  const records = selected.slice(request.offset, request.offset + options.pageSize);
  const next = request.offset + records.length;
  const more = next < selected.length;
  // The last page says the list is complete with an empty token; a list on one page needs none.
  const token =
    more || request.offset > 0
      ? `<resumptionToken completeListSize="${selected.length}" cursor="${request.offset}">${more ? tokenOf({ ...request, offset: next }, options.tokenKey) : ''}</resumptionToken>`
      : '';
  return { records, token };
}

async function verbBody(verb: string, args: Map<string, string>, repository: OaiRepository, options: PmhOptions): Promise<string> {
  const listRequest = (): ListRequest => {
    const token = args.get('resumptionToken');
    if (token !== undefined) return requestOfToken(token, options.tokenKey);
    return {
      metadataPrefix: args.get('metadataPrefix')!,
      from: day('from', args.get('from')),
      until: day('until', args.get('until')),
      set: args.get('set'),
      offset: 0,
    };
  };
  switch (verb) {
    case 'Identify':
      return `<Identify>${identifyParts(repository, options.baseURL)}</Identify>`;
    case 'ListMetadataFormats':
      if (args.has('identifier')) recordOf(repository, args.get('identifier')!);
      return `<ListMetadataFormats>${metadataFormatsXml()}</ListMetadataFormats>`;
    case 'ListSets':
      if (args.has('resumptionToken')) throw new PmhError('badResumptionToken', 'the list of sets is given whole: it has no resumption token');
      if (repository.sets.length === 0) throw new PmhError('noSetHierarchy', 'the repository has no sets');
      return `<ListSets>${repository.sets.map((s) => `<set><setSpec>${escapeText(s.spec)}</setSpec><setName>${escapeText(s.name)}</setName></set>`).join('')}</ListSets>`;
    case 'ListIdentifiers': {
      const { records, token } = page(repository, listRequest(), options);
      return `<ListIdentifiers>${records.map((r) => recordHeader(repository, r)).join('')}${token}</ListIdentifiers>`;
    }
    case 'ListRecords': {
      const request = listRequest();
      const { records, token } = page(repository, request, options);
      const items = await Promise.all(
        records.map(async (r) => `<record>${recordHeader(repository, r)}<metadata>${await metadataOf(r, request.metadataPrefix, options)}</metadata></record>`),
      );
      return `<ListRecords>${items.join('')}${token}</ListRecords>`;
    }
    default: {
      const prefix = args.get('metadataPrefix')!;
      const record = recordOf(repository, args.get('identifier')!);
      checkFormat(prefix);
      return `<GetRecord><record>${recordHeader(repository, record)}<metadata>${await metadataOf(record, prefix, options)}</metadata></record></GetRecord>`;
    }
  }
}

/** The arguments, each once; the verb's and their checks (badVerb, badArgument) before anything is looked up. */
function argumentsOf(params: URLSearchParams): { verb: string; args: Map<string, string> } {
  const keys = [...params.keys()];
  if ([...params].some(([key, value]) => NOT_XML_CHAR.test(key) || NOT_XML_CHAR.test(value)))
    throw new PmhError('badArgument', 'an argument holds a character XML does not allow (a control character, U+FFFE or U+FFFF)');
  const verbs = params.getAll('verb');
  const known = verbs.length === 1 ? VERBS.get(verbs[0]!) : undefined;
  if (!known)
    throw new PmhError(
      'badVerb',
      verbs.length === 0 ? 'no verb is given' : verbs.length > 1 ? 'the verb is given more than once' : `"${verbs[0]!.slice(0, 100)}" is no OAI-PMH verb`,
    );
  const verb = verbs[0]!;
  const { required, optional, exclusive } = known;
  const args = new Map<string, string>();
  for (const key of keys.filter((k) => k !== 'verb')) {
    if (args.has(key) || params.getAll(key).length > 1) throw new PmhError('badArgument', `${key.slice(0, 100)} is given more than once`);
    if (![...required, ...optional, exclusive].includes(key)) throw new PmhError('badArgument', `${verb} takes no argument "${key.slice(0, 100)}"`);
    args.set(key, params.get(key)!);
  }
  if (exclusive && args.has(exclusive)) {
    if (args.size > 1) throw new PmhError('badArgument', `${exclusive} comes alone, with the verb`);
  } else {
    for (const key of required) if (!args.has(key)) throw new PmhError('badArgument', `${verb} needs ${key}`);
  }
  return { verb, args };
}

/** The answer to one OAI-PMH request (its arguments from the query or the posted form), as XML. */
export async function answerPmh(params: URLSearchParams, repository: OaiRepository, options: PmhOptions): Promise<string> {
  let request = `<request>${escapeText(options.baseURL)}</request>`;
  let body: string;
  try {
    const { verb, args } = argumentsOf(params);
    const attributes = [`verb="${verb}"`, ...[...args].map(([k, v]) => `${k}="${escapeAttribute(v)}"`)].join(' ');
    request = `<request ${attributes}>${escapeText(options.baseURL)}</request>`;
    body = await verbBody(verb, args, repository, options);
  } catch (error) {
    if (!(error instanceof PmhError)) throw error;
    // Of a bad verb or bad arguments the request element says only where it was sent.
    if (error.code === 'badVerb' || error.code === 'badArgument') request = `<request>${escapeText(options.baseURL)}</request>`;
    body = `<error code="${error.code}">${escapeText(error.message)}</error>`;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<OAI-PMH xmlns="${OAI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">`,
    `<responseDate>${options.now.toISOString().replace(/\.\d{3}Z$/, 'Z')}</responseDate>`,
    request,
    body,
    '</OAI-PMH>',
    '',
  ].join('\n');
}

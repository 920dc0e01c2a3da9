/**
 * The edition as an OAI-PMH repository: what each record is (a published document: its
 * identifier, datestamp, sets and files), written by the build as oai/repository.json for
 * `editio serve` to answer harvesters from, and as an OAI Static Repository
 * (oai/static-repository.xml) for a static host, harvested through a gateway.
 *
 * A record's datestamp is the day of the latest change its TEI header records
 * (revisionDesc/change/@when), else the edition's date of publication: dates the editors state,
 * so that two builds of one edition write the same files and a harvest "from" a day finds what
 * the editors changed since.
 */
import type { EditionConfig } from '../model/config.js';
import { escapeText } from '../infra/escape.js';
import type { Summary } from '../model/extract-types.js';

export interface OaiRecord {
  /** The document's id, as its URLs use it. */
  id: string;
  datestamp: string;
  /** The sets it is in: its kinds of document ("kind:telegram"). */
  sets: string[];
  /** Its files in the edition: the Dublin Core record and the TEI. */
  dc: string;
  tei: string;
}

export interface OaiRepository {
  name: string;
  /** What its identifiers are made of: oai:<host>:<id>. */
  host: string;
  contactEmail: string;
  earliest: string;
  sets: { spec: string; name: string }[];
  records: OaiRecord[];
}

/** An address for the repository's administrator must be given (OAI-PMH); without one configured, this reserved example says there is none. */
export const NO_CONTACT = 'nobody@example.org';

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
export const METADATA_FORMATS = [
  { prefix: 'oai_dc', schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/' },
  { prefix: 'tei', schema: 'https://tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd', namespace: 'http://www.tei-c.org/ns/1.0' },
] as const;

/** A set's spec from a kind's name: OAI allows letters, digits and -_.!~*'() in each part. */
const setSpecOf = (name: string): string =>
  `kind:${
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9\-_.!~*'()]+/g, '-')
      .replace(/^-|-$/g, '') || 'other'
  }`;

/** The repository of these published documents (in date order), `published` the edition's date of publication (YYYY-MM-DD), `nameOf` what each kind of document is called. */
export function oaiRepository(
  config: EditionConfig,
  documents: readonly Summary[],
  teiOf: (id: string) => string,
  published: string,
  nameOf: (key: string) => string,
): OaiRepository {
  const sets = new Map<string, string>();
  const records = documents.map((d) => {
    const kinds = [...new Set(d.classes.map(nameOf))];
    for (const kind of kinds) sets.set(setSpecOf(kind), kind);
    return { id: d.id, datestamp: d.changed || published, sets: [...new Set(kinds.map(setSpecOf))].sort(), dc: `metadata/${d.id}.dc.xml`, tei: teiOf(d.id) };
  });
  return {
    name: config.title,
    host: config.baseUrl ? new URL(config.baseUrl).hostname : 'localhost',
    contactEmail: config.contactEmail ?? NO_CONTACT,
    earliest: records.map((r) => r.datestamp).sort()[0] ?? published,
    sets: [...sets].sort(([a], [b]) => (a < b ? -1 : 1)).map(([spec, name]) => ({ spec, name })),
    records,
  };
}

export const identifierOf = (repository: OaiRepository, record: OaiRecord): string => `oai:${repository.host}:${record.id}`;

/** A record's header, in the OAI namespace under `prefix` ('' for the default namespace). */
export function recordHeader(repository: OaiRepository, record: OaiRecord, prefix = ''): string {
  const tag = (name: string): string => (prefix ? `${prefix}:${name}` : name);
  const sets = record.sets.map((spec) => `<${tag('setSpec')}>${escapeText(spec)}</${tag('setSpec')}>`).join('');
  return `<${tag('header')}><${tag('identifier')}>${escapeText(identifierOf(repository, record))}</${tag('identifier')}><${tag('datestamp')}>${record.datestamp}</${tag('datestamp')}>${sets}</${tag('header')}>`;
}

/** A metadata record's XML as it goes into a response: its root element alone (no declaration, DOCTYPE or processing instructions). */
export const rootElementOf = (xml: string): string => xml.slice(Math.max(0, xml.search(/<[A-Za-z]/))).trim();

/** The Identify description's parts, in the OAI namespace under `prefix`. */
export function identifyParts(repository: OaiRepository, baseURL: string, prefix = ''): string {
  const tag = (name: string, value: string): string => `<${prefix ? `${prefix}:` : ''}${name}>${escapeText(value)}</${prefix ? `${prefix}:` : ''}${name}>`;
  return [
    tag('repositoryName', repository.name),
    tag('baseURL', baseURL),
    tag('protocolVersion', '2.0'),
    tag('adminEmail', repository.contactEmail),
    tag('earliestDatestamp', repository.earliest),
    tag('deletedRecord', 'no'),
    tag('granularity', 'YYYY-MM-DD'),
  ].join('');
}

/** The metadata formats (those of `only`, if given), in the OAI namespace under `prefix`. */
export function metadataFormatsXml(prefix = '', only?: readonly string[]): string {
  const p = prefix ? `${prefix}:` : '';
  return METADATA_FORMATS.filter((f) => !only || only.includes(f.prefix))
    .map(
      (f) =>
        `<${p}metadataFormat><${p}metadataPrefix>${f.prefix}</${p}metadataPrefix><${p}schema>${f.schema}</${p}schema><${p}metadataNamespace>${f.namespace}</${p}metadataNamespace></${p}metadataFormat>`,
    )
    .join('');
}

/**
 * The OAI Static Repository of the edition (its Dublin Core records; the TEI is harvested from a
 * server with `editio serve`, as a static repository is meant to stay small). Its baseURL is its
 * own address: a gateway that intermediates it gives harvesters its own.
 */
export function staticRepository(repository: OaiRepository, baseURL: string, dcOf: (record: OaiRecord) => string): string {
  const records = repository.records.map(
    (r) => `<oai:record>${recordHeader(repository, r, 'oai')}<oai:metadata>${rootElementOf(dcOf(r))}</oai:metadata></oai:record>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Repository xmlns="http://www.openarchives.org/OAI/2.0/static-repository" xmlns:oai="${OAI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/static-repository http://www.openarchives.org/OAI/2.0/static-repository.xsd">`,
    `<Identify>${identifyParts(repository, baseURL, 'oai')}</Identify>`,
    `<ListMetadataFormats>${metadataFormatsXml('oai', ['oai_dc'])}</ListMetadataFormats>`,
    '<ListRecords metadataPrefix="oai_dc">',
    ...records,
    '</ListRecords>',
    '</Repository>',
    '',
  ].join('\n');
}

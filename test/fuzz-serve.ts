/**
 * The server's fuzz harness: seeded random requests, sent as raw bytes (so that malformed
 * request lines, paths and headers reach the server as written), against `editio serve` on
 * 127.0.0.1. Every answer must be a deliberate one (never a 5xx but 505, never a dropped
 * connection), none may carry a file from outside the edition or the build state, and the
 * server must still answer at the end. A quarter of the requests go to OAI-PMH (by GET and by
 * posted forms of any type), whose every answer must be well-formed XML. Used by
 * test/fuzz-serve.test.ts and `npm run fuzz -- --server`.
 */
import { connect } from 'node:net';
import { buildTree } from '../src/parse/tree.js';
import { random } from './fuzz.js';

const pick = <T>(items: readonly T[], rng: () => number): T => items[Math.floor(rng() * items.length)]!;

const SEGMENTS = [
  '',
  '.',
  '..',
  '%2e%2e',
  '%2E',
  '.editio',
  'state.json',
  'stamps.json',
  '.editio-output',
  'documents',
  'index.html',
  'tei',
  'assets',
  'registers',
  'persons',
  'search',
  'escape.html',
  '%00',
  '%',
  '%zz',
  '%c0%af',
  '..%2f',
  '..%5c',
  '..\\',
  'a b',
  'a%20b',
  '\u00e9',
  '%C3%A9',
  '%F0%9F%98%80',
  '//',
  'api',
  'dts',
  'collection',
  'navigation',
  'document',
  '~root',
  ';x',
  'x'.repeat(300),
  'folder.html',
  'big.txt',
];
const PARAMS = ['id', 'resource', 'ref', 'start', 'end', 'down', 'tree', 'page', 'nav', 'mediaType', 'q'];
const VALUES = [
  '1',
  '1.3',
  '1.1',
  '-1',
  '0',
  '2',
  '99999999999999999999',
  'x',
  '',
  '%00',
  '..%2f..%2fetc%2fpasswd',
  'tei%2F1966-09-21-giap-decision.xml',
  '1966-09-21-giap-decision',
  '1966-09-30-protocol-agreement',
  'children',
  'parents',
  'application/tei+xml',
  '%E2%80%AE',
  '<script>',
  '%',
];
/** Methods other than GET and HEAD, which a fifth of the requests use. */
const OTHER_METHODS = ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PATCH', 'G\u0000T', 'A'.repeat(100), 'get'];

/** Addresses the edition has, mutated lightly now and then, so that many requests reach its files and the DTS API. */
const KNOWN = [
  '/',
  '/index.html',
  '/documents/1966-09-21-giap-decision.html',
  '/registers/persons.html',
  '/search.html',
  '/assets/edition.css',
  '/tei/1966-09-21-giap-decision.xml',
  '/corpus.xml',
  '/api/dts',
  '/api/dts/collection',
  '/api/dts/collection?id=1966-09-21-giap-decision',
  '/api/dts/navigation?resource=1966-09-21-giap-decision&down=-1',
  '/api/dts/document?resource=1966-09-30-protocol-agreement&ref=1.1',
];

function knownPath(rng: () => number): string {
  const known = pick(KNOWN, rng);
  const mutation = rng();
  if (mutation < 0.5) return known;
  if (mutation < 0.65) return known.replace(/\.\w+$/, (ext) => ext.toUpperCase());
  if (mutation < 0.8) return known + pick(['/', '%00', '/..', '?x=1', `&down=${pick(VALUES, rng)}`, '/../../etc/passwd'], rng);
  return known.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`);
}

function randomPath(rng: () => number): string {
  if (rng() < 0.3) return knownPath(rng);
  const segments = Array.from({ length: 1 + Math.floor(rng() * 5) }, () => pick(SEGMENTS, rng));
  let target = (rng() < 0.3 ? '/api/dts/' : '/') + segments.join('/');
  if (rng() < 0.5) {
    const query = Array.from({ length: 1 + Math.floor(rng() * 4) }, () => `${pick(PARAMS, rng)}=${pick(VALUES, rng)}`).join('&');
    target += `?${query}`;
  }
  const form = rng();
  if (form < 0.03) return '*';
  if (form < 0.06) return `http://evil.example${target}`;
  if (form < 0.08) return target.replace(/^\//, '');
  if (form < 0.1) return `${target}#fragment`;
  return target;
}

const OAI_ARGS = [
  'verb',
  'verb',
  'metadataPrefix',
  'identifier',
  'from',
  'until',
  'set',
  'resumptionToken',
  '__proto__',
  'constructor',
  'toString',
  'x',
  '%01',
];
const OAI_VALUES = [
  'Identify',
  'ListRecords',
  'ListIdentifiers',
  'ListSets',
  'ListMetadataFormats',
  'GetRecord',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  'oai_dc',
  'tei',
  'marc21',
  'oai:editions.example.org:1966-09-21-giap-decision',
  'oai:x:%01',
  '1966-01-01',
  '2100-01-01',
  '1966-13-01',
  '1966-09-21T00:00:00Z',
  'kind:telegram',
  'kind',
  '%01',
  '%0B',
  '%EF%BF%BE',
  '%00',
  '%ED%A0%80',
  '%FF',
  '<x>',
  '%26amp%3B',
  '%22',
  '',
  'x'.repeat(3000),
  // Resumption tokens: unsigned as they once were, signed by no one, and half of one.
  'eyJtZXRhZGF0YVByZWZpeCI6Im9haV9kYyIsIm9mZnNldCI6MH0',
  'eyJtZXRhZGF0YVByZWZpeCI6Im9haV9kYyIsIm9mZnNldCI6M30.AAAA',
  '.',
  'a.b.c',
];
const FORM_TYPES = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'APPLICATION/X-WWW-FORM-URLENCODED',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/json',
  undefined,
];

/** An OAI-PMH request: its arguments by GET, or posted as a form of some type. */
function oaiRequest(rng: () => number, headers: string[]): { method: string; target: string; body: string } {
  const query = Array.from({ length: 1 + Math.floor(rng() * 4) }, () => `${pick(OAI_ARGS, rng)}=${pick(OAI_VALUES, rng)}`).join('&');
  if (rng() < 0.6) return { method: pick(['GET', 'GET', 'HEAD'], rng), target: `/oai?${query}`, body: '' };
  const type = pick(FORM_TYPES, rng);
  if (type) headers.push(`Content-Type: ${type}`);
  headers.push(`Content-Length: ${Buffer.byteLength(query, 'latin1')}`);
  return { method: 'POST', target: '/oai', body: query };
}

function randomHeaders(rng: () => number, port: number): string[] {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const host =
    rng() < 0.7 ? pick(own, rng) : pick(['evil.example', `evil.example:${port}`, '', '[', `127.0.0.1:${port}@evil`, 'a'.repeat(300), undefined], rng);
  const headers = host === undefined ? [] : [`Host: ${host}`];
  if (rng() < 0.05) headers.push(`Host: evil.example`);
  if (rng() < 0.2) headers.push(`Range: bytes=${pick(['0-10', '-5', '100000000-', 'x', '5-1', '0-0,1-1'], rng)}`);
  if (rng() < 0.1) headers.push('Transfer-Encoding: chunked');
  if (rng() < 0.05) headers.push(`X-Long: ${'y'.repeat(20_000)}`);
  if (rng() < 0.05) headers.push(pick(['Bad Header', ': no name', 'X-Nul: a\u0000b', 'X-Unicode: \u00e9\u00e8'], rng));
  if (rng() < 0.05) headers.push('Upgrade: websocket', 'Connection: Upgrade');
  headers.push('Connection: close');
  return headers;
}

interface Answer {
  status: number | undefined;
  body: string;
  /** What follows the headers, as UTF-8. */
  content: string;
}

/** A body sent in chunks, whole. */
function unchunked(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const lineEnd = bytes.indexOf('\r\n', at);
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Sends one raw request and reads the answer until the server closes the connection. */
function send(port: number, raw: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = (): void => {
      const bytes = Buffer.concat(chunks);
      const text = bytes.toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      const end = bytes.indexOf('\r\n\r\n');
      const chunked = /\r\ntransfer-encoding: chunked(\r\n|$)/i.test(text.slice(0, end));
      const content = end < 0 ? Buffer.alloc(0) : chunked ? unchunked(bytes.subarray(end + 4)) : bytes.subarray(end + 4);
      resolve({ status: status === undefined ? undefined : Number(status), body: text, content: content.toString('utf8') });
    };
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(raw, 'latin1');
  });
}

export interface ServerFuzzReport {
  requests: number;
  /** OAI-PMH answers read as well-formed XML. */
  oaiAnswers: number;
  byStatus: Record<string, number>;
  failures: string[];
  seconds: number;
}

/**
 * Sends `count` random requests, `parallel` at a time. `forbidden` are strings no answer may
 * contain (a secret outside the edition, the build state's keys).
 */
export async function runServerFuzz(seed: number, count: number, port: number, forbidden: readonly string[], parallel = 16): Promise<ServerFuzzReport> {
  const rng = random(seed);
  const started = performance.now();
  const byStatus: Record<string, number> = {};
  const failures: string[] = [];
  let oaiAnswers = 0;
  const requests = Array.from({ length: count }, (_, i) => {
    if (rng() < 0.25) {
      const headers = [`Host: 127.0.0.1:${port}`, 'Connection: close'];
      const { method, target, body } = oaiRequest(rng, headers);
      return { i, oai: method !== 'HEAD', raw: `${method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}` };
    }
    const method = rng() < 0.8 ? pick(['GET', 'GET', 'GET', 'HEAD'], rng) : pick(OTHER_METHODS, rng);
    const headers = randomHeaders(rng, port);
    // A body, now and then, with a length that may lie.
    const body = rng() < 0.1 ? 'hello' : '';
    if (body) headers.push(`Content-Length: ${pick(['5', '5', '0', '-1', 'abc', '99999999999'], rng)}`);
    return { i, oai: false, raw: `${method} ${randomPath(rng)} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}` };
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const { i, raw, oai } = requests[next++]!;
      const answer = await send(port, raw, 10_000);
      const status = answer.status ?? 'no answer';
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      const what = `request ${i} (seed ${seed}): ${JSON.stringify(raw.slice(0, 200))}`;
      if (answer.status === undefined) failures.push(`${what}: no answer`);
      else if (answer.status >= 500 && answer.status !== 505) failures.push(`${what}: ${answer.status}`);
      for (const secret of forbidden) if (answer.body.includes(secret)) failures.push(`${what}: the answer holds ${JSON.stringify(secret)}`);
      if (oai && answer.status === 200) {
        // A harvester's parser must read every answer: no character XML forbids, nothing unescaped.
        const tree = buildTree(answer.content);
        if ('error' in tree) failures.push(`${what}: the OAI-PMH answer is not well-formed XML (${tree.error.reason})`);
        else if (tree.root.name !== 'OAI-PMH') failures.push(`${what}: the answer's root is <${tree.root.name}>`);
        else oaiAnswers++;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const last = await send(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 10_000);
  if (last.status !== 200) failures.push(`after the fuzzing, GET / answered ${last.status ?? 'nothing'}`);
  return { requests: count, oaiAnswers, byStatus, failures, seconds: (performance.now() - started) / 1000 };
}

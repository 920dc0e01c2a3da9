import { constants } from 'node:fs';
import { open, readFile, realpath, stat, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline, type Duplex } from 'node:stream';
import type { Answer } from '../dts/api.js';
import { answerPmh } from '../oai/pmh.js';
import { ConfigError, message } from '../infra/messages.js';
import { isBuiltEdition } from '../write/write.js';
import { Builds, DTS_BASE } from './builds.js';
import { headersFor, imageHostsOf } from './headers.js';
import { LIVE, LIVE_SCRIPT, NOT_BUILT, withLiveReload } from './live.js';

export interface ServeOptions {
  /** The folder to serve: a built edition (dist/edition/). */
  dir: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Live reload (`serve --watch`): pages get a script that reloads them when `changed()` is called. */
  live?: boolean;
  /** Told of every request that failed on the server's side (a file gone in a rebuild, say). */
  log?: (line: string) => void;
}

export interface Server {
  url: string;
  /** The folder served. */
  dir: string;
  /** After a rebuild that changed something: takes the new build's DTS and OAI data and, when live, reloads the open pages. */
  changed(): Promise<void>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/tei+xml; charset=utf-8',
  '.rng': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.zip': 'application/zip',
  '.woff2': 'font/woff2',
};

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, headersFor('text/plain; charset=utf-8'));
  res.end(`${text}\n`);
}

/**
 * The file a request names, open for reading, or undefined if it names no file inside `root`:
 * no path outside it (symbolic links followed), nothing hidden (the build state in .editio/
 * names the sources' paths), nothing but a regular file.
 */
async function openFile(root: string, url: URL): Promise<{ handle: FileHandle; size: number; file: string } | undefined> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return undefined;
  let file = path.join(root, path.normalize(pathname));
  let handle: FileHandle | undefined;
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + path.sep)) return undefined;
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
    const info = await handle.stat();
    if (info.isFile()) return { handle, size: info.size, file: real };
  } catch {
    // Gone, a folder without index.html, unreadable: not found.
  }
  await handle?.close();
  return undefined;
}

/** What the DTS API answers for a folder built without its data: an error in JSON, as all its errors. */
const noDts: Answer = {
  status: 404,
  type: 'application/ld+json; charset=utf-8',
  body: `${JSON.stringify({ '@type': 'Error', status: 404, title: 'Not Found', description: 'this edition has no DTS data; build it again' })}\n`,
};

interface Site {
  root: string;
  /** The server's own origin: what DTS identifiers are built from, never the request's Host. */
  origin: string;
  /** The Host headers it answers to; any other is a page of another site (DNS rebinding). */
  hosts: Set<string>;
  /** What the DTS API and OAI-PMH answer from: the last finished build's data. */
  builds: Builds;
  /** Open live-reload connections; undefined when not live. */
  listeners: Set<ServerResponse> | undefined;
  log: (line: string) => void;
}

async function handle(site: Site, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { root, listeners } = site;
  // OAI-PMH asks for POST too (a harvester's form): at /oai alone, which reads and changes nothing.
  const oaiPost = req.method === 'POST' && (req.url ?? '').split('?')[0] === OAI_PATH;
  if (req.method !== 'GET' && req.method !== 'HEAD' && !oaiPost) {
    res.setHeader('Allow', 'GET, HEAD');
    return answer(res, 405, 'Method not allowed: the edition is read-only.');
  }
  if ((req.url ?? '').length > 2048) return answer(res, 414, 'The address is too long.');
  // Two Host headers are refused (RFC 9112, 3.2): which one a proxy read is anybody's guess.
  const hostHeaders = req.headersDistinct.host ?? [];
  if (hostHeaders.length > 1) return answer(res, 400, 'The request has more than one Host header.');
  const target = req.url ?? '/';
  // A request for an absolute URL (a proxy's form) names its host there, and that host is checked as a Host header is.
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
  if (!absolute && !target.startsWith('/')) return answer(res, 400, 'The address is malformed.');
  let url: URL;
  try {
    url = new URL(target, site.origin);
  } catch {
    return answer(res, 400, 'The address is malformed.');
  }
  const host = absolute ? url.host : hostHeaders[0];
  if (absolute && url.protocol !== 'http:') return answer(res, 421, `This server answers to ${[...site.hosts][0]} only.`);
  if (host !== undefined && !site.hosts.has(host.toLowerCase())) {
    return answer(res, 421, `This server answers to ${[...site.hosts][0]} only, not to "${host.slice(0, 100)}".`);
  }
  if (absolute) url = new URL(`${url.pathname}${url.search}`, site.origin);
  if (url.pathname === DTS_BASE || url.pathname.startsWith(`${DTS_BASE}/`)) {
    const reply = await site.builds.answer((build) => (build.dts ? build.dts.get(url) : noDts));
    if (!reply) return busy(res);
    res.writeHead(reply.status, { ...headersFor(reply.type), ...reply.headers });
    return void res.end(req.method === 'HEAD' ? undefined : reply.body);
  }
  if (url.pathname === OAI_PATH) {
    const form = oaiPost ? await formOf(req) : { params: url.searchParams };
    if ('status' in form) return answer(res, form.status, form.reason);
    const read = (relative: string): Promise<string> => readFile(path.join(root, ...relative.split('/')), 'utf8');
    const now = new Date();
    const body = await site.builds.answer((build) =>
      build.oai ? answerPmh(form.params, build.oai, { baseURL: `${site.origin}${OAI_PATH}`, read, now, pageSize: OAI_PAGE, tokenKey: build.tokenKey }) : null,
    );
    if (body === null) return answer(res, 404, 'This edition has no OAI-PMH data; build it again.');
    if (body === undefined) return busy(res);
    res.writeHead(200, headersFor('text/xml; charset=utf-8'));
    return void res.end(req.method === 'HEAD' ? undefined : body);
  }
  if (listeners && url.pathname === LIVE) {
    res.writeHead(200, { ...headersFor('text/event-stream'), 'Cache-Control': 'no-store' });
    res.write(': live reload\n\n');
    listeners.add(res);
    return void req.on('close', () => listeners.delete(res));
  }
  if (listeners && url.pathname === `${LIVE}.js`) {
    res.writeHead(200, { ...headersFor(TYPES['.js']!), 'Cache-Control': 'no-store' });
    return void res.end(req.method === 'HEAD' ? undefined : LIVE_SCRIPT);
  }
  const found = await openFile(root, url);
  if (!found && listeners && /(\/|\.html)$/.test(url.pathname)) {
    // While watching, a page the last build could not make waits for the build that can.
    res.writeHead(404, { ...headersFor(TYPES['.html']!), 'Cache-Control': 'no-store' });
    return void res.end(withLiveReload(NOT_BUILT));
  }
  if (!found) return answer(res, 404, 'Not found.');
  const { handle: file, size } = found;
  const extension = path.extname(found.file).toLowerCase();
  const type = Object.hasOwn(TYPES, extension) ? TYPES[extension]! : 'application/octet-stream';
  if (req.method === 'HEAD' || (listeners && type === TYPES['.html'])) {
    let text = '';
    try {
      if (req.method === 'GET' || type === TYPES['.html']) text = await file.readFile('utf8');
    } finally {
      await file.close();
    }
    const page = req.method === 'GET' ? withLiveReload(text) : undefined;
    res.writeHead(200, { ...headersFor(type, imageHostsOf(text)), ...(listeners ? { 'Cache-Control': 'no-store' } : { 'Content-Length': size }) });
    return void res.end(page);
  }
  // A page's head names the image servers its facsimile shows, if any.
  let hosts: string[] = [];
  if (type === TYPES['.html']) {
    const head = Buffer.alloc(Math.min(size, 4096));
    await file.read(head, 0, head.length, 0);
    hosts = imageHostsOf(head.toString('utf8'));
  }
  res.writeHead(200, { ...headersFor(type, hosts), 'Content-Length': size });
  // The file is open: a rebuild that removes it now does not take it away from this answer.
  // pipeline closes the file however the answer ends, a reader leaving early included.
  pipeline(file.createReadStream({ start: 0 }), res, (err) => {
    if (err && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') site.log(`${req.method} ${url.pathname}: ${err.message}`);
  });
}

const OAI_PATH = '/oai';
/** Records per answer of a list verb; a harvester asks for the rest with the resumption token. */
const OAI_PAGE = 100;
/** The largest OAI-PMH form a harvester may post: its arguments fit in far less. */
const MAX_FORM = 8192;

/** A posted form's arguments, or the status and reason it is refused with: of another type (415), too large (413). */
async function formOf(req: IncomingMessage): Promise<{ params: URLSearchParams } | { status: number; reason: string }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    return { status: 415, reason: 'An OAI-PMH request is posted as application/x-www-form-urlencoded.' };
  }
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_FORM) return { status: 413, reason: `The form is larger than an OAI-PMH request needs (${MAX_FORM} bytes).` };
  }
  return { params: new URLSearchParams(body) };
}

function busy(res: ServerResponse): void {
  res.setHeader('Retry-After', '5');
  answer(res, 503, 'The edition is being built again; try again in a few seconds.');
}

/** The Host headers a server on 127.0.0.1 at `port` is reached by. */
function hostsOf(port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  return new Set([...names.map((name) => `${name}:${port}`), ...(port === 80 ? names : [])]);
}

/**
 * Serves a built edition on 127.0.0.1 (never on another interface), read-only, with the DTS 1.0
 * API at /api/dts (entry, collection, navigation, document) over its published TEI. Only a folder
 * editio built is served, and only to pages of this server (the Host header is checked).
 */
export async function serve(options: ServeOptions): Promise<Server> {
  const dir = path.resolve(options.dir);
  if (!(await isBuiltEdition(dir))) {
    const reason = `${dir} is not an edition editio built (it has no .editio-output); build one with "editio build", or name its folder with --out`;
    throw new ConfigError(message('error', 'config', 'out-not-editio', reason));
  }
  const root = await realpath(dir);
  const site: Site = {
    root,
    origin: '',
    hosts: new Set(),
    builds: new Builds(root),
    listeners: options.live ? new Set() : undefined,
    log: options.log ?? (() => undefined),
  };
  const server = createServer((req, res) => {
    handle(site, req, res).catch((err: Error) => {
      site.log(`${req.method} ${req.url}: ${err.message}`);
      if (!res.headersSent) answer(res, 500, 'The file could not be read.');
      else res.destroy();
    });
  });
  // Node closes a CONNECT or Upgrade request without a word unless told otherwise: refuse it as any other method.
  const refuse = (_req: IncomingMessage, socket: Duplex): void => {
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  server.on('connect', refuse);
  server.on('upgrade', refuse);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  site.origin = `http://127.0.0.1:${port}`;
  site.hosts = hostsOf(port);
  return {
    url: `${site.origin}/`,
    dir: root,
    changed: async () => {
      await site.builds.renew();
      for (const listener of site.listeners ?? []) listener.write('event: reload\ndata: built\n\n');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const listener of site.listeners ?? []) listener.end();
        server.close(() => resolve());
      }),
  };
}

import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { answer as answerDts, Library } from './dts/api.js';

export interface ServeOptions {
  /** The folder to serve: a built edition (dist/edition/). */
  dir: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Live reload (`serve --watch`): pages get a script that reloads them when `changed()` is called. */
  live?: boolean;
}

export interface Server {
  url: string;
  /** After a rebuild: rereads the DTS data and, when live, reloads the open pages. */
  changed(): Promise<void>;
  close(): Promise<void>;
}

const LIVE = '/__editio/live';
const LIVE_SCRIPT = `new EventSource('${LIVE}').addEventListener('reload', () => location.reload());\n`;

const NOT_BUILT =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'self\'">' +
  '<title>Not built</title></head><body><main><h1>This page is not in the current build</h1>' +
  '<p>The terminal running <code>editio serve --watch</code> says why. It reloads when a build makes it.</p></main></body></html>';

/** A page as served live: with the reload script, and a CSP that lets it listen to the server. */
function withLiveReload(html: string): string {
  return html
    .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*)"/, "$1; connect-src 'self'\"")
    .replace('</head>', `<script src="${LIVE}.js"></script></head>`);
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
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

/** The file a request names, or undefined if it names nothing inside `root`. */
async function resolveFile(root: string, url: string): Promise<string | undefined> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  let file = path.join(root, path.normalize(pathname));
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const real = await realpath(file);
    // Symbolic links may not lead outside the edition either.
    return real === root || real.startsWith(root + path.sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

const DTS_BASE = '/api/dts';

interface Site {
  root: string;
  dts: Library | undefined;
  /** Open live-reload connections; undefined when not live. */
  listeners: Set<ServerResponse> | undefined;
}

async function handle(site: Site, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { root, dts, listeners } = site;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return answer(res, 405, 'Method not allowed: the edition is read-only.');
  }
  if ((req.url ?? '').length > 2048) return answer(res, 414, 'The address is too long.');
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  if (url.pathname === DTS_BASE || url.pathname.startsWith(DTS_BASE + '/')) {
    const reply = dts ? await answerDts(dts, url) : undefined;
    if (!reply) return answer(res, 404, dts ? 'No such DTS endpoint.' : 'This edition has no DTS data; rebuild it.');
    res.writeHead(reply.status, { ...HEADERS, 'Content-Type': reply.type, ...reply.headers });
    return void res.end(req.method === 'HEAD' ? undefined : reply.body);
  }
  if (listeners && url.pathname === LIVE) {
    res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write(': live reload\n\n');
    listeners.add(res);
    return void req.on('close', () => listeners.delete(res));
  }
  if (listeners && url.pathname === `${LIVE}.js`) {
    res.writeHead(200, { ...HEADERS, 'Content-Type': TYPES['.js']!, 'Cache-Control': 'no-store' });
    return void res.end(req.method === 'HEAD' ? undefined : LIVE_SCRIPT);
  }
  const file = await resolveFile(root, req.url ?? '/');
  if (!file && listeners && /(\/|\.html)$/.test(url.pathname)) {
    // While watching, a page the last build could not make waits for the build that can.
    res.writeHead(404, { ...HEADERS, 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store' });
    return void res.end(withLiveReload(NOT_BUILT));
  }
  if (!file) return answer(res, 404, 'Not found.');
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (listeners && type === TYPES['.html']) {
    const page = withLiveReload(await readFile(file, 'utf8'));
    res.writeHead(200, { ...HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
    return void res.end(req.method === 'HEAD' ? undefined : page);
  }
  res.writeHead(200, { ...HEADERS, 'Content-Type': type, 'Content-Length': (await stat(file)).size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

/**
 * Serves a built edition on 127.0.0.1 (never on another interface), read-only, with the DTS 1.0
 * API at /api/dts (entry, collection, navigation, document) over its published TEI.
 */
export async function serve(options: ServeOptions): Promise<Server> {
  const root = await realpath(path.resolve(options.dir));
  const site: Site = { root, dts: await Library.open(root, DTS_BASE), listeners: options.live ? new Set() : undefined };
  const server = createServer((req, res) => {
    handle(site, req, res).catch(() => {
      if (!res.headersSent) answer(res, 500, 'The file could not be read.');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    changed: async () => {
      site.dts = await Library.open(root, DTS_BASE);
      for (const listener of site.listeners ?? []) listener.write('event: reload\ndata: built\n\n');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const listener of site.listeners ?? []) listener.end();
        server.close(() => resolve());
      }),
  };
}

import { expect } from 'chai';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { ConfigError } from '../../src/infra/messages.js';
import { serve, type Server } from '../../src/serve/serve.js';
import { OUTPUT_MARKER } from '../../src/write/write.js';
import { removeDir, tempDir } from '../helpers.js';

/** A raw request, so that paths like /../x reach the server unnormalised. */
function get(
  url: string,
  rawPath: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string; headers: IncomingHttpHeaders }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve', () => {
  let dir: string;
  let outside: string;
  let server: Server;

  before(async () => {
    dir = tempDir();
    outside = tempDir();
    mkdirSync(path.join(dir, 'documents'));
    writeFileSync(path.join(dir, OUTPUT_MARKER), 'Written by editio\n');
    mkdirSync(path.join(dir, '.editio'));
    writeFileSync(path.join(dir, '.editio', 'state.json'), '{"sources": "/home/editor/secret-project/tei"}');
    mkdirSync(path.join(dir, 'folder.html', 'index.html'), { recursive: true });
    writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(32 * 1024 * 1024));
    writeFileSync(path.join(dir, 'index.html'), '<!DOCTYPE html><title>x</title>');
    writeFileSync(path.join(dir, 'documents', 'a b.html'), 'spaces');
    writeFileSync(path.join(dir, 'doc.xml'), '<TEI/>');
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'));
    server = await serve({ dir, port: 0 });
  });
  after(async () => {
    await server.close();
    removeDir(dir);
    removeDir(outside);
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves index.html for a folder, with its content type', async () => {
    const res = await get(server.url, '/');
    expect(res).to.include({ status: 200, type: 'text/html; charset=utf-8' });
  });

  it('serves percent-encoded names and TEI as application/tei+xml', async () => {
    expect((await get(server.url, '/documents/a%20b.html')).body).to.equal('spaces');
    expect((await get(server.url, '/doc.xml')).type).to.equal('application/tei+xml; charset=utf-8');
  });

  for (const attempt of [
    '/../secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/link.txt',
    '/%00',
    '/missing.html',
    '/.editio/state.json',
    '/%2eeditio/state.json',
    '/documents/..%2f.editio/state.json',
    `/${OUTPUT_MARKER}`,
  ]) {
    it(`answers 404 for ${attempt}, never a file outside the edition`, async () => {
      const res = await get(server.url, attempt);
      expect(res.status).to.equal(404);
      expect(res.body).not.to.contain('secret');
      expect(res.body).not.to.contain('home/editor');
    });
  }

  it('is read-only: 405 for anything but GET and HEAD', async () => {
    expect((await get(server.url, '/', 'POST')).status).to.equal(405);
    expect((await get(server.url, '/', 'HEAD')).status).to.equal(200);
  });

  it('answers 404 for a folder named like a file, and stays up', async () => {
    expect((await get(server.url, '/folder.html')).status).to.equal(404);
    expect((await get(server.url, '/folder.html/index.html')).status).to.equal(404);
    expect((await get(server.url, '/')).status).to.equal(200);
  });

  it('finishes sending a file that a rebuild removes meanwhile, and stays up', async () => {
    const { hostname, port } = new URL(server.url);
    const received = await new Promise<number>((resolve, reject) => {
      const req = request({ hostname, port, path: '/big.txt' }, (res) => {
        let bytes = 0;
        res.once('data', (first: Buffer) => {
          bytes += first.length;
          res.pause();
          rmSync(path.join(dir, 'big.txt'));
          setTimeout(() => res.resume(), 50);
        });
        res.on('data', (d: Buffer) => (bytes += d.length));
        res.on('end', () => resolve(bytes));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).to.be.at.least(32 * 1024 * 1024);
    expect((await get(server.url, '/big.txt')).status).to.equal(404);
    expect((await get(server.url, '/')).status).to.equal(200);
  });

  it('answers only to its own names: another Host (DNS rebinding) gets 421, a malformed one too, never 500', async () => {
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`])
      expect((await get(server.url, '/', 'GET', { Host: host })).status, host).to.equal(200);
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', '[', 'a b', `127.0.0.1:${port}@evil.example`]) {
      const res = await get(server.url, '/', 'GET', { Host: host });
      expect(res.status, host).to.equal(421);
      expect(res.body).to.contain(`answers to 127.0.0.1:${port} only`);
    }
  });

  it('checks the host of an absolute-form request as a Host header, and refuses two Host headers', async () => {
    const port = new URL(server.url).port;
    const raw = (lines: string[]): Promise<string> =>
      new Promise((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
        let got = '';
        socket.on('data', (d: Buffer) => (got += d));
        socket.on('end', () => resolve(got));
        socket.on('error', reject);
      });
    const status = (reply: string): string => reply.split('\r\n')[0]!;
    expect(status(await raw(['GET http://evil.example/ HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Connection: close']))).to.equal(
      'HTTP/1.1 421 Misdirected Request',
    );
    expect(status(await raw([`GET https://127.0.0.1:${port}/ HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close']))).to.equal(
      'HTTP/1.1 421 Misdirected Request',
    );
    expect(status(await raw([`GET http://127.0.0.1:${port}/ HTTP/1.1`, 'Host: evil.example', 'Connection: close']))).to.equal('HTTP/1.1 200 OK');
    expect(status(await raw(['GET / HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Host: evil.example', 'Connection: close']))).to.equal('HTTP/1.1 400 Bad Request');
    expect(status(await raw(['GET / HTTP/1.1', 'Host: evil.example', `Host: 127.0.0.1:${port}`, 'Connection: close']))).to.equal('HTTP/1.1 400 Bad Request');
  });

  it('forbids framing and sandboxes everything but pages', async () => {
    const page = await get(server.url, '/');
    expect(page.headers['content-security-policy']).to.contain("frame-ancestors 'none'").and.contain("script-src 'self'");
    expect(page.headers['x-frame-options']).to.equal('DENY');
    const tei = await get(server.url, '/doc.xml');
    expect(tei.headers['content-security-policy']).to.match(/^default-src 'none';.*frame-ancestors 'none'; sandbox$/);
  });

  it('serves only a folder editio built', async () => {
    const err = await serve({ dir: outside, port: 0 }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ConfigError);
    expect((err as ConfigError).diagnostic.reason).to.match(/is not an edition editio built \(it has no \.editio-output\)/);
  });
});

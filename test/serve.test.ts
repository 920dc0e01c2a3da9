import { expect } from 'chai';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { request } from 'node:http';
import { serve, type Server } from '../src/serve.js';
import { removeDir, tempDir } from './helpers.js';

/** A raw request, so that paths like /../x reach the server unnormalised. */
function get(url: string, rawPath: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
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

  for (const attempt of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/link.txt', '/%00', '/missing.html']) {
    it(`answers 404 for ${attempt}, never a file outside the edition`, async () => {
      const res = await get(server.url, attempt);
      expect(res.status).to.equal(404);
      expect(res.body).not.to.contain('secret');
    });
  }

  it('is read-only: 405 for anything but GET and HEAD', async () => {
    expect((await get(server.url, '/', 'POST')).status).to.equal(405);
    expect((await get(server.url, '/', 'HEAD')).status).to.equal(200);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module loaded by scripts/start.mjs, no types
import { chooseEncoding, installHttpCompression } from '@/server/http-compression.mjs';

// A page as Next sends a cached one when npm start handles ETags (generateEtags off): the whole
// body in one end() call, with a Cache-Control that lets it be cached.
const PAGE = `<!DOCTYPE html><html lang="vi"><body>${'<p>Hội nghị sơ kết giao ước thi đua.</p>'.repeat(200)}</body></html>`;
let renders = 0;

const server = http.createServer((request, response) => {
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (request.url === '/cached') {
    renders++;
    response.setHeader('Cache-Control', 's-maxage=300, stale-while-revalidate=31535700');
    response.setHeader('Content-Length', Buffer.byteLength(PAGE));
    response.end(PAGE);
  } else if (request.url === '/changed') {
    // The page after an edit: another body, so other bytes and another tag.
    // Sent with a new visitor's cookie: `private` for shared caches, still the cached page here.
    response.setHeader('Cache-Control', 'private, no-cache');
    response.end(PAGE.replace('Hội nghị', 'Hội thảo'));
  } else if (request.url === '/private') {
    // Sent whole but for this request alone: compressed as it goes, never kept nor tagged.
    response.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
    response.end(PAGE.replace('Hội nghị', 'Trang riêng'));
  } else {
    // A page rendered per request, streamed in pieces.
    response.write(PAGE.slice(0, 1000));
    setTimeout(() => response.end(PAGE.slice(1000)), 5);
  }
});
let base = '';

beforeAll(async () => {
  installHttpCompression();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw response: node's http, which (unlike fetch) never decodes the body itself. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .request(`${base}${path}`, { headers, method }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

describe('response compression of npm start', () => {
  it('picks brotli, else gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });

  it('compresses a cached page once and sends the same bytes to every browser that asks', async () => {
    const first = await get('/cached', { 'accept-encoding': 'gzip, br' });
    const second = await get('/cached', { 'accept-encoding': 'gzip, br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(first.headers['content-length'])).toBe(first.body.length);
    expect(zlib.brotliDecompressSync(first.body).toString()).toBe(PAGE);
    expect(second.body.equals(first.body)).toBe(true);
    const gzip = await get('/cached', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(PAGE);
  });

  it('tags each body and encoding once, and answers a conditional request with a 304', async () => {
    const br = await get('/cached', { 'accept-encoding': 'br' });
    const plain = await get('/cached');
    expect(br.headers.etag).toMatch(/^"[\w-]{27}-br"$/);
    expect(plain.headers.etag).toBe(br.headers.etag?.replace('-br', ''));
    expect((await get('/cached', { 'accept-encoding': 'br' })).headers.etag).toBe(br.headers.etag);
    const notModified = await get('/cached', { 'accept-encoding': 'br', 'if-none-match': `"other", ${br.headers.etag}` });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(br.headers.etag);
    // Another encoding's tag names another representation: the whole body.
    expect((await get('/cached', { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag ?? '' })).status).toBe(200);
    const other = await get('/changed', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag ?? '' });
    expect(other.status).toBe(200);
    expect(other.headers.etag).not.toBe(br.headers.etag);
    expect(zlib.brotliDecompressSync(other.body).toString()).toContain('Hội thảo');
  });

  it('compresses a page meant for one request as it goes, without keeping or tagging it', async () => {
    const page = await get('/private', { 'accept-encoding': 'gzip, br' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers.etag).toBeUndefined();
    expect(zlib.gunzipSync(page.body).toString()).toContain('Trang riêng');
  });

  it('sends a client that asks for no encoding the page as it is, its bytes made once; a HEAD as it is', async () => {
    const plain = await get('/cached');
    const again = await get('/cached');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    expect(plain.body.toString()).toBe(PAGE);
    expect(again.body.equals(plain.body)).toBe(true);
    const changed = await get('/changed');
    expect(changed.body.toString()).toContain('Hội thảo');
    const head = await get('/cached', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(renders).toBeGreaterThan(0);
  });

  it('still compresses a streamed page, as Next did (gzip)', async () => {
    const streamed = await get('/streamed', { 'accept-encoding': 'gzip, br' });
    expect(streamed.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(streamed.body).toString()).toBe(PAGE);
  });
});

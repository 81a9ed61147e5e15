import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module loaded by scripts/start.mjs, no types
import { chooseEncoding, installHttpCompression } from '@/server/http-compression.mjs';

// A page as Next sends a cached one: the whole body in one end() call, with an ETag (a hash of it).
const PAGE = `<!DOCTYPE html><html lang="vi"><body>${'<p>Hội nghị sơ kết giao ước thi đua.</p>'.repeat(200)}</body></html>`;
let renders = 0;

const server = http.createServer((request, response) => {
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (request.url === '/cached') {
    response.setHeader('ETag', '"abc123"');
    if (request.headers['if-none-match'] === '"abc123"') {
      response.statusCode = 304;
      response.end();
      return;
    }
    renders++;
    response.setHeader('Content-Length', Buffer.byteLength(PAGE));
    response.end(PAGE);
  } else if (request.url === '/changed') {
    // The same ETag for another body (a hash collision) must never get the stored bytes.
    response.setHeader('ETag', '"abc123"');
    response.end(PAGE.replace('Hội nghị', 'Hội thảo'));
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

  it('never sends the stored bytes for another body with the same ETag', async () => {
    await get('/cached', { 'accept-encoding': 'br' });
    const other = await get('/changed', { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(other.body).toString()).toContain('Hội thảo');
  });

  it('sends a client that asks for no encoding the page as it is, its bytes made once; a HEAD and a 304 as they are', async () => {
    const plain = await get('/cached');
    const again = await get('/cached');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    expect(plain.body.toString()).toBe(PAGE);
    expect(again.body.equals(plain.body)).toBe(true);
    const changed = await get('/changed');
    expect(changed.body.toString()).toContain('Hội thảo');
    const notModified = await get('/cached', { 'accept-encoding': 'br', 'if-none-match': '"abc123"' });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
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

// Response compression for a server started by `npm start` (scripts/start.mjs), in place of Next's.
//
// Next's own compression (`compress` in next.config.ts) gzips every response again, a cached
// page included: for the seed article ~66 kB through zlib on every request, more CPU than
// everything else the cached page costs. Here a complete response that Next sends in one piece
// with an ETag (a cached page or its router data: Next's ETag is a hash of that very body) is
// encoded once per body and encoding (br, gzip, or plain UTF-8 bytes for a client that asks for
// none), and later requests for the same body get the stored bytes. Everything else (pages rendered per request, streamed, route handlers) goes through
// Next's compression middleware, as before. Brotli when the browser takes it (only once per
// page, so it can afford a better ratio than gzip), else gzip.
//
// Installed on Node's `http.server.request.start` diagnostics channel, which runs before the
// server's 'request' event, so it wraps every response before Next touches it. HTTP_COMPRESSION=off
// (a reverse proxy compresses, deploy/): nothing is compressed here (Next's compression is off
// too), and cached pages still go out as bytes made once.
import { subscribe } from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const compression = require('next/dist/compiled/compression');
const { releaseCompressionStream } = require('next/dist/server/lib/release-compression-stream.js');

/** Bodies compressed once and kept: at most this many bytes (compressed plus the original text). */
const CACHE_BYTES = 32 * 1024 * 1024;
/** Below this a body goes out as it is (compression would not pay for its header). */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/html|text\/x-component|text\/plain|application\/json)\b/i;

/** key (ETag, type, encoding) → { body, compressed, bytes }; a Map in least-recently-used order. */
const stored = new Map();
let storedBytes = 0;

/**
 * The encoding to send: br, gzip or identity, from an Accept-Encoding header (q=0 refuses one).
 * Identity bodies are kept too: a page's text turned into UTF-8 bytes once, not on every request
 * (~1 ms of CPU for the seed article's 70 kB of Vietnamese text, more than the rest of its cost).
 */
export function chooseEncoding(acceptEncoding) {
  if (!acceptEncoding) return 'identity';
  let gzip = false;
  let br = false;
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === '*') gzip = true;
  }
  return br ? 'br' : gzip ? 'gzip' : 'identity';
}

function compress(body, encoding) {
  const input = Buffer.from(body);
  if (encoding === 'identity') return input;
  return encoding === 'br'
    ? zlib.brotliCompressSync(input, {
        params: {
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length,
        },
      })
    : zlib.gzipSync(input, { level: 9 });
}

/** The encoded bytes of `body`, from the store when the same body was sent before. */
export function encodedOnce(etag, contentType, encoding, body) {
  const key = `${etag}\n${contentType}\n${encoding}`;
  const hit = stored.get(key);
  // Next's ETag is a 52-bit hash of the body: the text itself is compared too, so a collision
  // can never send another page.
  if (hit && hit.body === body) {
    stored.delete(key);
    stored.set(key, hit);
    return hit.compressed;
  }
  const compressed = compress(body, encoding);
  const bytes = compressed.length + Buffer.byteLength(body);
  if (hit) {
    stored.delete(key);
    storedBytes -= hit.bytes;
  }
  if (bytes <= CACHE_BYTES / 16) {
    stored.set(key, { body, compressed, bytes });
    storedBytes += bytes;
    for (const [oldKey, old] of stored) {
      if (storedBytes <= CACHE_BYTES) break;
      stored.delete(oldKey);
      storedBytes -= old.bytes;
    }
  }
  return compressed;
}

/** Wraps one response: called before Next's handler sees it. */
function wrap(request, response, middleware) {
  if (middleware) {
    // Next's compression, for everything not compressed once below. It skips a response that
    // already has a Content-Encoding, which is how the two never both compress a body.
    middleware(request, response, () => {});
    response.once('close', () => {
      // As Next does: a client gone mid-response leaves the middleware's zlib stream open.
      if (!response.writableFinished) releaseCompressionStream(response);
    });
  }
  if (request.method !== 'GET') return;
  const encoding = middleware ? chooseEncoding(request.headers['accept-encoding']) : 'identity';
  const { end, write, writeHead } = response;
  const restore = () => {
    response.end = end;
    response.write = write;
    response.writeHead = writeHead;
  };
  // Only a body sent whole by one end() call qualifies: a write or writeHead first means a
  // streamed response, which is left to the middleware.
  response.write = function (...args) {
    restore();
    return write.apply(this, args);
  };
  response.writeHead = function (...args) {
    restore();
    return writeHead.apply(this, args);
  };
  response.end = function (chunk, ...rest) {
    restore();
    const etag = this.getHeader('etag');
    const type = String(this.getHeader('content-type') ?? '');
    const cacheControl = String(this.getHeader('cache-control') ?? '');
    if (
      this.statusCode === 200 &&
      typeof etag === 'string' &&
      typeof chunk === 'string' &&
      chunk.length >= MIN_BYTES &&
      COMPRESSIBLE.test(type) &&
      !this.hasHeader('content-encoding') &&
      !/\bno-transform\b/i.test(cacheControl)
    ) {
      const body = encodedOnce(etag, type, encoding, chunk);
      if (encoding !== 'identity') this.setHeader('Content-Encoding', encoding);
      this.setHeader('Content-Length', body.length);
      const vary = String(this.getHeader('vary') ?? '');
      if (middleware && !/\baccept-encoding\b/i.test(vary)) this.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      return end.call(this, body, ...rest.filter((arg) => typeof arg === 'function'));
    }
    return end.call(this, chunk, ...rest);
  };
}

/**
 * Installs the compression for every HTTP server of this process (scripts/start.mjs, once).
 * `compress: false` (HTTP_COMPRESSION=off, a reverse proxy compresses): every body goes out as it
 * is, a cached page's bytes still made once.
 */
export function installHttpCompression({ compress = true } = {}) {
  const middleware = compress ? compression() : null;
  subscribe('http.server.request.start', ({ request, response }) => wrap(request, response, middleware));
}

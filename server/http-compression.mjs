// Response compression and ETags for a server started by `npm start` (scripts/start.mjs), in
// place of Next's.
//
// Next gzips every response again, a cached page included (`compress`: for the seed article ~66 kB
// through zlib on every request), and hashes every cached page's text for its ETag on every
// request (`generateEtags`: ~140 µs of JavaScript for the seed article, a fourteenth of all it
// costs). Here a complete response that Next sends in one piece and that may be cached (a cached
// page or its router data) is encoded once per body and encoding (br, gzip, or plain UTF-8 bytes for
// a client that asks for none) and given its ETag then; later requests for the same body get the
// stored bytes and tag, and a conditional request its 304. Everything else (pages rendered per
// request, streamed, route handlers) goes through Next's compression middleware, as before.
// Brotli when the browser takes it (only once per page, so it can afford a better ratio than
// gzip), else gzip.
//
// Installed on Node's `http.server.request.start` diagnostics channel, which runs before the
// server's 'request' event, so it wraps every response before Next touches it. HTTP_COMPRESSION=off
// (a reverse proxy compresses, deploy/): nothing is compressed here (Next's compression is off
// too), and cached pages still go out as bytes and a tag made once.
import { createHash } from 'node:crypto';
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

/**
 * body → { type, bytes, variants: encoding → { data, etag } }; a Map in least-recently-used order.
 * Keyed by the text itself: Next hands over the same cached string (or an equal one) for every
 * request of a page, and looking a string up costs a comparison, not a hash of it in JavaScript.
 */
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

function compress(input, encoding) {
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

/**
 * The encoded bytes of `body` and their ETag, made on the first request for that body and
 * encoding, then kept. The tag is a hash of the content, so every instance behind a load balancer
 * gives the same page the same tag; each encoding has its own (RFC 9110 §8.8.3: a strong validator
 * names one representation).
 */
export function encodedOnce(body, contentType, encoding) {
  let entry = stored.get(body);
  if (entry) {
    // Moved to the end: the most recently used.
    stored.delete(body);
    if (entry.type === contentType) stored.set(body, entry);
    else {
      storedBytes -= entry.bytes;
      entry = undefined;
    }
  }
  entry ??= { type: contentType, bytes: 0, variants: {}, hash: '' };
  let variant = entry.variants[encoding];
  if (variant) return variant;

  const input = Buffer.from(body);
  entry.hash ||= createHash('sha256').update(input).digest('base64url').slice(0, 27);
  const data = compress(input, encoding);
  variant = { data, etag: `"${entry.hash}${encoding === 'identity' ? '' : `-${encoding}`}"` };
  // The text itself (two bytes a character) is counted once per entry, each encoding on its own.
  const added = data.length + (entry.bytes === 0 ? body.length * 2 : 0);
  if (entry.bytes + added > CACHE_BYTES / 16) return variant;
  entry.variants[encoding] = variant;
  entry.bytes += added;
  storedBytes += added;
  if (!stored.has(body)) stored.set(body, entry);
  for (const [oldBody, old] of stored) {
    if (storedBytes <= CACHE_BYTES) break;
    stored.delete(oldBody);
    storedBytes -= old.bytes;
  }
  return variant;
}

/** Whether an If-None-Match header names `etag` (or any current representation, `*`). */
export function matchesEtag(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
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
    const type = String(this.getHeader('content-type') ?? '');
    const cacheControl = String(this.getHeader('cache-control') ?? '');
    if (
      this.statusCode === 200 &&
      typeof chunk === 'string' &&
      chunk.length >= MIN_BYTES &&
      COMPRESSIBLE.test(type) &&
      !this.hasHeader('content-encoding') &&
      // A page that may be cached, not one rendered for this request alone (a cached page sent
      // with a new visitor's cookie is `private` for shared caches, and the same page here).
      !/\b(no-store|no-transform)\b/i.test(cacheControl)
    ) {
      const { data, etag } = encodedOnce(chunk, type, encoding);
      const vary = String(this.getHeader('vary') ?? '');
      if (middleware && !/\baccept-encoding\b/i.test(vary)) this.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      this.setHeader('ETag', etag);
      const callback = rest.filter((arg) => typeof arg === 'function');
      if (matchesEtag(request.headers['if-none-match'], etag)) {
        this.statusCode = 304;
        this.removeHeader('Content-Length');
        this.removeHeader('Content-Type');
        return end.call(this, ...callback);
      }
      if (encoding !== 'identity') this.setHeader('Content-Encoding', encoding);
      this.setHeader('Content-Length', data.length);
      return end.call(this, data, ...callback);
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

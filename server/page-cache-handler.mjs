// Next's own file-system ISR cache, except that it never stores an error page.
//
// A well-formed but unknown address (/tin-tuc/x-1, /chuyen-muc/<unknown>/trang/999999, or any
// route added later) renders the 404 page, and Next's default handler writes that answer to disk
// like any page: ~96 kB per address tried, kept for a year. Anyone could fill the disk the
// embedded database lives on. Here such a response is served and forgotten: the next request for
// that address renders it again, uncached. Real pages are bounded by the content itself.
//
// The base class is Next's internal default handler (next/dist/...): Next is pinned to an exact
// version, and tests/integration/unknown-addresses-process.test.ts fails if an upgrade changes it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

const RESPONSE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES']);

export function isErrorResponse(data) {
  return Boolean(data && RESPONSE_KINDS.has(data.kind) && typeof data.status === 'number' && data.status >= 400);
}

export default class PageCacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    if (isErrorResponse(data)) return;
    return super.set(key, data, ctx);
  }
}

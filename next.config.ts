import path from 'node:path';
import type { NextConfig } from 'next';
import { LIST_QUERY_KEYS, ROUTE_HANDLER_PREFIXES, routes } from './lib/routes';
import { FIXED_SECURITY_HEADERS, NON_PAGE_CONTENT_SECURITY_POLICY } from './lib/security-headers';

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path, sharp its native libvips: bundled, neither loads.
  serverExternalPackages: ['@electric-sql/pglite', 'sharp'],
  // Keep prefetch headers visible to proxy.ts so prefetches are never counted as page views.
  skipProxyUrlNormalize: true,
  poweredByHeader: false,
  // Next gzips every response again, cached pages included (~0.5 ms of CPU per article page on
  // these machines, a fifth of its cost), and hashes each cached page's text for its ETag on every
  // request (~0.14 ms). `npm start` (scripts/start.mjs) does both once per cached page instead
  // (server/http-compression.mjs) and turns these off. Behind a reverse proxy that compresses
  // (deploy/), HTTP_COMPRESSION=off leaves compression to the proxy. `next start` run directly
  // keeps Next's. Read when the server starts, so one build serves all three.
  compress: process.env.HTTP_COMPRESSION !== 'off' && process.env.PORTAL_HTTP_BY_START_SCRIPT !== '1',
  generateEtags: process.env.PORTAL_HTTP_BY_START_SCRIPT !== '1',
  // Next's file-system cache that never stores a 404 or other error page: see that file.
  cacheHandler: path.join(process.cwd(), 'server', 'page-cache-handler.mjs'),
  experimental: {
    // forbidden(): pages answer 403 with their forbidden.tsx (the statistics dashboard).
    authInterrupts: true,
    // One root layout per route group (each sets its <html lang>): unmatched addresses need a
    // whole document of their own, app/global-not-found.tsx.
    globalNotFound: true,
    // Every page loads the same ~460 kB of framework code. Left to its defaults, Turbopack splits it
    // into more, smaller files as the app grows (server actions, staff pages), and each file is
    // compressed alone: ~900 B more gzip and two more requests on every public page. Nothing is
    // duplicated by merging them (the total of all chunks stays the same).
    turbopackChunking: { minChunkSize: 400_000 },
    // Turbopack keeps a persistent cache of each build in .next/cache (on by default in Next 16.4)
    // for the next build to reuse. A server builds once per release and a first start once: writing
    // it took ~57 s and its compaction another ~30 s of that build on a loaded 2-core machine, ~130 MB
    // on disk, and ~150 MB more memory at the build's peak (measured: docs/scaling.md, "First start").
    turbopackFileSystemCacheForBuild: false,
  },
  reactStrictMode: true,
  // The type check runs in `npm run typecheck` (first thing in `npm test` and CI), not in every
  // build: `npm start` on a fresh clone builds, and the check would add ~30 s to its first start.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    // Pages get their Content-Security-Policy from proxy.ts (a nonce on staff pages); responses
    // the proxy never sees (route handlers, images, files) get a policy that runs nothing.
    const nonPage = [...FIXED_SECURITY_HEADERS, { key: 'Content-Security-Policy', value: NON_PAGE_CONTENT_SECURITY_POLICY }];
    return [
      { source: '/:path*', headers: FIXED_SECURITY_HEADERS },
      ...ROUTE_HANDLER_PREFIXES.map((prefix) => ({ source: `${prefix}/:path*`, headers: nonPage })),
    ];
  },
  async redirects() {
    // The home page is rendered by /trang-chu/moi-nhat (see rewrites); that address is not public.
    return [
      { source: routes.internal.homeView(':view*'), destination: routes.home, permanent: true },
      // Page 1 of a category has one address. Redirecting here rather than in the page keeps the
      // redirect out of the ISR cache (a cached redirect is served with its Location header twice).
      { source: routes.internal.categoryPage(':slug', 1), destination: routes.category(':slug'), permanent: true },
      // The cached first pages of the lists are reached through their public addresses only.
      { source: routes.internal.listIndex('documents'), destination: routes.documents(), permanent: true },
      { source: routes.internal.listIndex('procedures'), destination: routes.procedures(), permanent: true },
      { source: routes.internal.listIndex('questions'), destination: routes.questions(), permanent: true },
      // Any other name there would be a cached 404 per address tried: send it to the uncached one.
      { source: routes.internal.listIndexOther, destination: routes.notFound, permanent: false },
    ];
  },
  async rewrites() {
    return {
      // The home page lives behind a dynamic segment so `next build` never prerenders it (and never
      // opens the database); it is rendered on first request and then served from the ISR cache.
      beforeFiles: [
        { source: routes.home, destination: routes.internal.homeView() },
        // A list whose query names no filter is its cached first page; any filter renders per request.
        ...(['documents', 'procedures', 'questions'] as const).map((list) => ({
          source: { documents: routes.documents(), procedures: routes.procedures(), questions: routes.questions() }[list],
          missing: LIST_QUERY_KEYS[list].map((key) => ({ type: 'query' as const, key })),
          destination: routes.internal.listIndex(list),
        })),
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;

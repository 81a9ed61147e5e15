import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path; bundled, it cannot find them.
  serverExternalPackages: ['@electric-sql/pglite'],
  // Keep prefetch headers visible to proxy.ts so prefetches are never counted as page views.
  skipProxyUrlNormalize: true,
  poweredByHeader: false,
  reactStrictMode: true,
  async redirects() {
    // The home page is rendered by /trang-chu/moi-nhat (see rewrites); that address is not public.
    return [{ source: '/trang-chu/:view*', destination: '/', permanent: true }];
  },
  async rewrites() {
    return {
      // The home page lives behind a dynamic segment so `next build` never prerenders it (and never
      // opens the database); it is rendered on first request and then served from the ISR cache.
      beforeFiles: [{ source: '/', destination: '/trang-chu/moi-nhat' }],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;

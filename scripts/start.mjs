#!/usr/bin/env node
// Starts the production server: builds first when there is no build, then runs `next start` with
// NEXT_MANUAL_SIG_HANDLE=1 so our own SIGTERM handler (instrumentation.ts) can write the pending
// visit counts before the process exits. `next start` runs in this very process, not in a child:
// a second Node process only to pass signals on cost ~45 MB of memory for as long as the server ran.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// A government server must not call out: Next's anonymous usage reports are off for every command
// this script runs (README, "Configuration").
process.env.NEXT_TELEMETRY_DISABLED = '1';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const sourceDirs = ['app', 'components', 'db', 'lib', 'drizzle', 'public'];
const sourceFiles = ['package-lock.json', 'next.config.ts', 'proxy.ts', 'instrumentation.ts', 'auth.ts', 'postcss.config.mjs'];

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when there is no build, or a source file changed after it was made. */
function buildIsStale() {
  const built = mtime(path.join(root, '.next', 'BUILD_ID'));
  if (!built) return true;
  const files = [
    ...sourceFiles.map((f) => path.join(root, f)),
    ...sourceDirs.flatMap((dir) => {
      try {
        return readdirSync(path.join(root, dir), { recursive: true }).map((f) => path.join(root, dir, String(f)));
      } catch {
        return [];
      }
    }),
  ];
  return files.some((file) => mtime(file) > built);
}

if (!process.env.SITE_URL && !process.env.NEXTAUTH_URL) {
  // lib/site-url.ts: without the public address pages carry no canonical or og:url link at all.
  console.warn(
    'Chưa đặt SITE_URL (địa chỉ công khai của cổng, ví dụ https://sonoivu.angiang.gov.vn): các trang sẽ không có liên kết canonical và og:url.',
  );
}

if (buildIsStale()) {
  console.log('Bản build chưa có hoặc đã cũ: đang chạy `next build` (khoảng 1 phút)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Compression and ETags: each cached page compressed, turned into bytes and tagged once, not on
// every request (server/http-compression.mjs). Next's own per-request compression and ETags are
// then off (next.config.ts). HTTP_COMPRESSION=off, for a reverse proxy that compresses
// (deploy/nginx): nothing compressed here.
const { installHttpCompression } = await import('../server/http-compression.mjs');
installHttpCompression({ compress: process.env.HTTP_COMPRESSION !== 'off' });
process.env.PORTAL_HTTP_BY_START_SCRIPT = '1';

const port = process.env.PORT ?? '3000';
process.env.NEXT_MANUAL_SIG_HANDLE = '1';
process.env.NODE_ENV = 'production';
process.chdir(root);
// Next's command line reads its arguments from process.argv.
process.argv = [process.execPath, nextBin, 'start', '-p', port, ...process.argv.slice(2)];
await import(pathToFileURL(nextBin).href);

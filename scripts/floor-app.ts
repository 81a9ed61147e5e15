/**
 * The framework's floor, for `npm run lighthouse` and `npm run bench`: a minimal Next ISR app with
 * one page that renders the seed article's HTML as the portal serves it, with the portal's
 * stylesheet and no client component. Whatever the portal costs above it is ours to explain.
 *
 * The 'proxy' variant adds a proxy (proxy.js) that does nothing (`NextResponse.next()`) on the
 * portal's own matcher: what Next's proxy costs by itself, apart from anything ours does in it.
 *
 * Each variant is written into a temporary folder (removed afterwards), never committed as a second
 * app, with a link to this repository's node_modules: the same next and react as the portal. Not
 * inside the repository: Next would take the portal's instrumentation.ts and proxy.ts into it.
 */
import { type ChildProcess, type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FLOOR_ARTICLE_PATH = '/tin-tuc/bai-viet';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

export const FLOOR_VARIANTS = ['plain', 'proxy'] as const;
export type FloorVariant = (typeof FLOOR_VARIANTS)[number];
const floorDir = (variant: FloorVariant) => path.join(os.tmpdir(), `portal-floor-${variant}-${process.pid}`);

/** The portal's proxy matcher, copied from proxy.ts as written (Next reads it from the source). */
function portalProxyMatcher(): string {
  // One line, as written there (its patterns hold brackets of their own).
  const matcher = /^\s*matcher:\s*(\[.*\]),?\s*$/m.exec(fs.readFileSync(path.join(root, 'proxy.ts'), 'utf8'))?.[1];
  if (!matcher) throw new Error('Không thấy matcher trong proxy.ts');
  return matcher;
}

/** The portal's rendered article: its <main> element and its stylesheets' text. */
async function portalArticle(portalUrl: string): Promise<{ main: string; css: string; title: string }> {
  const html = await (await fetch(portalUrl, { headers: { 'user-agent': 'perf-floor' } })).text();
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0];
  if (!main) throw new Error('Không thấy <main> trong trang bài viết');
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? 'Bài viết';
  const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const css = (await Promise.all(sheets.map(async (href) => (await fetch(new URL(href, portalUrl))).text()))).join('\n');
  return { main, css, title };
}

/** Writes and builds the floor app, each of `variants`, from the portal's article at `portalArticleUrl`. */
export async function buildFloorApp(portalArticleUrl: string, variants: readonly FloorVariant[] = ['plain']): Promise<void> {
  const article = await portalArticle(portalArticleUrl);
  for (const variant of variants) buildVariant(article, variant);
}

function buildVariant({ main, css, title }: { main: string; css: string; title: string }, variant: FloorVariant): void {
  const dir = floorDir(variant);
  fs.rmSync(dir, { recursive: true, force: true });
  const page = path.join(dir, 'app', 'tin-tuc', '[slug]');
  fs.mkdirSync(page, { recursive: true });
  const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (variant === 'proxy') {
    write(
      'proxy.js',
      `import { NextResponse } from 'next/server';
export function proxy() { return NextResponse.next(); }
export const config = { matcher: ${portalProxyMatcher()} };
`,
    );
  }
  write('package.json', JSON.stringify({ private: true, type: 'module' }));
  // Turbopack's root must hold the files it compiles, node_modules' real path included.
  write('next.config.mjs', 'export default { poweredByHeader: false, turbopack: { root: "/" } };\n');
  write('app/globals.css', css);
  write('app/article.json', JSON.stringify({ main, title }));
  write(
    'app/layout.jsx',
    `import './globals.css';
export const metadata = { title: ${JSON.stringify(title)}, description: 'floor' };
export default function RootLayout({ children }) {
  return <html lang="vi"><body>{children}</body></html>;
}
`,
  );
  write(
    'app/tin-tuc/[slug]/page.jsx',
    `import article from '../../article.json';
export const revalidate = 31536000;
export async function generateStaticParams() { return []; }
export default async function Page({ params }) {
  await params;
  return <div dangerouslySetInnerHTML={{ __html: article.main }} />;
}
`,
  );
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('next build của trang tối thiểu thất bại');
}

/** `next start` of the floor app; `pinCpu` runs it under taskset like the portal's server. */
export function startFloorApp(port: number, pinCpu?: string, variant: FloorVariant = 'plain'): ChildProcess {
  const args = [nextBin, 'start', '-p', String(port)];
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const };
  const options: SpawnOptions = { cwd: floorDir(variant), env, stdio: ['ignore', 'ignore', 'inherit'] };
  return pinCpu ? spawn('taskset', ['-c', pinCpu, process.execPath, ...args], options) : spawn(process.execPath, args, options);
}

/** Removes every variant built. */
export function removeFloorApp(): void {
  for (const variant of FLOOR_VARIANTS) fs.rmSync(floorDir(variant), { recursive: true, force: true });
}

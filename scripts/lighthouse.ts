/**
 * `npm run lighthouse`: Lighthouse mobile (its default throttling) on the public pages of a
 * production build, against the framework's floor (scripts/floor-app.ts), in one run. A
 * measurement, not a test: it prints medians and exits 0 whatever the scores.
 *
 * Builds (unless --no-build), starts the portal on a fresh PGlite folder and the floor app, then
 * runs Lighthouse --runs times (default 3) on each page, pages interleaved within each round so
 * the shared machine's drift does not favour one page. Sections that do not exist yet (their
 * address answers 404) are left out. Needs Chromium: CHROME_PATH, default /usr/bin/chromium.
 *
 * Options: --no-build  --runs=3  --port=3711  --floor-port=3712
 *          --reports=DIR (keeps each run's Lighthouse JSON there, to read its main-thread breakdown)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFloorApp, FLOOR_ARTICLE_PATH, removeFloorApp, startFloorApp } from './floor-app';

const SEED_ARTICLE =
  '/tin-tuc/hoi-nghi-so-ket-giao-uoc-thi-dua-6-thang-dau-nam-va-trien-khai-nhiem-vu-6-thang-cuoi-nam-2018-cac-tinh-tay-nam-bo';
const CANDIDATES = [
  { name: 'Trang chủ', path: '/' },
  { name: 'Chuyên mục', path: '/chuyen-muc/thi-dua-khen-thuong' },
  { name: 'Bài viết', path: SEED_ARTICLE },
  { name: 'Văn bản', path: '/van-ban' },
  { name: 'Tìm kiếm', path: '/tim-kiem?q=thi%20dua' },
  { name: 'Hỏi đáp', path: '/hoi-dap' },
];

const root = path.resolve(import.meta.dirname, '..');
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key!, value ?? 'true'] as const;
  }),
);
const runs = Number(args.get('runs') ?? 3);
const port = Number(args.get('port') ?? 3711);
const floorPort = Number(args.get('floor-port') ?? 3712);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Report = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; numericValue?: number; details?: { items?: Record<string, unknown>[] } }>;
};
type Sample = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  tbt: number;
  lcp: number;
  cls: number;
  jsKiB: number;
  consoleErrors: number;
  legacyJsKiB: number;
  bfcache: boolean;
};

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`Máy chủ đã dừng (mã ${child.exitCode})`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  throw new Error(`${url} không trả lời`);
}

const reportsDir = args.get('reports');

function lighthouse(url: string, name: string, run: number): Sample {
  const out = path.join(os.tmpdir(), `portal-lighthouse-${process.pid}.json`);
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'),
      url,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
    ],
    { env: { ...process.env, CHROME_PATH: chromePath }, encoding: 'utf8' },
  );
  if (!fs.existsSync(out)) throw new Error(`Lighthouse không chạy được: ${result.stderr}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
  if (reportsDir) {
    fs.mkdirSync(reportsDir, { recursive: true });
    fs.copyFileSync(out, path.join(reportsDir, `${name.replace(/[^\p{L}\p{N}]+/gu, '-')}-${run}.json`));
  }
  fs.rmSync(out, { force: true });
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  const items = (id: string) => report.audits[id]?.details?.items ?? [];
  const scripts = items('resource-summary').find((item) => item.resourceType === 'script');
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    tbt: numeric('total-blocking-time'),
    lcp: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    jsKiB: Number(scripts?.transferSize ?? 0) / 1024,
    consoleErrors: items('errors-in-console').length,
    legacyJsKiB: items('legacy-javascript').reduce((sum, item) => sum + Number(item.wastedBytes ?? 0), 0) / 1024,
    bfcache: report.audits['bf-cache']?.score === 1,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function printTable(rows: { name: string; samples: Sample[] }[]): void {
  const header = ['trang', 'perf', 'a11y', 'BP', 'SEO', 'TBT ms', 'LCP ms', 'CLS', 'JS KiB', 'lỗi console', 'JS cũ KiB', 'bfcache'];
  const lines = rows.map(({ name, samples }) => {
    const m = (key: keyof Sample) => median(samples.map((s) => Number(s[key])));
    return [
      name,
      m('performance'),
      m('accessibility'),
      m('bestPractices'),
      m('seo'),
      Math.round(m('tbt')),
      Math.round(m('lcp')),
      m('cls').toFixed(3),
      m('jsKiB').toFixed(1),
      m('consoleErrors'),
      m('legacyJsKiB').toFixed(1),
      samples.every((s) => s.bfcache) ? 'có' : 'không',
    ].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(row(header));
  console.log(row(widths.map((w) => '-'.repeat(w))));
  for (const line of lines) console.log(row(line));
}

async function main(): Promise<void> {
  if (!args.has('no-build')) {
    console.log('Đang build (next build)…');
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error('next build thất bại');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-lighthouse-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  const children: ChildProcess[] = [];
  try {
    const portal = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(portal);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/suc-khoe`, portal);
    console.log('Đang build trang tối thiểu (Next ISR, cùng HTML bài viết, không có mã phía trình duyệt)…');
    await buildFloorApp(`${base}${SEED_ARTICLE}`);
    const floor = startFloorApp(floorPort);
    children.push(floor);
    const floorUrl = `http://127.0.0.1:${floorPort}${FLOOR_ARTICLE_PATH}`;
    await waitFor(floorUrl, floor);

    const pages: { name: string; url: string }[] = [];
    for (const candidate of CANDIDATES) {
      const url = `${base}${candidate.path}`;
      // A first request renders the page into the ISR cache, so every run measures the cached page.
      const status = (await fetch(url)).status;
      if (status === 200) pages.push({ name: candidate.name, url });
      else console.log(`  ${candidate.name} (${candidate.path}): ${status}, bỏ qua`);
    }
    await fetch(floorUrl);
    pages.push({ name: 'Trang tối thiểu (sàn)', url: floorUrl });

    const samples = new Map(pages.map((page) => [page.name, [] as Sample[]]));
    for (let run = 1; run <= runs; run++) {
      for (const page of run % 2 ? pages : [...pages].reverse()) {
        const sample = lighthouse(page.url, page.name, run);
        samples.get(page.name)!.push(sample);
        console.log(
          `  lần ${run} ${page.name}: hiệu năng ${sample.performance}, TBT ${Math.round(sample.tbt)} ms, LCP ${Math.round(sample.lcp)} ms`,
        );
      }
    }
    console.log(`\nLighthouse ${runs} lần mỗi trang, di động (mặc định), trung vị:`);
    printTable(pages.map((page) => ({ name: page.name, samples: samples.get(page.name)! })));
  } finally {
    for (const child of children) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(15_000)]);
      }
    }
    removeFloorApp();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

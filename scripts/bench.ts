/**
 * `npm run bench`: what visit counting costs a cached article page, and whether it counts right.
 *
 * Builds (unless --no-build), starts two production servers from the same build, one with
 * VISIT_COUNTING=off, each on its own temporary PGlite data folder, and loads them in
 * interleaved rounds (runs vary ±20 % on these machines, so only a ratio from one run means
 * anything). With wrk installed, servers are pinned to CPU 0 and wrk to CPU 1 so the load
 * generator does not steal the server's core; otherwise autocannon runs in this process.
 * Then (PGlite run only) the counting server against the framework's floor (scripts/floor-app.ts:
 * a minimal Next ISR page with the same article HTML) and against the floor with a proxy that does
 * nothing (what Next's proxy costs by itself), interleaved, with and without
 * `Accept-Encoding: gzip, br`; and the p99 of each at a steady open-loop 100 requests/s.
 * Finally it sends a known number of page views to the counting server and prints counted vs sent.
 *
 * Options: --no-build  --rounds=5  --duration=10  --connections=16  --requests=2000  --visitors=200
 *          --port=3101  --floor-rounds=3  --rate=100  --rate-duration=20
 *          --database=pglite|postgres (postgres: a fresh database per server on TEST_POSTGRES_URL's server)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createVisitorCookieValue, deriveVisitorCookieKey } from '@/server/visits/cookie';
import { buildFloorApp, FLOOR_ARTICLE_PATH, FLOOR_VARIANTS, removeFloorApp, startFloorApp } from './floor-app';

const ARTICLE =
  '/tin-tuc/hoi-nghi-so-ket-giao-uoc-thi-dua-6-thang-dau-nam-va-trien-khai-nhiem-vu-6-thang-cuoi-nam-2018-cac-tinh-tay-nam-bo';
const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const SECRET = 'bench-secret-not-for-production';
const WRK = '/usr/bin/wrk';

/** The part of autocannon's API used here; it ships no types and @types would touch package.json. */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; headers: Record<string, string> }[];
}) => Promise<{ non2xx: number; requests: { average: number; total: number }; latency: { p99: number } }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = path.resolve(import.meta.dirname, '..');
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key!, value ?? 'true'] as const;
  }),
);
const option = (name: string, fallback: number) => Number(args.get(name) ?? fallback);
const rounds = option('rounds', 5);
const duration = option('duration', 10);
const connections = option('connections', 16);
const requestCount = option('requests', 2000);
const visitorCount = option('visitors', 200);
/** The counting server's port; the baseline takes the next one and the two floor apps the two after. */
const basePort = option('port', 3101);
const database = args.get('database') === 'postgres' ? 'postgres' : 'pglite';
const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pin = fs.existsSync(WRK) && fs.existsSync('/usr/bin/taskset') && os.cpus().length >= 2;

const cookieKey = deriveVisitorCookieKey(SECRET);
/** Returning visitors, as most real traffic is: signed cookies the servers accept. */
const cookies = Array.from({ length: 1000 }, () => `vid=${createVisitorCookieValue(cookieKey)}`);

type Server = { name: string; port: number; child: ChildProcess; dataDir: string; databaseUrl?: string };

async function createPostgresDatabase(name: string): Promise<string> {
  const { default: postgres } = await import('postgres');
  const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropPostgresDatabase(url: string): Promise<void> {
  const { default: postgres } = await import('postgres');
  const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await admin.end();
}
type Result = { rps: number; p99: number; requests: number; cpuUsPerRequest?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function build(): void {
  console.log('Đang build (next build)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build thất bại');
}

async function startServer(name: string, port: number, counting: boolean): Promise<Server> {
  // A server left on this port (another bench still running) would answer in this one's place.
  const busy = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`Cổng ${port} đang có máy chủ khác chạy: hãy dừng nó (hoặc đợi lần đo trước xong) rồi chạy lại.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-bench-${name}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    AUTH_SECRET: SECRET,
    VISIT_COUNTING: counting ? 'on' : 'off',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // Each server gets a database of its own: a PGlite folder (one process per folder) or a fresh
  // PostgreSQL database.
  delete env.DATABASE_URL;
  if (database === 'postgres') env.DATABASE_URL = await createPostgresDatabase(`portal_bench_${name.replace(/-/g, '_')}_${Date.now()}`);
  const command = pin ? 'taskset' : process.execPath;
  const commandArgs = [...(pin ? ['-c', '0', process.execPath] : []), path.join(root, 'scripts/start.mjs')];
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const server: Server = { name, port, child, dataDir, databaseUrl: env.DATABASE_URL };
  for (let i = 0; i < 240; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/thong-ke-truy-cap`);
      if (response.ok) {
        // Renders the article once so the rounds measure the cached page.
        for (let j = 0; j < 3; j++)
          await (await fetch(`http://127.0.0.1:${port}${ARTICLE}`, { headers: { 'user-agent': BROWSER_UA } })).text();
        return server;
      }
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) throw new Error(`Máy chủ ${name} đã dừng (mã ${child.exitCode})`);
    await sleep(500);
  }
  throw new Error(`Máy chủ ${name} không khởi động được`);
}

async function stopServer(server: Server): Promise<number | null> {
  if (server.child.exitCode === null) {
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(20_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') server.child.kill('SIGKILL');
  }
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  if (server.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
  return server.child.exitCode;
}

function runWrk(port: number, urlPath = ARTICLE, extraHeaders: Record<string, string> = {}): Result {
  const script = path.join(os.tmpdir(), 'portal-bench-cookies.lua');
  fs.writeFileSync(
    script,
    `local cookies = {${cookies.map((c) => JSON.stringify(c)).join(',')}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", nil, { ${Object.entries(extraHeaders)
    .map(([k, v]) => `[${JSON.stringify(k)}] = ${JSON.stringify(v)}, `)
    .join('')}["User-Agent"] = ${JSON.stringify(BROWSER_UA)}, ["Cookie"] = cookies[(i % #cookies) + 1] })
end
`,
  );
  const result = spawnSync(
    'taskset',
    ['-c', '1', WRK, '-t1', `-c${connections}`, `-d${duration}s`, '--latency', '-s', script, `http://127.0.0.1:${port}${urlPath}`],
    { encoding: 'utf8' },
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(result.stdout)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(result.stdout)?.[1]);
  const p99Match = /\s99%\s+([\d.]+)(us|ms|s)/.exec(result.stdout);
  const unit = { us: 0.001, ms: 1, s: 1000 }[p99Match?.[2] as 'us' | 'ms' | 's'] ?? NaN;
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(result.stdout);
  if (non2xx) console.warn(`  cảnh báo: ${non2xx[1]} phản hồi không phải 2xx/3xx`);
  return { rps, p99: Number(p99Match?.[1]) * unit, requests };
}

/**
 * CPU time (user + system, all threads) the Next server process has used, in µs: per request it is
 * far steadier than req/s on a shared machine, where another tenant can take the core mid-round.
 * The server is the child of scripts/start.mjs. Null where /proc is missing.
 */
function serverCpuUs(server: Server): number | null {
  return server.child.pid === undefined ? null : treeCpuUs(server.child.pid);
}

/** CPU time (µs) of a process's descendants, and of the process itself when `self`. */
function treeCpuUs(pid: number, self = true): number | null {
  try {
    let total = 0;
    if (self) {
      // Fields 14 and 15 (utime, stime) follow the command name, which ends at the last ')'.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_S;
    }
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const child of children) total += treeCpuUs(Number(child)) ?? 0;
    return total;
  } catch {
    return null;
  }
}
const CLOCK_TICKS_PER_S = 100;

async function runAutocannon(port: number, urlPath = ARTICLE, extraHeaders: Record<string, string> = {}): Promise<Result> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${urlPath}`,
    connections,
    duration,
    requests: cookies.slice(0, 200).map((cookie) => ({ method: 'GET', headers: { ...extraHeaders, 'user-agent': BROWSER_UA, cookie } })),
  });
  if (result.non2xx > 0) console.warn(`  cảnh báo: ${result.non2xx} phản hồi không phải 2xx`);
  return { rps: result.requests.average, p99: result.latency.p99, requests: result.requests.total };
}

type Stats = { totalPageViews: number; totalVisits: number; todayVisits: number };

async function settledStats(port: number): Promise<Stats> {
  // A flush every 2 s and a 2 s cache on the route: read until two reads 2.5 s apart agree.
  let previous: Stats | null = null;
  for (let i = 0; i < 20; i++) {
    await sleep(2500);
    const stats = (await (await fetch(`http://127.0.0.1:${port}/api/thong-ke-truy-cap`)).json()) as Stats;
    if (previous && previous.totalPageViews === stats.totalPageViews && previous.totalVisits === stats.totalVisits) return stats;
    previous = stats;
  }
  return previous!;
}

async function sendPageViews(port: number): Promise<{ visitors: number }> {
  const visitors = Array.from({ length: visitorCount }, () => `vid=${createVisitorCookieValue(cookieKey)}`);
  let next = 0;
  const worker = async () => {
    while (next < requestCount) {
      const n = next++;
      const response = await fetch(`http://127.0.0.1:${port}${ARTICLE}`, {
        headers: { 'user-agent': BROWSER_UA, cookie: visitors[n % visitors.length]! },
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`Trả về ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { visitors: visitors.length };
}

const format = (n: number, digits = 0) => n.toLocaleString('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const GZIP_BR = { 'Accept-Encoding': 'gzip, br' };

/**
 * The portal's cached article against the framework's floor, in interleaved rounds, without and
 * with the Accept-Encoding browsers send (Next then compresses every response again).
 */
async function compareWithFloor(portal: Server): Promise<void> {
  console.log('Đang build trang tối thiểu (Next ISR, cùng HTML bài viết), có và không có proxy rỗng…');
  const articleUrl = `http://127.0.0.1:${portal.port}${ARTICLE}`;
  await buildFloorApp(articleUrl, FLOOR_VARIANTS);
  const floors = FLOOR_VARIANTS.map((variant, i) => {
    const port = basePort + 2 + i;
    return { variant, port, child: startFloorApp(port, pin ? '0' : undefined, variant) };
  });
  try {
    for (const { port } of floors) {
      for (
        let i = 0;
        i < 120 &&
        (await fetch(`http://127.0.0.1:${port}${FLOOR_ARTICLE_PATH}`).then(
          (r) => r.status,
          () => 0,
        )) !== 200;
        i++
      )
        await sleep(500);
    }
    const sides = [
      { name: 'bài viết', port: portal.port, path: ARTICLE, cpu: () => serverCpuUs(portal) },
      ...floors.map(({ variant, port, child }) => ({
        name: variant === 'plain' ? 'tối thiểu' : 'tối thiểu + proxy rỗng',
        port,
        path: FLOOR_ARTICLE_PATH,
        cpu: () => (child.pid === undefined ? null : treeCpuUs(child.pid)),
      })),
    ];
    for (const side of sides) {
      const plain = await (
        await fetch(`http://127.0.0.1:${side.port}${side.path}`, { headers: { 'user-agent': BROWSER_UA } })
      ).arrayBuffer();
      const gz = await fetch(`http://127.0.0.1:${side.port}${side.path}`, { headers: { 'user-agent': BROWSER_UA, ...GZIP_BR } });
      await gz.arrayBuffer();
      const sent = gz.headers.get('content-length');
      console.log(
        `  ${side.name}: ${format(plain.byteLength / 1000, 1)} kB HTML, ${gz.headers.get('content-encoding') ?? 'không nén'}${sent ? ` ${format(Number(sent) / 1000, 1)} kB` : ''}`,
      );
    }
    const floorRounds = option('floor-rounds', 3);
    const cpu: Record<string, number[]> = {};
    const rps: Record<string, number[]> = {};
    for (let round = 1; round <= floorRounds; round++) {
      for (const [mode, headers] of [
        ['không nén', {}],
        ['gzip, br', GZIP_BR],
      ] as const) {
        for (const side of round % 2 ? sides : [...sides].reverse()) {
          await sleep(2000);
          const key = `${side.name} (${mode})`;
          const before = side.cpu();
          const result = pin ? runWrk(side.port, side.path, headers) : await runAutocannon(side.port, side.path, headers);
          const after = side.cpu();
          (rps[key] ??= []).push(result.rps);
          if (before !== null && after !== null && result.requests > 0) (cpu[key] ??= []).push((after - before) / result.requests);
          console.log(
            `  lượt ${round} ${key}: ${format(result.rps)} req/s, CPU ${format(((after ?? 0) - (before ?? 0)) / result.requests)} µs/yêu cầu`,
          );
        }
      }
    }
    for (const mode of ['không nén', 'gzip, br']) {
      const a = `bài viết (${mode})`;
      const b = `tối thiểu (${mode})`;
      const p = `tối thiểu + proxy rỗng (${mode})`;
      if (!cpu[a] || !cpu[b] || !cpu[p]) continue;
      const [article, floor, proxyFloor] = [median(cpu[a]), median(cpu[b]), median(cpu[p])];
      console.log(
        `${mode}: bài viết ${format(article)} µs/yêu cầu, ${format(median(rps[a]!))} req/s; tối thiểu ${format(floor)} µs/yêu cầu, ${format(median(rps[b]!))} req/s; tối thiểu + proxy rỗng ${format(proxyFloor)} µs/yêu cầu, ${format(median(rps[p]!))} req/s`,
      );
      console.log(
        `  CPU bài viết/tối thiểu ${(article / floor).toFixed(2)} (mục tiêu ≤ 1,3); proxy rỗng/tối thiểu ${(proxyFloor / floor).toFixed(2)} (riêng proxy của Next); bài viết/proxy rỗng ${(article / proxyFloor).toFixed(2)}`,
      );
    }
    const rate = option('rate', 100);
    const rateDuration = option('rate-duration', 20);
    for (const side of sides) {
      await sleep(2000);
      const { p99, failures } = await openLoopP99(side.port, side.path, rate, rateDuration);
      const failed = failures ? `, ${format(failures)} yêu cầu lỗi` : '';
      console.log(
        `p99 ở ${rate} yêu cầu/s đều (vòng hở, gzip, br, khách thật), ${side.name}: ${format(p99, 1)} ms${failed}${side.name === 'bài viết' ? ' (mục tiêu ≤ 50)' : ''}`,
      );
    }
  } finally {
    for (const { child } of floors) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
    }
    removeFloorApp();
  }
}

/**
 * An open-loop load: requests start on an even schedule whatever the server does, and each
 * latency is measured from when its request was due, so a stall counts against every request it
 * delays (no coordinated omission). Each request is a returning visitor's page view.
 */
async function openLoopP99(port: number, urlPath: string, rate: number, seconds: number): Promise<{ p99: number; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = rate * seconds;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      fetch(`http://127.0.0.1:${port}${urlPath}`, {
        headers: { 'user-agent': BROWSER_UA, cookie: cookies[i % cookies.length]!, ...GZIP_BR },
      })
        .then((response) => response.arrayBuffer())
        .then(
          () => {
            latencies.push(performance.now() - due);
          },
          () => {
            // A refused or timed-out request counts at the time it failed, and is reported.
            failures++;
            latencies.push(performance.now() - due);
          },
        ),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return { p99: latencies[Math.floor(latencies.length * 0.99)]!, failures };
}

async function main(): Promise<void> {
  if (args.get('build') !== 'false' && !args.has('no-build')) build();
  const servers: Server[] = [];
  try {
    const on = await startServer('dem-bat', basePort, true);
    servers.push(on);
    const off = await startServer('dem-tat', basePort + 1, false);
    servers.push(off);
    console.log(
      `Cơ sở dữ liệu: ${database === 'postgres' ? 'PostgreSQL' : 'PGlite'}. Tải: ${pin ? `wrk (máy chủ trên CPU 0, wrk trên CPU 1)` : 'autocannon'}, ${connections} kết nối, ${duration} s mỗi lượt, ${rounds} lượt xen kẽ.`,
    );

    const load = (port: number) => (pin ? Promise.resolve(runWrk(port)) : runAutocannon(port));
    await load(on.port);
    await load(off.port);
    const results: Record<'on' | 'off', Result[]> = { on: [], off: [] };
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first so drift over the run does not favour one side.
      const order = round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const);
      for (const side of order) {
        // Let the counting server write the previous round's batch before anything is measured.
        await sleep(3000);
        const server = side === 'on' ? on : off;
        const cpuBefore = serverCpuUs(server);
        const result = await load(server.port);
        const cpuAfter = serverCpuUs(server);
        if (cpuBefore !== null && cpuAfter !== null && result.requests > 0)
          result.cpuUsPerRequest = (cpuAfter - cpuBefore) / result.requests;
        results[side].push(result);
        const cpu = result.cpuUsPerRequest === undefined ? '' : `, CPU máy chủ ${format(result.cpuUsPerRequest)} µs/yêu cầu`;
        console.log(
          `  lượt ${round} đếm ${side === 'on' ? 'bật' : 'tắt'}: ${format(result.rps)} req/s, p99 ${format(result.p99, 1)} ms${cpu}`,
        );
      }
    }
    const onRps = median(results.on.map((r) => r.rps));
    const offRps = median(results.off.map((r) => r.rps));
    console.log(`Trung vị, đếm bật: ${format(onRps)} req/s, p99 ${format(median(results.on.map((r) => r.p99)), 1)} ms`);
    console.log(`Trung vị, đếm tắt: ${format(offRps)} req/s, p99 ${format(median(results.off.map((r) => r.p99)), 1)} ms`);
    console.log(`Tỉ lệ bật/tắt: ${(onRps / offRps).toFixed(3)} (mục tiêu ≥ 0,95)`);
    const cpuOn = results.on.map((r) => r.cpuUsPerRequest).filter((n) => n !== undefined);
    const cpuOff = results.off.map((r) => r.cpuUsPerRequest).filter((n) => n !== undefined);
    if (cpuOn.length && cpuOff.length) {
      // The same ratio from the server's CPU time per request: what throughput would be on a core of its own.
      console.log(
        `CPU máy chủ mỗi yêu cầu (trung vị): bật ${format(median(cpuOn))} µs, tắt ${format(median(cpuOff))} µs; tỉ lệ tắt/bật ${(median(cpuOff) / median(cpuOn)).toFixed(3)}`,
      );
    }

    if (database === 'pglite' && !args.has('no-floor')) await compareWithFloor(on);

    const before = await settledStats(on.port);
    const { visitors } = await sendPageViews(on.port);
    const after = await settledStats(on.port);
    const counted = after.totalPageViews - before.totalPageViews;
    const visits = after.totalVisits - before.totalVisits;
    console.log(`Lượt xem: đã gửi ${format(requestCount)}, đã đếm ${format(counted)}${counted === requestCount ? ' ✓' : ' ✗'}`);
    console.log(`Lượt truy cập: ${format(visitors)} khách mới, đã đếm ${format(visits)}${visits === visitors ? ' ✓' : ' ✗'}`);
    process.exitCode = counted === requestCount && visits === visitors ? 0 : 1;
  } finally {
    for (const server of servers) {
      const code = await stopServer(server);
      if (code !== 0) console.warn(`Máy chủ ${server.name} dừng với mã ${code}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

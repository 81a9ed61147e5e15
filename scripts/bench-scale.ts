/**
 * `npm run bench:scale` (part of `npm run bench`): one instance against two, both behind nginx
 * configured from deploy/nginx/portal.conf, on one PostgreSQL database and one Redis.
 *
 * Starts a Redis of its own on a free port, two production instances from the current build
 * (built first unless --no-build), and two nginx processes: one sending everything to instance A,
 * one balancing A and B. Then, in interleaved rounds (runs vary ±20 % on these machines: only a
 * ratio from one run means anything), it loads the cached article page as returning visitors:
 * - as fast as it goes (wrk when installed, else autocannon): requests/s, and the ratio two/one;
 * - at a fixed 500 requests/s (autocannon's overall rate): p99 latency.
 *
 * Options: --no-build  --rounds=3  --duration=10  --connections=32  --rate=500
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createVisitorCookieValue, deriveVisitorCookieKey } from '@/server/visits/cookie';
import { type AppServer, BROWSER_AGENT, startAppServer } from '../tests/helpers/app-server';
import { createPostgresDatabase } from '../tests/helpers/databases';
import { type OwnNginx, startOwnNginx, startOwnRedis } from '../tests/helpers/scale';

const ARTICLE =
  '/tin-tuc/hoi-nghi-so-ket-giao-uoc-thi-dua-6-thang-dau-nam-va-trien-khai-nhiem-vu-6-thang-cuoi-nam-2018-cac-tinh-tay-nam-bo';
const SECRET = 'bench-scale-secret-not-for-production';
const WRK = '/usr/bin/wrk';

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  requests: { method: string; headers: Record<string, string> }[];
}) => Promise<{ non2xx: number; errors: number; requests: { average: number; total: number }; latency: { p99: number } }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = path.resolve(import.meta.dirname, '..');
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key!, value ?? 'true'] as const;
  }),
);
const option = (name: string, fallback: number) => Number(args.get(name) ?? fallback);
const rounds = option('rounds', 3);
const duration = option('duration', 10);
const connections = option('connections', 32);
const rate = option('rate', 500);

const cookieKey = deriveVisitorCookieKey(SECRET);
/** Returning visitors, as most of a results day's traffic is: signed cookies every instance accepts. */
const cookies = Array.from({ length: 1000 }, () => `vid=${createVisitorCookieValue(cookieKey)}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const format = (n: number, digits = 0) => n.toLocaleString('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function maxRateWithWrk(url: string): number {
  const script = path.join(os.tmpdir(), 'portal-bench-scale-cookies.lua');
  fs.writeFileSync(
    script,
    `local cookies = {${cookies.map((c) => JSON.stringify(c)).join(',')}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", nil, { ["User-Agent"] = ${JSON.stringify(BROWSER_AGENT)}, ["Cookie"] = cookies[(i % #cookies) + 1] })
end
`,
  );
  const result = spawnSync(WRK, ['-t1', `-c${connections}`, `-d${duration}s`, '-s', script, url], { encoding: 'utf8' });
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(result.stdout);
  if (non2xx) console.warn(`  cảnh báo: ${non2xx[1]} phản hồi không phải 2xx/3xx`);
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(result.stdout)?.[1]);
}

const requests = () => cookies.slice(0, 200).map((cookie) => ({ method: 'GET', headers: { 'user-agent': BROWSER_AGENT, cookie } }));

async function maxRate(url: string): Promise<number> {
  if (fs.existsSync(WRK)) return maxRateWithWrk(url);
  const result = await autocannon({ url, connections, duration, requests: requests() });
  return result.requests.average;
}

async function p99AtFixedRate(url: string): Promise<{ p99: number; failed: number }> {
  const result = await autocannon({ url, connections: 64, duration, overallRate: rate, requests: requests() });
  return { p99: result.latency.p99, failed: result.non2xx + result.errors };
}

function build(): void {
  console.log('Đang build (next build)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build thất bại');
}

async function main(): Promise<void> {
  if (!args.has('no-build')) build();
  const database = await createPostgresDatabase();
  const redis = await startOwnRedis();
  const instances: AppServer[] = [];
  const proxies: OwnNginx[] = [];
  try {
    const env = { DATABASE_URL: database.url!, REDIS_URL: redis.url, AUTH_SECRET: SECRET, TRUSTED_PROXIES: '127.0.0.1' };
    instances.push(await startAppServer(env));
    instances.push(await startAppServer(env));
    const ports = instances.map((server) => Number(new URL(server.url).port));
    const one = await startOwnNginx([ports[0]!]);
    proxies.push(one);
    const two = await startOwnNginx(ports);
    proxies.push(two);
    // Rendered once into Redis; warm both instances and both proxies.
    for (const proxy of [one, two, two]) await (await fetch(`${proxy.url}${ARTICLE}`, { headers: { 'user-agent': 'curl/8.5.0' } })).text();

    console.log(
      `Qua nginx (deploy/nginx/portal.conf), PostgreSQL + Redis, ${os.cpus().length} lõi. Tải tối đa: ${fs.existsSync(WRK) ? 'wrk' : 'autocannon'}, ${connections} kết nối, ${duration} s; độ trễ p99 ở ${rate} yêu cầu/s cố định (autocannon); ${rounds} lượt xen kẽ.`,
    );
    const sides = { one, two } as const;
    const results = { one: { rps: [] as number[], p99: [] as number[] }, two: { rps: [] as number[], p99: [] as number[] } };
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? (['one', 'two'] as const) : (['two', 'one'] as const);
      for (const side of order) {
        // Let the instances write the previous round's page views before anything is measured.
        await sleep(3000);
        const url = `${sides[side].url}${ARTICLE}`;
        const rps = await maxRate(url);
        await sleep(2000);
        const fixed = await p99AtFixedRate(url);
        results[side].rps.push(rps);
        results[side].p99.push(fixed.p99);
        const failed = fixed.failed ? ` (${fixed.failed} lỗi)` : '';
        console.log(
          `  lượt ${round}, ${side === 'one' ? 'một máy' : 'hai máy'}: ${format(rps)} yêu cầu/s; p99 ở ${rate}/s: ${format(fixed.p99, 1)} ms${failed}`,
        );
      }
    }
    const oneRps = median(results.one.rps);
    const twoRps = median(results.two.rps);
    console.log(`Trung vị, một máy: ${format(oneRps)} yêu cầu/s, p99 ở ${rate}/s ${format(median(results.one.p99), 1)} ms`);
    console.log(`Trung vị, hai máy: ${format(twoRps)} yêu cầu/s, p99 ở ${rate}/s ${format(median(results.two.p99), 1)} ms`);
    console.log(`Tỉ lệ hai máy / một máy: ${(twoRps / oneRps).toFixed(2)}`);
  } finally {
    for (const proxy of proxies) await proxy.stop().catch(() => {});
    for (const server of instances) {
      server.process.kill('SIGTERM');
      await Promise.race([server.exited, sleep(20_000)]);
      server.kill();
    }
    await redis.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Pieces of the several-instances setup for process tests and the benchmark: a Redis of the
// test's own (never the machine's on 6379), and nginx run from deploy/nginx/portal.conf as a
// child process on a free port (never the system service).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './app-server';

const root = path.resolve(import.meta.dirname, '../..');

export const NGINX_BIN = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file));
export const REDIS_SERVER_BIN = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => existsSync(file));

async function waitForPort(port: number, child: ChildProcess, output: () => string, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited early:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${port}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function exitOf(child: ChildProcess): Promise<void> {
  return child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

export type OwnRedis = { url: string; port: number; stop: () => Promise<void>; start: () => Promise<void> };

/** A redis-server of our own on a free port, without persistence: stopped and started at will. */
export async function startOwnRedis(): Promise<OwnRedis> {
  if (!REDIS_SERVER_BIN) throw new Error('redis-server is not installed (apt-get install redis-server).');
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';
  const start = async () => {
    child = spawn(REDIS_SERVER_BIN, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await waitForPort(port, child, () => output, 'redis-server');
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = exitOf(child);
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop };
}

export type OwnNginx = { url: string; port: number; stop: () => Promise<void>; errorLog: () => string };

/**
 * nginx with the site configuration of deploy/nginx/portal.conf, its upstream pointed at the
 * given instance ports and its listen address at a free port, in a folder of its own.
 */
export async function startOwnNginx(upstreamPorts: number[]): Promise<OwnNginx> {
  if (!NGINX_BIN) throw new Error('nginx is not installed (apt-get install nginx).');
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub));
  const site = readFileSync(path.join(root, 'deploy', 'nginx', 'portal.conf'), 'utf8');
  const servers = upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n');
  const adapted = site
    .replace(/^ {4}server 127\.0\.0\.1:\d+ [^\n]*\n(?: {4}server 127\.0\.0\.1:\d+ [^\n]*\n)*/m, `${servers}\n`)
    .replace(/^ {4}listen 80;$/m, `    listen 127.0.0.1:${port};`)
    .replace(/^ {4}listen \[::\]:80;\n/m, '');
  if (!adapted.includes(`127.0.0.1:${upstreamPorts[0]}`) || !adapted.includes(`listen 127.0.0.1:${port};`)) {
    throw new Error('deploy/nginx/portal.conf no longer has the upstream and listen lines this test rewrites.');
  }
  writeFileSync(path.join(dir, 'portal.conf'), adapted);
  const isRoot = process.getuid?.() === 0;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      // As root, workers would switch to `nobody`, which cannot use this folder.
      isRoot ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/portal.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const check = spawnSync(NGINX_BIN, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  let output = '';
  const child = spawn(NGINX_BIN, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await waitForPort(port, child, () => output, 'nginx');
  const errorLog = () => {
    try {
      return readFileSync(path.join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    errorLog,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = exitOf(child);
        // SIGQUIT: nginx's graceful stop (its master ends its own workers).
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

#!/usr/bin/env node
// Measures a first start as a newcomer meets it: `git clone` of this repository's HEAD into a
// temporary folder, `npm ci` (with whatever npm cache this machine has), then the README's start
// command (`npm start`) on the embedded database until the first page answers 200. Prints the time
// of each step and the peak RSS of every process of the start command (npm, the start script,
// next-server), summed and apart, sampled every 100 ms until the first page and 20 s after it.
// Usage: node scripts/first-start.mjs [--port=3716]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const port = process.argv.find((a) => a.startsWith('--port='))?.slice(7) ?? '3716';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-clone-'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (user + system, s) last seen for each process of the start command, ended ones included. */
const cpuSeconds = new Map();

/** pid → [rss kB, command] of a process and all its descendants. */
function tree(pid, out = new Map()) {
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 3).join(' ');
    // Fields 14 and 15 (utime, stime, in ticks of 1/100 s) follow the command name, which ends at the last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1).split(' ');
    cpuSeconds.set(pid, (Number(stat[11]) + Number(stat[12])) / 100);
    out.set(pid, [rss, cmd]);
    for (const child of fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean))
      tree(Number(child), out);
  } catch {
    // The process ended between reads.
  }
  return out;
}

const t0 = Date.now();
execFileSync('git', ['clone', '--quiet', root, dir]);
const tClone = Date.now();
execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
const tCi = Date.now();
const env = { ...process.env, PORT: port };
delete env.DATABASE_URL;
const child = spawn('npm', ['start'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
let peakTotal = 0;
const peakByCmd = new Map();
let firstPage = null;
let cpuToFirstPage = 0;
for (;;) {
  const processes = tree(child.pid);
  const total = [...processes.values()].reduce((sum, [rss]) => sum + rss, 0);
  peakTotal = Math.max(peakTotal, total);
  for (const [rss, cmd] of processes.values()) peakByCmd.set(cmd, Math.max(peakByCmd.get(cmd) ?? 0, rss));
  if (firstPage === null) {
    const status = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) {
      firstPage = Date.now();
      cpuToFirstPage = [...cpuSeconds.values()].reduce((sum, s) => sum + s, 0);
    }
  }
  if (firstPage !== null && Date.now() - firstPage > 20_000) break;
  if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
  await sleep(100);
}
const running = tree(child.pid);
// Every process of the tree, not only npm: npm does not always pass SIGTERM on, and a next-server
// left behind would keep the port and the removed clone's files.
const exited = new Promise((resolve) => child.once('exit', resolve));
for (const pid of running.keys()) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}
await exited;
for (let i = 0; i < 200 && [...running.keys()].some((pid) => fs.existsSync(`/proc/${pid}`)); i++) await sleep(100);
fs.rmSync(dir, { recursive: true, force: true });
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `git clone ${s(tClone - t0)}, npm ci ${s(tCi - tClone)}, npm start to the first page ${s(firstPage - tCi)}; clone to first page ${s(firstPage - t0)}`,
);
console.log(
  `CPU time of npm start's processes to the first page: ${cpuToFirstPage.toFixed(1)} s (sampled every 100 ms: a process shorter than that is missed); load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
console.log(`peak RSS of all processes of npm start: ${(peakTotal / 1024).toFixed(0)} MB`);
for (const [cmd, rss] of peakByCmd) console.log(`  ${(rss / 1024).toFixed(0).padStart(5)} MB peak  ${cmd}`);
console.log('still running 20 s after the first page:');
for (const [rss, cmd] of running.values()) console.log(`  ${(rss / 1024).toFixed(0).padStart(5)} MB  ${cmd}`);

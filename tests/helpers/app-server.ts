import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export const BROWSER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export function hasProductionBuild(): boolean {
  return existsSync(path.join(root, '.next', 'BUILD_ID'));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export type AppServer = {
  url: string;
  /** `npm start`'s process: a SIGTERM to it reaches the server, which shuts down in order. */
  process: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
  /** Kills the start script and the Next server it started (its own process group): cleanup. */
  kill: () => void;
};

/** `npm start` (scripts/start.mjs) on a free port with the given environment; resolves once healthy. */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so cleanup can kill the Next server too: killed alone, the
    // start script would leave it running, orphaned, through the rest of the test run.
    detached: true,
  });
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      kill();
      throw new Error(`server exited early:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/suc-khoe`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      kill();
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, process: child, exited, output: () => output, kill };
}

/**
 * A TCP forwarder to PostgreSQL that a test can cut: connections are dropped and new ones refused
 * until it is restored. It stands for a database server that went away, without stopping the
 * shared server other tests use.
 */
export async function createCuttableForwarder(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  const port = await freePort();
  let server: net.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', resolve);
    });
  await listen();
  return {
    port,
    cut: async () => {
      const closing = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const socket of sockets) socket.destroy();
      await closing;
      server = null;
    },
    restore: listen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}

/** A visitor with its own cookie, like one browser. */
export class Visitor {
  private cookie = '';
  constructor(private readonly baseUrl: string) {}

  async open(pathname: string): Promise<number | 'network-error'> {
    try {
      const response = await fetch(`${this.baseUrl}${pathname}`, {
        headers: { 'user-agent': BROWSER_AGENT, ...(this.cookie ? { cookie: this.cookie } : {}) },
        redirect: 'manual',
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) this.cookie = setCookie.split(';')[0]!;
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 'network-error';
    }
  }
}

export type LoadResult = { ok: number; unavailable: number; networkErrors: number; other: number };

/** `concurrency` visitors open pages one after another until `until()` says stop. */
export async function runLoad({
  baseUrl,
  concurrency,
  paths,
  until,
}: {
  baseUrl: string;
  concurrency: number;
  paths: string[];
  until: () => boolean;
}): Promise<LoadResult> {
  const result: LoadResult = { ok: 0, unavailable: 0, networkErrors: 0, other: 0 };
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const visitor = new Visitor(baseUrl);
      for (let i = 0; !until(); i++) {
        const status = await visitor.open(paths[(worker + i) % paths.length]!);
        if (status === 200) result.ok++;
        else if (status === 503) result.unavailable++;
        else if (status === 'network-error') {
          result.networkErrors++;
          // The server is going away (after SIGTERM): do not spin.
          await new Promise((resolve) => setTimeout(resolve, 50));
        } else result.other++;
      }
    }),
  );
  return result;
}

import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema';
import { seedDatabase } from './seed';

/**
 * The one database client. Two drivers behind one drizzle API: postgres.js when DATABASE_URL is
 * set, embedded PGlite in DATA_DIR (default ./data) when it is not.
 *
 * The client lives on globalThis because proxy.ts and the pages are bundled into separate module
 * graphs in one process: both must share one connection pool (and, for PGlite, one instance).
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DbHandle = { db: Db; close: () => Promise<void>; driver: 'postgres' | 'pglite' };
type Handle = DbHandle;

const globalKey = Symbol.for('portal.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Handle> };
const store = globalThis as GlobalWithDb;

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng. ` +
        'Hãy dừng tiến trình đó, hoặc đặt DATA_DIR khác, hoặc dùng DATABASE_URL trỏ tới PostgreSQL.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? path.join(process.cwd(), 'data'));
}

/**
 * PGlite creates a new data folder with a second PostgreSQL instance and an initdb program of its
 * own, each with its WebAssembly memory: ~370 MB that are garbage once the folder exists, but go
 * back to the system only when V8 next collects, which an idle server may not do for a long
 * while (measured on a first start: 835 MB held for 20 s, then 450 MB). Once per new folder, a
 * full collection now. `gc` is not exposed without a flag at start; the flag set at run time
 * exposes it to a new context, as Jest's leak detector does.
 */
function collectInitdbGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  v8.setFlagsFromString('--no-expose-gc');
  gc();
  // Emscripten's closures still reach the closed instance until the open's last promise settles:
  // collect again once it has.
  setTimeout(gc, 1000).unref();
}

function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'drizzle');
}

/**
 * PGlite has no lock between processes: two on one folder silently lose writes. A lock file
 * holding our pid turns that into a clear error; a lock left by a dead process is taken over.
 */
function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'portal.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockPath, 'utf8'));
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new DatabaseLockedError(dir, owner);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPostgres(url: string): Promise<Handle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    // Fail fast when the server is away so callers (the visit flusher) can keep their data and retry.
    connect_timeout: 5,
  });
  const db = drizzle(client, { schema });
  // Several app processes may start together: one migrates and seeds, the others wait.
  const lockClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockClient`select pg_advisory_lock(727274)`;
    await migrate(db, { migrationsFolder: migrationsFolder() });
    await seedDatabase(db);
  } finally {
    await lockClient`select pg_advisory_unlock(727274)`.catch(() => {});
    await lockClient.end({ timeout: 5 });
  }
  return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dir: string | null): Promise<Handle> {
  const release = dir ? acquireDataDirLock(dir) : () => {};
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const created = dir !== null && !fs.existsSync(path.join(dir, 'PG_VERSION'));
    const client = dir ? new PGlite(dir) : new PGlite();
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: migrationsFolder() });
    // Same query builder API as postgres.js; only raw execute() results differ, which we avoid.
    const shared = db as unknown as Db;
    await seedDatabase(shared);
    if (created) collectInitdbGarbage();
    return {
      db: shared,
      driver: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Opens, migrates and seeds a database. The app uses it once through getDb(); tests use it to get
 * their own database: `{ url }` for PostgreSQL, `{ dir }` for PGlite on disk, `{}` for PGlite in memory.
 */
export function openDatabase(target: { url?: string; dir?: string }): Promise<DbHandle> {
  return target.url ? openPostgres(target.url) : openPglite(target.dir ?? null);
}

function open(): Promise<Handle> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(dataDir());
}

async function handle(): Promise<Handle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    throw new Error('next build must not open the database: this page should render at request time.');
  }
  store[globalKey] ??= open().catch((error: unknown) => {
    store[globalKey] = undefined;
    throw error;
  });
  return store[globalKey];
}

/** Makes getDb() return this database: for tests and scripts that open their own. */
export function provideDatabase(handle: DbHandle): void {
  store[globalKey] = Promise.resolve(handle);
}

/** The ready database: migrated and seeded on first use. */
export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

export async function getDriver(): Promise<Handle['driver']> {
  return (await handle()).driver;
}

export async function closeDb(): Promise<void> {
  const pending = store[globalKey];
  store[globalKey] = undefined;
  if (pending) await (await pending).close();
}

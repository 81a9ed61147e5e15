import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '../../db';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** True when the PostgreSQL server for tests answers. CI must have it (see .ci/run). */
export async function postgresAvailable(): Promise<boolean> {
  const sql = postgres(POSTGRES_ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export type TestDatabase = DbHandle & { url?: string; drop: () => Promise<void> };

/** A fresh, migrated and seeded PostgreSQL database of its own, dropped by drop(). */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(POSTGRES_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** A fresh in-memory PGlite database, migrated and seeded. */
export async function createPgliteDatabase(): Promise<TestDatabase> {
  const handle = await openDatabase({});
  return { ...handle, drop: () => handle.close() };
}

/**
 * The two databases every data-layer test runs against. PostgreSQL is required in CI; elsewhere a
 * developer without a server gets a clear skip message instead of a wall of connection errors.
 */
export const databaseKinds = [
  { name: 'PGlite', create: createPgliteDatabase },
  { name: 'PostgreSQL', create: createPostgresDatabase },
] as const;

export async function requirePostgresOrSkip(): Promise<boolean> {
  if (await postgresAvailable()) return true;
  if (process.env.CI) throw new Error(`PostgreSQL is required in CI but ${POSTGRES_ADMIN_URL} does not answer.`);
  console.warn(`[tests] PostgreSQL at ${POSTGRES_ADMIN_URL} does not answer: its tests are skipped. Start it or set TEST_POSTGRES_URL.`);
  return false;
}

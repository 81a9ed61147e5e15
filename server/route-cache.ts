import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/db';
import { getOrCreateSetting } from '@/db/queries/settings';

/** A random id stored in the database itself, so a reset or a switched database is recognised. */
function getDatabaseId(db: Db): Promise<string> {
  return getOrCreateSetting({ db, key: 'database_id', create: randomUUID });
}

/**
 * The ISR pages written at run time (.next/server/route-cache) survive restarts but do not know
 * which database they came from: after the database is reset or switched they would show old
 * content. Called once at server start, before any request is served.
 */
export async function clearRouteCacheIfDatabaseChanged(
  db: Db,
  distDir = path.join(/*turbopackIgnore: true*/ process.cwd(), '.next'),
): Promise<boolean> {
  const databaseId = await getDatabaseId(db);
  // The Redis cache handler (page-cache-handler.mjs) puts it in its keys, for the same reason. With
  // Redis the files here are not this process's cache at all, and a process on the same build
  // without Redis may be serving from them: they are left alone.
  (globalThis as typeof globalThis & Record<symbol, string>)[Symbol.for('portal.database-id')] = databaseId;
  if (process.env.REDIS_URL) return false;
  const marker = path.join(distDir, 'cache', 'portal-database-id');
  const previous = await fs.readFile(marker, 'utf8').catch(() => null);
  if (previous === databaseId) return false;
  await fs.rm(path.join(distDir, 'server', 'route-cache'), { recursive: true, force: true });
  await fs.rm(path.join(distDir, 'cache', 'fetch-cache'), { recursive: true, force: true });
  await fs.mkdir(path.dirname(marker), { recursive: true });
  await fs.writeFile(marker, databaseId);
  return previous !== null;
}

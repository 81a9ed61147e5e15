import 'server-only';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { loginAttempts } from '../schema';

/**
 * Whether any of these keys ("email:…", "client:<hash>") is locked: its last `limit` failures all
 * fell within `windowMs`, and the latest of them less than `windowMs` ago. Refused attempts are not
 * recorded, so a lock ends `windowMs` after the failure that caused it.
 */
export async function isLoginLocked({ keys, limit, windowMs }: { keys: string[]; limit: number; windowMs: number }): Promise<boolean> {
  const db = await getDb();
  for (const key of keys) {
    const rows = await db
      .select({ at: loginAttempts.createdAt })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.key, key), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, sql`now() - make_interval(secs => ${(2 * windowMs) / 1000})`)))
      .orderBy(desc(loginAttempts.createdAt))
      .limit(limit);
    if (rows.length < limit) continue;
    const newest = rows[0]!.at.getTime();
    const oldest = rows[rows.length - 1]!.at.getTime();
    if (newest - oldest <= windowMs && Date.now() - newest < windowMs) return true;
  }
  return false;
}

export async function recordLoginAttempts({ keys, succeeded }: { keys: string[]; succeeded: boolean }): Promise<void> {
  const db = await getDb();
  await db.insert(loginAttempts).values(keys.map((key) => ({ key, succeeded })));
}

/** Attempts older than a day decide nothing any more. */
export async function pruneLoginAttempts(): Promise<void> {
  const db = await getDb();
  await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, sql`now() - interval '1 day'`));
}

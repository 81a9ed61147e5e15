import 'server-only';
import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../index';
import { loginAttempts } from '../schema';

/**
 * Whether any of these keys ("email:…", "client:<hash>") is locked: its last `limit` failures all
 * fell within `windowMs`, and the latest of them less than `windowMs` ago. Refused attempts are not
 * recorded, so a lock ends `windowMs` after the failure that caused it.
 */
export async function isLoginLocked({
  db,
  keys,
  limit,
  windowMs,
}: {
  db?: Db | Tx;
  keys: string[];
  limit: number;
  windowMs: number;
}): Promise<boolean> {
  const conn = db ?? (await getDb());
  for (const key of keys) {
    const rows = await conn
      .select({ at: loginAttempts.createdAt })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.key, key),
          eq(loginAttempts.succeeded, false),
          gt(loginAttempts.createdAt, sql`now() - make_interval(secs => ${(2 * windowMs) / 1000})`),
        ),
      )
      .orderBy(desc(loginAttempts.createdAt))
      .limit(limit);
    if (rows.length < limit) continue;
    const newest = rows[0]!.at.getTime();
    const oldest = rows[rows.length - 1]!.at.getTime();
    if (newest - oldest <= windowMs && Date.now() - newest < windowMs) return true;
  }
  return false;
}

/**
 * Checks the throttle and records the attempt as a failure in one step, before the password is
 * verified: otherwise simultaneous attempts all pass the check before any of them is recorded.
 * Per-key advisory locks (taken in a fixed order) make the check and the insert one step across
 * processes. Null when a key is locked; otherwise the ids to mark as succeeded if it does.
 */
export async function claimLoginAttempt({
  keys,
  limit,
  windowMs,
}: {
  keys: string[];
  limit: number;
  windowMs: number;
}): Promise<number[] | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    for (const key of [...new Set(keys)].sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    }
    if (await isLoginLocked({ db: tx, keys, limit, windowMs })) return null;
    const rows = await tx
      .insert(loginAttempts)
      .values(keys.map((key) => ({ key, succeeded: false })))
      .returning({ id: loginAttempts.id });
    return rows.map((row) => row.id);
  });
}

export async function markLoginAttemptsSucceeded({ ids }: { ids: number[] }): Promise<void> {
  if (ids.length === 0) return;
  const db = await getDb();
  await db.update(loginAttempts).set({ succeeded: true }).where(inArray(loginAttempts.id, ids));
}

/** Attempts older than a day decide nothing any more. */
export async function pruneLoginAttempts(): Promise<void> {
  const db = await getDb();
  await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, sql`now() - interval '1 day'`));
}

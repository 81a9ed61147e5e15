import 'server-only';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../index';
import { publicFormSubmissions } from '../schema';

export type PublicFormSlot = 'ok' | 'rateLimited' | 'duplicate';

/**
 * Checks a public form's per-client limit and duplicate rule and records the submission, inside
 * the caller's transaction: when the work that follows fails, the record goes with it (nothing
 * half-written remains), and simultaneous submissions of one client or one text are serialised by
 * advisory locks (taken in a fixed order) so none slips under the limit.
 */
export async function claimPublicFormSlot({
  tx,
  form,
  clientKey,
  limit,
  windowMs,
  fingerprint = null,
  duplicateWindowMs = 24 * 60 * 60 * 1000,
}: {
  tx: Tx;
  form: string;
  clientKey: string;
  /** At most this many submissions of this form per client within windowMs. */
  limit: number;
  windowMs: number;
  /** contentFingerprint() of what was written; null when the form has no duplicate rule (lookups). */
  fingerprint?: string | null;
  duplicateWindowMs?: number;
}): Promise<PublicFormSlot> {
  const locks = [`public-form:${form}:${clientKey}`, ...(fingerprint ? [`public-form:${form}#${fingerprint}`] : [])].sort();
  for (const key of locks) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);

  if (fingerprint) {
    const [same] = await tx
      .select({ n: count() })
      .from(publicFormSubmissions)
      .where(
        and(
          eq(publicFormSubmissions.form, form),
          eq(publicFormSubmissions.fingerprint, fingerprint),
          gt(publicFormSubmissions.createdAt, sql`now() - make_interval(secs => ${duplicateWindowMs / 1000})`),
        ),
      );
    if ((same?.n ?? 0) > 0) return 'duplicate';
  }
  const [recent] = await tx
    .select({ n: count() })
    .from(publicFormSubmissions)
    .where(
      and(
        eq(publicFormSubmissions.form, form),
        eq(publicFormSubmissions.clientKey, clientKey),
        gt(publicFormSubmissions.createdAt, sql`now() - make_interval(secs => ${windowMs / 1000})`),
      ),
    );
  if ((recent?.n ?? 0) >= limit) return 'rateLimited';
  await tx.insert(publicFormSubmissions).values({ form, clientKey, fingerprint });
  return 'ok';
}

/** Records older than this decide nothing (the longest window is a day): they are deleted. */
export async function prunePublicFormSubmissions({ olderThanMs = 2 * 24 * 60 * 60 * 1000 }: { olderThanMs?: number } = {}): Promise<void> {
  const db = await getDb();
  await db
    .delete(publicFormSubmissions)
    .where(lt(publicFormSubmissions.createdAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`));
}

import 'server-only';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { RatingFields } from '@/lib/feedback/rating';
import { getDb, type Db, type Tx } from '../index';
import { portalRatings } from '../schema';

/** Đánh giá cổng thông tin: the ratings visitors give (their statistics are in ./stats/ratings.ts). */
type Conn = Db | Tx;

/** When this visitor last rated after `since`, or null. */
export async function findRatingSince({ db, visitorId, since }: { db?: Conn; visitorId: string; since: Date }): Promise<Date | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ at: portalRatings.createdAt })
    .from(portalRatings)
    .where(and(eq(portalRatings.visitorId, visitorId), gt(portalRatings.createdAt, since)))
    .orderBy(desc(portalRatings.createdAt))
    .limit(1);
  return row?.at ?? null;
}

/**
 * Records a rating unless this visitor rated after `since`: the check and the insert are one step
 * under a transaction-scoped advisory lock on the visitor, so two submissions at once (two tabs,
 * two instances) record one. True when it was recorded.
 */
export async function insertRatingOncePer({
  db,
  visitorId,
  since,
  values,
}: {
  db: Tx;
  visitorId: string;
  since: Date;
  values: RatingFields;
}): Promise<boolean> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`portal_rating:${visitorId}`}, 0))`);
  if (await findRatingSince({ db, visitorId, since })) return false;
  // The app's clock, the one `since` was computed from (several instances keep their clocks in sync).
  await db.insert(portalRatings).values({ visitorId, ...values, createdAt: new Date() });
  return true;
}

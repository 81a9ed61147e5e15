import 'server-only';
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../index';
import { rowsOf } from '../rows';
import { articles, categories, siteSettings } from '../schema';

/**
 * Published articles whose publication time fell in (after, until]: they became public in that
 * window and the cached pages that show them must be rendered again.
 */
export async function listArticlesDueBetween({
  db,
  after,
  until,
}: {
  db: Db | Tx;
  after: Date;
  until: Date;
}): Promise<{ slug: string; categorySlug: string }[]> {
  return db
    .select({ slug: articles.slug, categorySlug: categories.slug })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(eq(articles.status, 'published'), gt(articles.publishedAt, after), lte(articles.publishedAt, until)));
}

/** The next publication time after `after`, if an article is scheduled. */
export async function getNextScheduledTime({ db, after }: { db: Db; after: Date }): Promise<Date | null> {
  const [row] = await db
    .select({ at: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.status, 'published'), gt(articles.publishedAt, after)))
    .orderBy(asc(articles.publishedAt))
    .limit(1);
  return row?.at ?? null;
}

const WATERMARK_KEY = 'scheduled_publishing_until';

/**
 * Takes the scheduled-publishing lock for the caller's transaction, or returns false at once when
 * another instance holds it. A transaction-level advisory lock: it is released at commit or
 * rollback, and when the holder's connection dies, so a crashed instance never blocks the others.
 */
export async function tryLockScheduledPublishing({ db }: { db: Tx }): Promise<boolean> {
  const rows = await rowsOf<{ locked: boolean }>(
    db.execute(sql`select pg_try_advisory_xact_lock(hashtextextended('portal.scheduled-publishing', 0)) as locked`),
  );
  return rows[0]?.locked === true;
}

/** Until when the due articles have been handled, by whichever instance ran last. */
export async function getScheduledWatermark({ db }: { db: Tx }): Promise<Date | null> {
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, WATERMARK_KEY));
  return typeof row?.value === 'number' ? new Date(row.value) : null;
}

export async function setScheduledWatermark({ db, until }: { db: Tx; until: Date }): Promise<void> {
  const value = until.getTime();
  await db
    .insert(siteSettings)
    .values({ key: WATERMARK_KEY, value })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: sql`now()` } });
}

/** Moves the watermark back from `from` to `to`, only if no run has moved it since. */
export async function restoreScheduledWatermark({ db, from, to }: { db: Tx; from: Date; to: Date }): Promise<void> {
  await db
    .update(siteSettings)
    .set({ value: to.getTime(), updatedAt: sql`now()` })
    .where(and(eq(siteSettings.key, WATERMARK_KEY), sql`${siteSettings.value} = ${JSON.stringify(from.getTime())}::jsonb`));
}

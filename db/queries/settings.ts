import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '../index';
import { siteSettings } from '../schema';
import { defaultSiteInfo, SETTING_KEYS, type SiteInfo } from '../settings-defaults';

export async function getSiteInfo(): Promise<SiteInfo> {
  const db = await getDb();
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, SETTING_KEYS.site)).limit(1);
  return { ...defaultSiteInfo, ...(row?.value as Partial<SiteInfo> | undefined) };
}

/** The offset stored in the database (the VISIT_COUNTER_OFFSET variable, when set, wins over it). */
export async function getVisitCounterOffsetSetting(): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ value: siteSettings.value })
    .from(siteSettings)
    .where(eq(siteSettings.key, SETTING_KEYS.visitCounterOffset))
    .limit(1);
  const n = Number(row?.value ?? 0);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** Writes one setting and returns what it replaced (for the audit log). */
export async function saveSetting({ db, key, value }: { db: Tx; key: string; value: unknown }): Promise<unknown> {
  const [before] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, key)).for('update');
  await db
    .insert(siteSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: sql`now()` } });
  return before?.value ?? null;
}

/**
 * A setting that is made once and then only read (a generated secret, the database's id): the
 * first process to ask stores `create()`, every other one reads what the first stored.
 */
export async function getOrCreateSetting({ db, key, create }: { db: Db; key: string; create: () => string }): Promise<string> {
  await db.insert(siteSettings).values({ key, value: create() }).onConflictDoNothing({ target: siteSettings.key });
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, key));
  if (typeof row?.value !== 'string') throw new Error(`site_settings.${key} is missing or not a string`);
  return row.value;
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../index';
import { siteSettings } from '../schema';
import { defaultSiteInfo, SETTING_KEYS, type SiteInfo } from '../settings-defaults';

export async function getSiteInfo(): Promise<SiteInfo> {
  const db = await getDb();
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, SETTING_KEYS.site)).limit(1);
  return { ...defaultSiteInfo, ...(row?.value as Partial<SiteInfo> | undefined) };
}

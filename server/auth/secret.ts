import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { siteSettings } from '@/db/schema';

const SECRET_KEY = 'auth_secret';
let cached: Promise<string> | null = null;

/**
 * The key that signs session tokens: AUTH_SECRET (or NEXTAUTH_SECRET) when set. Otherwise one is
 * generated at first start and kept in site_settings, so `npm start` works with no configuration
 * and every process on one database agrees on it (the first insert wins, the others read it).
 */
export function getAuthSecret(): Promise<string> {
  const fromEnv = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  cached ??= loadOrCreateSecret().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

async function loadOrCreateSecret(): Promise<string> {
  const db = await getDb();
  await db
    .insert(siteSettings)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: siteSettings.key });
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, SECRET_KEY));
  if (typeof row?.value !== 'string') throw new Error('site_settings.auth_secret is missing or not a string');
  return row.value;
}

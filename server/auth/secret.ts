import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/db';
import { getOrCreateSetting } from '@/db/queries/settings';

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
  return getOrCreateSetting({ db: await getDb(), key: SECRET_KEY, create: () => randomBytes(32).toString('base64url') });
}

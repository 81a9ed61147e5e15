import 'server-only';
import { createHmac } from 'node:crypto';
import { isLoginLocked, pruneLoginAttempts, recordLoginAttempts } from '@/db/queries/login-attempts';
import { getUserCredentials, normaliseEmail, type SessionUser } from '@/db/queries/users';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { getAuthSecret } from './secret';
import { ensureFirstAdmin } from './first-admin';

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginResult =
  | { ok: true; user: SessionUser & { sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * The client behind a request, as an HMAC of its address: the raw IP is never stored. The last
 * X-Forwarded-For entry is the one our own reverse proxy (or Next itself, when there is none) added.
 */
export async function clientKey(headers: Record<string, string | string[] | undefined>): Promise<string> {
  const forwarded = [headers['x-forwarded-for']].flat().join(',');
  const address = forwarded.split(',').map((part) => part.trim()).filter(Boolean).at(-1) ?? 'unknown';
  const digest = createHmac('sha256', await getAuthSecret()).update(address).digest('base64url').slice(0, 32);
  return `client:${digest}`;
}

/**
 * Checks a login: refused while the account or the client has 5 failures within 15 minutes,
 * counted in the database so the limit holds across processes. The same generic failure for an
 * unknown email, a wrong password and a disabled account.
 */
export async function authenticate({ email, password, client }: { email: string; password: string; client: string }): Promise<LoginResult> {
  await ensureFirstAdmin();
  const keys = [`email:${normaliseEmail(email)}`, client];
  if (await isLoginLocked({ keys, limit: LOGIN_FAILURE_LIMIT, windowMs: LOGIN_WINDOW_MS })) return { ok: false, reason: 'throttled' };

  const user = await getUserCredentials({ email });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  const succeeded = Boolean(user && valid && !user.disabled);
  await recordLoginAttempts({ keys, succeeded });
  if (Math.random() < 0.01) void pruneLoginAttempts().catch(() => {});
  if (!succeeded || !user) return { ok: false, reason: 'invalid' };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

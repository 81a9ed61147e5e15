import 'server-only';
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { claimLoginAttempt, markLoginAttemptsSucceeded, pruneLoginAttempts } from '@/db/queries/login-attempts';
import { getUserCredentials, normaliseEmail, type SessionAccount } from '@/db/queries/users';
import { clientAddress, type HeaderGetter } from '@/lib/client-address';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { getAuthSecret } from './secret';
import { ensureFirstAdmin } from './first-admin';

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginResult = { ok: true; user: SessionAccount & { sessionVersion: number } } | { ok: false; reason: 'invalid' | 'throttled' };

// C0 and C1 control characters (NUL among them) belong in no email or password; PostgreSQL refuses
// a NUL in text outright, and its error must never reach the login form.
const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

export const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320).regex(NO_CONTROL_CHARACTERS),
  password: z.string().min(1).max(1000).regex(NO_CONTROL_CHARACTERS),
});

/**
 * The client behind a request, as an HMAC of its address: the raw IP is never stored. The address
 * is the connection's own unless it comes from a trusted proxy (lib/client-address.ts).
 */
export async function clientKey(get: HeaderGetter): Promise<string> {
  const digest = createHmac('sha256', await getAuthSecret())
    .update(clientAddress(get))
    .digest('base64url')
    .slice(0, 32);
  return `client:${digest}`;
}

/**
 * Checks a login: refused while the account or the client has 5 failures within 15 minutes,
 * counted in the database so the limit holds across processes. The attempt is recorded (as a
 * failure) under a lock before the password is hashed, so simultaneous attempts cannot all slip
 * under the limit, and a throttled client costs no hashing. A browser that has logged in to this
 * account before (`device`) is counted on its own rather than with everyone trying this email.
 * The same generic failure for an unknown email, a wrong password and a disabled account.
 */
export async function authenticate({
  email,
  password,
  client,
  device = null,
}: {
  email: string;
  password: string;
  client: string;
  device?: string | null;
}): Promise<LoginResult> {
  await ensureFirstAdmin();
  const account = `email:${normaliseEmail(email)}`;
  const keys = [device ? `${account}#device:${device}` : account, client];
  const attempt = await claimLoginAttempt({ keys, limit: LOGIN_FAILURE_LIMIT, windowMs: LOGIN_WINDOW_MS });
  if (!attempt) return { ok: false, reason: 'throttled' };

  const user = await getUserCredentials({ email });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  const succeeded = Boolean(user && valid && !user.disabled);
  if (succeeded) await markLoginAttemptsSucceeded({ ids: attempt });
  if (Math.random() < 0.01) void pruneLoginAttempts().catch(() => {});
  if (!succeeded || !user) return { ok: false, reason: 'invalid' };
  const { id, name, role, sessionVersion, mustChangePassword } = user;
  return { ok: true, user: { id, email: user.email, name, role, sessionVersion, mustChangePassword } };
}

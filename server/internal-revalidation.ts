import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RevalidateTarget } from '@/lib/cache-tags';
import { routes } from '@/lib/routes';

/**
 * revalidatePath() works only inside a request (a server action or a route handler): it needs
 * Next's work store, which a timer in the server process does not have. So the scheduler asks its
 * own process, over loopback, to run it in a route handler. The secret is random per process and
 * lives on globalThis (shared by instrumentation and the route handler's module graph); it never
 * leaves the process, so no configuration is needed and another process cannot call the route.
 */
export const INTERNAL_SECRET_HEADER = 'x-portal-internal-secret';

const secretKey = Symbol.for('portal.internal-revalidation-secret');
type GlobalWithSecret = typeof globalThis & { [secretKey]?: string };

export function internalSecret(): string {
  const store = globalThis as GlobalWithSecret;
  return (store[secretKey] ??= randomBytes(32).toString('base64url'));
}

export function isInternalSecret(value: string | null): boolean {
  const store = globalThis as GlobalWithSecret;
  const expected = store[secretKey];
  if (!expected || !value) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** This process's own address: PORT as `next start -p` uses it; INTERNAL_BASE_URL when bound elsewhere. */
export function internalBaseUrl(): string {
  return process.env.INTERNAL_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
}

export async function revalidateOverLoopback(targets: RevalidateTarget[]): Promise<void> {
  const response = await fetch(`${internalBaseUrl()}${routes.api.internalRevalidate}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: internalSecret() },
    body: JSON.stringify({ targets }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`${routes.api.internalRevalidate} trả về ${response.status}`);
}

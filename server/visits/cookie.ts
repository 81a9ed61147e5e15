import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/lib/errors';

/**
 * The visitor cookie: `<id>.<signature>`, a random 16-byte id and a truncated HMAC-SHA256 of it.
 * The signature stops anyone from choosing ids (to inflate counts or to collide with a real
 * visitor's row); the id itself is random and carries no personal data.
 */
const ID_BYTES = 16;
const SIGNATURE_BYTES = 16;
const MAX_COOKIE_LENGTH = 200;
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const SIGNATURE_LENGTH = 22;

export type VisitorIdentity = { visitorId: string; isNew: boolean; cookieValue: string | null };

function sign(id: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(id).digest().subarray(0, SIGNATURE_BYTES);
}

export function createVisitorCookieValue(key: Buffer, id = randomBytes(ID_BYTES).toString('base64url')): string {
  return `${id}.${sign(id, key).toString('base64url')}`;
}

/** The visitor id of a genuine cookie, or null for anything missing, forged, malformed or oversized. */
export function verifyVisitorCookie(value: string | undefined | null, key: Buffer): string | null {
  if (!value || value.length > MAX_COOKIE_LENGTH) return null;
  const dot = value.indexOf('.');
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (!ID_PATTERN.test(id) || signature.length !== SIGNATURE_LENGTH) return null;
  const given = Buffer.from(signature, 'base64url');
  // The last base64url character carries 4 unused bits: only the canonical spelling is ours.
  if (given.length !== SIGNATURE_BYTES || given.toString('base64url') !== signature) return null;
  return timingSafeEqual(given, sign(id, key)) ? id : null;
}

/**
 * Cookies already verified, per key: an HMAC on every page view costs more than the rest of the
 * counting together, and a returning visitor sends the same cookie each time. Only genuine cookies
 * enter, so a forged one is always checked in full; the map is dropped when full to stay bounded.
 */
const verifiedCookies = new WeakMap<Buffer, Map<string, string>>();
const VERIFIED_COOKIES_MAX = 20_000;

function verifyVisitorCookieCached(value: string | undefined | null, key: Buffer): string | null {
  if (!value) return null;
  let verified = verifiedCookies.get(key);
  const known = verified?.get(value);
  if (known) return known;
  const visitorId = verifyVisitorCookie(value, key);
  if (visitorId) {
    if (!verified) verifiedCookies.set(key, (verified = new Map()));
    if (verified.size >= VERIFIED_COOKIES_MAX) verified.clear();
    verified.set(value, visitorId);
  }
  return visitorId;
}

/** Reads the visitor from its cookie, or makes a new one: a visitor we cannot verify is a new visitor. */
export function identifyVisitor(cookie: string | undefined | null, key: Buffer): VisitorIdentity {
  const visitorId = verifyVisitorCookieCached(cookie, key);
  if (visitorId) return { visitorId, isNew: false, cookieValue: null };
  const cookieValue = createVisitorCookieValue(key);
  return { visitorId: cookieValue.slice(0, cookieValue.indexOf('.')), isNew: true, cookieValue };
}

/** Derives a key of its own from a secret that may also sign sessions, so one never unlocks the other. */
export function deriveVisitorCookieKey(secret: string | Buffer): Buffer {
  return createHmac('sha256', secret).update('portal.visitor-cookie.v1').digest();
}

const keyStoreKey = Symbol.for('portal.visitor-cookie-key');
type GlobalWithKey = typeof globalThis & { [keyStoreKey]?: Buffer };

/**
 * Sets the key for visitor cookies, derived from the secret that signs sessions (AUTH_SECRET, or
 * the one kept in the database): every instance on one database derives the same key, so a
 * visitor who reaches another instance keeps their cookie. Called at server start, before any
 * request; kept on globalThis because the proxy is a module graph of its own.
 */
export function setVisitorCookieSecret(secret: string): void {
  (globalThis as GlobalWithKey)[keyStoreKey] = deriveVisitorCookieKey(secret);
}

/**
 * The key for visitor cookies, without waiting: the proxy's hot path never reads the database.
 * An environment secret needs no start-up step; otherwise the server start has loaded it
 * (setVisitorCookieSecret), and a request served before that is refused rather than counted
 * under a key no other instance knows.
 */
export function getVisitorCookieKey(): Buffer {
  const store = globalThis as GlobalWithKey;
  const existing = store[keyStoreKey];
  if (existing) return existing;
  const secret = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (!secret) throw new AppError('unavailable', { message: 'Khóa cookie khách truy cập chưa được nạp (xem startServerLifecycle).' });
  setVisitorCookieSecret(secret);
  return store[keyStoreKey]!;
}

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { foldSearchText } from '../search-text';
import { MIN_FILL_MS } from './limits';

/**
 * The signed start time of a public form: `<ms>.<hmac>`, the HMAC over the form's name and the
 * time it was served. A bot that posts straight away, or replays a token of another form, is
 * refused; a person who took longer than MIN_FILL_MS is not. Rendered by a dynamic page only: a
 * token cached in an ISR page would be as old as the page, so every submission would pass.
 */
export function signFormStart({ key, form, now = Date.now() }: { key: string; form: string; now?: number }): string {
  return `${now}.${mac(key, form, now)}`;
}

export type FormStartCheck = 'ok' | 'missing' | 'invalid' | 'tooFast';

export function checkFormStart({
  key,
  form,
  token,
  now = Date.now(),
  minMs = MIN_FILL_MS,
  maxMs,
}: {
  key: string;
  form: string;
  token: unknown;
  now?: number;
  minMs?: number;
  /** When set, older tokens are refused (a form left open longer must be reloaded). */
  maxMs?: number;
}): FormStartCheck {
  if (typeof token !== 'string' || token === '') return 'missing';
  const match = /^([0-9]{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'invalid';
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(mac(key, form, issuedAt));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  // A clock a little ahead on another instance is no reason to refuse a person.
  if (issuedAt > now + 60_000) return 'invalid';
  if (maxMs !== undefined && now - issuedAt > maxMs) return 'invalid';
  if (now - issuedAt < minMs) return 'tooFast';
  return 'ok';
}

/**
 * What makes two submissions "the same": their texts folded (case, diacritics, spacing), hashed.
 * The same question sent twice (a double click, a bot from many addresses) has one fingerprint.
 */
export function contentFingerprint(parts: readonly string[]): string {
  const folded = parts.map((part) => foldSearchText(part.normalize('NFC')).replace(/\s+/g, ' ').trim());
  return createHash('sha256').update(JSON.stringify(folded)).digest('base64url');
}

function mac(key: string, form: string, at: number): string {
  return createHmac('sha256', key).update(`public-form:${form}:${at}`).digest('base64url');
}

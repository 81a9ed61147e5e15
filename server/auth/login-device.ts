import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * "This browser has logged in to this account before": a signed cookie set at each successful
 * login. Failures from a recognised browser are counted for that browser alone, so five wrong
 * passwords sent from anywhere else lock out the attacker's browsers, never the account's owner
 * (OWASP's "device cookies"; README, "Staff").
 */
export const LOGIN_DEVICE_COOKIE = 'portal-login-device';
export const LOGIN_DEVICE_MAX_AGE_S = 180 * 24 * 60 * 60;

function signature(secret: string, email: string, device: string): Buffer {
  return createHmac('sha256', secret).update(`login-device\n${email}\n${device}`).digest();
}

export function issueLoginDevice(secret: string, email: string): string {
  const device = randomBytes(16).toString('base64url');
  return `${device}.${signature(secret, email, device).toString('base64url')}`;
}

/** The device id in a cookie issued for this email, or null (absent, forged, or another account's). */
export function recognisedLoginDevice(secret: string, email: string, cookie: string | undefined | null): string | null {
  const [device, signed, extra] = (cookie ?? '').split('.');
  if (!device || !signed || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(device)) return null;
  const expected = signature(secret, email, device);
  const actual = Buffer.from(signed, 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? device : null;
}

/** A cookie's value out of a raw Cookie header (next-auth hands authorize() plain headers). */
export function cookieFromHeader(header: string | string[] | undefined, name: string): string | undefined {
  for (const part of [header].flat().join(';').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0 || part.slice(0, index).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

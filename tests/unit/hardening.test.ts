import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/callback-url';
import { clientAddress, isHttpsRequest, parseTrustedProxies, PEER_ADDRESS_HEADER } from '@/lib/client-address';
import { parseRowId } from '@/lib/form-fields';
import { isStaffPath, PUBLIC_CONTENT_SECURITY_POLICY, staffContentSecurityPolicy } from '@/lib/security-headers';
import { credentialsSchema } from '@/server/auth/login';
import { hashPassword, passwordHashing, verifyPassword } from '@/server/auth/passwords';
// @ts-expect-error: a plain .mjs module, loaded by Next by path.
import { isErrorResponse } from '@/server/page-cache-handler.mjs';
// @ts-expect-error: a plain .mjs script.
import { interpretAudit } from '../../scripts/audit-deps.mjs';

// Issue #15 ("Hardening"): the pure parts of the fixes; the server-process and browser tests cover the rest.
const headers = (values: Record<string, string>) => (name: string) => values[name.toLowerCase()] ?? null;

describe('item 2: the callback after login', () => {
  it('keeps same-origin paths and refuses everything a browser would read as another host', () => {
    expect(safeCallbackPath('/quan-tri/thu-vien-anh?truoc=3')).toBe('/quan-tri/thu-vien-anh?truoc=3');
    expect(safeCallbackPath('/tin-tuc/a#b')).toBe('/tin-tuc/a#b');
    for (const evil of [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\\evil.example',
      '//evil.example',
      '/\\/evil.example',
      'https://evil.example',
      ' /x',
      '/%09/evil.example'.replace('%09', '\t'),
      undefined,
      '',
    ]) {
      expect(safeCallbackPath(evil), JSON.stringify(evil)).toBe('/quan-tri');
    }
  });
});

describe('item 4: the client behind a request', () => {
  it('is the socket address, whatever X-Forwarded-For says, unless the socket is a trusted proxy', () => {
    const none = parseTrustedProxies('');
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '198.51.100.1' }), none)).toBe('203.0.113.9');
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: '::ffff:203.0.113.9' }), none)).toBe('203.0.113.9');
    expect(clientAddress(headers({ 'x-forwarded-for': '198.51.100.1' }), none)).toBe('unknown');
    const trusted = parseTrustedProxies('127.0.0.1, 10.0.0.0/8 ::1');
    // The client wrote the left entries itself; our proxies appended the right ones.
    expect(
      clientAddress(headers({ [PEER_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.1.2.3' }), trusted),
    ).toBe('198.51.100.7');
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: '::1', 'x-forwarded-for': '198.51.100.8' }), trusted)).toBe('198.51.100.8');
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '198.51.100.1' }), trusted)).toBe(
      '203.0.113.9',
    );
  });
});

describe('item 4: password hashing', () => {
  it('runs at most two 128 MiB hashes at once, however many logins arrive together', async () => {
    const hashes = Array.from({ length: 6 }, (_, i) => hashPassword(`mat-khau-so-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(passwordHashing.activeCount).toBeLessThanOrEqual(2);
    expect(passwordHashing.activeCount + passwordHashing.pendingCount).toBe(6);
    const done = await Promise.all(hashes);
    expect(await verifyPassword('mat-khau-so-3', done[3]!)).toBe(true);
  });
});

describe('item 6: HTTPS, for Secure cookies and HSTS', () => {
  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    const trusted = parseTrustedProxies('127.0.0.1');
    const siteUrl = process.env.SITE_URL;
    delete process.env.SITE_URL;
    try {
      expect(isHttpsRequest(headers({ [PEER_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-proto': 'https' }), trusted)).toBe(true);
      expect(isHttpsRequest(headers({ [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-proto': 'https' }), trusted)).toBe(false);
      process.env.SITE_URL = 'https://sonoivu.angiang.gov.vn';
      expect(isHttpsRequest(headers({ [PEER_ADDRESS_HEADER]: '203.0.113.9' }), trusted)).toBe(true);
    } finally {
      if (siteUrl === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = siteUrl;
    }
  });
});

describe('item 7: login input', () => {
  it('refuses control characters before anything reaches the database', () => {
    expect(credentialsSchema.safeParse({ email: 'a\u0000@example.vn', password: 'mat-khau-dai' }).success).toBe(false);
    expect(credentialsSchema.safeParse({ email: 'a@example.vn', password: 'mat\u0000khau' }).success).toBe(false);
    expect(credentialsSchema.safeParse({ email: 'a@example.vn', password: 'mật khẩu có dấu' }).success).toBe(true);
  });
});

describe('item 8: ids from addresses', () => {
  it('names a row only within PostgreSQL integer range', () => {
    expect(parseRowId('42')).toBe(42);
    expect(parseRowId(['7', '8'])).toBe(7);
    for (const bad of ['9999999999', '2147483648', '0', '-1', '1e3', '1.5', ' 1', '', undefined, null])
      expect(parseRowId(bad), String(bad)).toBeNull();
    expect(parseRowId('2147483647')).toBe(2147483647);
  });
});

describe('item 1: the ISR cache keeps no error page', () => {
  it('drops 404s and other errors, keeps pages and data', () => {
    expect(isErrorResponse({ kind: 'APP_PAGE', status: 404 })).toBe(true);
    expect(isErrorResponse({ kind: 'APP_ROUTE', status: 500 })).toBe(true);
    expect(isErrorResponse({ kind: 'APP_PAGE', status: 200 })).toBe(false);
    expect(isErrorResponse({ kind: 'APP_PAGE' })).toBe(false);
    expect(isErrorResponse({ kind: 'FETCH', status: 404 })).toBe(false);
    expect(isErrorResponse(null)).toBe(false);
  });
});

describe('item 12: Content-Security-Policy', () => {
  it('is strict with a nonce on staff pages, static on the cached public ones', () => {
    for (const policy of [PUBLIC_CONTENT_SECURITY_POLICY, staffContentSecurityPolicy('abc')]) {
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(policy).toContain(directive);
      }
    }
    expect(staffContentSecurityPolicy('abc')).toMatch(/script-src 'self' 'nonce-abc' 'strict-dynamic'/);
    expect(staffContentSecurityPolicy('abc')).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const path of ['/quan-tri', '/quan-tri/tai-khoan/mat-khau', '/dang-nhap', '/ban-bien-tap/tin-tuc/a'])
      expect(isStaffPath(path), path).toBe(true);
    for (const path of ['/', '/tin-tuc/a', '/chuyen-muc/b', '/quan-tri-x']) expect(isStaffPath(path), path).toBe(false);
  });
});

describe('item 13: the dependency audit', () => {
  it('says plainly when the registry cannot answer, without failing', () => {
    const result = interpretAudit({
      status: 1,
      stdout: JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' }),
    });
    expect(result).toMatchObject({ verdict: 'unreachable', exitCode: 0 });
    expect(result.lines[0]).toMatch(/KHÔNG KIỂM TRA ĐƯỢC/);
    expect(interpretAudit({ status: 1, stdout: '', stderr: 'npm error code ENOTFOUND' })).toMatchObject({
      verdict: 'unreachable',
      exitCode: 0,
    });
  });

  it('fails on a high or critical advisory, passes on low ones', () => {
    const report = (counts: Record<string, number>, vulnerabilities = {}) =>
      JSON.stringify({ vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts } } });
    expect(
      interpretAudit({ status: 1, stdout: report({ critical: 1 }, { next: { severity: 'critical', range: '<16.4.7' } }) }),
    ).toMatchObject({ verdict: 'vulnerable', exitCode: 1 });
    expect(interpretAudit({ status: 1, stdout: report({ low: 2 }) })).toMatchObject({ verdict: 'clean', exitCode: 0 });
    expect(interpretAudit({ status: 0, stdout: report({}) })).toMatchObject({ verdict: 'clean', exitCode: 0 });
  });
});

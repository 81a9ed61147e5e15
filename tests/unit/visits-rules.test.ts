import { describe, expect, it } from 'vitest';
import { createVisitorCookieValue, deriveVisitorCookieKey, identifyVisitor, verifyVisitorCookie } from '@/server/visits/cookie';
import { classifyPath, normalizePath, parseDevice, referrerDomain } from '../../lib/visits/parse';
import { isBotUserAgent, isPageViewRequest, isSecureRequest, type RequestInfo } from '../../lib/visits/request';
import { DIRECT_REFERRER, OTHER_PATH, OTHER_VALUE } from '../../lib/visits/rules';
import { startOfVietnamDay, vietnamDay } from '@/lib/time';

const CHROME_DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD =
  'Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Mobile/15E148 Safari/604.1';

function request(
  overrides: Partial<Omit<RequestInfo, 'headers'>> & { headers?: Record<string, string>; cookies?: string[] } = {},
): RequestInfo {
  const cookies = new Set(overrides.cookies ?? []);
  return {
    method: overrides.method ?? 'GET',
    pathname: overrides.pathname ?? '/tin-tuc/mot-bai-viet',
    headers: new Headers(overrides.headers ?? {}),
    hasCookie: (name) => cookies.has(name),
  };
}

describe('Asia/Ho_Chi_Minh days', () => {
  it('puts 23:59:59 and 00:00:00 +07 on different days', () => {
    expect(vietnamDay(new Date('2025-03-10T23:59:59+07:00'))).toBe('2025-03-10');
    expect(vietnamDay(new Date('2025-03-11T00:00:00+07:00'))).toBe('2025-03-11');
    // 17:00 UTC is already tomorrow in Vietnam.
    expect(vietnamDay(new Date('2025-03-10T17:00:00Z'))).toBe('2025-03-11');
    expect(vietnamDay(new Date('2025-03-10T16:59:59.999Z'))).toBe('2025-03-10');
  });

  it('starts the day at 00:00 +07, across a year boundary too', () => {
    expect(startOfVietnamDay(new Date('2025-03-10T23:59:59+07:00')).toISOString()).toBe('2025-03-09T17:00:00.000Z');
    expect(startOfVietnamDay(new Date('2026-01-01T00:00:00+07:00')).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(vietnamDay(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });
});

describe('which requests are page views', () => {
  it('counts a full page load and a client-side navigation (RSC without prefetch)', () => {
    expect(isPageViewRequest(request())).toBe(true);
    expect(isPageViewRequest(request({ headers: { rsc: '1', 'next-url': '/' } }))).toBe(true);
  });

  it('does not count HEAD, POST (server actions) or prefetches', () => {
    expect(isPageViewRequest(request({ method: 'HEAD' }))).toBe(false);
    expect(isPageViewRequest(request({ method: 'POST' }))).toBe(false);
    const prefetches: Record<string, string>[] = [
      { rsc: '1', 'next-router-prefetch': '1' },
      { rsc: '1', 'next-router-segment-prefetch': '/_tree' },
      { purpose: 'prefetch' },
      { 'sec-purpose': 'prefetch;prerender' },
      { 'sec-purpose': 'prefetch' },
      { 'x-middleware-prefetch': '1' },
      { 'x-purpose': 'preview' },
    ];
    for (const headers of prefetches) {
      expect(isPageViewRequest(request({ headers })), JSON.stringify(headers)).toBe(false);
    }
  });

  it('does not count staff areas, route handlers or staff previews', () => {
    for (const pathname of ['/quan-tri', '/quan-tri/thong-ke', '/dang-nhap', '/api/thong-ke-truy-cap', '/_next/data/x']) {
      expect(isPageViewRequest(request({ pathname })), pathname).toBe(false);
    }
    expect(isPageViewRequest(request({ pathname: '/quan-tri-vien-moi' }))).toBe(true);
    expect(isPageViewRequest(request({ cookies: ['next-auth.session-token'] }))).toBe(false);
    expect(isPageViewRequest(request({ cookies: ['__Secure-next-auth.session-token'] }))).toBe(false);
  });

  it('recognises bots and headless browsers that say so', () => {
    expect(isBotUserAgent('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).toBe(true);
    expect(
      isBotUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36'),
    ).toBe(true);
    expect(
      isBotUserAgent(
        'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse',
      ),
    ).toBe(true);
    expect(isBotUserAgent('Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)')).toBe(true);
    expect(isBotUserAgent('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)')).toBe(true);
    expect(isBotUserAgent(CHROME_DESKTOP)).toBe(false);
    expect(isBotUserAgent(IPHONE)).toBe(false);
    // Cached answers stay right.
    expect(isBotUserAgent(CHROME_DESKTOP)).toBe(false);
  });

  it('knows HTTPS directly and behind a proxy', () => {
    expect(isSecureRequest('https:', new Headers())).toBe(true);
    expect(isSecureRequest('http:', new Headers({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isSecureRequest('http:', new Headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(isSecureRequest('http:', new Headers())).toBe(false);
  });
});

describe('the visitor cookie', () => {
  const key = deriveVisitorCookieKey('test secret');
  const otherKey = deriveVisitorCookieKey('another secret');

  it('accepts its own signature and keeps the id', () => {
    const value = createVisitorCookieValue(key);
    const id = verifyVisitorCookie(value, key);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(identifyVisitor(value, key)).toEqual({ visitorId: id, isNew: false, cookieValue: null });
  });

  it('treats forged, foreign, oversized and garbage cookies as a new visitor', () => {
    const genuine = createVisitorCookieValue(key);
    const [id, signature] = genuine.split('.') as [string, string];
    const flipped = (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1);
    // Same bytes, another spelling: the last character's low 4 bits are padding.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) + 1]!;
    expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    const bad = [
      undefined,
      '',
      'garbage',
      '.',
      `${id}.`,
      `${id}.${flipped}`,
      `${id}.${respelled}`,
      createVisitorCookieValue(otherKey),
      `${'A'.repeat(22)}.${signature}`,
      `${id}.${signature}${'x'.repeat(300)}`,
      'x'.repeat(10_000),
      `${id}.${signature}.extra`,
      `${id}é.${signature}`,
      `${id}.${'!'.repeat(22)}`,
    ];
    // Verified once (and remembered), a genuine cookie vouches for nothing else, nor under another key.
    expect(identifyVisitor(genuine, key).visitorId).toBe(id);
    expect(identifyVisitor(genuine, otherKey).isNew).toBe(true);
    for (const value of bad) {
      expect(verifyVisitorCookie(value, key), String(value).slice(0, 40)).toBeNull();
      const identity = identifyVisitor(value, key);
      expect(identity.isNew).toBe(true);
      expect(identity.visitorId).not.toBe(id);
      expect(verifyVisitorCookie(identity.cookieValue, key)).toBe(identity.visitorId);
    }
  });
});

describe('paths', () => {
  it('drops trailing slashes and decodes percent-encoding', () => {
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('/tin-tuc/abc/')).toBe('/tin-tuc/abc');
    expect(normalizePath('/tin-tuc/%61bc')).toBe('/tin-tuc/abc');
    expect(normalizePath('/t%C3%ACm-ki%E1%BA%BFm')).toBe('/tìm-kiếm');
  });

  it('folds invalid UTF-8, control characters and very long paths into one', () => {
    expect(normalizePath('/%C3%28')).toBe(OTHER_PATH);
    expect(normalizePath('/%E0%A4%A')).toBe(OTHER_PATH);
    expect(normalizePath('/%FF%FE')).toBe(OTHER_PATH);
    expect(normalizePath('/a%00b')).toBe(OTHER_PATH);
    expect(normalizePath(`/${'a'.repeat(5000)}`)).toBe(OTHER_PATH);
    expect(normalizePath('no-leading-slash')).toBe(OTHER_PATH);
  });

  it('names articles, categories and their pages, and nothing else', () => {
    expect(classifyPath('/')).toEqual({ kind: 'home', path: '/' });
    expect(classifyPath('/tin-tuc/hoi-nghi-so-ket')).toEqual({ kind: 'article', slug: 'hoi-nghi-so-ket' });
    expect(classifyPath('/chuyen-muc/thi-dua-khen-thuong')).toEqual({ kind: 'category', slug: 'thi-dua-khen-thuong' });
    expect(classifyPath('/chuyen-muc/thi-dua-khen-thuong/trang/3')).toEqual({ kind: 'category', slug: 'thi-dua-khen-thuong' });
    for (const path of [
      '/tin-tuc',
      '/tin-tuc/a/b',
      '/tin-tuc/Hoa',
      '/chuyen-muc/x/trang/0',
      '/chuyen-muc/x/trang/abc',
      '/wp-login.php',
      OTHER_PATH,
    ]) {
      expect(classifyPath(path), path).toEqual({ kind: 'other' });
    }
  });
});

describe('referrer and device', () => {
  it('keeps only an external host, lower case, without www', () => {
    expect(referrerDomain('https://www.Google.com.vn/search?q=so+noi+vu', 'sonoivu.angiang.gov.vn')).toBe('google.com.vn');
    expect(referrerDomain('https://m.facebook.com/', 'sonoivu.angiang.gov.vn')).toBe('m.facebook.com');
    expect(referrerDomain(null, 'sonoivu.angiang.gov.vn')).toBe(DIRECT_REFERRER);
    expect(referrerDomain('', 'x')).toBe(DIRECT_REFERRER);
    expect(referrerDomain('https://sonoivu.angiang.gov.vn/tin-tuc/a', 'sonoivu.angiang.gov.vn')).toBe(DIRECT_REFERRER);
    expect(referrerDomain('http://localhost:3000/', 'localhost:3000')).toBe(DIRECT_REFERRER);
    expect(referrerDomain('https://www.sonoivu.angiang.gov.vn/', 'sonoivu.angiang.gov.vn')).toBe(DIRECT_REFERRER);
    expect(referrerDomain('not a url', 'x')).toBe(OTHER_VALUE);
    expect(referrerDomain('android-app://com.google.android.gm/', 'x')).toBe(OTHER_VALUE);
  });

  it('survives a 10 kB referrer', () => {
    const long = `https://example.org/${'a'.repeat(10_240)}`;
    expect(referrerDomain(long, 'x')).toBe('example.org');
    expect(referrerDomain(long.slice(0, 512), 'x')).toBe('example.org');
    expect(referrerDomain(`https://${'a'.repeat(10_240)}.com/`, 'x').length).toBeLessThanOrEqual(253);
  });

  it('classifies devices, browsers and systems', () => {
    expect(parseDevice(CHROME_DESKTOP)).toEqual({ device: 'desktop', browser: 'Chrome', os: 'Windows' });
    expect(parseDevice(IPHONE)).toEqual({ device: 'mobile', browser: 'Mobile Safari', os: 'iOS' });
    expect(parseDevice(IPAD)).toMatchObject({ device: 'tablet', os: 'iOS' });
    expect(parseDevice('')).toEqual({ device: 'desktop', browser: OTHER_VALUE, os: OTHER_VALUE });
    expect(parseDevice('x'.repeat(10_000))).toEqual({ device: 'desktop', browser: OTHER_VALUE, os: OTHER_VALUE });
  });
});

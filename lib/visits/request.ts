import { isbot } from 'isbot';
import { NOT_PUBLIC_PREFIXES } from '@/lib/routes';
import { hasSessionCookie } from '@/lib/session-cookie';

/** The parts of a request that decide whether it is a page view; a plain object so tests need no server. */
export type RequestInfo = {
  method: string;
  pathname: string;
  headers: Headers;
  hasCookie: (name: string) => boolean;
};

/**
 * Headers browsers and the Next router send on requests nobody asked to see: router prefetches,
 * <link rel=prefetch>, speculation rules. With `skipProxyUrlNormalize` Next leaves them visible.
 */
function isPrefetch(headers: Headers): boolean {
  if (headers.has('next-router-prefetch') || headers.has('next-router-segment-prefetch')) return true;
  if (headers.has('x-middleware-prefetch')) return true;
  for (const name of ['purpose', 'sec-purpose', 'x-purpose', 'x-moz']) {
    const value = headers.get(name);
    if (value && /prefetch|preview|prerender/i.test(value)) return true;
  }
  return false;
}

function isExcludedPath(pathname: string): boolean {
  for (const prefix of NOT_PUBLIC_PREFIXES) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return true;
  }
  return false;
}

/**
 * A GET of a page by a person: a full load, or a client-side navigation (an RSC request without a
 * prefetch header). Bots are checked separately, after these cheaper tests.
 */
export function isPageViewRequest(request: RequestInfo): boolean {
  if (request.method !== 'GET') return false;
  if (isExcludedPath(request.pathname)) return false;
  if (isPrefetch(request.headers)) return false;
  // A logged-in staff member previewing or editing the public pages is not a visitor. A visitor
  // could set this cookie by hand to go uncounted; that only lowers their own count.
  return !hasSessionCookie(request.hasCookie);
}

const botCache = new Map<string, boolean>();
const BOT_CACHE_SIZE = 1000;

/**
 * Known crawlers, link previewers and headless browsers that say so (HeadlessChrome, Lighthouse).
 * isbot runs one large regular expression; real traffic repeats a few hundred user agents, so the
 * answers are cached, and the cache is simply dropped when full to stay bounded.
 */
export function isBotUserAgent(userAgent: string): boolean {
  const cached = botCache.get(userAgent);
  if (cached !== undefined) return cached;
  const answer = isbot(userAgent) || /headless|lighthouse|pagespeed/i.test(userAgent);
  if (userAgent.length <= 512) {
    if (botCache.size >= BOT_CACHE_SIZE) botCache.clear();
    botCache.set(userAgent, answer);
  }
  return answer;
}

/** True when the request came over HTTPS, directly or through a proxy that says so. */
export function isSecureRequest(protocol: string, headers: Headers): boolean {
  if (protocol === 'https:') return true;
  const forwarded = headers.get('x-forwarded-proto');
  return forwarded?.split(',')[0]?.trim().toLowerCase() === 'https';
}

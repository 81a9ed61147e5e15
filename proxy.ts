import { NextResponse, type NextRequest } from 'next/server';
import { identifyVisitor, getVisitorCookieKey } from './lib/visits/cookie';
import { sessionTokenIsGenuine, sessionTokenOf } from './lib/auth/session-cookie';
import { isHttpsRequest } from './lib/client-address';
import {
  isStaffPath,
  PUBLIC_CONTENT_SECURITY_POLICY,
  staffContentSecurityPolicy,
  STRICT_TRANSPORT_SECURITY,
} from './lib/security-headers';
import { isShuttingDown } from './lib/shutdown-state';
import { isValidSlug } from './lib/slug';
import { appSlugRedirects } from './lib/slug-redirects';
import { isVisitCountingEnabled, recordPageView } from './lib/visits';
import { isBotUserAgent, isPageViewRequest, isSecureRequest } from './lib/visits/request';
import { VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from './lib/visits/rules';

/**
 * The one place page views are recorded (DESIGN.md, "Visit counting"). It runs for cached pages
 * too, so it must stay cheap: no database, no user-agent parsing; a hit goes into an in-memory
 * buffer that lib/visits writes every 2 s, and old article addresses are looked up in memory. It
 * decides nothing about access: pages and route handlers check the session themselves. Every page
 * it answers leaves with its Content-Security-Policy (a fresh nonce on staff pages) and, over
 * HTTPS, HSTS.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const get = (name: string) => request.headers.get(name);
  const staffView = await staffViewOf(request);
  const staff = staffView !== null || isStaffPath(request.nextUrl.pathname);
  const policy = staff ? staffContentSecurityPolicy(btoa(crypto.randomUUID())) : PUBLIC_CONTENT_SECURITY_POLICY;
  // Next takes the nonce for its own scripts from the request's policy header.
  const requestHeaders = new Headers(request.headers);
  if (staff) requestHeaders.set('content-security-policy', policy);
  const response = route(request, staffView, { request: { headers: requestHeaders } }) ?? NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  if (isHttpsRequest(get)) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

type Forward = { request: { headers: Headers } };

function route(request: NextRequest, staffView: URL | null, forward: Forward): NextResponse | undefined {
  if (isShuttingDown()) {
    return new NextResponse('Máy chủ đang khởi động lại, vui lòng tải lại trang sau giây lát.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' },
    });
  }
  const path = decodedPath(request.nextUrl.pathname);
  if (path === null) {
    // Next answers a path with invalid percent-encoding (%C3%28) with a 500, even when rewritten:
    // send the visitor to the 404 page instead.
    return NextResponse.redirect(new URL('/khong-tim-thay', request.url));
  }
  if (namesImpossibleSlug(path)) {
    // No page can have this address: answer with the uncached 404 page straight away.
    return NextResponse.rewrite(new URL('/khong-tim-thay', request.url), forward);
  }
  const articleSlug = articleSlugOf(request.nextUrl.pathname);
  if (articleSlug !== undefined) {
    const moved = movedArticleOf(request, articleSlug);
    if (moved) return NextResponse.redirect(moved, 301);
    if (staffView) return NextResponse.rewrite(staffView, forward);
    if (request.nextUrl.pathname.startsWith(STAFF_VIEW_PREFIX)) {
      // The staff view's own address, asked for directly: the cached public page, like anyone else.
      const url = request.nextUrl.clone();
      url.pathname = `/tin-tuc/${articleSlug}`;
      return NextResponse.rewrite(url, forward);
    }
  }
  try {
    return countPageView(request, forward);
  } catch (error) {
    // Counting is never worth a failed page.
    console.warn('[visits] Không ghi nhận được lượt xem.', error);
    return undefined;
  }
}

function countPageView(request: NextRequest, forward: Forward): NextResponse | undefined {
  if (!isVisitCountingEnabled()) return undefined;
  const { pathname, protocol, host } = request.nextUrl;
  const { headers, cookies } = request;
  // A staff session (next-auth's session cookie) means a preview by staff, not a visit: see isPageViewRequest.
  if (!isPageViewRequest({ method: request.method, pathname, headers, hasCookie: (name) => cookies.has(name) })) {
    return undefined;
  }
  const userAgent = headers.get('user-agent') ?? '';
  if (isBotUserAgent(userAgent)) return undefined;

  const identity = identifyVisitor(cookies.get(VISITOR_COOKIE)?.value, getVisitorCookieKey());
  recordPageView({
    visitorId: identity.visitorId,
    isNew: identity.isNew,
    at: Date.now(),
    // nextUrl.pathname has no query string, so RSC navigations (`?_rsc=`) count as their page.
    path: pathname,
    referrer: headers.get('referer'),
    userAgent,
    host: headers.get('host') ?? host,
  });
  const response = NextResponse.next(forward);
  // The browser must ask again for every page, going back included: a page restored from the
  // browser's cache never reaches the proxy and would go uncounted. The server still answers
  // from its ISR cache.
  response.headers.set('Cache-Control', 'private, no-store');
  if (!identity.cookieValue) return response;
  response.cookies.set({
    name: VISITOR_COOKIE,
    value: identity.cookieValue,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: VISITOR_COOKIE_MAX_AGE_S,
    secure: isSecureRequest(protocol, headers),
  });
  return response;
}

const ARTICLE_PATH = /^(?:\/ban-bien-tap)?\/tin-tuc\/([^/]+)$/;
const STAFF_VIEW_PREFIX = '/ban-bien-tap/';

function articleSlugOf(pathname: string): string | undefined {
  return ARTICLE_PATH.exec(pathname)?.[1];
}
const SLUG_PATH = /^\/(?:tin-tuc|chuyen-muc)\/([^/]+)/;
const CATEGORY_PAGE_PATH = /^\/chuyen-muc\/[^/]+\/trang\/([^/]+)$/;

/** A slug or page number no page can have (the pages would answer 404, and cache the answer). */
function namesImpossibleSlug(path: string): boolean {
  const slug = SLUG_PATH.exec(path);
  if (slug !== null && !isValidSlug(slug[1]!)) return true;
  const page = CATEGORY_PAGE_PATH.exec(path);
  return page !== null && !/^[1-9][0-9]{0,5}$/.test(page[1]!);
}

/**
 * An article's old address, after its slug changed: a 301 to the current one, for everyone (a page
 * can only answer 307 or 308). The map is in memory; see lib/slug-redirects.ts.
 */
function movedArticleOf(request: NextRequest, slug: string): URL | null {
  // Only reads move: a server action posted from a page opened at the old address still reaches it.
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const current = appSlugRedirects().lookup(slug);
  if (!current) return null;
  const url = request.nextUrl.clone();
  url.pathname = `/tin-tuc/${current}`;
  return url;
}

/**
 * A browser with a staff session gets the article from the per-request staff view, at the same
 * address, so it can be edited in place while the public page stays cached and free of editor
 * code. Routing only: that page checks the session, role and article itself, and shows the public
 * page to anyone who may not edit it. Every method is routed, so a server action's response
 * re-renders the staff view too. The token's signature and expiry are checked first (no database):
 * a made-up cookie must not turn a cached page into a database render on every request.
 */
async function staffViewOf(request: NextRequest): Promise<URL | null> {
  const slug = articleSlugOf(request.nextUrl.pathname);
  if (slug === undefined) return null;
  const token = sessionTokenOf(request.cookies);
  if (!token) return null;
  try {
    const { getAuthSecret } = await import('./lib/auth/secret');
    if (!(await sessionTokenIsGenuine(token, await getAuthSecret()))) return null;
  } catch (error) {
    console.warn('[proxy] Không kiểm tra được phiên đăng nhập.', error);
    return null;
  }
  const url = request.nextUrl.clone();
  url.pathname = `${STAFF_VIEW_PREFIX}tin-tuc/${slug}`;
  return url;
}

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export const config = {
  // Not assets, images, route handlers or any file with an extension: none of them is a page view.
  matcher: ['/((?!api/|api$|_next/static|_next/image|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)'],
};

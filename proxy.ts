import { NextResponse, type NextRequest } from 'next/server';
import { identifyVisitor, getVisitorCookieKey } from '@/server/visits/cookie';
import { hasSessionCookie } from '@/lib/session-cookie';
import { isShuttingDown } from '@/server/shutdown-state';
import { isImpossiblePublicPath, matchPublicPage, routes, staffAboutViewOf } from '@/lib/routes';
import { appSlugRedirects } from '@/server/slug-redirects';
import { isVisitCountingEnabled, recordPageView } from '@/server/visits';
import { isBotUserAgent, isPageViewRequest, isSecureRequest } from '@/lib/visits/request';
import { VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from '@/lib/visits/rules';

/**
 * The one place page views are recorded (docs/architecture.md, "a page view"). It runs for cached pages
 * too, so it must stay cheap: no database, no user-agent parsing; a hit goes into an in-memory
 * buffer that lib/visits writes every 2 s, and old article addresses are looked up in memory. It
 * decides nothing about access: pages and route handlers check the session themselves.
 */
export function proxy(request: NextRequest): NextResponse | undefined {
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
    return NextResponse.redirect(new URL(routes.notFound, request.url));
  }
  if (isImpossiblePublicPath(path)) {
    // No page can have this address: answer with the uncached 404 page, so odd or over-long
    // slugs never reach the ISR cache on disk (one file per address tried).
    return NextResponse.rewrite(new URL(routes.notFound, request.url));
  }
  const page = matchPublicPage(path);
  if (page?.kind === 'article') {
    const moved = movedArticleOf(request, page.slug);
    if (moved) return NextResponse.redirect(moved, 301);
    const staffView = staffViewOf(request, routes.internal.staffArticle(page.slug));
    if (staffView) return NextResponse.rewrite(staffView);
  }
  const aboutView = page?.kind === 'static' ? staffAboutViewOf(path) : null;
  if (aboutView) {
    // The Giới thiệu pages are edited in place the same way.
    const staffView = staffViewOf(request, aboutView);
    if (staffView) return NextResponse.rewrite(staffView);
  }
  try {
    return countPageView(request);
  } catch (error) {
    // Counting is never worth a failed page.
    console.warn('[visits] Không ghi nhận được lượt xem.', error);
    return undefined;
  }
}

function countPageView(request: NextRequest): NextResponse | undefined {
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
  const response = NextResponse.next();
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

/**
 * An article's old address, after its slug changed: a 301 to the current one, for everyone (a page
 * can only answer 307 or 308). The map is in memory; see server/slug-redirects.ts.
 */
function movedArticleOf(request: NextRequest, slug: string): URL | null {
  // Only reads move: a server action posted from a page opened at the old address still reaches it.
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const current = appSlugRedirects().lookup(slug);
  if (!current) return null;
  const url = request.nextUrl.clone();
  url.pathname = routes.article(current);
  return url;
}

/**
 * A browser with a staff session gets the article from the per-request staff view, at the same
 * address, so it can be edited in place while the public page stays cached and free of editor
 * code. Routing only: that page checks the session, role and article itself, and shows the public
 * page to anyone who may not edit it. Every method is routed, so a server action's response
 * re-renders the staff view too.
 */
function staffViewOf(request: NextRequest, staffPath: string): URL | null {
  if (!hasSessionCookie((name) => request.cookies.has(name))) return null;
  const url = request.nextUrl.clone();
  url.pathname = staffPath;
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

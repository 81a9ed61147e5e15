import { NextResponse, type NextRequest } from 'next/server';
import { isHttpsRequest } from '@/lib/client-address';
import { isImpossiblePublicPath, matchPublicPage, type PublicPage, routes, staffAboutViewOf } from '@/lib/routes';
import { isStaffPath, PUBLIC_CONTENT_SECURITY_POLICY, staffContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from '@/lib/security-headers';
import { hasSessionCookie, sessionTokenIsGenuine, sessionTokenOf } from '@/lib/session-cookie';
import { isShuttingDown } from '@/server/shutdown-state';
import { appSlugRedirects } from '@/server/slug-redirects';
import { countPageView as countVisit } from '@/server/visits/count-visit';
import { isPageViewRequest, isSecureRequest } from '@/lib/visits/request';
import { VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from '@/lib/visits/rules';

/**
 * The one place page views are recorded (docs/architecture.md, "a page view"). It runs for cached pages
 * too, so it must stay cheap: no database, no user-agent parsing; a hit goes into an in-memory
 * buffer that lib/visits writes every 2 s, and old article addresses are looked up in memory. It
 * decides nothing about access: pages and route handlers check the session themselves. Every page
 * it answers leaves with its Content-Security-Policy (a fresh nonce on staff pages) and, over
 * HTTPS, HSTS.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const path = decodedPath(request.nextUrl.pathname);
  // Matched once here; the 404 check and the article's staff view both use it.
  const page = path === null ? null : matchPublicPage(path);
  const articleSlug = path === null ? undefined : articleSlugOf(path, page);
  const aboutPath = path === null ? null : aboutPathOf(path);
  // Articles and the Giới thiệu pages are edited in place: a staff session is routed to their staff view.
  const staffPath =
    aboutPath === null ? null : articleSlug !== undefined ? routes.internal.staffArticle(articleSlug) : staffAboutViewOf(aboutPath);
  const staffView = staffPath === null ? null : await staffViewOf(request, staffPath);
  const staff = staffView !== null || isStaffPath(request.nextUrl.pathname);
  const policy = staff ? staffContentSecurityPolicy(btoa(crypto.randomUUID())) : PUBLIC_CONTENT_SECURITY_POLICY;
  // Next takes the nonce for its own scripts from the request's policy header. Public pages pass
  // the request on untouched: overriding its headers copies them all and makes Next rebuild the
  // request on every cached page view, for nothing.
  let forward: Forward | undefined;
  if (staff) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('content-security-policy', policy);
    forward = { request: { headers: requestHeaders } };
  }
  const response = route(request, path, page, aboutPath, articleSlug, staffView, forward) ?? NextResponse.next(forward);
  response.headers.set('Content-Security-Policy', policy);
  if (isHttpsRequest((name) => request.headers.get(name))) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

type Forward = { request: { headers: Headers } };

function route(
  request: NextRequest,
  path: string | null,
  page: PublicPage | null,
  aboutPath: string | null,
  articleSlug: string | undefined,
  staffView: URL | null,
  forward: Forward | undefined,
): NextResponse | undefined {
  if (isShuttingDown()) {
    return new NextResponse('Máy chủ đang khởi động lại, vui lòng tải lại trang sau giây lát.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' },
    });
  }
  if (path === null || aboutPath === null) {
    // Next answers a path with invalid percent-encoding (%C3%28) with a 500, even when rewritten:
    // send the visitor to the 404 page instead.
    return NextResponse.redirect(new URL(routes.notFound, request.url));
  }
  if (isImpossiblePublicPath(path, page)) {
    // No page can have this address: answer with the uncached 404 page straight away.
    return NextResponse.rewrite(new URL(routes.notFound, request.url), forward);
  }
  const login = loginFirst(request);
  if (login) return NextResponse.redirect(login);
  if (articleSlug !== undefined) {
    const moved = movedArticleOf(request, articleSlug);
    if (moved) return NextResponse.redirect(moved, 301);
    if (staffView) return NextResponse.rewrite(staffView, forward);
    if (path.startsWith(STAFF_ARTICLE_PREFIX)) {
      // The staff view's own address, asked for directly: the cached public page, like anyone else.
      return NextResponse.rewrite(new URL(routes.article(articleSlug), request.url), forward);
    }
  }
  if (staffView) return NextResponse.rewrite(staffView, forward);
  if (aboutPath !== path) {
    // As for articles: the staff view of a Giới thiệu page asked for directly is its cached public page.
    return NextResponse.rewrite(new URL(aboutPath, request.url), forward);
  }
  try {
    const counted = countPageView(request, forward);
    if (counted) return counted;
  } catch (error) {
    // Counting is never worth a failed page.
    console.warn('[visits] Không ghi nhận được lượt xem.', error);
  }
  return routerDataNotStored(request, forward);
}

/**
 * The router's data for a cached page (a prefetch from a <Link>, `?_rsc=`) comes with the ISR
 * page's `s-maxage=300, stale-while-revalidate=…`. Chromium honours stale-while-revalidate: it
 * answers the next identical prefetch from its disk cache and sends a background revalidation
 * whose response is never read, so that request stays pending and holds a connection (seen on
 * every staff page, whose header links to "/"). The client router keeps its own cache of this
 * data; the browser's HTTP cache must not.
 */
function routerDataNotStored(request: NextRequest, forward: Forward | undefined): NextResponse | undefined {
  if (request.headers.get('rsc') !== '1') return undefined;
  const response = NextResponse.next(forward);
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

/**
 * Without a session cookie a staff page sends the browser to the login, keeping the page asked
 * for. Convenience only: every staff page checks the session itself (requireStaff), and sends an
 * expired one to the login too.
 */
function loginFirst(request: NextRequest): URL | null {
  const { pathname } = request.nextUrl;
  const staffHome = routes.staff.home();
  if (request.method !== 'GET' || (pathname !== staffHome && !pathname.startsWith(`${staffHome}/`))) return null;
  if (hasSessionCookie((name) => request.cookies.has(name))) return null;
  const asked = request.nextUrl.clone();
  asked.searchParams.delete('_rsc');
  return new URL(routes.login(asked.pathname + asked.search), request.nextUrl);
}

const STAFF_ARTICLE_PREFIX = routes.internal.staffArticle('');
const STAFF_ABOUT_PREFIX = routes.internal.staffAbout(routes.about.home);

/** A Giới thiệu page's public address, from itself or from its staff view's internal one. */
function aboutPathOf(path: string): string {
  return path === STAFF_ABOUT_PREFIX || path.startsWith(`${STAFF_ABOUT_PREFIX}/`)
    ? path.slice(routes.internal.staffAbout('').length)
    : path;
}

/** The article a path names: its public address (`page`, matched already), or the staff view's internal one. */
function articleSlugOf(path: string, page: PublicPage | null): string | undefined {
  const article = path.startsWith(STAFF_ARTICLE_PREFIX) ? matchPublicPage(routes.article(path.slice(STAFF_ARTICLE_PREFIX.length))) : page;
  return article?.kind === 'article' ? article.slug : undefined;
}

function countPageView(request: NextRequest, forward: Forward | undefined): NextResponse | undefined {
  const { pathname, protocol, host } = request.nextUrl;
  const { headers, cookies } = request;
  // A staff session (next-auth's session cookie) means a preview by staff, not a visit: see isPageViewRequest.
  if (!isPageViewRequest({ method: request.method, pathname, headers, hasCookie: (name) => cookies.has(name) })) {
    return undefined;
  }
  const { counted, cookieValue } = countVisit({
    // nextUrl.pathname has no query string, so RSC navigations (`?_rsc=`) count as their page.
    path: pathname,
    userAgent: headers.get('user-agent') ?? '',
    referrer: headers.get('referer'),
    host: headers.get('host') ?? host,
    visitorCookie: cookies.get(VISITOR_COOKIE)?.value,
  });
  if (!counted) return undefined;
  const response = NextResponse.next(forward);
  // The browser asks again for every page it opens (no-cache), and no shared cache keeps one
  // (private): each view must reach this proxy to be counted. Not no-store, which would keep public
  // pages out of the back/forward cache: a page restored from there (or from the HTTP cache on a
  // history navigation) is reported by the visitor widget instead (server/visits/restored-page-view.ts).
  response.headers.set('Cache-Control', 'private, no-cache');
  if (!cookieValue) return response;
  response.cookies.set({
    name: VISITOR_COOKIE,
    value: cookieValue,
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
 * A browser with a staff session gets the article (or Giới thiệu page) from the per-request staff view, at the same
 * address, so it can be edited in place while the public page stays cached and free of editor
 * code. Routing only: that page checks the session, role and article itself, and shows the public
 * page to anyone who may not edit it. Every method is routed, so a server action's response
 * re-renders the staff view too. The token's signature and expiry are checked first (no database):
 * a made-up cookie must not turn a cached page into a database render on every request.
 */
async function staffViewOf(request: NextRequest, staffPath: string): Promise<URL | null> {
  const token = sessionTokenOf(request.cookies);
  if (!token) return null;
  try {
    const { getAuthSecret } = await import('@/server/auth/secret');
    if (!(await sessionTokenIsGenuine(token, await getAuthSecret()))) return null;
  } catch (error) {
    console.warn('[proxy] Không kiểm tra được phiên đăng nhập.', error);
    return null;
  }
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

import { matchPublicPage } from '@/lib/routes';
import { hasSessionCookie } from '@/lib/session-cookie';
import { VISITOR_COOKIE } from '@/lib/visits/rules';
import { type CountedPageView, countPageView } from './count-visit';

/**
 * A public page the browser showed again without asking the server: restored from the
 * back/forward cache, or from its HTTP cache on a history navigation (which ignores `no-cache`).
 * The proxy never saw it, so the widget reports it here (a POST: never prefetched, crawled or
 * sent by a link). The same rules as the proxy's, and the same counting steps (count-visit.ts): a person's browser, no staff session, a public
 * page, and same-origin, so another site cannot make its visitors count pages here.
 * Returns the visitor cookie to set when the visitor had none, or null.
 */
export function recordRestoredPageView(request: {
  path: unknown;
  headers: Headers;
  cookie: (name: string) => string | undefined;
}): CountedPageView {
  if (typeof request.path !== 'string' || request.path.length > 2048) return NOT_COUNTED;
  if (request.headers.get('sec-fetch-site') !== 'same-origin') return NOT_COUNTED;
  if (!matchPublicPage(request.path)) return NOT_COUNTED;
  if (hasSessionCookie((name) => request.cookie(name) !== undefined)) return NOT_COUNTED;
  return countPageView({
    path: request.path,
    userAgent: request.headers.get('user-agent') ?? '',
    // The page's own referrer is not known here; the proxy counted it on its first load.
    referrer: null,
    host: request.headers.get('host') ?? '',
    visitorCookie: request.cookie(VISITOR_COOKIE),
  });
}

const NOT_COUNTED: CountedPageView = { counted: false, cookieValue: null };

import { matchPublicPage } from '@/lib/routes';
import { hasSessionCookie } from '@/lib/session-cookie';
import { isBotUserAgent } from '@/lib/visits/request';
import { VISITOR_COOKIE } from '@/lib/visits/rules';
import { getVisitorCookieKey, identifyVisitor } from './cookie';
import { isVisitCountingEnabled, recordPageView } from './index';

/**
 * A public page the browser showed again without asking the server: restored from the
 * back/forward cache, or from its HTTP cache on a history navigation (which ignores `no-cache`).
 * The proxy never saw it, so the widget reports it here (a POST: never prefetched, crawled or
 * sent by a link). The same rules as the proxy's: a person's browser, no staff session, a public
 * page, and same-origin, so another site cannot make its visitors count pages here.
 * Returns the visitor cookie to set when the visitor had none, or null.
 */
export function recordRestoredPageView(request: { path: unknown; headers: Headers; cookie: (name: string) => string | undefined }): {
  counted: boolean;
  cookieValue: string | null;
} {
  const none = { counted: false, cookieValue: null };
  if (!isVisitCountingEnabled() || typeof request.path !== 'string' || request.path.length > 2048) return none;
  if (request.headers.get('sec-fetch-site') !== 'same-origin') return none;
  const page = matchPublicPage(request.path);
  if (!page) return none;
  if (hasSessionCookie((name) => request.cookie(name) !== undefined)) return none;
  const userAgent = request.headers.get('user-agent') ?? '';
  if (isBotUserAgent(userAgent)) return none;
  const identity = identifyVisitor(request.cookie(VISITOR_COOKIE), getVisitorCookieKey());
  recordPageView({
    visitorId: identity.visitorId,
    isNew: identity.isNew,
    at: Date.now(),
    path: request.path,
    // The page's own referrer is not known here; the proxy counted it on its first load.
    referrer: null,
    userAgent,
    host: request.headers.get('host') ?? '',
  });
  return { counted: true, cookieValue: identity.cookieValue };
}

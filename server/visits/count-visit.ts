import { isBotUserAgent } from '@/lib/visits/request';
import { getVisitorCookieKey, identifyVisitor } from './cookie';
import { isVisitCountingEnabled, recordPageView } from './index';

/** A page view to count, as the proxy or the restored-page report (restored-page-view.ts) saw it. */
export type PageView = {
  /** The page's path, without the query string. */
  path: string;
  userAgent: string;
  referrer: string | null;
  host: string;
  /** The visitor cookie the browser sent, if any. */
  visitorCookie: string | undefined;
};

/** counted: the view was recorded; cookieValue: the visitor cookie to set (a new visitor), else null. */
export type CountedPageView = { counted: boolean; cookieValue: string | null };

const NOT_COUNTED: CountedPageView = { counted: false, cookieValue: null };

/**
 * The steps every counted page view takes, whoever saw it: counting on, not a known bot, the visitor
 * from their signed cookie (or a new one), and the hit into the in-memory batch. The callers decide
 * first whether the request is a page view at all (their rules differ: a GET that is no prefetch for
 * the proxy, a same-origin POST naming a public page for a restored page).
 */
export function countPageView(view: PageView): CountedPageView {
  if (!isVisitCountingEnabled() || isBotUserAgent(view.userAgent)) return NOT_COUNTED;
  const identity = identifyVisitor(view.visitorCookie, getVisitorCookieKey());
  recordPageView({
    visitorId: identity.visitorId,
    isNew: identity.isNew,
    at: Date.now(),
    path: view.path,
    referrer: view.referrer,
    userAgent: view.userAgent,
    host: view.host,
  });
  return { counted: true, cookieValue: identity.cookieValue };
}

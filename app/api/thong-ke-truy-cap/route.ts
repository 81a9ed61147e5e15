import type { NextRequest } from 'next/server';
import { getVisitorWidgetStats } from '@/db/queries/visits';
import { isSecureRequest } from '@/lib/visits/request';
import { VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from '@/lib/visits/rules';
import { recordRestoredPageView } from '@/server/visits/restored-page-view';

// Numbers change every few seconds; the per-process cache in getVisitorWidgetStats() carries the load.
export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** The visitor widget's numbers. Public: they are shown on every page anyway. */
export async function GET(): Promise<Response> {
  return statsResponse();
}

/**
 * The widget's refresh when the browser showed its page again without asking the server (the
 * back/forward cache): counts that page view, then answers like GET. The body is the page's path
 * as plain text (the smallest thing the widget's script can send).
 */
export async function POST(request: NextRequest): Promise<Response> {
  const { cookieValue } = recordRestoredPageView({
    path: await request.text().catch(() => null),
    headers: request.headers,
    cookie: (name) => request.cookies.get(name)?.value,
  });
  const response = await statsResponse();
  if (cookieValue) {
    const secure = isSecureRequest(request.nextUrl.protocol, request.headers) ? '; Secure' : '';
    response.headers.append(
      'Set-Cookie',
      `${VISITOR_COOKIE}=${cookieValue}; Path=/; Max-Age=${VISITOR_COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`,
    );
  }
  return response;
}

async function statsResponse(): Promise<Response> {
  try {
    return Response.json(await getVisitorWidgetStats(), { headers: noStore });
  } catch (error) {
    console.warn('[visits] Không đọc được thống kê truy cập.', error);
    return Response.json(
      { error: 'Tạm thời không tải được thống kê truy cập. Vui lòng thử lại sau.' },
      { status: 503, headers: { ...noStore, 'Retry-After': '10' } },
    );
  }
}

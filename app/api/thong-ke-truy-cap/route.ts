import { getVisitorWidgetStats } from '@/db/queries/visits';

// Numbers change every few seconds; the per-process cache in getVisitorWidgetStats() carries the load.
export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** The visitor widget's numbers. Public: they are shown on every page anyway. */
export async function GET(): Promise<Response> {
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

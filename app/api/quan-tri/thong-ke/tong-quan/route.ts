import { getStatsOverview } from '@/db/queries/stats';
import { authorizeStatistics, jsonError, NO_STORE, STATS_MESSAGES } from '@/lib/stats/access';

export const dynamic = 'force-dynamic';

/** At a glance (Đang online, Hôm nay, …): polled by the dashboard every few seconds. */
export async function GET(): Promise<Response> {
  const access = await authorizeStatistics();
  if (!access.ok) return access.response;
  try {
    return Response.json(await getStatsOverview(), { headers: NO_STORE });
  } catch (error) {
    console.warn('[stats] Không đọc được số liệu tổng quan.', error);
    return jsonError(503, STATS_MESSAGES.failed);
  }
}

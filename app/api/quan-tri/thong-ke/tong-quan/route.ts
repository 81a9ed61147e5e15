import { getStatsOverview } from '@/db/queries/stats';
import { authorizeStatistics, NO_STORE, STATS_MESSAGES } from '@/server/stats/access';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** At a glance (Đang online, Hôm nay, …): polled by the dashboard every few seconds. */
export async function GET(): Promise<Response> {
  const access = await authorizeStatistics();
  if (!access.ok) return access.response;
  try {
    return Response.json(await getStatsOverview(), { headers: NO_STORE });
  } catch (error) {
    console.warn('[stats] Không đọc được số liệu tổng quan.', error);
    return new AppError('unavailable', { message: STATS_MESSAGES.failed }).toResponse();
  }
}

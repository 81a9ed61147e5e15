import { getTrafficSeries, listDimensionBreakdown, listTopArticles, listTopPages } from '@/db/queries/stats';
import { authorizeStatisticsRange, NO_STORE, STATS_MESSAGES } from '@/server/stats/access';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The chosen range: the series against the period before, and its breakdowns. */
export async function GET(request: Request): Promise<Response> {
  const parsed = await authorizeStatisticsRange(request);
  if (!parsed.ok) return parsed.response;
  const { range } = parsed;
  try {
    const series = await getTrafficSeries({ range });
    const topArticles = await listTopArticles({ range });
    const topPages = await listTopPages({ range });
    const breakdowns = {
      referrer: await listDimensionBreakdown({ range, dimension: 'referrer' }),
      device: await listDimensionBreakdown({ range, dimension: 'device' }),
      browser: await listDimensionBreakdown({ range, dimension: 'browser' }),
      os: await listDimensionBreakdown({ range, dimension: 'os' }),
    };
    return Response.json({ range, series, topArticles, topPages, breakdowns }, { headers: NO_STORE });
  } catch (error) {
    console.warn('[stats] Không đọc được số liệu theo khoảng thời gian.', error);
    return new AppError('unavailable', { message: STATS_MESSAGES.failed }).toResponse();
  }
}

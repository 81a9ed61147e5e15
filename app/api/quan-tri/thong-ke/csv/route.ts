import { getRatingSummary, listDailyTotals } from '@/db/queries/stats';
import { authorizeStatisticsRange, NO_STORE, STATS_MESSAGES } from '@/server/stats/access';
import { AppError } from '@/lib/errors';
import { csvFileName, dailyRowsToCsv } from '@/server/stats/csv';

export const dynamic = 'force-dynamic';

/** Xuất CSV: the range, one row per day, then the ratings by month; UTF-8 with BOM so Excel shows Vietnamese correctly. */
export async function GET(request: Request): Promise<Response> {
  const parsed = await authorizeStatisticsRange(request);
  if (!parsed.ok) return parsed.response;
  try {
    const rows = await listDailyTotals({ range: parsed.range });
    const ratings = await getRatingSummary({ range: parsed.range });
    return new Response(dailyRowsToCsv(rows, ratings), {
      headers: {
        ...NO_STORE,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${csvFileName(parsed.range)}"`,
      },
    });
  } catch (error) {
    console.warn('[stats] Không xuất được CSV.', error);
    return new AppError('unavailable', { message: STATS_MESSAGES.failed }).toResponse();
  }
}

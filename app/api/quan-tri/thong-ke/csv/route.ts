import { listDailyTotals } from '@/db/queries/stats';
import { authorizeStatisticsRange, jsonError, NO_STORE, STATS_MESSAGES } from '@/lib/stats/access';
import { csvFileName, dailyRowsToCsv } from '@/lib/stats/csv';

export const dynamic = 'force-dynamic';

/** Xuất CSV: the range, one row per day, UTF-8 with BOM so Excel shows Vietnamese correctly. */
export async function GET(request: Request): Promise<Response> {
  const parsed = await authorizeStatisticsRange(request);
  if (!parsed.ok) return parsed.response;
  try {
    const rows = await listDailyTotals({ range: parsed.range });
    return new Response(dailyRowsToCsv(rows), {
      headers: {
        ...NO_STORE,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${csvFileName(parsed.range)}"`,
      },
    });
  } catch (error) {
    console.warn('[stats] Không xuất được CSV.', error);
    return jsonError(503, STATS_MESSAGES.failed);
  }
}

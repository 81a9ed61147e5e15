import 'server-only';
import { auth, type SessionUser } from '@/auth';
import { AppError } from '@/lib/errors';
import { canViewStatistics } from '@/lib/permissions';
import { parseStatsRange, type StatsRange } from '@/lib/stats/range';

export const STATS_MESSAGES = {
  notLoggedIn: 'Bạn cần đăng nhập để xem thống kê truy cập.',
  forbidden: 'Bạn không có quyền xem thống kê truy cập.',
  failed: 'Tạm thời không tải được thống kê truy cập. Vui lòng thử lại sau.',
} as const;

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/**
 * The check every statistics route handler starts with: a session (re-read from the database by
 * auth()) and the right to view statistics. Returns the user, or the 401/403 answer to send.
 */
export async function authorizeStatistics(): Promise<{ ok: true; user: SessionUser } | { ok: false; response: Response }> {
  const user = await auth();
  if (!user) return { ok: false, response: new AppError('unauthenticated', { message: STATS_MESSAGES.notLoggedIn }).toResponse() };
  if (!canViewStatistics(user))
    return { ok: false, response: new AppError('forbidden', { message: STATS_MESSAGES.forbidden }).toResponse() };
  return { ok: true, user };
}

/** authorizeStatistics(), then the range in the request's query: the range, or the 400/401/403 answer to send. */
export async function authorizeStatisticsRange(
  request: Request,
): Promise<{ ok: true; range: StatsRange } | { ok: false; response: Response }> {
  const access = await authorizeStatistics();
  if (!access.ok) return access;
  const parsed = parseStatsRange(new URL(request.url).searchParams);
  return parsed.ok ? parsed : { ok: false, response: new AppError('invalid', { message: parsed.error }).toResponse() };
}

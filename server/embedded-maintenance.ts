import type { Db } from '@/db';
import { vacuumChurningTables } from '@/db/queries/maintenance';
import { HOUR_MS } from '@/lib/time';
import { type PeriodicLoop, startPeriodic } from './periodic';

/**
 * The embedded database (PGlite) has no autovacuum. Without it the rows the visit counter rewrites
 * every few seconds would stay dead and keep the tables and their indexes growing, and the
 * planner would keep the statistics of the first start. This loop vacuums and analyzes them, an
 * hour after start and then every six hours (db/queries/maintenance.ts). A run holds PGlite's one
 * connection for as long as it takes (cached pages are still served); after the first, VACUUM
 * skips the pages with nothing to do. PostgreSQL does this itself: the loop is not started there.
 */
export function startEmbeddedMaintenance({
  db,
  intervalMs = 6 * HOUR_MS,
  startDelayMs = HOUR_MS,
}: {
  db: Db;
  intervalMs?: number;
  startDelayMs?: number;
}): PeriodicLoop<void> {
  return startPeriodic({
    run: () => vacuumChurningTables({ db }),
    intervalMs,
    startDelayMs,
    onError: (error) => console.error('[csdl] Không dọn được cơ sở dữ liệu nhúng (VACUUM).', error),
  });
}

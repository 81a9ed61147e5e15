import { closeDb, getDb, getDriver } from '@/db';
import { ensureFirstAdmin } from '@/server/auth/first-admin';
import { getAuthSecret } from '@/server/auth/secret';
import { setVisitorCookieSecret } from '@/server/visits/cookie';
import { startEmbeddedMaintenance } from './embedded-maintenance';
import { internalSecret, revalidateOverLoopback } from './internal-revalidation';
import { clearRouteCacheIfDatabaseChanged } from './route-cache';
import type { PeriodicLoop } from './periodic';
import { startQuestionErasure, type ErasureLoop } from './questions/erasure';
import { retentionMonths } from './questions/settings';
import { startScheduledPublishing, type Scheduler } from './scheduled-publishing';
import { appSlugRedirects } from './slug-redirects';
import { isShuttingDown, markShuttingDown } from './shutdown-state';
import { flushVisitsForShutdown } from '@/server/visits';

const installedKey = Symbol.for('portal.shutdown-handler');
type GlobalWithHandler = typeof globalThis & { [installedKey]?: boolean };

/**
 * Server start (from instrumentation.ts): open the database so migrations and seed run now, not
 * on a visitor's first request; drop run-time ISR pages rendered from another database; create
 * the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is none; and take
 * over SIGTERM/SIGINT so pending visit counts are written before exit. This needs
 * NEXT_MANUAL_SIG_HANDLE=1 (set by `npm start`): otherwise Next exits on the signal before an
 * asynchronous flush can finish. Then it starts the scheduled-publishing loop, the erasure of
 * expired personal data and, on the embedded database, its VACUUM.
 */
export async function startServerLifecycle(): Promise<void> {
  const db = await getDb();
  if (await clearRouteCacheIfDatabaseChanged(db)) {
    console.log('[start] Cơ sở dữ liệu đã thay đổi: đã xóa các trang lưu đệm cũ.');
  }
  await ensureFirstAdmin();
  // Visitor cookies are signed with a key derived from the session secret, which every instance
  // on this database shares (AUTH_SECRET, or the one kept in site_settings).
  setVisitorCookieSecret(await getAuthSecret());
  // The proxy answers old article addresses from this map from the first request on.
  await appSlugRedirects().reload();
  const store = globalThis as GlobalWithHandler;
  if (store[installedKey]) return;
  store[installedKey] = true;

  let scheduler: Scheduler | null = null;
  let erasure: ErasureLoop | null = null;
  let maintenance: PeriodicLoop<void> | null = null;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (isShuttingDown()) return;
    markShuttingDown();
    scheduler?.stop();
    erasure?.stop();
    maintenance?.stop();
    let code = 0;
    try {
      if (!(await flushVisitsForShutdown())) code = 1;
      await closeDb();
    } catch (error) {
      console.error(`[shutdown] Lỗi khi dừng máy chủ (${signal}).`, error);
      code = 1;
    }
    process.exit(code);
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));

  // Scheduled articles appear at their minute even when nobody visits (see scheduled-publishing.ts).
  internalSecret();
  scheduler = startScheduledPublishing({ db, revalidate: revalidateOverLoopback, startDelayMs: 3000 });
  // Hỏi đáp: email and phone erased QUESTION_RETENTION_MONTHS after closing (see questions/erasure.ts).
  erasure = startQuestionErasure({ db, months: retentionMonths, startDelayMs: 10_000 });
  // PGlite has no autovacuum (see embedded-maintenance.ts).
  if ((await getDriver()) === 'pglite') maintenance = startEmbeddedMaintenance({ db });
}

/**
 * Runs once when a server process starts. Opens the database (migrations and seed run here, not
 * on a visitor's first request) and installs the shutdown handler that writes pending visit
 * counts. `npm start` sets NEXT_MANUAL_SIG_HANDLE=1: without it Next exits on SIGTERM before an
 * asynchronous flush can finish.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;

  const { getDb, closeDb } = await import('./db');
  const { flushVisitsForShutdown } = await import('./lib/visits');
  await getDb();

  const installedKey = Symbol.for('portal.shutdown-handler');
  const store = globalThis as typeof globalThis & { [installedKey]?: boolean };
  if (store[installedKey]) return;
  store[installedKey] = true;

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
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
}

import { closeDb, getDb } from '../../db';
import { flushVisitsForShutdown } from './index';

const installedKey = Symbol.for('portal.shutdown-handler');
type GlobalWithShutdown = typeof globalThis & { [installedKey]?: boolean };

/**
 * Server start (from instrumentation.ts): open the database so migrations and seed run now, not
 * on a visitor's first request, and take over SIGTERM/SIGINT so pending visit counts are written
 * before exit. This needs NEXT_MANUAL_SIG_HANDLE=1 (set by `npm start`): otherwise Next exits on
 * the signal before an asynchronous flush can finish.
 */
export async function startServerLifecycle(): Promise<void> {
  await getDb();
  const store = globalThis as GlobalWithShutdown;
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

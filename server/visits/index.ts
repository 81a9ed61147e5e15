import { createVisitRecorder, type PageViewHit, type VisitRecorder } from './recorder';

export { createVisitRecorder, type PageViewHit, type VisitRecorder } from './recorder';

/**
 * The app's one recorder. proxy.ts, instrumentation.ts and the pages are separate module graphs
 * in one process, so the recorder lives on globalThis: the proxy adds hits, the shutdown handler
 * flushes the very same buffer.
 */
const globalKey = Symbol.for('portal.visits');
type GlobalWithVisits = typeof globalThis & { [globalKey]?: VisitRecorder };
const store = globalThis as GlobalWithVisits;

function appRecorder(): VisitRecorder {
  store[globalKey] ??= createVisitRecorder({
    // Imported on first flush, not at load: the proxy's bundle stays small and never opens the
    // database itself before instrumentation has done so.
    getDb: async () => (await import('@/db')).getDb(),
  });
  return store[globalKey];
}

/** Set VISIT_COUNTING=off to serve pages without counting (the benchmark's baseline). */
export function isVisitCountingEnabled(): boolean {
  return process.env.VISIT_COUNTING !== 'off';
}

export function recordPageView(hit: PageViewHit): void {
  appRecorder().record(hit);
}

/** Writes all pending page views now; false when the database did not take them. */
export function flushVisits(): Promise<boolean> {
  const recorder = store[globalKey];
  return recorder ? recorder.flush() : Promise.resolve(true);
}

/**
 * At shutdown: stop the timer and write what is pending, retrying for a while in case the
 * database is briefly away. Hits that still cannot be written are reported, not silently lost.
 */
export async function flushVisitsForShutdown({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<boolean> {
  const recorder = store[globalKey];
  if (!recorder) return true;
  recorder.stop();
  const deadline = Date.now() + timeoutMs;
  // Requests already past the proxy may add hits while a flush runs: write until nothing is left.
  for (;;) {
    if ((await recorder.flush({ final: true })) && recorder.pending().pageViews === 0 && recorder.pending().presence === 0) return true;
    if (Date.now() >= deadline) {
      const { pageViews } = recorder.pending();
      console.error(`[visits] Dừng máy chủ khi chưa ghi được ${pageViews} lượt xem vào cơ sở dữ liệu.`);
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

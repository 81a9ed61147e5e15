export type PeriodicLoop<T> = { tick: () => Promise<T | null>; stop: () => void };

/**
 * A task of the server's own: a run `startDelayMs` after start, then `intervalMs` after each run
 * ends (runs never overlap). A failed run is reported and the next one comes as planned. The timer
 * alone never keeps the process alive.
 */
export function startPeriodic<T>({
  run,
  intervalMs,
  startDelayMs = 0,
  onError,
}: {
  run: () => Promise<T>;
  intervalMs: number;
  startDelayMs?: number;
  onError: (error: unknown) => void;
}): PeriodicLoop<T> {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  async function tick(): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      onError(error);
      return null;
    }
  }
  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick().finally(() => schedule(intervalMs));
    }, delay);
    timer.unref();
  }
  schedule(startDelayMs);
  return {
    tick,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

// Shared through globalThis: proxy.ts and instrumentation.ts are separate module graphs.
const shuttingDownKey = Symbol.for('portal.shutting-down');
type GlobalWithShutdown = typeof globalThis & { [shuttingDownKey]?: boolean };

/**
 * True once SIGTERM/SIGINT arrived: the proxy then answers 503 instead of serving pages it could
 * no longer count, so no page is shown without its view being written.
 */
export function isShuttingDown(): boolean {
  return (globalThis as GlobalWithShutdown)[shuttingDownKey] === true;
}

export function markShuttingDown(): void {
  (globalThis as GlobalWithShutdown)[shuttingDownKey] = true;
}

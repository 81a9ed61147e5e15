/**
 * Runs once when a server process starts. The Node.js work is imported inside the runtime check
 * so the Edge build of this file stays empty, and skipped during `next build`, which must never
 * open the database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    // First, before any request is read: the login throttle keys clients on this address.
    const { stampPeerAddresses } = await import('@/server/peer-address');
    stampPeerAddresses();
    const { startServerLifecycle } = await import('@/server/lifecycle');
    await startServerLifecycle();
  }
}

import { expect, test, type Request } from '@playwright/test';
import { ADMIN, logIn } from './fixtures';

/**
 * Issue #18: on every staff page the router's prefetch of "/" stayed pending (12 s and more): the
 * browser answered it from its disk cache under stale-while-revalidate and left the background
 * revalidation hanging. Two full loads: the second is the one the browser's cache answered.
 */
test('on staff pages the router’s prefetch of the home page completes', async ({ page }) => {
  await logIn(page, ADMIN);
  for (let load = 1; load <= 2; load++) {
    // Leave the previous staff page first: its own prefetches, cut off by the next navigation, never
    // report an end, and must not be taken for this load's.
    await page.goto('about:blank');
    const pending = new Set<Request>();
    let seen = 0;
    const onRequest = (request: Request) => {
      if (new URL(request.url()).pathname === '/' && request.headers()['rsc'] === '1') {
        pending.add(request);
        seen += 1;
      }
    };
    const onDone = (request: Request) => pending.delete(request);
    page.on('request', onRequest);
    page.on('requestfinished', onDone);
    page.on('requestfailed', onDone);
    await page.goto('/quan-tri');
    await expect.poll(() => seen, { message: `load ${load}: the header's link to "/" is prefetched` }).toBeGreaterThan(0);
    // The bug was a request that never ended; a first render of "/" on a busy machine may take seconds.
    await expect.poll(() => pending.size, { message: `load ${load}: every prefetch of "/" completes`, timeout: 15_000 }).toBe(0);
    // And nothing is still open a moment later (a background revalidation starts after the first).
    await page.waitForTimeout(1500);
    expect(pending.size, `load ${load}`).toBe(0);
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
  }
});

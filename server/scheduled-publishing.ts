import type { Db } from '@/db';
import { getNextScheduledTime, listArticlesDueBetween } from '@/db/queries/scheduled';
import { pagesShowingArticle, type RevalidateTarget } from '@/lib/cache-tags';

/**
 * Scheduled publishing. An article published with a future time is stored as 'published' and the
 * public queries hide it until `published_at <= now()`; but the cached pages (ISR) that would list
 * it were rendered before that minute. This loop, one per server process, wakes when the next
 * article is due (and at least every `maxIntervalMs`), finds the articles whose time came since its
 * last run, and revalidates every page that shows them — whether or not anyone visits.
 *
 * Several processes each run it for their own cache; revalidating twice is harmless, so it needs
 * no lock. A failed revalidation keeps the window open and is retried on the next tick.
 */
export type SchedulerOptions = {
  db: Db;
  revalidate: (targets: RevalidateTarget[]) => Promise<void>;
  now?: () => number;
  maxIntervalMs?: number;
  /** At start, also catch articles that came due this long ago (a restart, a deploy). */
  lookbackMs?: number;
  /** The first run waits this long: at server start the port is not listening yet. */
  startDelayMs?: number;
  onError?: (error: unknown) => void;
};

export type Scheduler = { tick: () => Promise<RevalidateTarget[]>; stop: () => void };

/** A little after the due time, so `now()` in the database has passed it too. */
const DUE_MARGIN_MS = 250;

export function startScheduledPublishing({
  db,
  revalidate,
  now = Date.now,
  maxIntervalMs = 30_000,
  lookbackMs = 60 * 60_000,
  startDelayMs = 0,
  onError = (error) => console.error('[hen-gio] Không làm mới được các trang của bài hẹn giờ.', error),
}: SchedulerOptions): Scheduler {
  let lastRun = new Date(now() - lookbackMs);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<RevalidateTarget[]> | null = null;

  async function runOnce(): Promise<RevalidateTarget[]> {
    const until = new Date(now());
    const due = await listArticlesDueBetween({ db, after: lastRun, until });
    const targets = due.length
      ? pagesShowingArticle({ slugs: due.map((a) => a.slug), categorySlugs: due.map((a) => a.categorySlug) })
      : [];
    if (targets.length) await revalidate(targets);
    lastRun = until;
    return targets;
  }

  async function nextDelay(): Promise<number> {
    const next = await getNextScheduledTime({ db, after: lastRun });
    if (!next) return maxIntervalMs;
    return Math.min(maxIntervalMs, Math.max(0, next.getTime() - now() + DUE_MARGIN_MS));
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => void tick().catch(() => {}), delay);
    // The loop never keeps a process alive on its own (tests, shutdown).
    timer.unref();
  }

  async function tick(): Promise<RevalidateTarget[]> {
    if (running) return running;
    if (timer) clearTimeout(timer);
    running = (async () => {
      let delay = maxIntervalMs;
      try {
        const targets = await runOnce();
        delay = await nextDelay();
        return targets;
      } catch (error) {
        onError(error);
        return [];
      } finally {
        running = null;
        schedule(delay);
      }
    })();
    return running;
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

import type { Db } from '@/db';
import {
  getNextScheduledTime,
  getScheduledWatermark,
  listArticlesDueBetween,
  restoreScheduledWatermark,
  setScheduledWatermark,
  tryLockScheduledPublishing,
} from '@/db/queries/scheduled';
import { eraseExpiredCommentEmails, listConsultationEdgesBetween } from '@/db/queries/consultations';
import { pagesShowingArticle, pagesShowingConsultation, type RevalidateTarget } from '@/lib/cache-tags';
import { COMMENT_EMAIL_RETENTION_MONTHS } from '@/lib/documents/consultation';
import { HOUR_MS } from '@/lib/time';

/**
 * Scheduled publishing. An article published with a future time is stored as 'published' and the
 * public queries hide it until `published_at <= now()`; but the cached pages (ISR) that would list
 * it were rendered before that minute. This loop, one per server process, wakes when the next
 * article is due (and at least every `maxIntervalMs`), finds the articles whose time came since its
 * last run, and revalidates every page that shows them — whether or not anyone visits.
 *
 * Several instances share one cache (Redis) and one database, so the work is done once, not once
 * per instance: a run holds a transaction-level advisory lock (an instance that finds it taken
 * skips that run) and moves a watermark kept in the database, so the next run, on whichever
 * instance, starts where the last one ended. A failed revalidation rolls the watermark back and
 * the window is retried on the next tick; an instance that dies between its claim and its
 * revalidation leaves those pages to their own expiry (revalidate = 300 s). The watermark is each
 * instance's clock: instances keep their clocks in sync (docs/deploy.md).
 *
 * The same runs revalidate the page of each draft for comment whose window opened or closed in
 * the window (Góp ý dự thảo), so its "Góp ý" form appears and gives way to "closed" within a tick;
 * and, when the watermark crosses an hour, erase the emails of commenters whose draft closed
 * COMMENT_EMAIL_RETENTION_MONTHS ago (once an hour across instances, as the watermark is shared).
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
  /** Articles due before this are not this process's to catch (see lookbackMs). */
  const floor = new Date(now() - lookbackMs);
  let lastRun = floor;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<RevalidateTarget[]> | null = null;

  async function runOnce(): Promise<RevalidateTarget[]> {
    const until = new Date(now());
    // The window is claimed in a short transaction and revalidated after it: the revalidation goes
    // through this process's own route handler, which must not wait on a transaction held here
    // (PGlite has one connection).
    const claim = await db.transaction(async (tx) => {
      if (!(await tryLockScheduledPublishing({ db: tx }))) return null;
      const watermark = await getScheduledWatermark({ db: tx });
      const after = watermark && watermark > floor ? watermark : floor;
      if (after >= until) return null;
      const due = await listArticlesDueBetween({ db: tx, after, until });
      const drafts = await listConsultationEdgesBetween({ db: tx, after, until });
      if (Math.floor(after.getTime() / HOUR_MS) !== Math.floor(until.getTime() / HOUR_MS)) {
        await eraseExpiredCommentEmails({ db: tx, now: until, months: COMMENT_EMAIL_RETENTION_MONTHS });
      }
      await setScheduledWatermark({ db: tx, until });
      return { after, due, drafts };
    });
    lastRun = until;
    if (!claim?.due.length && !claim?.drafts.length) return [];
    const targets = [
      ...(claim.due.length
        ? pagesShowingArticle({ slugs: claim.due.map((a) => a.slug), categorySlugs: claim.due.map((a) => a.categorySlug) })
        : []),
      ...pagesShowingConsultation({ slugs: claim.drafts }),
    ];
    try {
      await revalidate(targets);
    } catch (error) {
      // Give the window back, unless another run has moved on since: the next tick retries it.
      await db.transaction(async (tx) => restoreScheduledWatermark({ db: tx, from: until, to: claim.after }));
      throw error;
    }
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

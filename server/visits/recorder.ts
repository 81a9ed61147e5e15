import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '@/db';
import {
  addDayTotals,
  addDimensionVisits,
  addHourTotals,
  addPageViews,
  claimVisitBatches,
  type DayTotalsRow,
  type Dimension,
  deleteOldVisitBatches,
  deleteStalePresence,
  findCategorySlugs,
  findPublishedDocumentFileIds,
  findPublishedDocumentSlugs,
  findPublishedProcedureSlugs,
  findPublishedQuestionSlugs,
  findPublishedArticleIds,
  insertNewPresence,
  type PageViewRow,
  raisePresence,
} from '@/db/queries/visit-writes';
import { countedPathOf } from '@/lib/routes';
import { add, addHitToBatch, type Batch, decideVisitor, emptyBatch, mergeBatches, type PageViewHit } from '@/lib/visits/batch';
import { classifyPath, parseDevice, referrerDomain } from '@/lib/visits/parse';
import { OTHER_PATH, OTHER_VALUE, PRESENCE_RETENTION_MS, VISIT_BATCH_RETENTION_MS } from '@/lib/visits/rules';
import { startOfHour, vietnamDay } from '@/lib/time';
import { createPresenceMemory } from './presence';

export type { PageViewHit } from '@/lib/visits/batch';

export type VisitRecorderOptions = {
  getDb: () => Promise<Db>;
  now?: () => number;
  /** Distinct visitors held between flushes; beyond it only new visitors' visits stay exact. */
  maxVisitors?: number;
  /** Distinct day-and-path keys held between flushes; beyond it paths fold into OTHER_PATH. */
  maxPathKeys?: number;
  /** Distinct values per dimension per day; the rest are counted as OTHER_VALUE. */
  maxDimensionValues?: number;
  flushIntervalMs?: number;
  /** Start the flush timer on the first hit (the app); tests flush by hand. */
  autoFlush?: boolean;
  log?: (message: string, error?: unknown) => void;
};

export type VisitRecorder = {
  record: (hit: PageViewHit) => void;
  /**
   * Writes the pending page views. Resolves false (and keeps the hits) when the database failed.
   * `final` (at shutdown) also writes every last_seen still held back (see `seen` below).
   */
  flush: (options?: { final?: boolean }) => Promise<boolean>;
  /** Stops the timer; pending hits stay until the next flush(). */
  stop: () => void;
  /** What is not in the database yet: visitors and page views, and last_seen values held back. */
  pending: () => { visitors: number; pageViews: number; presence: number };
};

/**
 * Sums page views in memory and writes them every few seconds in one transaction of additive
 * upserts, so any number of processes can share one database and the totals stay exact.
 * The app keeps one on globalThis (see ./index.ts); tests build their own over a given database.
 * The batch and the visit rules are in lib/visits, the statements in db/queries/visit-writes.ts,
 * what this process remembers of recent visitors in ./presence.ts.
 */
export function createVisitRecorder(options: VisitRecorderOptions): VisitRecorder {
  const now = options.now ?? Date.now;
  const bounds = { maxVisitors: options.maxVisitors ?? 50_000, maxPathKeys: options.maxPathKeys ?? 50_000 };
  const maxDimensionValues = options.maxDimensionValues ?? 500;
  const flushIntervalMs = options.flushIntervalMs ?? 2000;
  const autoFlush = options.autoFlush ?? true;
  const log = options.log ?? ((message, error) => console.warn(`[visits] ${message}`, error ?? ''));

  let current = emptyBatch();
  /**
   * Batches whose commit was cut off (the connection dropped after COMMIT was sent): they may have
   * been written. Each is retried under its own id and counted only if its id was never claimed.
   */
  let unsure: { id: string; batch: Batch }[] = [];
  let timer: ReturnType<typeof setInterval> | null = null;
  let flushing: Promise<boolean> | null = null;
  let warnedBound = false;
  let failingSince: number | null = null;
  const presence = createPresenceMemory({ maxVisitors: bounds.maxVisitors });
  /** Values already written per `${day}\t${dimension}`, to cap each dimension per day. */
  const dimensionValues = new Map<string, Set<string>>();

  function startTimer(): void {
    if (timer || !autoFlush) return;
    timer = setInterval(() => void flush(), flushIntervalMs);
    // The timer alone must not keep a process alive; shutdown flushes explicitly.
    timer.unref?.();
  }

  function warnBoundOnce(): void {
    if (warnedBound) return;
    warnedBound = true;
    log(
      `Bộ đệm lượt xem đã đầy (${bounds.maxVisitors} khách, ${bounds.maxPathKeys} đường dẫn) vì chưa ghi được vào cơ sở dữ liệu; ` +
        'lượt xem vẫn được đếm, chi tiết theo trang và khách quay lại được gộp.',
    );
  }

  function record(hit: PageViewHit): void {
    if (!addHitToBatch(current, hit, bounds)) warnBoundOnce();
    startTimer();
  }

  function cappedDimensionValue(day: string, dimension: Dimension, value: string): string {
    const key = `${day}\t${dimension}`;
    let values = dimensionValues.get(key);
    if (!values) {
      // Only the days being written matter; older ones are dropped so the sets stay bounded.
      if (dimensionValues.size > 16) dimensionValues.clear();
      values = new Set();
      dimensionValues.set(key, values);
    }
    if (values.has(value)) return value;
    if (values.size >= maxDimensionValues) return OTHER_VALUE;
    values.add(value);
    return value;
  }

  /** Writes a batch; returns the last_seen each visitor's row was raised to. */
  async function writeBatch(tx: Tx, batch: Batch, flushedAt: number, final: boolean): Promise<Map<string, number>> {
    const daily = new Map<string, DayTotalsRow>();
    const dayTotals = (day: string) => {
      let totals = daily.get(day);
      if (!totals) daily.set(day, (totals = { day, pageViews: 0, visits: 0, visitors: 0, newVisitors: 0 }));
      return totals;
    };
    const hourly = new Map<number, { pageViews: number; visits: number }>();
    const hourTotals = (hour: number) => {
      let totals = hourly.get(hour);
      if (!totals) hourly.set(hour, (totals = { pageViews: 0, visits: 0 }));
      return totals;
    };
    const dimensions = new Map<string, number>();

    for (const [hour, n] of batch.hourViews) {
      hourTotals(hour).pageViews += n;
      dayTotals(vietnamDay(hour)).pageViews += n;
    }
    for (const [hour, n] of batch.overflow.newVisitorsByHour) {
      hourTotals(hour).visits += n;
      const totals = dayTotals(vietnamDay(hour));
      totals.visits += n;
      totals.visitors += n;
      totals.newVisitors += n;
    }

    // Visitors, in one order everywhere, so two processes lock presence rows in the same order.
    const ids = [...batch.visitors.keys()].sort();
    const previous = new Map<string, number | null>();
    const uncertain: string[] = [];
    for (const id of ids) {
      const certain = presence.certainLastSeen(id, batch.visitors.get(id)!);
      if (certain === undefined) uncertain.push(id);
      else previous.set(id, certain);
    }
    const raise = presence.rowsToRaise(batch, uncertain, flushedAt, final);
    const rowsOf = (part: string[]) => part.map((visitorId) => ({ visitorId, lastSeen: raise.get(visitorId)! }));

    const inserted = await insertNewPresence({ db: tx, rows: rowsOf(uncertain) });
    for (const id of inserted) previous.set(id, null);
    const known = [...raise.keys()].filter((id) => !inserted.has(id)).sort();
    const stored = await raisePresence({ db: tx, rows: rowsOf(known) });
    // Held-back rows were decided above from what this process knows; only the others read theirs.
    for (const [id, lastSeen] of stored) if (!previous.has(id)) previous.set(id, lastSeen);

    for (const id of ids) {
      const visitor = batch.visitors.get(id)!;
      const { visitStarts, visitorDays } = decideVisitor(visitor, previous.get(id) ?? null);
      for (const start of visitStarts) {
        const day = vietnamDay(start.at);
        dayTotals(day).visits += 1;
        hourTotals(startOfHour(start.at)).visits += 1;
        const device = start.userAgent === null ? null : parseDevice(start.userAgent);
        const values: [Dimension, string][] = [
          ['referrer', start.userAgent === null ? OTHER_VALUE : referrerDomain(start.referrer, start.host)],
          ['device', device?.device ?? OTHER_VALUE],
          ['browser', device?.browser ?? OTHER_VALUE],
          ['os', device?.os ?? OTHER_VALUE],
        ];
        for (const [dimension, value] of values) {
          add(dimensions, `${day}\t${dimension}\t${cappedDimensionValue(day, dimension, value)}`);
        }
      }
      for (const day of visitorDays) dayTotals(day).visitors += 1;
      // Decided by the cookie, not by the stored row: another process may have stored this
      // visitor's second page view before we store the first.
      if (visitor.isNew) dayTotals(visitor.days[0]!).newVisitors += 1;
    }

    await addPageViews({ db: tx, rows: await pageViewRows(tx, batch.pathViews) });
    await addDayTotals({ db: tx, rows: [...daily.values()].sort((a, b) => a.day.localeCompare(b.day)) });
    await addHourTotals({
      db: tx,
      rows: [...hourly].sort(([a], [b]) => a - b).map(([hour, totals]) => ({ hour: new Date(hour), ...totals })),
    });
    await addDimensionVisits({
      db: tx,
      rows: [...dimensions]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, visits]) => {
          const [day, dimension, value] = key.split('\t') as [string, Dimension, string];
          return { day, dimension, value, visits };
        }),
    });
    await deleteStalePresence({ db: tx, before: new Date(flushedAt - PRESENCE_RETENTION_MS) });
    return raise;
  }

  /**
   * Page views per day and page. Only pages that exist keep their own row (articles also get
   * their id, so a renamed slug still adds up); every other path is folded into OTHER_PATH.
   */
  async function pageViewRows(tx: Tx, pathViews: Map<string, number>): Promise<PageViewRow[]> {
    if (pathViews.size === 0) return [];
    const refs = new Map<string, ReturnType<typeof classifyPath>>();
    const articleSlugs = new Set<string>();
    const categorySlugs = new Set<string>();
    const documentSlugs = new Set<string>();
    const procedureSlugs = new Set<string>();
    const questionSlugs = new Set<string>();
    const fileIds = new Set<number>();
    for (const key of pathViews.keys()) {
      const path = key.slice(key.indexOf('\t') + 1);
      if (refs.has(path)) continue;
      const ref = classifyPath(path);
      refs.set(path, ref);
      if (ref.kind === 'article') articleSlugs.add(ref.slug);
      if (ref.kind === 'category') categorySlugs.add(ref.slug);
      if (ref.kind === 'document') documentSlugs.add(ref.slug);
      if (ref.kind === 'procedure') procedureSlugs.add(ref.slug);
      if (ref.kind === 'question') questionSlugs.add(ref.slug);
      if (ref.kind === 'documentFile') fileIds.add(ref.id);
    }
    const articleIds = await findPublishedArticleIds({ db: tx, slugs: [...articleSlugs] });
    const knownCategories = await findCategorySlugs({ db: tx, slugs: [...categorySlugs] });
    const knownDocuments = await findPublishedDocumentSlugs({ db: tx, slugs: [...documentSlugs] });
    const knownFiles = await findPublishedDocumentFileIds({ db: tx, ids: [...fileIds] });
    const knownProcedures = await findPublishedProcedureSlugs({ db: tx, slugs: [...procedureSlugs] });
    const knownQuestions = await findPublishedQuestionSlugs({ db: tx, slugs: [...questionSlugs] });

    const rows = new Map<string, PageViewRow>();
    for (const [key, views] of pathViews) {
      const tab = key.indexOf('\t');
      const day = key.slice(0, tab);
      const ref = refs.get(key.slice(tab + 1))!;
      const exists =
        ref.kind === 'home' ||
        ref.kind === 'static' ||
        (ref.kind === 'article' && articleIds.has(ref.slug)) ||
        (ref.kind === 'category' && knownCategories.has(ref.slug)) ||
        (ref.kind === 'document' && knownDocuments.has(ref.slug)) ||
        (ref.kind === 'procedure' && knownProcedures.has(ref.slug)) ||
        (ref.kind === 'question' && knownQuestions.has(ref.slug)) ||
        (ref.kind === 'documentFile' && knownFiles.has(ref.id));
      const path = exists ? countedPathOf(ref) : OTHER_PATH;
      const articleId = ref.kind === 'article' ? (articleIds.get(ref.slug) ?? null) : null;
      const rowKey = `${day}\t${path}`;
      const row = rows.get(rowKey);
      if (row) row.views += views;
      else rows.set(rowKey, { day, path, articleId, views });
    }
    return [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
  }

  async function writeCurrent(final: boolean): Promise<boolean> {
    if (current.size === 0 && unsure.length === 0 && !presence.due(final, now())) return true;
    const attempt = { id: randomUUID(), batch: current };
    current = emptyBatch();
    let committing = false;
    try {
      const db = await options.getDb();
      const flushedAt = now();
      const written = await db.transaction(async (tx) => {
        const parts = [...unsure, attempt];
        const claimed = await claimVisitBatches({ db: tx, ids: parts.map((part) => part.id), at: new Date(flushedAt) });
        // Oldest first, so visit starts are decided in time order; the parts themselves stay as
        // they are in case this transaction fails too.
        const kept = parts.filter((part) => claimed.has(part.id)).map((part) => part.batch);
        const batch = kept.length === 1 ? kept[0]! : kept.reduce((merged, part) => mergeBatches(merged, part), emptyBatch());
        const raised = await writeBatch(tx, batch, flushedAt, final);
        await deleteOldVisitBatches({ db: tx, before: new Date(flushedAt - VISIT_BATCH_RETENTION_MS) });
        committing = true;
        return { batch, raised };
      });
      unsure = [];
      presence.remember(written.batch, written.raised, flushedAt);
      if (failingSince !== null) {
        log(`Đã ghi lại được lượt xem sau ${Math.round((now() - failingSince) / 1000)} giây gián đoạn.`);
        failingSince = null;
      }
      warnedBound = false;
      return true;
    } catch (error) {
      // Keep every hit. A batch that failed before its commit was written nowhere and joins the
      // next one (older first); one whose commit was cut off keeps its id (see `unsure`).
      if (committing) unsure.push(attempt);
      else current = mergeBatches(attempt.batch, current);
      if (failingSince === null) {
        failingSince = now();
        log('Không ghi được lượt xem vào cơ sở dữ liệu; giữ lại trong bộ nhớ và thử lại.', error);
      }
      return false;
    }
  }

  function flush({ final = false }: { final?: boolean } = {}): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      while (flushing) await flushing;
      flushing = writeCurrent(final);
      try {
        return await flushing;
      } finally {
        flushing = null;
      }
    };
    return run();
  }

  return {
    record,
    flush,
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
    pending: () => ({
      visitors: current.visitors.size + unsure.reduce((n, part) => n + part.batch.visitors.size, 0),
      pageViews: current.size + unsure.reduce((n, part) => n + part.batch.size, 0),
      presence: presence.heldBack(),
    }),
  };
}

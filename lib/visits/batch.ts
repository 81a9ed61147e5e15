import { startOfHour, vietnamDay } from '../time';
import { normalizePath } from './parse';
import { OTHER_PATH, VISIT_GAP_MS } from './rules';

/**
 * The in-memory side of visit counting, with no database: a batch of page views per visitor
 * between two writes, and the rules that decide which of them start a visit (./rules.ts). The
 * recorder (server/visits/recorder.ts) fills batches and writes them.
 */

/** One page view as the proxy saw it. Referrer and user agent stay in memory only, until flush. */
export type PageViewHit = {
  visitorId: string;
  /** The cookie was issued by this very request: a visitor never seen before. */
  isNew: boolean;
  at: number;
  /** The request path without its query string, still percent-encoded. */
  path: string;
  referrer: string | null;
  userAgent: string;
  host: string;
};

/** A page view that may start a visit, with what the visit's dimensions are read from. */
export type VisitStart = { at: number; referrer: string | null; userAgent: string | null; host: string | null };

/**
 * One visitor's page views within a batch, reduced to what the flush needs. starts[0] is the
 * first view (whether it starts a visit depends on the database); later entries follow 30 minutes
 * of silence inside the batch and start a visit for sure. days[0] likewise: later days are days on
 * which this visitor is certainly new.
 */
export type VisitorBatch = { isNew: boolean; first: number; last: number; starts: VisitStart[]; days: string[] };

export type Batch = {
  visitors: Map<string, VisitorBatch>;
  /** Page views per hour (epoch ms of the hour's start). */
  hourViews: Map<number, number>;
  /** Page views per `${day}\t${normalized path}`. */
  pathViews: Map<string, number>;
  /** Visitors that arrived after the visitor bound was reached: only certain facts are kept. */
  overflow: { newVisitorsByHour: Map<number, number> };
  size: number;
};

/** Dimensions are read for this many visit starts per visitor and batch; more are still counted. */
const MAX_STARTS_WITH_DETAILS = 8;
const MAX_REFERRER_LENGTH = 512;
const MAX_USER_AGENT_LENGTH = 512;

export function emptyBatch(): Batch {
  return { visitors: new Map(), hourViews: new Map(), pathViews: new Map(), overflow: { newVisitorsByHour: new Map() }, size: 0 };
}

export function add<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Folds the hits of a later batch into an earlier one for the same visitor, as if seen in one. */
function mergeVisitor(older: VisitorBatch, newer: VisitorBatch): VisitorBatch {
  const starts = [...older.starts];
  newer.starts.forEach((start, index) => {
    if (index > 0 || start.at - older.last > VISIT_GAP_MS) starts.push(start);
  });
  const days = [...older.days];
  for (const day of newer.days) if (!days.includes(day)) days.push(day);
  return {
    isNew: older.isNew || newer.isNew,
    first: older.first,
    last: Math.max(older.last, newer.last),
    starts,
    days,
  };
}

export function mergeBatches(older: Batch, newer: Batch): Batch {
  const merged = older;
  for (const [id, visitor] of newer.visitors) {
    const existing = merged.visitors.get(id);
    merged.visitors.set(id, existing ? mergeVisitor(existing, visitor) : visitor);
  }
  for (const [k, n] of newer.hourViews) add(merged.hourViews, k, n);
  for (const [k, n] of newer.pathViews) add(merged.pathViews, k, n);
  for (const [k, n] of newer.overflow.newVisitorsByHour) add(merged.overflow.newVisitorsByHour, k, n);
  merged.size += newer.size;
  return merged;
}

function visitStartOf(hit: PageViewHit, withDetails = true): VisitStart {
  if (!withDetails) return { at: hit.at, referrer: null, userAgent: null, host: null };
  return {
    at: hit.at,
    referrer: hit.referrer ? hit.referrer.slice(0, MAX_REFERRER_LENGTH) : null,
    userAgent: hit.userAgent.slice(0, MAX_USER_AGENT_LENGTH),
    host: hit.host.slice(0, 255),
  };
}

/** A visitor's first page view in a batch. */
export function startVisitorBatch(hit: PageViewHit): VisitorBatch {
  return { isNew: hit.isNew, first: hit.at, last: hit.at, starts: [visitStartOf(hit)], days: [vietnamDay(hit.at)] };
}

/** A later page view of the same visitor in the same batch: after 30 minutes of silence it starts a visit. */
export function addViewToVisitor(visitor: VisitorBatch, hit: PageViewHit): void {
  // Clocks can step back; a view is never earlier than the one before it for this visitor.
  const at = Math.max(hit.at, visitor.last);
  if (at - visitor.last > VISIT_GAP_MS) {
    visitor.starts.push(visitStartOf({ ...hit, at }, visitor.starts.length < MAX_STARTS_WITH_DETAILS));
  }
  const day = vietnamDay(at);
  if (visitor.days[visitor.days.length - 1] !== day) visitor.days.push(day);
  visitor.last = at;
  visitor.isNew ||= hit.isNew;
}

/**
 * Which of a visitor's candidate visit starts are visits, and on which days the visitor counts,
 * given their last page view before this batch (null: none in the last ~25 hours).
 */
export function decideVisitor(visitor: VisitorBatch, lastSeen: number | null): { visitStarts: VisitStart[]; visitorDays: string[] } {
  const continuesVisit = lastSeen !== null && visitor.first - lastSeen <= VISIT_GAP_MS;
  const seenThatDay = lastSeen !== null && vietnamDay(lastSeen) >= visitor.days[0]!;
  return {
    visitStarts: continuesVisit ? visitor.starts.slice(1) : visitor.starts,
    visitorDays: seenThatDay ? visitor.days.slice(1) : visitor.days,
  };
}

/**
 * Adds one page view to a batch, within its bounds: past `maxPathKeys` paths a new path is counted
 * as OTHER_PATH, past `maxVisitors` visitors only a new visitor's visit is kept (a just-issued
 * cookie is a new visitor and a new visit, whatever the database holds). Returns false when a
 * bound was reached.
 */
export function addHitToBatch(batch: Batch, hit: PageViewHit, bounds: { maxVisitors: number; maxPathKeys: number }): boolean {
  let withinBounds = true;
  batch.size += 1;
  const day = vietnamDay(hit.at);
  add(batch.hourViews, startOfHour(hit.at));

  const pathKey = `${day}\t${normalizePath(hit.path)}`;
  if (batch.pathViews.has(pathKey) || batch.pathViews.size < bounds.maxPathKeys) add(batch.pathViews, pathKey);
  else {
    withinBounds = false;
    add(batch.pathViews, `${day}\t${OTHER_PATH}`);
  }

  const visitor = batch.visitors.get(hit.visitorId);
  if (visitor) addViewToVisitor(visitor, hit);
  else if (batch.visitors.size < bounds.maxVisitors) batch.visitors.set(hit.visitorId, startVisitorBatch(hit));
  else {
    withinBounds = false;
    if (hit.isNew) add(batch.overflow.newVisitorsByHour, startOfHour(hit.at));
  }
  return withinBounds;
}

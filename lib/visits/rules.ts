import { MINUTE_MS } from '@/lib/time';

/** A visit ends after this much silence; the next page view starts a new one (docs/architecture.md). */
export const VISIT_GAP_MS = 30 * MINUTE_MS;
/** "Đang online": a page view within this window. */
export const ONLINE_WINDOW_MS = 5 * MINUTE_MS;
/**
 * How long a visitor's last page view is kept: a day to tell a returning visitor today from a new
 * one, plus an hour of slack for batches that were held back while the database was away.
 */
export const PRESENCE_RETENTION_MS = 25 * 60 * MINUTE_MS;
/**
 * How long the id of a written batch is kept (visit_batches): a batch whose commit was cut off is
 * retried under its id at every flush until the database answers. Under steady traffic a process
 * writes a batch every 2 s, 43,200 small rows a day; a day bounds the table and covers any outage
 * the process itself outlives (beyond it, one such batch could be counted twice).
 */
export const VISIT_BATCH_RETENTION_MS = 24 * 60 * MINUTE_MS;
/**
 * A process may hold back raising a visitor's last_seen for this long after it last wrote it
 * (server/visits/recorder.ts), and still every count stays exact, because the stored value is never
 * more than this (plus one flush) behind the visitor's latest page view:
 * - Đang online: a visitor with a view held back has a stored last_seen within the last ~62 s,
 *   well inside the 5-minute window, so they are counted either way; once the window matters, the
 *   exact time has been written.
 * - visits: another process decides "30 minutes of silence" against the stored value; it can only
 *   be wrong for a gap within ~62 s of the view it reads, and such a gap is never near 30 minutes.
 * The shutdown flush writes every value held back.
 */
export const PRESENCE_WRITE_DELAY_MS = MINUTE_MS;

export const VISITOR_COOKIE = 'vid';
/** Browsers cap cookie lifetime at 400 days anyway. */
export const VISITOR_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/** Every path that names no known page is stored under this one row, so random URLs stay bounded. */
export const OTHER_PATH = '(khác)';
/** A referrer value for visits that came from no other site. */
export const DIRECT_REFERRER = '(trực tiếp)';
/** Dimension value for anything unknown, and for values beyond the per-day cap. */
export const OTHER_VALUE = 'Khác';

// The ISR and data cache (Next's `cacheHandler`): rendered pages, route responses and fetch /
// unstable_cache entries. Two shapes, chosen when the server starts:
//
// - Without REDIS_URL (one instance): Next's own file-system cache, except that it never stores
//   an error page (below).
// - With REDIS_URL (several instances behind nginx): a shared cache in Redis, through
//   @fortedigital/nextjs-cache-handler (the maintained successor of @neshca/cache-handler, with
//   Next 16 support from 3.x). revalidatePath on one instance deletes the entry in Redis, so every
//   instance renders it again on its next request. While Redis is away, each instance serves from
//   a memory cache of its own (or renders), never a 500, and goes back to Redis when it returns.
//
// Never a page older than an edit: a render reads the database, then stores the page. An edit
// saved and revalidated between the two (an upload while a router prefetch renders the same page,
// both slow on a busy machine) would otherwise leave the page as it was before the edit, stored
// after the revalidation and so taken as fresh, until its next timed revalidation (minutes). Each
// handler notes when a render of a key began (the read that found nothing fresh) and stores the
// page as of that instant: the file cache drops it when a tag of the page was revalidated since
// (the next request renders again), the Redis cache stores it with that date, which a
// revalidation on any instance after it outdates.
//
// Never an error page: a well-formed but unknown address (/tin-tuc/x-1, /chuyen-muc/<unknown>/
// trang/999999, or any route added later) renders the 404 page, and a stored answer would take
// ~96 kB per address tried, kept for a year: anyone could fill the disk (or Redis). Here such a
// response is served and forgotten. Real pages are bounded by the content itself.
//
// The file-system base class is Next's internal default handler (next/dist/...): Next is pinned
// to an exact version, and tests/integration/hardening-process.test.ts (unknown addresses cost no
// disk) fails if an upgrade changes it; tests/integration/scale-process.test.ts checks Redis.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from 'redis';

const require = createRequire(import.meta.url);
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
// The revalidation times of this process (the file cache's own record, shared with Next).
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');

const RESPONSE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES']);

/** A Redis command that takes longer than this is a failure: the page is rendered instead. */
const REDIS_TIMEOUT_MS = 500;
/** Reconnection attempts back off up to this, so Redis is in use again within a second of its return. */
const REDIS_MAX_RECONNECT_DELAY_MS = 500;

export function isErrorResponse(data) {
  return Boolean(data && RESPONSE_KINDS.has(data.kind) && typeof data.status === 'number' && data.status >= 400);
}

/**
 * When the render of each cache key that is under way began: the first read of the key since it
 * was last stored that did not find it fresh. Module-wide because Next makes a handler per request.
 * A key is here only between such a read and the store that follows it (or a fresh read).
 */
const renderStarts = new Map();
/** A render that failed never stores its page: its note is dropped, oldest first, past this many. */
const MAX_RENDER_STARTS = 10_000;

/** Notes a read of `key` at `readAt`; `fresh` when it found a page that will be served as it is. */
export function noteRead(key, readAt, fresh) {
  if (fresh) renderStarts.delete(key);
  else if (!renderStarts.has(key)) {
    renderStarts.set(key, readAt);
    if (renderStarts.size > MAX_RENDER_STARTS) renderStarts.delete(renderStarts.keys().next().value);
  }
}

/** When the render being stored under `key` began, if a read noted it. */
export function takeRenderStart(key) {
  const startedAt = renderStarts.get(key);
  renderStarts.delete(key);
  return startedAt;
}

/** The cache tags of a stored page or route response (the implicit ones of its path included). */
export function tagsOf(value) {
  const header = value?.headers?.['x-next-cache-tags'];
  return typeof header === 'string' && header ? header.split(',') : [];
}

/** Whether one of `tags` was revalidated in this process after `since` (ms), as Next records it. */
export function revalidatedSince(tags, since, manifest = tagsManifest, now = Date.now()) {
  return tags.some((tag) => {
    const entry = manifest.get(tag);
    if (!entry) return false;
    const expired = typeof entry.expired === 'number' && entry.expired <= now ? entry.expired : 0;
    return Math.max(entry.stale ?? 0, expired) > since;
  });
}

/** Whether Next serves a file-cache entry as it is (no render): present, young enough, no tag revalidated since. */
function isFresh(entry, now) {
  if (!entry?.value || !RESPONSE_KINDS.has(entry.value.kind)) return false;
  const revalidate = entry.cacheControl?.revalidate;
  if (typeof revalidate === 'number' && now - entry.lastModified > revalidate * 1000) return false;
  return !revalidatedSince(tagsOf(entry.value), entry.lastModified);
}

class FilePageCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    const readAt = Date.now();
    const entry = await super.get(key, ctx);
    if (RESPONSE_KINDS.has(ctx?.kind)) noteRead(key, readAt, isFresh(entry, Date.now()));
    return entry;
  }

  async set(key, data, ctx) {
    const startedAt = takeRenderStart(key);
    if (isErrorResponse(data)) return;
    if (startedAt !== undefined && RESPONSE_KINDS.has(data?.kind) && revalidatedSince(tagsOf(data), startedAt)) return;
    return super.set(key, data, ctx);
  }
}

/**
 * The key prefix: the build (pages of another build must not be served, as during a rolling
 * deploy) and the database (the id lifecycle.ts reads at start, or a hash of its address), so
 * two sites or a reset database sharing one Redis never see each other's pages.
 */
function keyPrefix(buildId) {
  const databaseId =
    globalThis[Symbol.for('portal.database-id')] ??
    createHash('sha256')
      .update(process.env.DATABASE_URL ?? '')
      .digest('hex')
      .slice(0, 16);
  return `portal:${databaseId}:${buildId ?? 'dev'}:`;
}

/**
 * The memory cache used only while Redis is unreachable. It is emptied when Redis comes back:
 * it never saw the revalidations other instances made, so it must not outlive the outage.
 */
function createOutageMemory(client) {
  const create = () => createLruHandler({ maxItemsNumber: 1000, maxItemSizeBytes: 100 * 1024 * 1024 });
  let lru = create();
  client.on('ready', () => {
    lru = create();
  });
  return {
    name: 'memory-while-redis-is-away',
    get: (key, meta) => lru.get(key, meta),
    set: async (key, value) => {
      if (!client.isReady) await lru.set(key, value);
    },
    revalidateTag: (tag) => lru.revalidateTag(tag),
    delete: (key) => lru.delete?.(key),
  };
}

/**
 * The Redis handler, plus the revalidations it missed: a tag revalidated while Redis was away
 * is revalidated there as soon as it is back, so an edit saved during the outage does not leave
 * the old page in Redis (which may have kept its data across a restart).
 */
function withMissedRevalidations(handler, client) {
  const missed = new Set();
  client.on('ready', () => {
    const tags = [...missed];
    missed.clear();
    for (const tag of tags) {
      handler.revalidateTag(tag).catch(() => missed.add(tag));
    }
  });
  return {
    ...handler,
    async revalidateTag(tag) {
      try {
        await handler.revalidateTag(tag);
      } catch (error) {
        missed.add(tag);
        throw error;
      }
    },
  };
}

function createRedisClient() {
  const client = createClient({
    url: process.env.REDIS_URL,
    // Commands fail at once while disconnected instead of waiting in a queue: a request then
    // falls back to memory or rendering rather than hanging.
    disableOfflineQueue: true,
    pingInterval: 5_000,
    socket: {
      connectTimeout: 1_000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, REDIS_MAX_RECONNECT_DELAY_MS),
    },
  });
  let reported = false;
  client.on('error', (error) => {
    // Logged once per outage: reconnection attempts repeat the same error twice a second.
    if (reported) return;
    reported = true;
    console.warn('[cache] Không kết nối được Redis; các trang được phục vụ từ bộ nhớ hoặc dựng lại.', error?.message ?? error);
  });
  client.on('ready', () => {
    if (reported) console.log('[cache] Redis đã kết nối lại.');
    reported = false;
  });
  // Not awaited: a server whose Redis is down at start serves pages all the same.
  client.connect().catch(() => {});
  return client;
}

class RedisPageCacheHandler extends CacheHandler {
  async get(key, ctx) {
    const readAt = Date.now();
    const entry = await super.get(key, ctx);
    // The handler already drops an entry a revalidation outdated; a fresh one is within its lifespan.
    if (RESPONSE_KINDS.has(ctx?.kind))
      noteRead(key, readAt, Boolean(entry?.value && Date.now() < (entry.lifespan?.staleAt ?? Infinity) * 1000));
    return entry;
  }

  async set(key, data, ctx) {
    const startedAt = takeRenderStart(key);
    if (isErrorResponse(data)) return;
    // Stored as of the render's start: Redis' record of revalidations, written by every instance,
    // then outdates a page rendered from data read before one of them.
    const dated = startedAt !== undefined && RESPONSE_KINDS.has(data?.kind) ? { ...ctx, internal_lastModified: startedAt } : ctx;
    return super.set(key, data, dated);
  }
}

RedisPageCacheHandler.onCreation(({ buildId }) => {
  const client = createRedisClient();
  const redis = createRedisHandler({ client, keyPrefix: keyPrefix(buildId), timeoutMs: REDIS_TIMEOUT_MS });
  // In order: Redis answers when it can (a miss included); memory only when Redis fails.
  return { handlers: [withMissedRevalidations(redis, client), createOutageMemory(client)] };
});

// `next build` never uses Redis: it prerenders nothing from the database, and a build machine
// need not reach the production Redis.
const useRedis = Boolean(process.env.REDIS_URL) && process.env.NEXT_PHASE !== 'phase-production-build';

export default useRedis ? RedisPageCacheHandler : FilePageCacheHandler;

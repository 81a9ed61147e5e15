/**
 * Old article addresses, answered with a 301 by the proxy. A page can only redirect with 307 or
 * 308, so the proxy answers these itself, from a map of every old slug of a published article to
 * its current slug, held in memory on globalThis (the proxy and the pages are separate module
 * graphs in one process). Requests never wait for the database: the map is loaded at start,
 * reloaded right after this process changes an article, and reloaded in the background when it is
 * older than RELOAD_AFTER_MS, so a change made by another process reaches it within seconds.
 * Until then the article page itself still redirects (308), so an old address always leads on.
 */
export type SlugRedirects = {
  /** The current slug for an old one, or undefined. Starts a background reload when stale. */
  lookup: (slug: string) => string | undefined;
  /** Reads the map from the database now; a failed read keeps the last map. */
  reload: () => Promise<void>;
};

export const RELOAD_AFTER_MS = 5000;

export function createSlugRedirects({
  load,
  now = Date.now,
  reloadAfterMs = RELOAD_AFTER_MS,
}: {
  load: () => Promise<Map<string, string>>;
  now?: () => number;
  reloadAfterMs?: number;
}): SlugRedirects {
  let map = new Map<string, string>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;
  let again = false;

  function reload(): Promise<void> {
    // A reload asked for while one runs may have been asked for by a change that read missed.
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        const startedAt = now();
        try {
          map = await load();
          loadedAt = startedAt;
        } catch (error) {
          loadedAt = startedAt;
          console.warn('[slug-redirects] Không đọc được danh sách địa chỉ cũ của bài viết.', error);
        }
      } while (again);
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  return {
    lookup(slug) {
      if (!loading && now() - loadedAt > reloadAfterMs) void reload();
      return map.get(slug);
    },
    reload,
  };
}

const globalKey = Symbol.for('portal.slug-redirects');
type GlobalWithRedirects = typeof globalThis & { [globalKey]?: SlugRedirects };

/** The app's one map. The database module is imported on first load, not by the proxy's bundle. */
export function appSlugRedirects(): SlugRedirects {
  const store = globalThis as GlobalWithRedirects;
  return (store[globalKey] ??= createSlugRedirects({
    load: async () => (await import('@/db/queries/slug-redirects')).listArticleSlugRedirects(),
  }));
}

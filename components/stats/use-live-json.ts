'use client';

import { useEffect, useState } from 'react';

export type LiveJson<T> = { data: T | null; failed: boolean };

type Options<T> = {
  intervalMs?: number;
  /** Data the server rendered into the page; shown at once. */
  initial?: T | null;
  /** Fetch on mount even with `initial`: the page may be a cached render, hours old. */
  refreshOnMount?: boolean;
  /**
   * The request to send instead of a plain GET when the browser shows the page again without
   * asking the server: restored from the back/forward cache, or from its HTTP cache on a history
   * navigation. The endpoint can then count that page view.
   */
  restoredRequest?: () => RequestInit;
};

/** True when this document came from the browser's HTTP cache on back/forward, not from the server. */
function isHistoryLoadFromCache(): boolean {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return entry?.type === 'back_forward' && entry.transferSize === 0;
}

/**
 * A JSON endpoint kept fresh: fetched on mount (unless `initial` is given and `refreshOnMount` is
 * not), every `intervalMs` while the tab is visible, when it becomes visible again, and when a page
 * comes back from the back/forward cache. Data already shown stays when a refresh fails (`failed`
 * says so).
 */
export function useLiveJson<T>(
  url: string,
  { intervalMs = 10_000, initial = null, refreshOnMount = false, restoredRequest }: Options<T> = {},
): LiveJson<T> {
  const [state, setState] = useState<LiveJson<T>>({ data: initial, failed: false });
  const skipMount = initial !== null && !refreshOnMount;

  useEffect(() => {
    let controller: AbortController | null = null;
    async function load(init?: RequestInit) {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(url, { cache: 'no-store', ...init, signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const data = (await response.json()) as T;
        setState({ data, failed: false });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setState((previous) => ({ ...previous, failed: true }));
      }
    }
    const refreshIfVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void load(restoredRequest?.());
    };
    if (restoredRequest && isHistoryLoadFromCache()) void load(restoredRequest());
    else if (!skipMount) void load();
    const timer = window.setInterval(refreshIfVisible, intervalMs);
    document.addEventListener('visibilitychange', refreshIfVisible);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      controller?.abort();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refreshIfVisible);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [url, intervalMs, skipMount, restoredRequest]);

  return state;
}

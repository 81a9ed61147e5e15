'use client';

import { useEffect, useState } from 'react';

export type LiveJson<T> = { data: T | null; failed: boolean };

/**
 * A JSON endpoint kept fresh: fetched on mount (unless `initial` is given), every `intervalMs`
 * while the tab is visible, when it becomes visible again, and when a page comes back from the
 * back/forward cache. Data already shown stays when a refresh fails (`failed` says so).
 */
export function useLiveJson<T>(url: string, { intervalMs = 10_000, initial = null }: { intervalMs?: number; initial?: T | null } = {}): LiveJson<T> {
  const [state, setState] = useState<LiveJson<T>>({ data: initial, failed: false });
  const hasInitial = initial !== null;

  useEffect(() => {
    let controller: AbortController | null = null;
    async function load() {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(url, { cache: 'no-store', signal: controller.signal });
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
    if (!hasInitial) void load();
    const timer = window.setInterval(refreshIfVisible, intervalMs);
    document.addEventListener('visibilitychange', refreshIfVisible);
    window.addEventListener('pageshow', refreshIfVisible);
    return () => {
      controller?.abort();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refreshIfVisible);
      window.removeEventListener('pageshow', refreshIfVisible);
    };
  }, [url, intervalMs, hasInitial]);

  return state;
}

'use client';

import { useEffect, useState } from 'react';

type Stats = { totalVisits: number; todayVisits: number; online: number };
type State = { status: 'loading' } | { status: 'ready'; stats: Stats } | { status: 'failed' };

const ENDPOINT = '/api/thong-ke-truy-cap';
const REFRESH_MS = 10_000;
const numberFormat = new Intl.NumberFormat('vi-VN');

/**
 * "Thống kê truy cập": fetched by the browser, so the page around it stays cached (ISR) while the
 * numbers are at most ~10 s old. Polls only while the tab is visible, and refreshes when a page
 * comes back from the back/forward cache.
 */
export function VisitorWidget() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let controller: AbortController | null = null;

    async function load() {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(ENDPOINT, { cache: 'no-store', signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const stats = (await response.json()) as Stats;
        if (!cancelled) setState({ status: 'ready', stats });
      } catch (error) {
        if (cancelled || (error instanceof DOMException && error.name === 'AbortError')) return;
        // Numbers already shown stay: slightly old numbers beat an error message.
        setState((previous) => (previous.status === 'ready' ? previous : { status: 'failed' }));
      }
    }

    const refreshIfVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    void load();
    const timer = window.setInterval(refreshIfVisible, REFRESH_MS);
    document.addEventListener('visibilitychange', refreshIfVisible);
    window.addEventListener('pageshow', refreshIfVisible);
    return () => {
      cancelled = true;
      controller?.abort();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refreshIfVisible);
      window.removeEventListener('pageshow', refreshIfVisible);
    };
  }, []);

  const rows: [label: string, value: keyof Stats][] = [
    ['Lượt truy cập', 'totalVisits'],
    ['Hôm nay', 'todayVisits'],
    ['Đang online', 'online'],
  ];

  return (
    <section
      aria-labelledby="thong-ke-truy-cap"
      aria-busy={state.status === 'loading'}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white"
    >
      <h2 id="thong-ke-truy-cap" className="bg-brand-700 px-4 py-2.5 text-sm font-bold uppercase text-white">
        Thống kê truy cập
      </h2>
      {state.status === 'failed' ? (
        <p role="status" className="px-4 py-3 text-sm text-slate-600">
          Chưa tải được thống kê, sẽ thử lại sau.
        </p>
      ) : (
        <dl className="divide-y divide-slate-100 text-sm">
          {rows.map(([label, key]) => (
            <div key={key} className="flex items-baseline justify-between gap-3 px-4 py-2.5">
              <dt className="text-slate-700">{label}</dt>
              <dd className="font-bold tabular-nums text-brand-800">
                {state.status === 'ready' ? numberFormat.format(state.stats[key]) : '…'}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

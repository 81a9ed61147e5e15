'use client';

import { useLiveJson } from './use-live-json';

type Stats = { totalVisits: number; todayVisits: number; online: number };

const REFRESH_MS = 10_000;
const numberFormat = new Intl.NumberFormat('vi-VN');

/**
 * "Thống kê truy cập": fetched by the browser, so the page around it stays cached (ISR) while the
 * numbers are at most ~10 s old. Polls only while the tab is visible, and refreshes when a page
 * comes back from the back/forward cache. The address comes from the server (the route map), so
 * the map itself stays out of every public page's JavaScript.
 */
export function VisitorWidget({ endpoint }: { endpoint: string }) {
  const { data: stats, failed } = useLiveJson<Stats>(endpoint, { intervalMs: REFRESH_MS });
  const status = stats ? 'ready' : failed ? 'failed' : 'loading';

  const rows: [label: string, value: keyof Stats][] = [
    ['Lượt truy cập', 'totalVisits'],
    ['Hôm nay', 'todayVisits'],
    ['Đang online', 'online'],
  ];

  return (
    <section
      aria-labelledby="thong-ke-truy-cap"
      aria-busy={status === 'loading'}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white"
    >
      <h2 id="thong-ke-truy-cap" className="bg-brand-700 px-4 py-2.5 text-sm font-bold uppercase text-white">
        Thống kê truy cập
      </h2>
      {status === 'failed' ? (
        <p role="status" className="px-4 py-3 text-sm text-slate-600">
          Chưa tải được thống kê, sẽ thử lại sau.
        </p>
      ) : (
        <dl className="divide-y divide-slate-100 text-sm">
          {rows.map(([label, key]) => (
            <div key={key} className="flex items-baseline justify-between gap-3 px-4 py-2.5">
              <dt className="text-slate-700">{label}</dt>
              <dd className="font-bold tabular-nums text-brand-800">
                {stats ? numberFormat.format(stats[key]) : '…'}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

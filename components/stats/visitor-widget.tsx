'use client';

import { formatNumber } from '@/lib/format-number';
import { useLiveJson } from './use-live-json';

export type VisitorWidgetNumbers = { totalVisits: number; todayVisits: number; online: number };

const REFRESH_MS = 10_000;

/** A page shown again from the browser's cache reached no server: this request counts it. */
const restoredRequest = (): RequestInit => ({ method: 'POST', body: window.location.pathname });

const ROWS: [label: string, value: keyof VisitorWidgetNumbers][] = [
  ['Lượt truy cập', 'totalVisits'],
  ['Hôm nay', 'todayVisits'],
  ['Đang online', 'online'],
];

/**
 * "Thống kê truy cập". The page around it is cached (ISR), so the server renders the numbers as of
 * that render (`initial`): a visitor without JavaScript sees them, and nobody sees a placeholder.
 * The script then fetches the current ones at once and every ~10 s while the tab is visible, and
 * when the page comes back from the back/forward cache (counting that view: restoredRequest). The
 * numbers replace the text of fixed rows, so an update shifts nothing. A failed refresh keeps the
 * numbers shown (a dash where there were none) and tries again at the next tick: every byte of this
 * component is on every public page. The address comes from the
 * server (the route map), so the map itself stays out of every public page's JavaScript.
 */
export function VisitorWidget({ endpoint, initial }: { endpoint: string; initial: VisitorWidgetNumbers | null }) {
  const { data: stats } = useLiveJson<VisitorWidgetNumbers>(endpoint, {
    intervalMs: REFRESH_MS,
    initial,
    refreshOnMount: true,
    restoredRequest,
  });

  return (
    <section aria-labelledby="thong-ke-truy-cap" className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <h2 id="thong-ke-truy-cap" className="bg-brand-700 px-4 py-2.5 text-sm font-bold uppercase text-white">
        Thống kê truy cập
      </h2>
      <dl className="divide-y divide-slate-100 text-sm">
        {ROWS.map(([label, key]) => (
          <div key={key} className="flex items-baseline justify-between gap-3 px-4 py-2.5">
            <dt className="text-slate-700">{label}</dt>
            <dd className="font-bold tabular-nums text-brand-800">{stats ? formatNumber(stats[key]) : '–'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

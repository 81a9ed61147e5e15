'use client';

import type { OverviewPeriod, StatsOverview } from '@/db/queries/stats';
import { formatNumber } from '@/lib/format-number';
import { useLiveJson } from './use-live-json';
import { routes } from '@/lib/routes';
import { TIME_ZONE } from '@/lib/time';

const ENDPOINT = routes.api.statsOverview;
const REFRESH_MS = 10_000;

const PERIODS: [OverviewPeriod, string][] = [
  ['today', 'Hôm nay'],
  ['yesterday', 'Hôm qua'],
  ['week', 'Tuần này (từ thứ Hai)'],
  ['month', 'Tháng này'],
  ['all', 'Từ trước đến nay'],
];

const timeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * At a glance, refreshed every 10 s while the tab is visible: the same numbers as the public
 * widget (Đang online, Hôm nay, Lượt truy cập), with yesterday, this week and this month.
 */
export function OverviewLive({ initial }: { initial: StatsOverview }) {
  const { data, failed: stale } = useLiveJson<StatsOverview>(ENDPOINT, { intervalMs: REFRESH_MS, initial });
  const overview = data ?? initial;

  return (
    <section aria-labelledby="tong-quan" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="tong-quan" className="font-bold">
          Tổng quan
        </h2>
        <p className="text-xs text-slate-600">
          Tự cập nhật mỗi 10 giây · lúc {timeFormat.format(new Date(overview.readAt))}
          {stale && <span className="text-red-700"> · chưa tải được số mới</span>}
        </p>
      </div>
      <p className="mt-3 flex items-baseline gap-2">
        <span className="text-slate-700">Đang online</span>
        <strong className="text-3xl tabular-nums text-brand-800" data-testid="dang-online">
          {formatNumber(overview.online)}
        </strong>
        <span className="text-xs text-slate-600">khách có lượt xem trong 5 phút qua</span>
      </p>
      {/* Focusable so a keyboard can scroll it on a narrow phone. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it (WCAG 2.1.1) */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a form fieldset */}
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="group" aria-label="Bảng tổng quan">
        <table className="w-full text-sm">
          <caption className="sr-only">Lượt xem, lượt truy cập và khách truy cập theo thời kỳ</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-1.5 pr-2 font-semibold">
                Thời kỳ
              </th>
              <th scope="col" className="py-1.5 pr-2 text-right font-semibold">
                Lượt xem
              </th>
              <th scope="col" className="py-1.5 pr-2 text-right font-semibold">
                Lượt truy cập
              </th>
              <th scope="col" className="py-1.5 text-right font-semibold">
                <abbr
                  title="Khách truy cập đếm theo từng ngày rồi cộng lại: một người đến vào 3 ngày được tính 3 lần."
                  className="cursor-help"
                >
                  Khách truy cập*
                </abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {PERIODS.map(([key, label]) => (
              <tr key={key} className="border-b border-slate-100">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {label}
                </th>
                <td className="py-1.5 pr-2 text-right tabular-nums">{formatNumber(overview.periods[key].pageViews)}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{formatNumber(overview.periods[key].visits)}</td>
                <td className="py-1.5 text-right tabular-nums">{formatNumber(overview.periods[key].visitors)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        * Khách truy cập theo ngày: mỗi ngày một khách được đếm một lần; cộng nhiều ngày thì một người quay lại được đếm mỗi ngày.
        {overview.counterOffset > 0 && ` Lượt truy cập từ trước đến nay gồm ${formatNumber(overview.counterOffset)} lượt của trang cũ.`}
      </p>
    </section>
  );
}

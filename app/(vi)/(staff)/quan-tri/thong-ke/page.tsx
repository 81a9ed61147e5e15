import type { Metadata } from 'next';
import Link from 'next/link';
import { OverviewLive } from '@/components/stats/overview-live';
import { RatingSummarySection } from '@/components/stats/rating-summary';
import { bucketLabel } from '@/components/stats/stats-format';
import { formatNumber } from '@/lib/format-number';
import { TrafficChart, type ChartPoint } from '@/components/stats/traffic-chart';
import {
  getRatingSummary,
  getStatsOverview,
  getTrafficSeries,
  listDimensionBreakdown,
  listTopArticles,
  listTopPages,
  type Dimension,
  type DimensionValue,
} from '@/db/queries/stats';
import { canViewStatistics } from '@/lib/permissions';
import { defaultStatsRange, formatDay, parseStatsRange, RANGE_PRESETS, rangeQuery, type RangePreset } from '@/lib/stats/range';
import { DIRECT_REFERRER, OTHER_PATH } from '@/lib/visits/rules';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Thống kê truy cập' };

const DIMENSIONS: [Dimension, string][] = [
  ['referrer', 'Nguồn truy cập'],
  ['device', 'Loại thiết bị'],
  ['browser', 'Trình duyệt'],
  ['os', 'Hệ điều hành'],
];
const DEVICE_LABELS: Record<string, string> = { mobile: 'Điện thoại', desktop: 'Máy tính', tablet: 'Máy tính bảng' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function StatisticsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff({ from: routes.staff.stats(), allowed: canViewStatistics, denied: 'forbidden' });

  const params = await searchParams;
  const parsed = parseStatsRange(params);
  const range = parsed.ok ? parsed.range : defaultStatsRange();
  const rangeError = parsed.ok ? null : parsed.error;

  const overview = await getStatsOverview();
  const series = await getTrafficSeries({ range });
  const topArticles = await listTopArticles({ range });
  const topPages = await listTopPages({ range });
  const ratings = await getRatingSummary({ range });
  const breakdowns: [Dimension, string, DimensionValue[]][] = [];
  for (const [dimension, label] of DIMENSIONS) breakdowns.push([dimension, label, await listDimensionBreakdown({ range, dimension })]);

  const withYear = series.granularity === 'day' && range.from.slice(0, 4) !== range.to.slice(0, 4);
  const points: ChartPoint[] = series.points.map((p) => ({
    label: bucketLabel(p.key, series.granularity, withYear),
    previousLabel: bucketLabel(p.previousKey, series.granularity, true),
    current: p.current && { pageViews: p.current.pageViews, visits: p.current.visits },
    previous: { pageViews: p.previous.pageViews, visits: p.previous.visits },
  }));
  const sum = (key: 'pageViews' | 'visits', which: 'current' | 'previous') =>
    series.points.reduce((total, p) => total + (p[which]?.[key] ?? 0), 0);
  const rangeText = range.from === range.to ? formatDay(range.from) : `${formatDay(range.from)} – ${formatDay(range.to)}`;
  const previousText =
    range.previous.from === range.previous.to
      ? formatDay(range.previous.from)
      : `${formatDay(range.previous.from)} – ${formatDay(range.previous.to)}`;
  const summary =
    `Biểu đồ lượt xem ${rangeText}: ${formatNumber(sum('pageViews', 'current'))} lượt xem, ${formatNumber(sum('visits', 'current'))} lượt truy cập; ` +
    `kỳ trước (${previousText}): ${formatNumber(sum('pageViews', 'previous'))} lượt xem, ${formatNumber(sum('visits', 'previous'))} lượt truy cập.`;
  const query = rangeQuery(range);

  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold text-brand-900">Thống kê truy cập</h1>
      <OverviewLive initial={overview} />

      <section aria-labelledby="khoang-thoi-gian" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="khoang-thoi-gian" className="font-bold">
          Theo thời gian: {rangeText}
        </h2>
        <nav aria-label="Chọn khoảng thời gian" className="flex flex-wrap gap-2 text-sm">
          {(Object.entries(RANGE_PRESETS) as [RangePreset, string][]).map(([preset, label]) => (
            <Link
              key={preset}
              href={routes.staff.stats({ khoang: preset })}
              aria-current={range.preset === preset ? 'page' : undefined}
              className="rounded border border-brand-700 px-3 py-1.5 text-brand-800 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              {label}
            </Link>
          ))}
        </nav>
        <form
          method="get"
          action={routes.staff.stats()}
          className="flex flex-wrap items-end gap-3 text-sm"
          aria-label="Khoảng thời gian tùy chọn"
        >
          <div className="flex flex-col">
            <label htmlFor="tu">Từ ngày</label>
            <input id="tu" name="tu" type="date" defaultValue={range.from} required className="rounded border border-slate-300 px-2 py-1" />
          </div>
          <div className="flex flex-col">
            <label htmlFor="den">Đến ngày</label>
            <input id="den" name="den" type="date" defaultValue={range.to} required className="rounded border border-slate-300 px-2 py-1" />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            Xem
          </button>
          <a
            href={routes.api.statsCsv(query)}
            download
            className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-800"
          >
            Xuất CSV
          </a>
        </form>
        {rangeError && (
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
            {rangeError} Đang hiển thị 7 ngày gần nhất.
          </p>
        )}
        <p className="text-sm text-slate-600">
          So với kỳ trước cùng độ dài: {previousText}.
          {series.granularity === 'hour' && ' Theo giờ chỉ có lượt xem và lượt truy cập; khách truy cập được đếm theo ngày.'}
        </p>
        <TrafficChart points={points} summary={summary} />
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold text-brand-800">Bảng số liệu của biểu đồ</summary>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it (WCAG 2.1.1) */}
          {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a form fieldset */}
          <div className="mt-2 overflow-x-auto" tabIndex={0} role="group" aria-label="Bảng số liệu của biểu đồ">
            <table className="w-full min-w-[24rem]">
              <caption className="sr-only">
                Số liệu theo {series.granularity === 'hour' ? 'giờ' : series.granularity === 'day' ? 'ngày' : 'tháng'}, so với kỳ trước
              </caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="py-1 pr-2">
                    Thời điểm
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right">
                    Lượt xem
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right">
                    Lượt truy cập
                  </th>
                  {series.granularity !== 'hour' && (
                    <th scope="col" className="py-1 pr-2 text-right">
                      Khách truy cập
                    </th>
                  )}
                  <th scope="col" className="py-1 pr-2 text-right">
                    Lượt xem kỳ trước
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Lượt truy cập kỳ trước
                  </th>
                </tr>
              </thead>
              <tbody>
                {series.points.map((p, i) => (
                  <tr key={p.key} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      {points[i]!.label}
                    </th>
                    <td className="py-1 pr-2 text-right tabular-nums">{p.current ? formatNumber(p.current.pageViews) : '—'}</td>
                    <td className="py-1 pr-2 text-right tabular-nums">{p.current ? formatNumber(p.current.visits) : '—'}</td>
                    {series.granularity !== 'hour' && (
                      <td className="py-1 pr-2 text-right tabular-nums">{p.current ? formatNumber(p.current.visitors) : '—'}</td>
                    )}
                    <td className="py-1 pr-2 text-right tabular-nums">{formatNumber(p.previous.pageViews)}</td>
                    <td className="py-1 text-right tabular-nums">{formatNumber(p.previous.visits)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <RatingSummarySection summary={ratings} rangeText={rangeText} />

      <div className="grid gap-6 md:grid-cols-2">
        <RankTable
          id="bai-xem-nhieu"
          title="Bài viết xem nhiều"
          unit="Lượt xem"
          rows={topArticles.map((a) => ({ key: String(a.id), label: a.title, href: routes.article(a.slug), value: a.views }))}
        />
        <RankTable
          id="trang-xem-nhieu"
          title="Trang xem nhiều"
          unit="Lượt xem"
          rows={topPages.map((p) => ({
            key: p.path,
            label: p.path === OTHER_PATH ? 'Trang khác (địa chỉ không có trên cổng)' : p.path === routes.home ? 'Trang chủ (/)' : p.path,
            value: p.views,
          }))}
        />
        {breakdowns.map(([dimension, title, rows]) => (
          <RankTable
            key={dimension}
            id={`theo-${dimension}`}
            title={title}
            unit="Lượt truy cập"
            rows={rows.map((r) => ({
              key: r.value,
              label:
                dimension === 'device' ? (DEVICE_LABELS[r.value] ?? r.value) : r.value === DIRECT_REFERRER ? 'Truy cập trực tiếp' : r.value,
              value: r.visits,
            }))}
          />
        ))}
      </div>
    </div>
  );
}

type RankRow = { key: string; label: string; href?: string; value: number };

function RankTable({ id, title, unit, rows }: { id: string; title: string; unit: string; rows: RankRow[] }) {
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 font-bold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">Chưa có số liệu trong khoảng này.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal break-words">
                  {row.href ? (
                    <Link href={row.href} prefetch={false} className="text-brand-800 underline-offset-2 hover:underline">
                      {row.label}
                    </Link>
                  ) : (
                    row.label
                  )}
                  <span aria-hidden="true" className="mt-1 block h-1 rounded bg-brand-100">
                    <span
                      className="block h-1 rounded bg-brand-600"
                      style={{ width: `${total ? Math.max(2, (row.value / rows[0]!.value) * 100) : 0}%` }}
                    />
                  </span>
                </th>
                <td className="py-1.5 text-right tabular-nums whitespace-nowrap">{formatNumber(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

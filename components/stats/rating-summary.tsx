import type { RatingAverages, RatingSummary } from '@/db/queries/stats';
import { RATING_CRITERIA } from '@/lib/feedback/rating';
import { formatNumber } from '@/lib/format-number';

const averageText = (value: number | null) =>
  value === null ? '—' : value.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function monthLabel(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/**
 * Đánh giá cổng thông tin over the dashboard's range: the number of ratings and each criterion's
 * average (out of 5), in all and month by month, as a table (a screen reader reads it as it is).
 */
export function RatingSummarySection({ summary, rangeText }: { summary: RatingSummary; rangeText: string }) {
  const cells = (row: RatingAverages) => [
    <td key="count" className="py-1 pr-2 text-right tabular-nums">
      {formatNumber(row.count)}
    </td>,
    ...RATING_CRITERIA.map(({ key }) => (
      <td key={key} className="py-1 pr-2 text-right tabular-nums">
        {averageText(row[key])}
      </td>
    )),
  ];
  return (
    <section aria-labelledby="danh-gia-cong" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="danh-gia-cong" className="font-bold">
        Đánh giá cổng thông tin: {rangeText}
      </h2>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        <div className="rounded border border-slate-200 p-2">
          <dt className="text-slate-600">Lượt đánh giá</dt>
          <dd className="text-xl font-bold tabular-nums">{formatNumber(summary.total.count)}</dd>
        </div>
        {RATING_CRITERIA.map(({ key, label }) => (
          <div key={key} className="rounded border border-slate-200 p-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-xl font-bold tabular-nums">
              {averageText(summary.total[key])}
              <span className="text-sm font-normal text-slate-600">/5</span>
            </dd>
          </div>
        ))}
      </dl>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it (WCAG 2.1.1) */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a form fieldset */}
      <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Đánh giá theo tháng">
        <table className="w-full min-w-[28rem] text-sm">
          <caption className="sr-only">Đánh giá theo tháng: số lượt và điểm trung bình của từng tiêu chí (thang 5)</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-1 pr-2">
                Tháng
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                Lượt đánh giá
              </th>
              {RATING_CRITERIA.map(({ key, label }) => (
                <th key={key} scope="col" className="py-1 pr-2 text-right">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.months.map((month) => (
              <tr key={month.month} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {monthLabel(month.month)}
                </th>
                {cells(month)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import type { DailyRow, RatingAverages, RatingSummary } from '@/db/queries/stats';
import type { DayRange } from '@/lib/stats/range';

/** Excel reads a UTF-8 file as UTF-8 only when it starts with this mark; Vietnamese needs it. */
export const UTF8_BOM = '\uFEFF';

export const CSV_HEADER = ['Ngày', 'Lượt xem', 'Lượt truy cập', 'Khách truy cập (theo ngày)', 'Khách mới'];

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const RATING_CSV_TITLE = 'Đánh giá cổng thông tin';
export const RATING_CSV_HEADER = ['Tháng', 'Lượt đánh giá', 'Giao diện', 'Nội dung', 'Chất lượng thông tin', 'Hỗ trợ'];

/** An average with two decimals and a dot (spreadsheets in any locale read it); empty when nobody rated. */
const average = (value: number | null) => (value === null ? '' : value.toFixed(2));
const ratingCells = (row: RatingAverages) => [
  row.count,
  average(row.design),
  average(row.content),
  average(row.quality),
  average(row.support),
];

/**
 * One row per day; dates as YYYY-MM-DD and plain integers, so spreadsheets sort and sum them.
 * With `ratings`, a second table after an empty line: Đánh giá cổng thông tin month by month
 * (YYYY-MM), then the whole range ("Cả khoảng"): the number of ratings and each criterion's average.
 */
export function dailyRowsToCsv(rows: DailyRow[], ratings?: RatingSummary): string {
  const lines: (string | number)[][] = [
    CSV_HEADER,
    ...rows.map((row) => [row.day, row.pageViews, row.visits, row.visitors, row.newVisitors]),
  ];
  if (ratings) {
    lines.push(
      [],
      [RATING_CSV_TITLE],
      RATING_CSV_HEADER,
      ...ratings.months.map((month) => [month.month.slice(0, 7), ...ratingCells(month)]),
      ['Cả khoảng', ...ratingCells(ratings.total)],
    );
  }
  return `${UTF8_BOM + lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function csvFileName(range: DayRange): string {
  return `thong-ke-${range.from}_${range.to}.csv`;
}

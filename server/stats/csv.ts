import type { DailyRow } from '@/db/queries/stats';
import type { DayRange } from '@/lib/stats/range';

/** Excel reads a UTF-8 file as UTF-8 only when it starts with this mark; Vietnamese needs it. */
export const UTF8_BOM = '\uFEFF';

export const CSV_HEADER = ['Ngày', 'Lượt xem', 'Lượt truy cập', 'Khách truy cập (theo ngày)', 'Khách mới'];

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per day; dates as YYYY-MM-DD and plain integers, so spreadsheets sort and sum them. */
export function dailyRowsToCsv(rows: DailyRow[]): string {
  const lines = [CSV_HEADER, ...rows.map((row) => [row.day, row.pageViews, row.visits, row.visitors, row.newVisitors])];
  return `${UTF8_BOM + lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function csvFileName(range: DayRange): string {
  return `thong-ke-${range.from}_${range.to}.csv`;
}

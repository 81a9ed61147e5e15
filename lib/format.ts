import { TIME_ZONE } from './time';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(date: Date): Record<string, string> {
  return Object.fromEntries(dateTimeParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "07:37 07/08/2018": the old site's format, always in Asia/Ho_Chi_Minh. */
export function formatDateTime(date: Date): string {
  const p = parts(date);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** "07/08/2018" in Asia/Ho_Chi_Minh. */
export function formatDate(date: Date): string {
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN');

/** 52623 → "52.623". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const englishDate = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });

/** "7 August 2018" in Asia/Ho_Chi_Minh: the date format of the English pages. */
export function formatDateEnglish(date: Date): string {
  return englishDate.format(date);
}

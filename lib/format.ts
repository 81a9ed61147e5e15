import { TIME_ZONE } from './time';

// The formatters are built on first use, not when the module loads: client components import this
// module too, and building an Intl formatter loads the browser's locale data (measured: ~12 ms of a
// phone's main thread for the first one on a page, tens of ms with Lighthouse's 4× CPU slowdown).
let dateTimeParts: Intl.DateTimeFormat | undefined;
let englishDate: Intl.DateTimeFormat | undefined;

function parts(date: Date): Record<string, string> {
  dateTimeParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
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

/** "7 August 2018" in Asia/Ho_Chi_Minh: the date format of the English pages. */
export function formatDateEnglish(date: Date): string {
  englishDate ??= new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
  return englishDate.format(date);
}

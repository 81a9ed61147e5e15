/**
 * Time in Asia/Ho_Chi_Minh, in one place: "today", every date shown and every date typed are in
 * that zone. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact
 * and far cheaper than Intl on the hot path; Intl formatters use TIME_ZONE.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

const DAY_MS = 24 * HOUR_MS;
/** The last day vietnamDay() computed, with the instant it starts. */
let lastDay = { start: NaN, day: '' };

/** The Vietnamese calendar day of an instant, as 'YYYY-MM-DD' (the visit tables' `date` format). */
export function vietnamDay(at: number | Date): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  // Every page view asks, nearly always about today: keep today's answer.
  if (ms >= lastDay.start && ms < lastDay.start + DAY_MS) return lastDay.day;
  const start = startOfVietnamDay(ms).getTime();
  const day = new Date(start + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 10);
  lastDay = { start, day };
  return day;
}

/** The instant 00:00 Asia/Ho_Chi_Minh of the day that contains `at`. */
export function startOfVietnamDay(at: number | Date): Date {
  const ms = typeof at === 'number' ? at : at.getTime();
  const local = ms + VIETNAM_UTC_OFFSET_MS;
  return new Date(local - (((local % 86_400_000) + 86_400_000) % 86_400_000) - VIETNAM_UTC_OFFSET_MS);
}

/** "2018-08-07T07:37", the value of a datetime-local field, for an instant; '' for none. */
export function toLocalDateTimeInput(date: Date | string | null): string {
  return date ? new Date(new Date(date).getTime() + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 16) : '';
}

/** The instant a datetime-local value ("2018-08-07T07:37", seconds optional) names in Vietnam; null when it is not one. */
export function fromLocalDateTimeInput(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value.trim());
  const date = match ? new Date(`${match[1]}T${match[2]}:00Z`) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime() - VIETNAM_UTC_OFFSET_MS);
}

/**
 * The start of the hour that contains `at`. The offset is a whole number of hours, so UTC hour
 * buckets are also Vietnamese hour buckets and each falls inside exactly one Vietnamese day.
 */
export function startOfHour(at: number): number {
  return Math.floor(at / HOUR_MS) * HOUR_MS;
}

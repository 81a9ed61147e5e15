import { z } from 'zod';
import { vietnamDay } from '@/lib/time';

/**
 * The dashboard's date ranges: presets and a custom `tu`/`den`, all in Asia/Ho_Chi_Minh calendar
 * days ('YYYY-MM-DD', inclusive). Pure: the page, the routes and the tests share it.
 */
export const RANGE_PRESETS = {
  'hom-nay': 'Hôm nay (theo giờ)',
  '7-ngay': '7 ngày',
  '30-ngay': '30 ngày',
  '12-thang': '12 tháng',
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_PRESET: RangePreset = '7-ngay';

export type Granularity = 'hour' | 'day' | 'month';
export type DayRange = { from: string; to: string };
export type StatsRange = DayRange & {
  preset: RangePreset | 'tuy-chon';
  granularity: Granularity;
  /** The period of equal length just before, compared bucket by bucket. */
  previous: DayRange;
};

/** Longest custom range: bounds every query, whatever the URL says. */
export const MAX_RANGE_DAYS = 5 * 366;
/** Custom ranges up to this many days are drawn per day; longer ones per month. */
const MAX_DAILY_BUCKETS = 92;
const DAY_MS = 86_400_000;

export const RANGE_MESSAGES = {
  preset: 'Khoảng thời gian không hợp lệ. Hãy chọn Hôm nay, 7 ngày, 30 ngày, 12 tháng hoặc nhập ngày.',
  date: 'Ngày không hợp lệ: hãy nhập theo dạng năm-tháng-ngày, ví dụ 2024-08-07.',
  bothDates: 'Hãy nhập cả ngày bắt đầu và ngày kết thúc.',
  order: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.',
  future: 'Ngày bắt đầu không được sau hôm nay.',
  tooLong: 'Khoảng thời gian dài nhất là 5 năm.',
} as const;

/** 'YYYY-MM-DD' that names a real calendar day (no 2024-02-30), years 1970–9999. */
const dayString = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, RANGE_MESSAGES.date)
  .refine((value) => {
    const ms = Date.parse(`${value}T00:00:00Z`);
    return Number.isFinite(ms) && ms >= 0 && new Date(ms).toISOString().slice(0, 10) === value;
  }, RANGE_MESSAGES.date);

const paramsSchema = z.object({
  khoang: z.enum(Object.keys(RANGE_PRESETS) as [RangePreset, ...RangePreset[]], { error: RANGE_MESSAGES.preset }).optional(),
  tu: dayString.optional(),
  den: dayString.optional(),
});

export type RangeParams = Record<string, string | string[] | undefined> | URLSearchParams;
export type RangeResult = { ok: true; range: StatsRange } | { ok: false; error: string };

export function dayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, n: number): string {
  return new Date(dayToMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from a to b: 0 when equal. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayToMs(b) - dayToMs(a)) / DAY_MS);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The same day-of-month n months later (or earlier), clamped to the month's last day. */
export function addMonths(day: string, n: number): string {
  const date = new Date(dayToMs(day));
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}

/** Calendar months touched from a to b, counting both ends. */
export function monthsSpanned(a: string, b: string): number {
  const [ya, ma] = [Number(a.slice(0, 4)), Number(a.slice(5, 7))];
  const [yb, mb] = [Number(b.slice(0, 4)), Number(b.slice(5, 7))];
  return (yb - ya) * 12 + (mb - ma) + 1;
}

/** Monday of the week that contains `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(dayToMs(day)).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function previousOf(from: string, to: string, granularity: Granularity): DayRange {
  if (granularity === 'month') {
    const months = monthsSpanned(from, to);
    return { from: addMonths(from, -months), to: addDays(from, -1) };
  }
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

function build(preset: StatsRange['preset'], from: string, to: string, granularity: Granularity): StatsRange {
  return { preset, from, to, granularity, previous: previousOf(from, to, granularity) };
}

/**
 * Reads `khoang` (a preset) or `tu` and `den` (a custom range). Unknown presets, impossible dates,
 * an end before the start, a start after today and ranges over 5 years are refused with a message;
 * an end after today is clamped to today.
 */
export function parseStatsRange(params: RangeParams, now: number = Date.now()): RangeResult {
  const get = (key: string) => (params instanceof URLSearchParams ? (params.get(key) ?? undefined) : first(params[key]));
  const raw = { khoang: get('khoang') || undefined, tu: get('tu') || undefined, den: get('den') || undefined };
  const parsed = paramsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? RANGE_MESSAGES.date };
  const { khoang, tu, den } = parsed.data;
  const today = vietnamDay(now);

  if (tu !== undefined || den !== undefined) {
    if (tu === undefined || den === undefined) return { ok: false, error: RANGE_MESSAGES.bothDates };
    if (den < tu) return { ok: false, error: RANGE_MESSAGES.order };
    if (tu > today) return { ok: false, error: RANGE_MESSAGES.future };
    const to = den > today ? today : den;
    if (daysBetween(tu, to) + 1 > MAX_RANGE_DAYS) return { ok: false, error: RANGE_MESSAGES.tooLong };
    const granularity = daysBetween(tu, to) + 1 <= MAX_DAILY_BUCKETS ? 'day' : 'month';
    return { ok: true, range: build('tuy-chon', tu, to, granularity) };
  }

  const preset = khoang ?? DEFAULT_PRESET;
  switch (preset) {
    case 'hom-nay':
      return { ok: true, range: build(preset, today, today, 'hour') };
    case '7-ngay':
      return { ok: true, range: build(preset, addDays(today, -6), today, 'day') };
    case '30-ngay':
      return { ok: true, range: build(preset, addDays(today, -29), today, 'day') };
    case '12-thang':
      return { ok: true, range: build(preset, monthStart(addMonths(today, -11)), today, 'month') };
  }
}

/** The range shown when none (or a bad one) was asked for. */
export function defaultStatsRange(now: number = Date.now()): StatsRange {
  const result = parseStatsRange({ khoang: DEFAULT_PRESET }, now);
  if (!result.ok) throw new Error(result.error);
  return result.range;
}

/** The query string that names a range, for links and the CSV address. */
export function rangeQuery(range: Pick<StatsRange, 'preset' | 'from' | 'to'>): Record<string, string> {
  return range.preset === 'tuy-chon' ? { tu: range.from, den: range.to } : { khoang: range.preset };
}

/** "07/08/2024" from "2024-08-07". */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

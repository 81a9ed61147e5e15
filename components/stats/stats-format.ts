import type { Granularity } from '@/lib/stats/range';

/** A bucket's name on the chart and in its table: "14 giờ", "07/08", "08/2024". */
export function bucketLabel(key: string, granularity: Granularity, withYear = false): string {
  if (granularity === 'hour') return `${(new Date(key).getUTCHours() + 7) % 24} giờ`;
  if (granularity === 'month') return `${key.slice(5, 7)}/${key.slice(0, 4)}`;
  return withYear ? `${key.slice(8, 10)}/${key.slice(5, 7)}/${key.slice(0, 4)}` : `${key.slice(8, 10)}/${key.slice(5, 7)}`;
}

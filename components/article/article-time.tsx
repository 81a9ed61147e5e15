import { formatDateTime } from '@/lib/format';

export function ArticleTime({ date, className }: { date: Date; className?: string }) {
  return (
    <time dateTime={date.toISOString()} className={className}>
      {formatDateTime(date)}
    </time>
  );
}

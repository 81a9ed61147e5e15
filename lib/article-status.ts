import { STATUS_LABELS, type ArticleStatus } from './permissions';

/** Published with a time still to come: hidden from the public until then. */
export function isScheduled(article: { status: ArticleStatus; publishedAt: Date | string | null }, now = Date.now()): boolean {
  return article.status === 'published' && article.publishedAt !== null && new Date(article.publishedAt).getTime() > now;
}

/** The status as staff read it: "Hẹn giờ xuất bản" for a scheduled article, else its status. */
export function articleStatusLabel(article: { status: ArticleStatus; publishedAt: Date | string | null }, now = Date.now()): string {
  return isScheduled(article, now) ? 'Hẹn giờ xuất bản' : STATUS_LABELS[article.status];
}

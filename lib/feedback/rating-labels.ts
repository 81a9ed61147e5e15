import { PUBLIC_FORM_LIMITS } from '@/lib/public-forms/limits';

/**
 * Đánh giá cổng thông tin: 1–5 on four criteria and an optional comment, one rating per visitor
 * (the visitor cookie) per 30 days. The labels and constants, without zod: the form (a client
 * component) imports them; ./rating.ts has the rules.
 */
export const RATING_CRITERIA = [
  { key: 'design', label: 'Giao diện' },
  { key: 'content', label: 'Nội dung' },
  { key: 'quality', label: 'Chất lượng thông tin' },
  { key: 'support', label: 'Hỗ trợ' },
] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number]['key'];

export const SCORE_LABELS: Record<number, string> = { 1: 'Rất kém', 2: 'Kém', 3: 'Bình thường', 4: 'Tốt', 5: 'Rất tốt' };

export const RATING_INTERVAL_DAYS = 30;
/** The form's name for the shared abuse rules (lib/public-forms). */
export const PORTAL_RATING_FORM = 'portal-rating';
export const RATING_REPEAT_MESSAGE = `Bạn đã đánh giá cổng thông tin trong ${RATING_INTERVAL_DAYS} ngày qua: mỗi người đánh giá một lần trong ${RATING_INTERVAL_DAYS} ngày. Cảm ơn bạn!`;
export const RATING_COMMENT_MAX = PUBLIC_FORM_LIMITS.comment;

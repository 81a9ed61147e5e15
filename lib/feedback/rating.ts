import { z } from 'zod';
import { PUBLIC_FORM_LIMITS, textField } from '@/lib/public-forms/fields';

/**
 * Đánh giá cổng thông tin: 1–5 on four criteria and an optional comment, one rating per visitor
 * (the visitor cookie) per 30 days. Pure: the form's rules and labels.
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

const score = (label: string) =>
  z
    .string({ error: `Hãy chọn mức đánh giá ${label}.` })
    .refine((value) => /^[1-5]$/.test(value), `Hãy chọn mức đánh giá ${label} (từ 1 đến 5).`)
    .transform(Number);

export const ratingFields = z.object({
  design: score('Giao diện'),
  content: score('Nội dung'),
  quality: score('Chất lượng thông tin'),
  support: score('Hỗ trợ'),
  comment: textField(RATING_COMMENT_MAX, { label: 'ý kiến', optional: true }),
});
export type RatingFields = z.output<typeof ratingFields>;

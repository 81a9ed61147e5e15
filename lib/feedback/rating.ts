import { z } from 'zod';
import { cleanMultilineText } from '@/lib/documents/consultation';

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
export const RATING_COMMENT_MAX = 2000;

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
  comment: z
    .string()
    .default('')
    .transform(cleanMultilineText)
    .pipe(z.string().max(RATING_COMMENT_MAX, `Ý kiến quá dài (tối đa ${RATING_COMMENT_MAX.toLocaleString('vi-VN')} ký tự).`)),
});
export type RatingFields = z.output<typeof ratingFields>;

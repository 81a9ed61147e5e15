import { z } from 'zod';
import { textField } from '@/lib/public-forms/fields';
import { RATING_COMMENT_MAX } from './rating-labels';

export * from './rating-labels';

/** The rules of the rating form (Đánh giá cổng thông tin): each criterion 1–5, an optional comment. */
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

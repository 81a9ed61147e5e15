import { z } from 'zod';
import { cleanPlainText } from '../sanitize';

/** An image's alt text: what a screen reader says instead of the image. Plain text, 1–300 characters. */
export const altText = z
  .string({ error: 'Hãy nhập mô tả ảnh.' })
  .transform(cleanPlainText)
  .pipe(
    z
      .string()
      .min(1, 'Hãy nhập mô tả ảnh (văn bản thay thế cho người không xem được ảnh).')
      .max(300, 'Mô tả ảnh quá dài (tối đa 300 ký tự).'),
  );

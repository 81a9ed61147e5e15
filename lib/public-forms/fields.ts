import { z } from 'zod';

/**
 * What every public form (Hỏi đáp, Góp ý dự thảo, Đánh giá) shares against abuse without a
 * third-party CAPTCHA (the portal must work without internet access): a hidden honeypot field,
 * a signed start time (a minimum time to fill the form), size limits and a consent box. Pure and
 * free of Node APIs (the token's HMAC is in ./token.ts); client components import ./limits.ts,
 * which has the constants without zod.
 */

import { formatNumber } from '../format-number';
import { MIN_FILL_MS, PUBLIC_FORM_FIELDS, PUBLIC_FORM_LIMITS, PUBLIC_FORM_MACHINERY, PUBLIC_FORM_MESSAGES } from './limits';

export { MIN_FILL_MS, PUBLIC_FORM_FIELDS, PUBLIC_FORM_LIMITS, PUBLIC_FORM_MACHINERY, PUBLIC_FORM_MESSAGES };

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
const NO_CONTROL_EXCEPT_NEWLINES = /^[^\p{Cc}]*$/u;

/** A one-line text: trimmed, required unless `optional`, at most `max` characters, no control characters. */
export function lineField(max: number, { label, optional = false }: { label: string; optional?: boolean }) {
  const base = z
    .string({ error: `Vui lòng nhập ${label}.` })
    .trim()
    .max(max, { error: `${capitalise(label)} dài quá ${max} ký tự.` })
    .regex(NO_CONTROL_CHARACTERS, { error: `${capitalise(label)} có ký tự không hợp lệ.` });
  return optional ? base.optional().default('') : base.min(1, { error: `Vui lòng nhập ${label}.` });
}

/** A text of several lines (CR LF is kept as LF); counted in characters as the form's counter counts them. */
export function textField(max: number, { label, optional = false }: { label: string; optional?: boolean }) {
  const base = z
    .string({ error: `Vui lòng nhập ${label}.` })
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, { error: `${capitalise(label)} dài quá ${formatNumber(max)} ký tự.` })
        .refine((value) => NO_CONTROL_EXCEPT_NEWLINES.test(value.replace(/[\n\t]/g, ' ')), {
          error: `${capitalise(label)} có ký tự không hợp lệ.`,
        }),
    );
  return optional ? base.optional().default('') : base.pipe(z.string().min(1, { error: `Vui lòng nhập ${label}.` }));
}

/** An email address (stored lower-case). */
export const emailField = z
  .string({ error: 'Vui lòng nhập email.' })
  .trim()
  .min(1, { error: 'Vui lòng nhập email.' })
  .max(PUBLIC_FORM_LIMITS.email, { error: 'Email quá dài.' })
  .pipe(z.email({ error: 'Email chưa đúng, ví dụ: ten@example.vn.' }))
  .transform((value) => value.toLowerCase());

/** An optional Vietnamese phone number: digits, spaces, dots, dashes, a leading +. */
export const phoneField = z
  .string()
  .trim()
  .max(PUBLIC_FORM_LIMITS.phone, { error: 'Số điện thoại quá dài.' })
  .regex(/^(\+?[0-9][0-9 .-]{6,18}[0-9])?$/, { error: 'Số điện thoại chưa đúng, ví dụ: 0296 3852 xxx hoặc 0912 345 678.' })
  .optional()
  .default('');

/** The consent box: the form is refused unless it is ticked. */
export const consentField = z.literal('on', { error: PUBLIC_FORM_MESSAGES.consent });

/**
 * The consent text of a form (Nghị định 13/2023/NĐ-CP: purpose, what is kept, for how long, and
 * that it is never published). Both the form and its documentation use this one text.
 */
export function consentText({ purpose, retentionMonths }: { purpose: string; retentionMonths: number }): string {
  return (
    `Tôi đồng ý để Sở Nội vụ tỉnh An Giang xử lý dữ liệu cá nhân tôi cung cấp (họ tên, email, số điện thoại nếu có) ` +
    `theo Nghị định 13/2023/NĐ-CP, chỉ để ${purpose}. Email và số điện thoại không bao giờ được công khai; ` +
    `chúng được xóa ${retentionMonths} tháng sau khi việc xử lý kết thúc.`
  );
}

/** The raw strings a person typed, to show them again after a refusal (machinery fields left out). */
export function typedValues(input: FormData | Record<string, unknown>): Record<string, string> {
  const entries = input instanceof FormData ? [...input.entries()] : Object.entries(input ?? {});
  const values: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (typeof value !== 'string' || key.startsWith('$ACTION') || PUBLIC_FORM_MACHINERY.includes(key)) continue;
    values[key] = value.slice(0, PUBLIC_FORM_LIMITS.content * 2);
  }
  return values;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

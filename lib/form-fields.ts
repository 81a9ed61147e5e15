import { z } from 'zod';
import { cleanPlainText } from './sanitize';

/**
 * Field rules shared by the admin forms (sidebar contacts, site settings, categories). Messages
 * are Vietnamese and end up beside the field; values are plain text with any markup removed.
 */

/** A required line of plain text: markup and control characters removed, then length checked. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `Hãy nhập ${label}.` })
    .transform(cleanPlainText)
    .pipe(
      z
        .string()
        .min(1, `Hãy nhập ${label}.`)
        .max(max, `${capitalise(label)} quá dài (tối đa ${max} ký tự).`),
    );
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${capitalise(label)} không hợp lệ.` })
    .default('')
    .transform(cleanPlainText)
    .pipe(z.string().max(max, `${capitalise(label)} quá dài (tối đa ${max} ký tự).`));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One number as the sidebar shows it: "02963.957.049", "+84 913 658 627". */
const PHONE = /^\+?\d[\d. ]*\d$/;
const MAX_PHONES = 5;
const MAX_PHONE_LENGTH = 30;

export const PHONE_MESSAGE =
  'Số điện thoại chỉ gồm chữ số, dấu chấm, khoảng trắng và dấu + ở đầu (ví dụ 02963.957.049); nhiều số cách nhau bằng “ - ”.';

/** "02963.957.049 - 0378.247.247" → ["02963.957.049", "0378.247.247"], or the reason it is refused. */
export function parsePhoneList(value: string): { phones: string[] } | { error: string } {
  const phones = value
    .split(/\s+-\s+/)
    .map((phone) => phone.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (phones.length > MAX_PHONES) return { error: `Tối đa ${MAX_PHONES} số điện thoại.` };
  for (const phone of phones) {
    if (phone.length > MAX_PHONE_LENGTH) return { error: `Số điện thoại quá dài (tối đa ${MAX_PHONE_LENGTH} ký tự).` };
    if (!PHONE.test(phone) || (phone.match(/\d/g)?.length ?? 0) < 3) return { error: PHONE_MESSAGE };
  }
  return { phones };
}

/** One or more numbers, required. */
export const phoneList = z
  .string({ error: 'Hãy nhập số điện thoại.' })
  .max(MAX_PHONES * (MAX_PHONE_LENGTH + 3), 'Danh sách số điện thoại quá dài.')
  .transform((value, context) => {
    const parsed = parsePhoneList(value);
    if ('error' in parsed) {
      context.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    if (parsed.phones.length === 0) {
      context.addIssue({ code: 'custom', message: 'Hãy nhập ít nhất một số điện thoại.' });
      return z.NEVER;
    }
    return parsed.phones;
  });

/** At most one number, or empty. */
export const optionalPhone = z
  .string({ error: PHONE_MESSAGE })
  .default('')
  .transform((value, context) => {
    const trimmed = value.trim();
    if (!trimmed) return '';
    const parsed = parsePhoneList(trimmed);
    if ('error' in parsed || parsed.phones.length !== 1) {
      context.addIssue({ code: 'custom', message: 'error' in parsed ? parsed.error : 'Chỉ nhập một số điện thoại.' });
      return z.NEVER;
    }
    return parsed.phones[0]!;
  });

/** An email address or nothing (""). */
export const optionalEmail = z
  .string({ error: 'Email không hợp lệ.' })
  .default('')
  .transform((value, context) => {
    const email = value.trim().toLowerCase();
    if (!email) return '';
    if (email.length > 320) context.addIssue({ code: 'custom', message: 'Email quá dài.' });
    else if (!z.email().safeParse(email).success)
      context.addIssue({ code: 'custom', message: 'Email không hợp lệ (ví dụ: ten@angiang.gov.vn).' });
    else return email;
    return z.NEVER;
  });

/** Row ids are PostgreSQL `integer`s: a larger number names no row, and reaching a query it fails there (a 500). */
export const MAX_ROW_ID = 2_147_483_647;

/** The one id schema: a row id from a form, a URL (strings) or a call (a number). */
export const rowId = (missing: string) => z.coerce.number({ error: missing }).int(missing).positive(missing).max(MAX_ROW_ID, missing);

const anyRowId = rowId('Mã không hợp lệ.');

/** A row id from an address or a query string; null for anything that cannot name a row (a 404, never a 500). */
export function parseRowId(value: string | string[] | undefined | null): number | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string' || !/^\d{1,10}$/.test(first)) return null;
  const parsed = anyRowId.safeParse(first);
  return parsed.success ? parsed.data : null;
}

export const direction = z.enum(['up', 'down'], { error: 'Hướng di chuyển không hợp lệ.' });

/** Zero or more numbers: a person or unit without a phone is allowed (nothing is shown). */
export const optionalPhoneList = z
  .string({ error: PHONE_MESSAGE })
  .default('')
  .transform((value, context) => {
    if (value.length > MAX_PHONES * (MAX_PHONE_LENGTH + 3)) {
      context.addIssue({ code: 'custom', message: 'Danh sách số điện thoại quá dài.' });
      return z.NEVER;
    }
    const parsed = parsePhoneList(value);
    if ('error' in parsed) {
      context.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.phones;
  });

/** A version number sent back by a form, for optimistic concurrency (0: never saved). */
export const versionField = z.coerce
  .number({ error: 'Thiếu phiên bản: hãy tải lại trang.' })
  .int('Thiếu phiên bản: hãy tải lại trang.')
  .min(0, 'Thiếu phiên bản: hãy tải lại trang.')
  .max(2_147_483_647, 'Thiếu phiên bản: hãy tải lại trang.');

/** A checkbox: present ("on"/"true") when ticked, absent or "false" when not. */
export const checkbox = z
  .union([z.boolean(), z.enum(['on', 'true', 'false'])], { error: 'Giá trị không hợp lệ.' })
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

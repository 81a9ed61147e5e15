/**
 * The constants of the public forms, without zod: what client components import (the form's
 * limits for maxLength, the field names). ./fields.ts re-exports all of it.
 */

/** The names of the fields that components/public-forms/ renders into every public form. */
export const PUBLIC_FORM_FIELDS = {
  /** Left empty by people (it is hidden from them and from screen readers); bots fill it in. */
  honeypot: 'website',
  /** The signed time the form was served (./token.ts). */
  startedAt: 'formStarted',
  /** The consent box (Nghị định 13/2023/NĐ-CP): "on" when ticked. */
  consent: 'consent',
} as const;

/** Fields of a public form that are machinery, not what the person wrote. */
export const PUBLIC_FORM_MACHINERY: readonly string[] = [PUBLIC_FORM_FIELDS.honeypot, PUBLIC_FORM_FIELDS.startedAt];

/** A person needs more than this to read and fill a form; a script posts at once. */
export const MIN_FILL_MS = 3000;

/** Sizes in characters, checked on the server (and given to inputs as maxLength). */
export const PUBLIC_FORM_LIMITS = {
  name: 120,
  email: 254,
  phone: 20,
  organisation: 200,
  title: 200,
  /** Nội dung of a question or a comment on a draft. */
  content: 5000,
  /** The optional comment of a rating. */
  comment: 2000,
} as const;

/** The Vietnamese refusals, one per rule: the person is told which rule and what to do. */
export const PUBLIC_FORM_MESSAGES = {
  honeypot: 'Không gửi được: một ô ẩn của biểu mẫu đã bị điền (thường do phần mềm tự động). Vui lòng tải lại trang và gửi lại.',
  tooFast: 'Biểu mẫu được gửi quá nhanh sau khi mở trang. Vui lòng kiểm tra lại nội dung rồi bấm gửi lần nữa.',
  staleForm: 'Biểu mẫu đã cũ hoặc không hợp lệ. Vui lòng tải lại trang rồi gửi lại; nội dung bạn nhập vẫn còn trên màn hình.',
  rateLimited: 'Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau.',
  duplicate: 'Nội dung này đã được gửi trước đó. Không cần gửi lại.',
  consent: 'Vui lòng đồng ý với việc xử lý dữ liệu cá nhân để gửi.',
} as const;

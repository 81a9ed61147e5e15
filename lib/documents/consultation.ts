import { z } from 'zod';
import { fromLocalDateTimeInput } from '@/lib/time';

/**
 * Góp ý dự thảo: the comment window of a document offered for public comment. Instants are typed
 * and shown in Asia/Ho_Chi_Minh (lib/time.ts); the form takes comments from `opensAt` (included)
 * to `closesAt` (excluded). Pure, so the edges are tested without a clock.
 */
export type ConsultationWindow = { opensAt: Date; closesAt: Date };
export type ConsultationState = 'upcoming' | 'open' | 'closed';

export function consultationState(window: ConsultationWindow, now: Date | number = Date.now()): ConsultationState {
  const at = typeof now === 'number' ? now : now.getTime();
  if (at < window.opensAt.getTime()) return 'upcoming';
  return at < window.closesAt.getTime() ? 'open' : 'closed';
}

export const CONSULTATION_STATE_LABELS: Record<ConsultationState, string> = {
  upcoming: 'Chưa đến thời gian góp ý',
  open: 'Đang lấy ý kiến',
  closed: 'Đã hết thời gian góp ý',
};

const localInstant = (label: string) =>
  z.string({ error: `Hãy nhập ${label}.` }).transform((value, context) => {
    if (!value.trim()) {
      context.addIssue({ code: 'custom', message: `Hãy nhập ${label}.` });
      return z.NEVER;
    }
    const at = fromLocalDateTimeInput(value);
    if (!at) {
      context.addIssue({ code: 'custom', message: `${label[0]!.toUpperCase()}${label.slice(1)} không hợp lệ.` });
      return z.NEVER;
    }
    return at;
  });

/** The staff form's window: two datetime-local values in Vietnam time; the close after the opening. */
export const consultationWindowFields = z
  .object({ opensAt: localInstant('thời điểm bắt đầu góp ý'), closesAt: localInstant('thời điểm kết thúc góp ý') })
  .superRefine((value, context) => {
    if (value.closesAt.getTime() <= value.opensAt.getTime()) {
      context.addIssue({ code: 'custom', path: ['closesAt'], message: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.' });
    }
  });

export const COMMENT_STATUS_LABELS = { pending: 'Chờ duyệt', published: 'Đã đăng', hidden: 'Không đăng' } as const;
export type CommentStatus = keyof typeof COMMENT_STATUS_LABELS;

export const COMMENT_LIMITS = { name: 200, email: 254, organisation: 300, content: 5000 } as const;

/** Text typed over several lines: NFC, no control characters but line breaks, at most one blank line in a row. */
export function cleanMultilineText(value: string): string {
  return (
    value
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ')
      .split('\n')
      .map((line) => line.replace(/ +/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

const trimmed = (label: string, max: number, required: boolean) =>
  z
    .string({ error: `Hãy nhập ${label}.` })
    .default('')
    .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      required
        ? z.string().min(1, `Hãy nhập ${label}.`).max(max, `Quá dài (tối đa ${max} ký tự).`)
        : z.string().max(max, `Quá dài (tối đa ${max} ký tự).`),
    );

/** The public "Góp ý" form: name, email, organisation (optional), content, consent. */
export const commentFields = z.object({
  name: trimmed('họ và tên', COMMENT_LIMITS.name, true),
  email: z
    .string({ error: 'Hãy nhập email.' })
    .default('')
    .transform((value) => value.trim().toLowerCase())
    .pipe(
      z
        .string()
        .min(1, 'Hãy nhập email.')
        .max(COMMENT_LIMITS.email, 'Email quá dài.')
        .pipe(z.email('Email chưa đúng (ví dụ ten@example.com).')),
    ),
  organisation: trimmed('cơ quan, tổ chức', COMMENT_LIMITS.organisation, false),
  content: z
    .string({ error: 'Hãy nhập nội dung góp ý.' })
    .default('')
    .transform(cleanMultilineText)
    .pipe(
      z
        .string()
        .min(1, 'Hãy nhập nội dung góp ý.')
        .max(COMMENT_LIMITS.content, `Nội dung quá dài (tối đa ${COMMENT_LIMITS.content.toLocaleString('vi-VN')} ký tự).`),
    ),
  consent: z.literal('yes', { error: 'Hãy đồng ý cho Sở xử lý thông tin cá nhân để gửi góp ý.' }),
});
export type CommentFields = z.output<typeof commentFields>;

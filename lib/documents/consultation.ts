import { z } from 'zod';
import { rowId } from '@/lib/form-fields';
import { consentField, emailField, lineField, PUBLIC_FORM_LIMITS, textField } from '@/lib/public-forms/fields';
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

/** The form's name for the shared abuse rules (lib/public-forms). */
export const DRAFT_COMMENT_FORM = 'draft-comment';

/** The public "Góp ý" form: name, email, organisation (optional), content, consent (lib/public-forms). */
export const commentFields = z.object({
  documentId: rowId('Không tìm thấy văn bản này.'),
  name: lineField(PUBLIC_FORM_LIMITS.name, { label: 'họ và tên' }),
  email: emailField,
  organisation: lineField(PUBLIC_FORM_LIMITS.organisation, { label: 'tên cơ quan, tổ chức', optional: true }),
  content: textField(PUBLIC_FORM_LIMITS.content, { label: 'nội dung góp ý' }),
  consent: consentField,
});
export type CommentFields = z.output<typeof commentFields>;

/** Months after a window closes when commenters' emails are erased (the consent text says so). */
export const COMMENT_EMAIL_RETENTION_MONTHS = 12;

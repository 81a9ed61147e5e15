'use server';

import { createHash } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { getDb } from '@/db';
import { getPublishedConsultationForComment, insertComment } from '@/db/queries/consultations';
import { insertRatingOncePer } from '@/db/queries/ratings';
import { commentFields, consultationState } from '@/lib/documents/consultation';
import { AppError, type FieldErrors } from '@/lib/errors';
import { RATING_INTERVAL_DAYS, ratingFields } from '@/lib/feedback/rating';
import { formatDateTime } from '@/lib/format';
import { rowId } from '@/lib/form-fields';
import { foldSearchText } from '@/lib/search-text';
import { VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from '@/lib/visits/rules';
import { isSameOrigin } from '@/server/define-action';
import { createVisitorCookieValue, getVisitorCookieKey, verifyVisitorCookie } from '@/server/visits/cookie';
import { type PublicFormState, publicFormState } from '@/lib/feedback/form-state';

/**
 * The two public forms of Góp ý dự thảo and Đánh giá: no session, so not defineAction; each checks
 * the origin, the shared abuse rules (server/public-forms), its input, then writes in one
 * transaction. Bound with useActionState, they work without JavaScript: the page is rendered again
 * with the returned state, which keeps what was typed on an error.
 */

const COMMENT_KEYS = ['name', 'email', 'organisation', 'content', 'consent'] as const;
const RATING_KEYS = ['design', 'content', 'quality', 'support', 'comment'] as const;

function valuesOf(form: FormData, keys: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of keys) {
    const value = form.get(key);
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) (errors[issue.path.map(String).join('.') || '_'] ??= []).push(issue.message);
  return errors;
}

function failure(error: unknown, values: Record<string, string>): PublicFormState {
  if (error instanceof AppError) {
    return publicFormState({ status: 'error', message: error.message, fieldErrors: error.fieldErrors ?? {}, values });
  }
  console.error('[feedback] Lỗi không mong đợi.', error);
  return publicFormState({ status: 'error', message: new AppError('failed').message, values });
}

/** The same text sent twice, whatever its accents, case or spacing: one hash. */
function contentHash(content: string): string {
  return createHash('sha256').update(foldSearchText(content).replace(/\s+/g, ' ').trim()).digest('hex');
}

export async function submitDraftComment(_previous: PublicFormState, form: FormData): Promise<PublicFormState> {
  const values = valuesOf(form, COMMENT_KEYS);
  try {
    if (!(await isSameOrigin())) throw new AppError('foreignOrigin');
    const documentId = rowId('Không tìm thấy văn bản này.').safeParse(form.get('documentId'));
    if (!documentId.success) throw new AppError('notFound', { message: 'Không tìm thấy văn bản này.' });
    await checkAbuse(form, 'draft-comment');
    const parsed = commentFields.safeParse(values);
    if (!parsed.success) throw new AppError('invalid', { fieldErrors: fieldErrorsOf(parsed.error.issues) });
    const fields = parsed.data;
    const db = await getDb();
    await db.transaction(async (tx) => {
      const window = await getPublishedConsultationForComment({ db: tx, documentId: documentId.data });
      if (!window) throw new AppError('notFound', { message: 'Văn bản này không lấy ý kiến góp ý.' });
      const state = consultationState(window);
      if (state === 'upcoming') {
        throw new AppError('rejected', { message: `Chưa đến thời gian góp ý: bắt đầu lúc ${formatDateTime(window.opensAt)}.` });
      }
      if (state === 'closed') {
        throw new AppError('rejected', { message: `Đã hết thời gian góp ý (kết thúc lúc ${formatDateTime(window.closesAt)}).` });
      }
      const inserted = await insertComment({
        db: tx,
        documentId: documentId.data,
        name: fields.name,
        email: fields.email,
        organisation: fields.organisation,
        content: fields.content,
        contentHash: contentHash(fields.content),
      });
      if (!inserted) throw new AppError('rejected', { message: 'Góp ý này đã được gửi trước đó: Sở đã nhận, không cần gửi lại.' });
    });
    return publicFormState({
      status: 'sent',
      message: 'Đã gửi góp ý. Cảm ơn bạn! Góp ý sẽ được cán bộ xem xét trước khi đăng công khai; email của bạn không bao giờ được công bố.',
    });
  } catch (error) {
    return failure(error, values);
  }
}

/**
 * The visitor behind a rating: the signed visitor cookie the proxy gave on their first page view.
 * A browser that has none yet (its first request is this form) gets one here, like the proxy would.
 */
async function visitorOf(): Promise<string> {
  const jar = await cookies();
  const key = getVisitorCookieKey();
  const existing = verifyVisitorCookie(jar.get(VISITOR_COOKIE)?.value, key);
  if (existing) return existing;
  const value = createVisitorCookieValue(key);
  const list = await headers();
  jar.set({
    name: VISITOR_COOKIE,
    value,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: VISITOR_COOKIE_MAX_AGE_S,
    secure: list.get('x-forwarded-proto') === 'https',
  });
  return value.slice(0, value.indexOf('.'));
}

export async function submitPortalRating(_previous: PublicFormState, form: FormData): Promise<PublicFormState> {
  const values = valuesOf(form, RATING_KEYS);
  try {
    if (!(await isSameOrigin())) throw new AppError('foreignOrigin');
    await checkAbuse(form, 'portal-rating');
    const parsed = ratingFields.safeParse(values);
    if (!parsed.success) throw new AppError('invalid', { fieldErrors: fieldErrorsOf(parsed.error.issues) });
    const visitorId = await visitorOf();
    const db = await getDb();
    const since = new Date(Date.now() - RATING_INTERVAL_DAYS * 86_400_000);
    const recorded = await db.transaction((tx) => insertRatingOncePer({ db: tx, visitorId, since, values: parsed.data }));
    if (!recorded) {
      throw new AppError('rejected', {
        message: `Bạn đã đánh giá cổng thông tin trong ${RATING_INTERVAL_DAYS} ngày qua. Cảm ơn bạn; mỗi người đánh giá một lần trong ${RATING_INTERVAL_DAYS} ngày.`,
      });
    }
    return publicFormState({ status: 'sent', message: 'Đã ghi nhận đánh giá của bạn. Cảm ơn bạn đã góp phần hoàn thiện cổng thông tin!' });
  } catch (error) {
    return failure(error, values);
  }
}

/** Replaced by the shared abuse rules of server/public-forms once they land. */
async function checkAbuse(form: FormData, _kind: string): Promise<void> {
  if (form.get('website')) throw new AppError('rejected', { message: 'Không gửi được.' });
}

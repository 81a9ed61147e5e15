'use server';

import { cookies, headers } from 'next/headers';
import { getPublishedConsultationForComment, insertComment } from '@/db/queries/consultations';
import { insertRatingOncePer } from '@/db/queries/ratings';
import { commentFields, consultationState, DRAFT_COMMENT_FORM } from '@/lib/documents/consultation';
import { AppError } from '@/lib/errors';
import { PORTAL_RATING_FORM, RATING_INTERVAL_DAYS, RATING_REPEAT_MESSAGE, ratingFields } from '@/lib/feedback/rating';
import { formatDateTime } from '@/lib/format';
import { HOUR_MS } from '@/lib/time';
import { VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from '@/lib/visits/rules';
import { definePublicAction } from '@/server/public-forms/guard';
import { createVisitorCookieValue, getVisitorCookieKey, verifyVisitorCookie } from '@/server/visits/cookie';

/**
 * The two public forms of Góp ý dự thảo and Đánh giá, built with definePublicAction (origin,
 * honeypot, minimum fill time, per-client limit, duplicates, then the work in one transaction).
 * Bound with useActionState they work without JavaScript: the page comes back with the outcome,
 * the errors beside each field and what was typed.
 */

/** Comments on drafts: 5 an hour per client; the same text on the same draft once a day. */
export const submitDraftComment = definePublicAction({
  form: DRAFT_COMMENT_FORM,
  schema: commentFields,
  limit: { limit: 5, windowMs: HOUR_MS },
  fingerprint: (input) => [String(input.documentId), input.content],
  async run({ input, tx }) {
    // Checked at the instant of the comment, whatever the (cached) page showed.
    const window = await getPublishedConsultationForComment({ db: tx, documentId: input.documentId });
    if (!window) throw new AppError('notFound', { message: 'Văn bản này không lấy ý kiến góp ý.' });
    const state = consultationState(window);
    if (state === 'upcoming') {
      throw new AppError('rejected', { message: `Chưa đến thời gian góp ý: bắt đầu lúc ${formatDateTime(window.opensAt)}.` });
    }
    if (state === 'closed') {
      throw new AppError('rejected', { message: `Đã hết thời gian góp ý (kết thúc lúc ${formatDateTime(window.closesAt)}).` });
    }
    await insertComment({
      db: tx,
      documentId: input.documentId,
      name: input.name,
      email: input.email,
      organisation: input.organisation,
      content: input.content,
    });
    // Nothing public changes until a moderator publishes it.
    return { result: {} };
  },
});

/**
 * The visitor behind a rating: the signed visitor cookie the proxy gave on their first page view.
 * A browser without one (its first request is this form) gets one here, as the proxy would.
 */
async function currentVisitor(): Promise<string> {
  const jar = await cookies();
  const key = getVisitorCookieKey();
  const existing = verifyVisitorCookie(jar.get(VISITOR_COOKIE)?.value, key);
  if (existing) return existing;
  const value = createVisitorCookieValue(key);
  jar.set({
    name: VISITOR_COOKIE,
    value,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: VISITOR_COOKIE_MAX_AGE_S,
    secure: (await headers()).get('x-forwarded-proto') === 'https',
  });
  return value.slice(0, value.indexOf('.'));
}

/** One rating per visitor per 30 days; 10 an hour per client (an office shares one address). */
export const submitPortalRating = definePublicAction({
  form: PORTAL_RATING_FORM,
  schema: ratingFields,
  limit: { limit: 10, windowMs: HOUR_MS },
  async run({ input, tx }) {
    const visitorId = await currentVisitor();
    const since = new Date(Date.now() - RATING_INTERVAL_DAYS * 24 * HOUR_MS);
    if (!(await insertRatingOncePer({ db: tx, visitorId, since, values: input }))) {
      throw new AppError('rejected', { message: RATING_REPEAT_MESSAGE });
    }
    return { result: {} };
  },
});

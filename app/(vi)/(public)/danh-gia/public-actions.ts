'use server';

import { cookies, headers } from 'next/headers';
import { insertRatingOncePer } from '@/db/queries/ratings';
import { AppError } from '@/lib/errors';
import { PORTAL_RATING_FORM, RATING_INTERVAL_DAYS, RATING_REPEAT_MESSAGE, ratingFields } from '@/lib/feedback/rating';
import { HOUR_MS } from '@/lib/time';
import { VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from '@/lib/visits/rules';
import { definePublicAction } from '@/server/public-forms/guard';
import { createVisitorCookieValue, getVisitorCookieKey, verifyVisitorCookie } from '@/server/visits/cookie';

/**
 * Đánh giá cổng thông tin, built with definePublicAction (origin, honeypot, minimum fill time,
 * per-client limit, then the work in one transaction); works without JavaScript.
 */

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

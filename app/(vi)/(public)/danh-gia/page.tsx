import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { RatingForm } from '@/components/feedback/rating-form';
import { PublicFormGuard } from '@/components/public-forms/form-guard';
import { findRatingSince } from '@/db/queries/ratings';
import { PORTAL_RATING_FORM, RATING_INTERVAL_DAYS } from '@/lib/feedback/rating';
import { formatDate } from '@/lib/format';
import { routes } from '@/lib/routes';
import { VISITOR_COOKIE } from '@/lib/visits/rules';
import { getVisitorCookieKey, verifyVisitorCookie } from '@/server/visits/cookie';
import { submitPortalRating } from './public-actions';
import { canonicalAlternates } from '@/lib/site-url';

/** Rendered per request: it tells a visitor who rated in the last 30 days when they may rate again. */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Đánh giá cổng thông tin',
  description: 'Đánh giá giao diện, nội dung, chất lượng thông tin và hỗ trợ của Cổng thông tin điện tử Sở Nội vụ tỉnh An Giang.',
  alternates: canonicalAlternates(routes.rating),
};

const DAY_MS = 86_400_000;

async function lastRating(): Promise<Date | null> {
  const visitorId = verifyVisitorCookie((await cookies()).get(VISITOR_COOKIE)?.value, getVisitorCookieKey());
  if (!visitorId) return null;
  return findRatingSince({ visitorId, since: new Date(Date.now() - RATING_INTERVAL_DAYS * DAY_MS) });
}

export default async function RatingPage() {
  const rated = await lastRating();
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Đánh giá' }]} />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">Đánh giá cổng thông tin</h1>
      <p className="mt-3">
        Chấm điểm từ 1 (rất kém) đến 5 (rất tốt) cho từng tiêu chí. Mỗi người đánh giá một lần trong {RATING_INTERVAL_DAYS} ngày; Sở chỉ ghi
        nhận điểm và ý kiến, không ghi tên, email hay địa chỉ IP.
      </p>
      {rated ? (
        <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 px-3 py-2 font-semibold text-green-900">
          Bạn đã đánh giá ngày {formatDate(rated)}. Cảm ơn bạn! Bạn có thể đánh giá lại từ ngày{' '}
          {formatDate(new Date(rated.getTime() + RATING_INTERVAL_DAYS * DAY_MS))}.
        </p>
      ) : (
        <RatingForm action={submitPortalRating} guard={<PublicFormGuard form={PORTAL_RATING_FORM} />} />
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleTime } from '@/components/article/article-time';
import { NewArticleForm } from '@/components/staff/new-article-form';
import { Pagination } from '@/components/ui/pagination';
import { buttonClass, inputClass, secondaryButtonClass } from '@/components/staff/form-field';
import { listArticlesForStaff, listCategoryChoices, type StaffArticleListItem } from '@/db/queries/article-editing';
import { listSendBackNotes, listSubmittedArticles } from '@/db/queries/review';
import { getArticleViews } from '@/db/queries/stats';
import { parseStatsRange } from '@/lib/stats/range';
import { articleStatusLabel, isScheduled } from '@/lib/article-status';
import { formatNumber } from '@/lib/format-number';
import {
  canEditArticle,
  canPublish,
  canPublishArticle,
  canReviewArticles,
  canViewQuestions,
  canViewStatistics,
  canWriteArticles,
  STATUS_LABELS,
} from '@/lib/permissions';
import { parseStaffListParams, staffListHref } from '@/lib/staff-list-params';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Quản trị' };

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where a staff member opens an article: its public page (the proxy serves staff the editable view), else the preview. */
function articleHref(article: StaffArticleListItem): string {
  return article.status === 'published' && !isScheduled(article) ? routes.article(article.slug) : routes.staff.preview(article.id);
}

export default async function AdminHomePage({ searchParams }: Props) {
  const user = await requireStaff({ from: routes.staff.home() });
  if (!canWriteArticles(user)) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-xl font-bold text-brand-900">Quản trị</h1>
        {canViewStatistics(user) && (
          <p className="mt-2">
            <Link className="underline" href={routes.staff.stats()}>
              Thống kê truy cập
            </Link>
          </p>
        )}
        {canViewQuestions(user) && (
          <p className="mt-2">
            <Link className="underline" href={routes.staff.questions()}>
              Hỏi đáp: câu hỏi của đơn vị
            </Link>
          </p>
        )}
      </div>
    );
  }
  const [categories, queue] = await Promise.all([
    listCategoryChoices(),
    canReviewArticles(user) ? listSubmittedArticles({ limit: 100 }) : Promise.resolve([]),
  ]);
  const params = parseStaffListParams(
    await searchParams,
    categories.map((category) => category.slug),
  );
  const filters = { status: params.status, categorySlug: params.categorySlug, search: params.search };
  // Authors see only their own articles; editors and admins see every one.
  const { items: articles, total } = await listArticlesForStaff({
    authorId: canPublish(user) ? null : user.id,
    ...filters,
    page: params.page,
    pageSize: PAGE_SIZE,
  });
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = Boolean(params.status || params.categorySlug || params.search);
  const drafts = articles.filter((article) => article.status === 'draft').map((article) => article.id);
  const sendBacks = new Map((await listSendBackNotes({ articleIds: drafts })).map((note) => [note.articleId, note]));
  // Views are statistics: shown to those who may read statistics.
  // Today and 7 days are the dashboard's own ranges, read the same way, so the numbers agree.
  const views = canViewStatistics(user) ? await articleViews(articles.map((article) => article.id)) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold text-brand-900">Bài viết</h1>
      <section aria-labelledby="viet-bai-moi" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="viet-bai-moi" className="mb-3 font-bold">
          Viết bài mới
        </h2>
        <NewArticleForm categories={categories} />
      </section>
      {canReviewArticles(user) && (
        <section aria-labelledby="cho-duyet" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="cho-duyet" className="mb-3 font-bold">
            Chờ duyệt ({queue.length})
          </h2>
          {queue.length === 0 ? (
            <p>Không có bài nào chờ duyệt.</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {queue.map((article) => (
                <li key={article.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                  <Link href={routes.staff.preview(article.id)} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                    {article.title}
                  </Link>
                  <span className="shrink-0 text-sm text-slate-600">
                    {article.authorName ?? 'Không rõ tác giả'} · gửi lúc <ArticleTime date={article.updatedAt} />
                    {!canPublishArticle(user, article) && ' · bài của bạn: cần người khác duyệt'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="danh-sach-bai" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="danh-sach-bai" className="mb-3 font-bold">
          {canPublish(user) ? 'Tất cả bài viết' : 'Bài viết của bạn'}
        </h2>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use; role="search" is */}
        <form
          method="get"
          action={routes.staff.home()}
          role="search"
          aria-label="Lọc bài viết"
          className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-end"
        >
          <div>
            <label htmlFor="loc-q" className="block text-sm font-semibold">
              Từ khóa
            </label>
            <input
              id="loc-q"
              name="q"
              type="search"
              maxLength={200}
              defaultValue={params.search ?? ''}
              aria-describedby="loc-q-goi-y"
              className={inputClass}
            />
            <p id="loc-q-goi-y" className="mt-1 text-xs text-slate-600">
              Tìm trong tiêu đề, gõ có dấu hay không dấu đều được.
            </p>
          </div>
          <div>
            <label htmlFor="loc-trang-thai" className="block text-sm font-semibold">
              Trạng thái
            </label>
            <select id="loc-trang-thai" name="trang-thai" defaultValue={params.status ?? ''} className={inputClass}>
              <option value="">Tất cả</option>
              {Object.entries(STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="loc-chuyen-muc" className="block text-sm font-semibold">
              Chuyên mục
            </label>
            <select id="loc-chuyen-muc" name="chuyen-muc" defaultValue={params.categorySlug ?? ''} className={inputClass}>
              <option value="">Tất cả</option>
              {categories.map((category) => (
                <option key={category.id} value={category.slug}>
                  {category.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass}>
              Tìm kiếm
            </button>
            {filtered && (
              <Link href={routes.staff.home()} className={secondaryButtonClass}>
                Bỏ lọc
              </Link>
            )}
          </div>
        </form>
        {params.notices.length > 0 && (
          <ul role="alert" className="mb-3 list-disc pl-5 text-sm font-semibold text-amber-900">
            {params.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        )}
        <p role="status" className="mb-2 text-sm text-slate-600">
          {total === 0
            ? filtered
              ? 'Không có bài viết nào khớp với bộ lọc.'
              : 'Chưa có bài viết.'
            : `${formatNumber(total)} bài viết · trang ${params.page}/${totalPages}`}
        </p>
        {articles.length > 0 && (
          <ul className="divide-y divide-slate-200">
            {articles.map((article) => (
              <li key={article.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between">
                <Link href={articleHref(article)} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                  {article.title}
                </Link>
                <span className="shrink-0 text-sm text-slate-600">
                  {articleStatusLabel(article)} · {article.categoryName} · <ArticleTime date={article.updatedAt} />
                  {article.authorName ? ` · ${article.authorName}` : ''}
                  {views &&
                    ` · lượt xem: hôm nay ${formatNumber(views.today.get(article.id) ?? 0)}, 7 ngày ${formatNumber(views.week.get(article.id) ?? 0)}, tổng ${formatNumber(views.all.get(article.id) ?? 0)}`}
                  {canEditArticle(user, article) && (
                    <>
                      {' · '}
                      <Link
                        href={routes.staff.articleHistory(article.id)}
                        className="text-brand-800 underline"
                        aria-label={`Lịch sử: ${article.title}`}
                      >
                        Lịch sử
                      </Link>
                    </>
                  )}
                </span>
                {sendBacks.has(article.id) && (
                  <p className="text-sm text-amber-900 sm:basis-full">Trả lại: {sendBacks.get(article.id)!.comment}</p>
                )}
              </li>
            ))}
          </ul>
        )}
        <Pagination page={params.page} totalPages={totalPages} hrefFor={(n) => staffListHref({ ...filters, page: n })} />
      </section>
    </div>
  );
}

async function articleViews(articleIds: number[]) {
  const now = Date.now();
  const [today, week, all] = await Promise.all([
    getArticleViews({ articleIds, range: defaultRange('hom-nay', now), now }),
    getArticleViews({ articleIds, range: defaultRange('7-ngay', now), now }),
    getArticleViews({ articleIds, now }),
  ]);
  return { today, week, all };
}

function defaultRange(preset: 'hom-nay' | '7-ngay', now: number) {
  const parsed = parseStatsRange({ khoang: preset }, now);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.range;
}

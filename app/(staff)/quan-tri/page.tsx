import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { ArticleTime } from '@/components/article/article-time';
import { NewArticleForm } from '@/components/staff/new-article-form';
import { listArticlesForStaff, listCategoryChoices } from '@/db/queries/article-editing';
import { listSendBackNotes, listSubmittedArticles } from '@/db/queries/review';
import { getArticleViews } from '@/db/queries/stats';
import { articleStatusLabel } from '@/lib/article-status';
import { formatNumber } from '@/lib/format';
import { canPublish, canPublishArticle, canReviewArticles, canViewStatistics, canWriteArticles } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Quản trị' };

export default async function AdminHomePage() {
  const user = await auth();
  if (!user) redirect('/dang-nhap?callbackUrl=/quan-tri');
  if (!canWriteArticles(user)) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-xl font-bold text-brand-900">Quản trị</h1>
        {canViewStatistics(user) && (
          <p className="mt-2">
            <Link className="underline" href="/quan-tri/thong-ke">
              Thống kê truy cập
            </Link>
          </p>
        )}
      </div>
    );
  }
  const [articles, categories, queue] = await Promise.all([
    listArticlesForStaff({ authorId: canPublish(user) ? null : user.id, limit: 100 }),
    listCategoryChoices(),
    canReviewArticles(user) ? listSubmittedArticles({ limit: 100 }) : Promise.resolve([]),
  ]);
  const drafts = articles.filter((article) => article.status === 'draft').map((article) => article.id);
  const sendBacks = new Map((await listSendBackNotes({ articleIds: drafts })).map((note) => [note.articleId, note]));
  // Views are statistics: shown to those who may read statistics.
  const views = canViewStatistics(user) ? await getArticleViews({ articleIds: articles.map((article) => article.id) }) : null;
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
                  <Link href={`/quan-tri/xem-truoc/${article.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
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
        {articles.length === 0 ? (
          <p>Chưa có bài viết.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {articles.map((article) => (
              <li key={article.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between">
                <Link href={`/quan-tri/xem-truoc/${article.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                  {article.title}
                </Link>
                <span className="shrink-0 text-sm text-slate-600">
                  {articleStatusLabel(article)} · <ArticleTime date={article.updatedAt} />
                  {article.authorName ? ` · ${article.authorName}` : ''}
                  {views && ` · ${formatNumber(views.get(article.id) ?? 0)} lượt xem`}
                </span>
                {sendBacks.has(article.id) && (
                  <p className="text-sm text-amber-900 sm:basis-full">Trả lại: {sendBacks.get(article.id)!.comment}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { auth } from '@/auth';
import { ArticleContent } from '@/components/article/article-content';
import { StaffToolbar } from '@/components/editor/staff-toolbar';
import { getArticleForPreview } from '@/db/queries/article-editing';
import { parseRowId } from '@/lib/form-fields';
import { canPreviewArticle, STATUS_LABELS } from '@/lib/permissions';
import { routes } from '@/lib/routes';

export const metadata: Metadata = { title: 'Xem trước bài viết' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ sua?: string }> };

/**
 * A staff view of any article, whatever its status: drafts are previewed and edited here, while
 * the public page stays cached and shows only published articles (a 404 for the rest).
 */
export default async function PreviewPage({ params, searchParams }: Props) {
  const id = parseRowId((await params).id);
  const user = await auth();
  if (!user || id === null) notFound();
  const article = await getArticleForPreview({ id });
  if (!article || !canPreviewArticle(user, article)) notFound();
  const startEditing = (await searchParams).sua === '1';
  return (
    <div className="space-y-4">
      <p className="text-sm">
        Xem trước · {STATUS_LABELS[article.status]}
        {article.status === 'published' && (
          <>
            {' · '}
            <Link className="underline" href={routes.article(article.slug)}>
              Mở trang công khai
            </Link>
          </>
        )}
      </p>
      <StaffToolbar articleId={article.id} contentId="bai-viet" startEditing={startEditing} />
      <article id="bai-viet" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <ArticleContent {...article} />
      </article>
    </div>
  );
}

import type { Metadata } from 'next';
import { auth } from '@/auth';
import { StaffToolbar } from '@/components/editor/staff-toolbar';
import { getArticleBySlugForStaff } from '@/db/queries/articles';
import { canPreviewArticle } from '@/lib/permissions';
import { isValidSlug } from '@/lib/slug';
import { ArticleView, articleMetadata, loadPublicArticle, requirePublicArticle } from '../../../tin-tuc/article-view';

/**
 * The article page for a browser with a staff session: proxy.ts rewrites /tin-tuc/<slug> here, so
 * the address stays the public one and editing happens in place. Rendered per request, never
 * cached. Whoever may not edit this article (a stale cookie, a disabled account, another author)
 * gets exactly the public page: the session, role and article are checked here, not in the proxy.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

async function loadForStaff(slug: string) {
  const user = await auth();
  if (!user || !isValidSlug(slug)) return null;
  const article = await getArticleBySlugForStaff({ slug });
  return article && canPreviewArticle(user, article) ? article : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const metadata = articleMetadata((await loadForStaff(slug)) ?? (await loadPublicArticle(slug)));
  return { ...metadata, robots: { index: false, follow: false } };
}

export default async function StaffArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await loadForStaff(slug);
  if (!article) return <ArticleView article={await requirePublicArticle(slug)} />;
  return <ArticleView article={article} toolbar={<StaffToolbar articleId={article.id} contentId="bai-viet" />} />;
}

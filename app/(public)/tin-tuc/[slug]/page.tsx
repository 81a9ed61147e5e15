import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { ArticleList, SyntheticBadge } from '@/components/article/article-card';
import { ArticleTime } from '@/components/article/article-time';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { StaffIsland } from '@/components/editor/staff-island';
import { SectionHeading } from '@/components/ui/section-heading';
import { getRedirectedArticleSlug } from '@/db/queries/article-editing';
import { getPublishedArticleBySlug, listRelatedArticles } from '@/db/queries/articles';
import { isValidSlug } from '@/lib/slug';

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const loadArticle = cache(async (slug: string) => (isValidSlug(slug) ? getPublishedArticleBySlug({ slug }) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  if (!article) return { title: 'Không tìm thấy trang' };
  const url = `/tin-tuc/${article.slug}`;
  const description = article.summary.slice(0, 300);
  return {
    title: article.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.categoryName,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await loadArticle(slug);
  if (!article) {
    // An address the article had before an editor changed it: a permanent redirect (308).
    const current = isValidSlug(slug) ? await getRedirectedArticleSlug({ slug }) : null;
    if (current) permanentRedirect(`/tin-tuc/${current}`);
    notFound();
  }
  const related = await listRelatedArticles({ categoryId: article.categoryId, excludeId: article.id, limit: 5 });

  return (
    <div className="space-y-6">
      <StaffIsland articleId={article.id} contentId="bai-viet" />
      <article id="bai-viet" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0">
        <Breadcrumb
          items={[
            { label: 'Trang chủ', href: '/' },
            { label: article.categoryName, href: `/chuyen-muc/${article.categorySlug}` },
            { label: article.title },
          ]}
        />
        <p className="text-sm font-semibold uppercase text-accent-600">{article.categoryName}</p>
        <h1 className="mt-1 text-xl font-bold leading-snug text-brand-900 sm:text-2xl">
          {article.synthetic && <SyntheticBadge />}
          {article.title}
        </h1>
        <p className="mt-2 text-sm text-slate-600">
          <ArticleTime date={article.publishedAt} />
        </p>
        {article.summary && <p className="mt-4 font-semibold leading-relaxed text-slate-800">{article.summary}</p>}
        {/* body_html is sanitised with an allowlist when it is saved; only that is ever stored. */}
        <div className="article-body mt-2 leading-relaxed text-slate-900" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.byline && <p className="mt-6 text-right font-semibold text-slate-800">{article.byline}</p>}
      </article>

      {related.length > 0 && (
        <section aria-labelledby="tin-lien-quan" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:hidden">
          <SectionHeading id="tin-lien-quan" href={`/chuyen-muc/${article.categorySlug}`}>
            Tin cùng chuyên mục
          </SectionHeading>
          <ArticleList articles={related} showSummary={false} />
        </section>
      )}
    </div>
  );
}

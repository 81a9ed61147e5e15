import type { ArticleCard as ArticleCardData } from '@/db/queries/articles';
import { ArticleTime } from './article-time';
import { routes } from '@/lib/routes';

export function SyntheticBadge() {
  return (
    <span className="mr-2 inline-block rounded bg-amber-100 px-1.5 py-0.5 align-middle text-xs font-semibold text-amber-900">
      Dữ liệu thử nghiệm
    </span>
  );
}

export function ArticleCard({
  article,
  headingLevel = 3,
  showSummary = true,
  showCategory = false,
}: {
  article: ArticleCardData;
  headingLevel?: 2 | 3;
  showSummary?: boolean;
  showCategory?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="py-3">
      <Heading className="text-base font-semibold leading-snug">
        {article.synthetic && <SyntheticBadge />}
        <a href={routes.article(article.slug)} className="text-slate-900 hover:text-brand-700 hover:underline">
          {article.title}
        </a>
      </Heading>
      <p className="mt-1 text-xs text-slate-600">
        <ArticleTime date={article.publishedAt} />
        {showCategory && (
          <>
            {' · '}
            <a href={routes.category(article.categorySlug)} className="hover:underline">
              {article.categoryName}
            </a>
          </>
        )}
      </p>
      {showSummary && article.summary && <p className="mt-1.5 line-clamp-3 text-sm text-slate-700">{article.summary}</p>}
    </article>
  );
}

export function ArticleList({
  articles,
  headingLevel,
  showSummary,
  showCategory,
}: {
  articles: ArticleCardData[];
  headingLevel?: 2 | 3;
  showSummary?: boolean;
  showCategory?: boolean;
}) {
  return (
    <ul className="divide-y divide-slate-200">
      {articles.map((article) => (
        <li key={article.id}>
          <ArticleCard article={article} headingLevel={headingLevel} showSummary={showSummary} showCategory={showCategory} />
        </li>
      ))}
    </ul>
  );
}

import type { Metadata } from 'next';
import { ArticleView, articleMetadata, loadPublicArticle, requirePublicArticle } from '../article-view';

// The public article page: ISR, identical for everyone, with no staff code. Staff with a session
// are routed by proxy.ts to /ban-bien-tap/tin-tuc/<slug>, which renders this same view with the
// editing toolbar after checking who they are.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata(await loadPublicArticle((await params).slug));
}

export default async function ArticlePage({ params }: Props) {
  const article = await requirePublicArticle((await params).slug);
  return <ArticleView article={article} />;
}

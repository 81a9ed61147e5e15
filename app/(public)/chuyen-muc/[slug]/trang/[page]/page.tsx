import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { CategoryView, categoryHref, categoryMetadata, parsePageNumber } from '../../../category-view';

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return categoryMetadata(slug, parsePageNumber(page) ?? 1);
}

export default async function CategoryPageN({ params }: Props) {
  const { slug, page: pageParam } = await params;
  const page = parsePageNumber(pageParam);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(categoryHref(slug, 1));
  return <CategoryView slug={slug} page={page} />;
}

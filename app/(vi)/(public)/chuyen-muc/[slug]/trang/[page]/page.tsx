import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CategoryView, categoryMetadata, parsePageNumber } from '../../../category-view';

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
  // Page 1 is redirected to the category's own address in next.config.ts.
  if (page === null || page === 1) notFound();
  return <CategoryView slug={slug} page={page} />;
}

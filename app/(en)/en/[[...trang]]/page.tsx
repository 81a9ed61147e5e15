import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EnglishPage, englishMetadata, englishViewOf } from '../english-views';

// The English pages behind one optional catch-all (lib/routes.ts, FIXED_PAGE_ROUTES) so that
// `next build` renders none of them: ISR, revalidated when the directory or the text changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ trang?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return englishMetadata(englishViewOf((await params).trang));
}

export default async function EnglishRoute({ params }: Props) {
  const view = englishViewOf((await params).trang);
  if (view === null) notFound();
  return <EnglishPage view={view} />;
}

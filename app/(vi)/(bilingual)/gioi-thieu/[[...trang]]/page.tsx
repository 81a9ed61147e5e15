import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AboutPage, aboutMetadata, aboutViewOf } from '../about-views';

// The pages of "Giới thiệu" behind one optional catch-all (lib/routes.ts, FIXED_PAGE_ROUTES), so
// `next build` renders none of them: ISR, rendered on first request and revalidated on change.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ trang?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = aboutViewOf((await params).trang);
  return view === null ? { title: 'Không tìm thấy trang' } : aboutMetadata(view);
}

export default async function AboutRoute({ params }: Props) {
  const view = aboutViewOf((await params).trang);
  if (view === null) notFound();
  return <AboutPage view={view} />;
}

import { NotFoundMessage } from '@/components/layout/not-found-message';
import { PublicShell } from '@/components/layout/public-shell';
import { englishSwitchOf } from '@/lib/routes';

export type SectionLayoutProps = { params: Promise<{ trang?: string[] }>; children: React.ReactNode };

/**
 * The layout of a section of fixed pages that have English counterparts (Giới thiệu, Liên hệ),
 * public or staff view alike: unlike the public group's layout, it knows the page from the
 * catch-all's segments, so the header's "English" goes to the matching English page (lib/routes.ts,
 * LANGUAGE_PAIRS).
 */
export async function SectionShell({ section, params, children }: SectionLayoutProps & { section: string }) {
  const segments = (await params).trang ?? [];
  const path = [section, ...segments].join('/');
  return <PublicShell englishHref={englishSwitchOf(path)}>{children}</PublicShell>;
}

/** The 404 inside the section's layout (the proxy answers impossible addresses before this). */
export function SectionNotFound() {
  return <NotFoundMessage />;
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { VietnameseValidation } from '@/components/ui/vietnamese-validation';
import { routes } from '@/lib/routes';

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Login and the admin area: their own frame, without the public sidebar. */
export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-100">
      <VietnameseValidation />
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href={routes.staff.home()} className="font-bold">
            Quản trị · Sở Nội vụ tỉnh An Giang
          </Link>
          <Link href={routes.home} className="text-sm underline">
            Về Trang chủ
          </Link>
        </div>
      </header>
      <main id="noi-dung" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}

import Link from 'next/link';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { SignOutButton } from '@/components/staff/sign-out-button';
import { canManageSite, canManageUsers, canViewStatistics, canWriteArticles, ROLE_LABELS } from '@/lib/permissions';

/** The admin area: only for a current session. Each page and action still checks its own rights. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await auth();
  // Without a session cookie the proxy already sent the browser to the login with the page asked for.
  if (!user) redirect('/dang-nhap?callbackUrl=/quan-tri');
  return (
    <div className="space-y-6">
      <nav aria-label="Quản trị" className="flex flex-wrap items-center gap-3 rounded-lg bg-brand-800 px-4 py-2 text-white">
        <Link href="/quan-tri" className="font-semibold underline-offset-2 hover:underline">
          Bài viết
        </Link>
        {canWriteArticles(user) && (
          <Link href="/quan-tri/thu-vien-anh" className="font-semibold underline-offset-2 hover:underline">
            Thư viện ảnh
          </Link>
        )}
        {canViewStatistics(user) && (
          <Link href="/quan-tri/thong-ke" className="font-semibold underline-offset-2 hover:underline">
            Thống kê truy cập
          </Link>
        )}
        {canManageUsers(user) && (
          <Link href="/quan-tri/tai-khoan" className="font-semibold underline-offset-2 hover:underline">
            Tài khoản
          </Link>
        )}
        {canManageSite(user) && (
          <>
            <Link href="/quan-tri/lien-he" className="font-semibold underline-offset-2 hover:underline">
              Khối liên hệ
            </Link>
            <Link href="/quan-tri/cai-dat" className="font-semibold underline-offset-2 hover:underline">
              Cài đặt
            </Link>
            <Link href="/quan-tri/nhat-ky" className="font-semibold underline-offset-2 hover:underline">
              Nhật ký
            </Link>
          </>
        )}
        <span className="ml-auto text-sm">
          {/* The first admin is named after the role: "Quản trị viên · Quản trị viên" says nothing twice. */}
          {user.name === ROLE_LABELS[user.role] ? user.name : `${user.name} · ${ROLE_LABELS[user.role]}`}
        </span>
        <SignOutButton />
      </nav>
      {children}
    </div>
  );
}

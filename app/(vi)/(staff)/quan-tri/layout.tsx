import Link from 'next/link';
import { SignOutButton } from '@/components/staff/sign-out-button';
import {
  canManageAgency,
  canModerateComments,
  canManageSite,
  canManageUsers,
  canViewQuestions,
  canViewStatistics,
  canWriteArticles,
  canWriteDocuments,
  ROLE_LABELS,
} from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { authAccount } from '@/auth';
import { requireStaff } from '@/server/auth/guard';

/** The admin area: only for a current session. Each page and action still checks its own rights. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Until a temporary password is replaced, only the password page opens (every other page
  // sends the browser there): no menu leading elsewhere.
  if ((await authAccount())?.mustChangePassword) return <div className="space-y-6">{children}</div>;
  const user = await requireStaff({ from: routes.staff.home() });
  return (
    <div className="space-y-6">
      <nav aria-label="Quản trị" className="flex flex-wrap items-center gap-3 rounded-lg bg-brand-800 px-4 py-2 text-white">
        <Link href={routes.staff.home()} className="font-semibold underline-offset-2 hover:underline">
          Bài viết
        </Link>
        {canWriteArticles(user) && (
          <Link href={routes.staff.media()} className="font-semibold underline-offset-2 hover:underline">
            Thư viện ảnh
          </Link>
        )}
        {canWriteDocuments(user) && (
          <Link href={routes.staff.documents()} className="font-semibold underline-offset-2 hover:underline">
            Văn bản
          </Link>
        )}
        {canWriteDocuments(user) && (
          <Link href={routes.staff.procedures()} className="font-semibold underline-offset-2 hover:underline">
            Thủ tục hành chính
          </Link>
        )}
        {canViewQuestions(user) && (
          <Link href={routes.staff.questions()} className="font-semibold underline-offset-2 hover:underline">
            Hỏi đáp
          </Link>
        )}
        {canModerateComments(user) && (
          <Link href={routes.staff.consultations} className="font-semibold underline-offset-2 hover:underline">
            Góp ý dự thảo
          </Link>
        )}
        {canViewStatistics(user) && (
          <Link href={routes.staff.stats()} className="font-semibold underline-offset-2 hover:underline">
            Thống kê truy cập
          </Link>
        )}
        {canManageUsers(user) && (
          <Link href={routes.staff.accounts} className="font-semibold underline-offset-2 hover:underline">
            Tài khoản
          </Link>
        )}
        {canManageSite(user) && (
          <>
            <Link href={routes.staff.contacts} className="font-semibold underline-offset-2 hover:underline">
              Khối liên hệ
            </Link>
            {canManageAgency(user) && (
              <Link href={routes.staff.agency} className="font-semibold underline-offset-2 hover:underline">
                Giới thiệu
              </Link>
            )}
            <Link href={routes.staff.settings} className="font-semibold underline-offset-2 hover:underline">
              Cài đặt
            </Link>
            <Link href={routes.staff.auditLog()} className="font-semibold underline-offset-2 hover:underline">
              Nhật ký
            </Link>
          </>
        )}
        <span className="ml-auto text-sm">
          {/* The first admin is named after the role: "Quản trị viên · Quản trị viên" says nothing twice. */}
          {user.name === ROLE_LABELS[user.role] ? user.name : `${user.name} · ${ROLE_LABELS[user.role]}`}
        </span>
        <Link href={routes.staff.password} className="text-sm underline-offset-2 hover:underline">
          Đổi mật khẩu
        </Link>
        <SignOutButton />
      </nav>
      {children}
    </div>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { authAccount } from '@/auth';
import { ChangePasswordForm } from '@/components/staff/password-forms';
import { routes } from '@/lib/routes';
import { changeOwnPassword } from './actions';

export const metadata: Metadata = { title: 'Đổi mật khẩu' };

/** Every staff member's own password; the one page an account with a temporary password may open. */
export default async function ChangePasswordPage() {
  const account = await authAccount();
  if (!account) redirect(routes.login(routes.staff.password));
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h1 className="text-xl font-bold text-brand-900">Đổi mật khẩu</h1>
      {account.mustChangePassword && (
        <p role="alert" className="font-semibold text-red-700">
          Bạn đang dùng mật khẩu tạm thời do quản trị viên đặt. Hãy đặt mật khẩu mới trước khi làm việc khác.
        </p>
      )}
      <p className="text-sm">
        Sau khi đổi, mọi phiên đăng nhập của tài khoản (trên mọi máy) sẽ kết thúc; hãy đăng nhập lại bằng mật khẩu mới.
      </p>
      <ChangePasswordForm changeOwnPassword={changeOwnPassword} />
    </div>
  );
}

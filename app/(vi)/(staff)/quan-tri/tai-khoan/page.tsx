import type { Metadata } from 'next';
import { AddUserForm, UserAccessControls, UserUnitForm } from '@/components/staff/account-forms';
import { TemporaryPasswordForm } from '@/components/staff/password-forms';
import { listUnits } from '@/db/queries/agency';
import { listUsers } from '@/db/queries/users';
import { canManageUsers, ROLE_LABELS } from '@/lib/permissions';
import { changeUserRole, createUser, setTemporaryPassword, setUserDisabled, setUserUnitAction } from './actions';
import { requireStaff } from '@/server/auth/guard';
import { routes } from '@/lib/routes';

export const metadata: Metadata = { title: 'Tài khoản' };

export default async function AccountsPage() {
  const user = await requireStaff({ from: routes.staff.accounts, allowed: canManageUsers });
  const [users, units] = await Promise.all([listUsers(), listUnits()]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold text-brand-900">Tài khoản</h1>
      <section aria-labelledby="them-tai-khoan" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="them-tai-khoan" className="mb-3 font-bold">
          Thêm tài khoản
        </h2>
        <AddUserForm createUser={createUser} />
      </section>
      <section aria-labelledby="danh-sach-tai-khoan" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="danh-sach-tai-khoan" className="mb-3 font-bold">
          Danh sách tài khoản
        </h2>
        <ul className="divide-y divide-slate-200">
          {users.map((item) => (
            <li key={item.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-semibold">
                  {item.name} {item.disabled && <span className="text-sm text-red-700">(đã khóa)</span>}
                </p>
                <p className="text-sm text-slate-600">
                  {item.email} · {ROLE_LABELS[item.role]}
                </p>
              </div>
              {item.id !== user.id && (
                <div className="space-y-2">
                  <UserAccessControls user={item} changeUserRole={changeUserRole} setUserDisabled={setUserDisabled} />
                  {item.role === 'answerer' && <UserUnitForm user={item} units={units} setUserUnit={setUserUnitAction} />}
                  <TemporaryPasswordForm user={item} setTemporaryPassword={setTemporaryPassword} />
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

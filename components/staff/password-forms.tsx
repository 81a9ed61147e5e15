'use client';

import { ActionForm, type StaffAction, SubmitButton, TextField } from './action-form';

/** Changing one's own password: every session ends, so the page then asks to log in again. */
export function ChangePasswordForm({ changeOwnPassword }: { changeOwnPassword: StaffAction }) {
  return (
    <ActionForm
      action={changeOwnPassword}
      label="Đổi mật khẩu"
      done="Đã đổi mật khẩu. Vui lòng đăng nhập lại bằng mật khẩu mới."
      className="max-w-sm space-y-4"
    >
      {(errors, pending) => (
        <>
          <TextField
            id="mk-hien-tai"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            label="Mật khẩu hiện tại"
            errors={errors}
            required
          />
          <TextField
            id="mk-moi"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            label="Mật khẩu mới (ít nhất 10 ký tự)"
            errors={errors}
            required
          />
          <TextField
            id="mk-nhap-lai"
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            label="Nhập lại mật khẩu mới"
            errors={errors}
            required
          />
          <SubmitButton pending={pending}>Đổi mật khẩu</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** An admin's temporary password for someone else: its owner must replace it at the next login. */
export function TemporaryPasswordForm({
  user,
  setTemporaryPassword,
}: {
  user: { id: number; name: string };
  setTemporaryPassword: StaffAction;
}) {
  return (
    <ActionForm
      action={setTemporaryPassword}
      label={`Đặt mật khẩu tạm thời cho ${user.name}`}
      done="Đã đặt mật khẩu tạm thời: người dùng phải đổi mật khẩu khi đăng nhập."
      resetOnSuccess
      className="flex flex-wrap items-end gap-2"
    >
      {(errors, pending) => (
        <>
          <input type="hidden" name="userId" value={user.id} />
          <TextField
            id={`mk-tam-${user.id}`}
            name="password"
            type="password"
            autoComplete="new-password"
            label={`Mật khẩu tạm thời cho ${user.name}`}
            errors={errors}
            required
          />
          <SubmitButton pending={pending} secondary>
            Đặt mật khẩu tạm thời
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

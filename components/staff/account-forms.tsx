'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ROLE_LABELS, type Role } from '@/lib/permissions';
import { ActionForm, SubmitButton, TextField } from './action-form';
import { FieldError, inputClass, secondaryButtonClass } from './form-field';

type Action = (input: FormData | Record<string, unknown>) => Promise<ActionResult>;
const roles = Object.entries(ROLE_LABELS) as [Role, string][];

/**
 * "Thêm tài khoản". A refused account keeps everything typed (an ActionForm submits with
 * preventDefault: React's `<form action>` would reset the fields after every attempt).
 */
export function AddUserForm({ createUser }: { createUser: Action }) {
  return (
    <ActionForm action={createUser} done="Đã thêm tài khoản." label="Thêm tài khoản" resetOnSuccess className="grid gap-4 sm:grid-cols-2">
      {(errors, pending) => (
        <>
          <TextField id="tk-name" name="name" label="Họ tên" errors={errors} required maxLength={200} />
          <TextField id="tk-email" name="email" label="Email" type="email" errors={errors} required />
          <div>
            <label htmlFor="tk-role" className="block text-sm font-semibold">
              Vai trò
            </label>
            <select
              id="tk-role"
              name="role"
              defaultValue="author"
              className={inputClass}
              aria-describedby={errors.role ? 'tk-role-loi' : undefined}
            >
              {roles.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <FieldError id="tk-role-loi" errors={errors.role} />
          </div>
          <TextField
            id="tk-password"
            name="password"
            label="Mật khẩu (ít nhất 10 ký tự)"
            type="password"
            autoComplete="new-password"
            errors={errors}
            required
          />
          <div className="sm:col-span-2">
            <SubmitButton pending={pending}>Thêm tài khoản</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function UserAccessControls({
  user,
  changeUserRole,
  setUserDisabled,
}: {
  user: { id: number; name: string; role: Role; disabled: boolean };
  changeUserRole: Action;
  setUserDisabled: Action;
}) {
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  const run = (action: Action, input: Record<string, unknown>, done: string) =>
    startTransition(async () => {
      const result = await action(input);
      setMessage(result.ok ? done : result.error);
      if (result.ok) router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`vai-tro-${user.id}`}>
        Vai trò của {user.name}
      </label>
      <select
        id={`vai-tro-${user.id}`}
        defaultValue={user.role}
        disabled={pending}
        className="rounded border border-slate-400 bg-white px-2 py-1"
        onChange={(event) => run(changeUserRole, { userId: user.id, role: event.target.value }, 'Đã đổi vai trò.')}
      >
        {roles.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={pending}
        className={secondaryButtonClass}
        onClick={() =>
          run(setUserDisabled, { userId: user.id, disabled: String(!user.disabled) }, user.disabled ? 'Đã mở khóa.' : 'Đã khóa tài khoản.')
        }
      >
        {user.disabled ? `Mở khóa ${user.name}` : `Khóa ${user.name}`}
      </button>
      <span role="status" aria-live="polite" className="text-sm">
        {message}
      </span>
    </div>
  );
}

/** The unit of a Cán bộ trả lời (shown for that role only). */
export function UserUnitForm({
  user,
  units,
  setUserUnit,
}: {
  user: { id: number; name: string; unitId: number | null };
  units: { id: number; name: string }[];
  setUserUnit: Action;
}) {
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="text-sm font-semibold" htmlFor={`don-vi-${user.id}`}>
        Đơn vị trả lời câu hỏi của {user.name}
      </label>
      <select
        id={`don-vi-${user.id}`}
        defaultValue={user.unitId ?? ''}
        disabled={pending}
        className="max-w-full rounded border border-slate-400 bg-white px-2 py-1"
        onChange={(event) =>
          startTransition(async () => {
            const result = await setUserUnit({ userId: user.id, unitId: event.target.value });
            setMessage(result.ok ? 'Đã gắn đơn vị.' : result.error);
            if (result.ok) router.refresh();
          })
        }
      >
        <option value="">Chưa có đơn vị</option>
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
      <span role="status" aria-live="polite" className="text-sm">
        {message}
      </span>
    </div>
  );
}

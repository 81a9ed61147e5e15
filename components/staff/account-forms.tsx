'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ROLE_LABELS, type Role } from '@/lib/permissions';
import { buttonClass, FieldError, inputClass, secondaryButtonClass } from './form-field';

type Action = (input: FormData | Record<string, unknown>) => Promise<ActionResult>;
const roles = Object.entries(ROLE_LABELS) as [Role, string][];

export function AddUserForm({ createUser }: { createUser: Action }) {
  const router = useRouter();
  const [state, submit, pending] = useActionState<ActionResult | null, FormData>(async (_previous, form) => {
    const result = await createUser(form);
    if (result.ok) router.refresh();
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const field = (name: string, label: string, type: string, autoComplete?: string) => (
    <div>
      <label htmlFor={`tk-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        id={`tk-${name}`}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={Boolean(errors[name])}
        aria-describedby={errors[name] ? `tk-${name}-loi` : undefined}
        className={inputClass}
      />
      <FieldError id={`tk-${name}-loi`} errors={errors[name]} />
    </div>
  );
  return (
    <form action={submit} className="grid gap-4 sm:grid-cols-2" key={state?.ok ? 'done' : 'editing'}>
      {field('name', 'Họ tên', 'text', 'off')}
      {field('email', 'Email', 'email', 'off')}
      <div>
        <label htmlFor="tk-role" className="block text-sm font-semibold">
          Vai trò
        </label>
        <select id="tk-role" name="role" defaultValue="author" className={inputClass} aria-describedby={errors.role ? 'tk-role-loi' : undefined}>
          {roles.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id="tk-role-loi" errors={errors.role} />
      </div>
      {field('password', 'Mật khẩu (ít nhất 10 ký tự)', 'password', 'new-password')}
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>
          Thêm tài khoản
        </button>
        <p role="status" aria-live="polite" className="mt-2 text-sm">
          {state?.ok ? 'Đã thêm tài khoản.' : state && !state.ok ? state.error : ''}
        </p>
      </div>
    </form>
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
        onClick={() => run(setUserDisabled, { userId: user.id, disabled: String(!user.disabled) }, user.disabled ? 'Đã mở khóa.' : 'Đã khóa tài khoản.')}
      >
        {user.disabled ? `Mở khóa ${user.name}` : `Khóa ${user.name}`}
      </button>
      <span role="status" aria-live="polite" className="text-sm">
        {message}
      </span>
    </div>
  );
}

'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

const INVALID = 'Email hoặc mật khẩu không đúng.';
const THROTTLED = 'Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.';
const FAILED = 'Chưa đăng nhập được, vui lòng thử lại.';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        redirect: false,
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(result?.error === 'THROTTLED' ? THROTTLED : result?.error === 'CredentialsSignin' ? INVALID : FAILED);
    } catch {
      setError(FAILED);
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-describedby={error ? 'loi-dang-nhap' : undefined}>
      <div>
        <label htmlFor="email" className="block text-sm font-semibold">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold">
          Mật khẩu
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </div>
      <p id="loi-dang-nhap" role="alert" className="min-h-5 text-sm font-semibold text-red-700">
        {error}
      </p>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Đăng nhập
      </button>
    </form>
  );
}

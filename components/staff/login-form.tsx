'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

const INVALID = 'Email hoặc mật khẩu không đúng.';
const THROTTLED = 'Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.';
const FAILED = 'Chưa đăng nhập được, vui lòng thử lại.';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const hydrated = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // An empty form is answered here, beside the fields, without asking the server.
    const empty = {
      email: String(form.get('email') ?? '').trim() ? undefined : 'Nhập email của bạn.',
      password: String(form.get('password') ?? '') ? undefined : 'Nhập mật khẩu.',
    };
    setMissing(empty);
    if (empty.email || empty.password) {
      event.currentTarget.querySelector<HTMLInputElement>(empty.email ? '#email' : '#password')?.focus();
      return;
    }
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
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={Boolean(missing.email)}
          aria-describedby={missing.email ? 'email-loi' : undefined}
          onInput={() => setMissing((current) => ({ ...current, email: undefined }))}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700"
        />
        {missing.email && (
          <p id="email-loi" className="mt-1 text-sm font-semibold text-red-700">
            {missing.email}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold">
          Mật khẩu
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(missing.password)}
          aria-describedby={missing.password ? 'password-loi' : undefined}
          onInput={() => setMissing((current) => ({ ...current, password: undefined }))}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700"
        />
        {missing.password && (
          <p id="password-loi" className="mt-1 text-sm font-semibold text-red-700">
            {missing.password}
          </p>
        )}
      </div>
      <p id="loi-dang-nhap" role="alert" className="min-h-5 text-sm font-semibold text-red-700">
        {error}
      </p>
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        Đăng nhập
      </button>
    </form>
  );
}

import type { Metadata } from 'next';
import { LoginForm } from '@/components/staff/login-form';
import { safeCallbackPath } from '@/lib/callback-url';

export const metadata: Metadata = { title: 'Đăng nhập' };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="mb-4 text-xl font-bold text-brand-900">Đăng nhập</h1>
      <LoginForm callbackUrl={safeCallbackPath(callbackUrl)} />
    </div>
  );
}

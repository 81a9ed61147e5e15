import type { Metadata } from 'next';
import { LoginForm } from '@/components/staff/login-form';
import { routes } from '@/lib/routes';

export const metadata: Metadata = { title: 'Đăng nhập' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

/** Only a path on this site: never an absolute or protocol-relative URL (open redirect). */
function safeCallback(value: string | undefined): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : routes.staff.home();
}

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="mb-4 text-xl font-bold text-brand-900">Đăng nhập</h1>
      <LoginForm callbackUrl={safeCallback(callbackUrl)} />
    </div>
  );
}

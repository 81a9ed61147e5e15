'use client';

import { signOut } from 'next-auth/react';
import { routes } from '@/lib/routes';

export function SignOutButton() {
  return (
    <button
      type="button"
      className="rounded border border-white/60 px-3 py-1 text-sm"
      onClick={async () => {
        await signOut({ redirect: false });
        window.location.assign(routes.home);
      }}
    >
      Đăng xuất
    </button>
  );
}

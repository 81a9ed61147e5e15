'use client';

import { signOut } from 'next-auth/react';
import { clearStaffHint } from '@/lib/auth/staff-hint';

export function SignOutButton() {
  return (
    <button
      type="button"
      className="rounded border border-white/60 px-3 py-1 text-sm"
      onClick={async () => {
        clearStaffHint();
        await signOut({ redirect: false });
        window.location.assign('/');
      }}
    >
      Đăng xuất
    </button>
  );
}

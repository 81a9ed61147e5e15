import { PublicShell } from '@/components/layout/public-shell';

/** Every Vietnamese public page without an English counterpart: "English" leads to /en. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}

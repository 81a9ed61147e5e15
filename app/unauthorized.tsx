import { BareStatusPage } from '@/components/layout/bare-status-page';

export default function RootUnauthorized() {
  return <BareStatusPage title="Cần đăng nhập" />;
}

import { BareStatusPage } from '@/components/layout/bare-status-page';

export default function RootForbidden() {
  return <BareStatusPage title="Không có quyền truy cập" />;
}

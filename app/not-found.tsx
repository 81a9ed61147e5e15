import { BareStatusPage } from '@/components/layout/bare-status-page';

export default function RootNotFound() {
  return <BareStatusPage title="Không tìm thấy trang" />;
}

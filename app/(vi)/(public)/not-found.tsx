import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/layout/not-found-message';

export const metadata: Metadata = { title: 'Không tìm thấy trang' };

export default function PublicNotFound() {
  return <NotFoundMessage />;
}

import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/layout/not-found-message';

export const metadata: Metadata = { title: 'Không tìm thấy trang' };

/** A staff page that does not exist, or that this person may not see, answers 404 in the staff frame. */
export default function StaffNotFound() {
  return <NotFoundMessage />;
}

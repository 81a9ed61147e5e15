import type { Metadata } from 'next';
import Link from 'next/link';
import { listConsultationsForStaff } from '@/db/queries/consultations';
import { CONSULTATION_STATE_LABELS, consultationState } from '@/lib/documents/consultation';
import { formatDateTime } from '@/lib/format';
import { formatNumber } from '@/lib/format-number';
import { canModerateComments } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Góp ý dự thảo - Quản trị' };

/** Every draft for comment, for editors and admins: its window, and its comments waiting for moderation. */
export default async function StaffConsultationsPage() {
  await requireStaff({ from: routes.staff.consultations, allowed: canModerateComments });
  const items = await listConsultationsForStaff();
  const now = Date.now();
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h1 className="text-xl font-bold text-brand-900">Góp ý dự thảo</h1>
      <p className="text-sm text-slate-700">
        Một văn bản trở thành dự thảo lấy ý kiến khi đặt thời gian góp ý trên trang sửa văn bản của nó (mục “Góp ý dự thảo”).
      </p>
      {items.length === 0 ? (
        <p>Chưa có dự thảo nào lấy ý kiến góp ý.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {items.map((item) => (
            <li key={item.documentId} className="py-3">
              <Link href={routes.staff.documentComments(item.documentId)} className="font-semibold break-words text-brand-800 underline">
                {item.typeName} {item.number}
              </Link>
              <p className="mt-1 text-sm break-words text-slate-700">{item.summary}</p>
              <p className="mt-1 text-sm">
                {item.status === 'published' ? CONSULTATION_STATE_LABELS[consultationState(item, now)] : 'Văn bản chưa xuất bản'} · từ{' '}
                {formatDateTime(item.opensAt)} đến {formatDateTime(item.closesAt)} · <strong>{formatNumber(item.pending)} chờ duyệt</strong>{' '}
                / {formatNumber(item.total)} góp ý
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

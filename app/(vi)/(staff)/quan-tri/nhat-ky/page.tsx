import type { Metadata } from 'next';
import { Pagination } from '@/components/ui/pagination';
import { listAuditEntries } from '@/db/queries/audit';
import { auditActionLabel, describeAuditDetail } from '@/lib/audit-labels';
import { formatDateTime } from '@/lib/format';
import { canManageSite } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Nhật ký' };

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<{ trang?: string }> };

export default async function AuditLogPage({ searchParams }: Props) {
  await requireStaff({ from: routes.staff.auditLog(), allowed: canManageSite });
  const requested = Number((await searchParams).trang ?? 1);
  const page = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
  const { entries, total } = await listAuditEntries({ page, pageSize: PAGE_SIZE });
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold text-brand-900">Nhật ký</h1>
      <p className="text-sm text-slate-700">Ai đã xuất bản, gỡ bài, trả lại, đổi vai trò hay cài đặt, và khi nào (giờ Việt Nam).</p>
      {entries.length === 0 ? (
        <p>Chưa có hoạt động nào{page > 1 ? ' ở trang này' : ''}.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Nhật ký hoạt động, trang {page}</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">Thời gian</th>
                <th scope="col" className="px-3 py-2">Người thực hiện</th>
                <th scope="col" className="px-3 py-2">Việc</th>
                <th scope="col" className="px-3 py-2">Chi tiết</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {entries.map((entry) => (
                <tr key={entry.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2">
                    <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                  </td>
                  <td className="px-3 py-2">{entry.userName ?? 'Hệ thống'}</td>
                  <td className="px-3 py-2">
                    {auditActionLabel(entry.action)}
                    {entry.objectId ? <span className="text-slate-600"> #{entry.objectId}</span> : null}
                  </td>
                  <td className="break-words px-3 py-2 text-slate-700">{describeAuditDetail(entry.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} hrefFor={routes.staff.auditLog} />
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { Pagination } from '@/components/ui/pagination';
import { listAuditEntries } from '@/db/queries/audit';
import { describeAuditEntry } from '@/lib/audit-labels';
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
        // A list of sentences rather than a table: on a phone a table's columns squeezed one
        // address over ten lines.
        <ol
          aria-label={`Nhật ký hoạt động, trang ${page}`}
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        >
          {entries.map((entry) => (
            <li key={entry.id} className="px-3 py-2 text-sm [overflow-wrap:anywhere]">
              <time dateTime={entry.createdAt.toISOString()} className="mr-2 whitespace-nowrap text-slate-600">
                {formatDateTime(entry.createdAt)}
              </time>
              <span>
                <strong>{entry.userName ?? 'Hệ thống'}</strong> đã{' '}
                {describeAuditEntry(entry).map((part) =>
                  part.href ? (
                    <Link key={part.text} href={part.href} className="text-brand-700 underline">
                      {part.text}
                    </Link>
                  ) : (
                    <Fragment key={part.text}>{part.text}</Fragment>
                  ),
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} totalPages={totalPages} hrefFor={routes.staff.auditLog} />
    </div>
  );
}

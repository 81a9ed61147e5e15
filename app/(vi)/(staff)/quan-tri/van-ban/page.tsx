import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentImportForm } from '@/components/documents/document-import-form';
import { buttonClass } from '@/components/staff/form-field';
import { RECORD_STATUS_LABELS, StaffRecordList, staffListQuery } from '@/components/staff/staff-record-list';
import { listDocumentsForStaff } from '@/db/queries/documents';
import { formatIsoDate } from '@/lib/documents/rules';
import { canPublishDocuments, canWriteDocuments } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Văn bản - Quản trị' };

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffDocumentsPage({ searchParams }: Props) {
  const user = await requireStaff({ from: routes.staff.documents(), allowed: canWriteDocuments });
  const raw = await searchParams;
  const { q, page } = staffListQuery(raw);
  // Authors see their own drafts; editors and admins every document.
  const { items, total } = await listDocumentsForStaff({
    search: q || undefined,
    authorId: canPublishDocuments(user) ? null : user.id,
    page,
    pageSize: PAGE_SIZE,
  });
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold text-brand-900">Văn bản</h1>
        <span className="flex flex-wrap gap-3">
          {canPublishDocuments(user) && (
            <Link
              href={routes.staff.documentCatalogs}
              className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800"
            >
              Danh mục
            </Link>
          )}
          <Link href={routes.staff.newDocument} className={buttonClass}>
            Thêm văn bản
          </Link>
        </span>
      </div>
      {canPublishDocuments(user) && (
        <section aria-labelledby="nhap-csv" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="nhap-csv" className="mb-3 font-bold">
            Nhập từ CSV
          </h2>
          <DocumentImportForm />
        </section>
      )}
      <StaffRecordList
        idPrefix="vb"
        noun="văn bản"
        heading={canPublishDocuments(user) ? 'Tất cả văn bản' : 'Văn bản của bạn'}
        total={total}
        searchAction={routes.staff.documents()}
        q={q}
        items={items}
        row={(item) => (
          <>
            <span className="min-w-0 break-words">
              <Link href={routes.staff.editDocument(item.id)} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                {item.typeName} {item.number}
              </Link>{' '}
              <span className="text-slate-700">{item.summary}</span>
            </span>
            <span className="shrink-0 text-sm text-slate-600">
              {RECORD_STATUS_LABELS[item.status]} · {formatIsoDate(item.issuedOn)}
            </span>
          </>
        )}
        page={page}
        totalPages={totalPages}
        hrefFor={(n) => routes.staff.documents({ q, trang: n > 1 ? n : undefined })}
      />
    </div>
  );
}

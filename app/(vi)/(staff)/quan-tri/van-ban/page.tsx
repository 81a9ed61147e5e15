import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentImportForm } from '@/components/documents/document-import-form';
import { buttonClass, inputClass } from '@/components/staff/form-field';
import { Pagination } from '@/components/ui/pagination';
import { listDocumentsForStaff } from '@/db/queries/documents';
import { formatIsoDate } from '@/lib/documents/rules';
import { canPublishDocuments, canWriteDocuments } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Văn bản - Quản trị' };

const PAGE_SIZE = 20;
const STATUS_LABELS = { draft: 'Bản nháp', published: 'Đã xuất bản', withdrawn: 'Đã gỡ' } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffDocumentsPage({ searchParams }: Props) {
  const user = await requireStaff({ from: routes.staff.documents(), allowed: canWriteDocuments });
  const raw = await searchParams;
  const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 200) : '';
  const pageText = typeof raw.trang === 'string' ? raw.trang : '1';
  const page = /^[1-9][0-9]{0,5}$/.test(pageText) ? Number(pageText) : 1;
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
      <section aria-labelledby="ds-van-ban" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ds-van-ban" className="mb-3 font-bold">
          {canPublishDocuments(user) ? 'Tất cả văn bản' : 'Văn bản của bạn'} ({total})
        </h2>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use; role="search" is */}
        <form
          method="get"
          action={routes.staff.documents()}
          role="search"
          aria-label="Lọc văn bản"
          className="mb-4 flex flex-wrap items-end gap-3"
        >
          <div className="min-w-0 flex-1">
            <label htmlFor="vb-loc-q" className="block text-sm font-semibold">
              Từ khóa
            </label>
            <input id="vb-loc-q" name="q" type="search" maxLength={200} defaultValue={q} className={inputClass} />
          </div>
          <button type="submit" className={buttonClass}>
            Lọc
          </button>
        </form>
        {items.length === 0 ? (
          <p>{q ? 'Không có văn bản nào phù hợp.' : 'Chưa có văn bản nào.'}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {items.map((item) => (
              <li key={item.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                <span className="min-w-0 break-words">
                  <Link
                    href={routes.staff.editDocument(item.id)}
                    className="font-semibold text-brand-800 underline-offset-2 hover:underline"
                  >
                    {item.typeName} {item.number}
                  </Link>{' '}
                  <span className="text-slate-700">{item.summary}</span>
                </span>
                <span className="shrink-0 text-sm text-slate-600">
                  {STATUS_LABELS[item.status]} · {formatIsoDate(item.issuedOn)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={Math.min(page, totalPages)}
          totalPages={totalPages}
          hrefFor={(n) => routes.staff.documents({ q, trang: n > 1 ? n : undefined })}
        />
      </section>
    </div>
  );
}

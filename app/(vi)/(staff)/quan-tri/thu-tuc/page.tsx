import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentImportForm } from '@/components/documents/document-import-form';
import { PublicServicePortalForm } from '@/components/procedures/public-service-portal-form';
import { buttonClass, inputClass } from '@/components/staff/form-field';
import { Pagination } from '@/components/ui/pagination';
import { getPublicServicePortalUrl, listProceduresForStaff } from '@/db/queries/procedures';
import { canManageSite, canPublishProcedures, canWriteProcedures } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Thủ tục hành chính - Quản trị' };

const PAGE_SIZE = 20;
const STATUS_LABELS = { draft: 'Bản nháp', published: 'Đã xuất bản', withdrawn: 'Đã gỡ' } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffProceduresPage({ searchParams }: Props) {
  const user = await requireStaff({ from: routes.staff.procedures(), allowed: canWriteProcedures });
  const raw = await searchParams;
  const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 200) : '';
  const pageText = typeof raw.trang === 'string' ? raw.trang : '1';
  const page = /^[1-9][0-9]{0,5}$/.test(pageText) ? Number(pageText) : 1;
  const [{ items, total }, portal] = await Promise.all([
    listProceduresForStaff({ search: q || undefined, authorId: canPublishProcedures(user) ? null : user.id, page, pageSize: PAGE_SIZE }),
    getPublicServicePortalUrl(),
  ]);
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold text-brand-900">Thủ tục hành chính</h1>
        <Link href={routes.staff.newProcedure} className={buttonClass}>
          Thêm thủ tục
        </Link>
      </div>
      {canPublishProcedures(user) && (
        <section aria-labelledby="tt-nhap-csv" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="tt-nhap-csv" className="mb-3 font-bold">
            Nhập từ CSV
          </h2>
          <DocumentImportForm endpoint={routes.api.procedureImport} noun="thủ tục" />
        </section>
      )}
      {canManageSite(user) && (
        <section aria-labelledby="tt-cong-dvc" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="tt-cong-dvc" className="mb-3 font-bold">
            Nộp hồ sơ trực tuyến
          </h2>
          <PublicServicePortalForm url={portal} />
        </section>
      )}
      <section aria-labelledby="ds-thu-tuc" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ds-thu-tuc" className="mb-3 font-bold">
          {canPublishProcedures(user) ? 'Tất cả thủ tục' : 'Thủ tục của bạn'} ({total})
        </h2>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use; role="search" is */}
        <form
          method="get"
          action={routes.staff.procedures()}
          role="search"
          aria-label="Lọc thủ tục"
          className="mb-4 flex flex-wrap items-end gap-3"
        >
          <div className="min-w-0 flex-1">
            <label htmlFor="tt-loc-q" className="block text-sm font-semibold">
              Từ khóa
            </label>
            <input id="tt-loc-q" name="q" type="search" maxLength={200} defaultValue={q} className={inputClass} />
          </div>
          <button type="submit" className={buttonClass}>
            Lọc
          </button>
        </form>
        {items.length === 0 ? (
          <p>{q ? 'Không có thủ tục nào phù hợp.' : 'Chưa có thủ tục nào.'}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {items.map((item) => (
              <li key={item.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                <Link
                  href={routes.staff.editProcedure(item.id)}
                  className="min-w-0 break-words font-semibold text-brand-800 underline-offset-2 hover:underline"
                >
                  {item.code} · {item.name}
                </Link>
                <span className="shrink-0 text-sm text-slate-600">{STATUS_LABELS[item.status]}</span>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={Math.min(page, totalPages)}
          totalPages={totalPages}
          hrefFor={(n) => routes.staff.procedures({ q, trang: n > 1 ? n : undefined })}
        />
      </section>
    </div>
  );
}

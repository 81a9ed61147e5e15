import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentImportForm } from '@/components/documents/document-import-form';
import { PublicServicePortalForm } from '@/components/procedures/public-service-portal-form';
import { buttonClass } from '@/components/staff/form-field';
import { RECORD_STATUS_LABELS, StaffRecordList, staffListQuery } from '@/components/staff/staff-record-list';
import { getPublicServicePortalUrl, listProceduresForStaff } from '@/db/queries/procedures';
import { canManageSite, canPublishProcedures, canWriteProcedures } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Thủ tục hành chính - Quản trị' };

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffProceduresPage({ searchParams }: Props) {
  const user = await requireStaff({ from: routes.staff.procedures(), allowed: canWriteProcedures });
  const raw = await searchParams;
  const { q, page } = staffListQuery(raw);
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
      <StaffRecordList
        idPrefix="tt"
        noun="thủ tục"
        heading={canPublishProcedures(user) ? 'Tất cả thủ tục' : 'Thủ tục của bạn'}
        total={total}
        searchAction={routes.staff.procedures()}
        q={q}
        items={items}
        row={(item) => (
          <>
            <Link
              href={routes.staff.editProcedure(item.id)}
              className="min-w-0 break-words font-semibold text-brand-800 underline-offset-2 hover:underline"
            >
              {item.code} · {item.name}
            </Link>
            <span className="shrink-0 text-sm text-slate-600">{RECORD_STATUS_LABELS[item.status]}</span>
          </>
        )}
        page={page}
        totalPages={totalPages}
        hrefFor={(n) => routes.staff.procedures({ q, trang: n > 1 ? n : undefined })}
      />
    </div>
  );
}

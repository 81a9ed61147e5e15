import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { ProcedureFilters, ProcedureList } from '@/components/procedures/procedure-list';
import { Pagination } from '@/components/ui/pagination';
import { listDocumentCatalogs } from '@/db/queries/documents';
import { listPublicProcedures } from '@/db/queries/procedures';
import { formatNumber } from '@/lib/format-number';
import { PROCEDURE_PAGE_SIZE, parseProcedureListParams, procedureListHref } from '@/lib/procedures';
import { routes } from '@/lib/routes';
import { canonicalAlternates } from '@/lib/site-url';

export const proceduresMetadata: Metadata = {
  title: 'Thủ tục hành chính',
  description:
    'Thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Nội vụ tỉnh An Giang: trình tự, hồ sơ, thời hạn, phí và căn cứ pháp lý.',
  alternates: canonicalAlternates(routes.procedures()),
};

/** The list of procedures for a query: the cached first page passes none. */
export async function ProceduresView({ query }: { query: Record<string, string | string[] | undefined> }) {
  const { fields } = await listDocumentCatalogs();
  const params = parseProcedureListParams(query, fields);
  const { items, total } = await listPublicProcedures({ filters: params, page: params.page, pageSize: PROCEDURE_PAGE_SIZE });
  const totalPages = Math.max(1, Math.ceil(total / PROCEDURE_PAGE_SIZE));
  if (params.page > totalPages) notFound();
  const filtered = Boolean(params.keyword || params.fieldId || params.level);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Thủ tục hành chính' }]} />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">Thủ tục hành chính</h1>
      <ProcedureFilters filters={params} fields={fields} />
      {params.notices.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-sm text-amber-900">
          {params.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      <div role="status" className="mt-4">
        {total > 0 ? (
          <p className="font-semibold">Tìm thấy {formatNumber(total)} thủ tục</p>
        ) : filtered ? (
          <p>
            Không tìm thấy thủ tục nào phù hợp.{' '}
            <a href={routes.procedures()} className="font-semibold text-brand-700 underline">
              Xóa bộ lọc
            </a>
          </p>
        ) : (
          <p>Chưa có thủ tục hành chính nào được đăng trên cổng thông tin.</p>
        )}
      </div>
      {items.length > 0 && <ProcedureList items={items} />}
      <Pagination page={params.page} totalPages={totalPages} hrefFor={(n) => procedureListHref(params, n)} />
    </div>
  );
}

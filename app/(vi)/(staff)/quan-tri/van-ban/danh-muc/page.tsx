import type { Metadata } from 'next';
import { DocumentCatalogEditor } from '@/components/documents/document-catalog-editor';
import { listDocumentCatalogs } from '@/db/queries/documents';
import { canManageDocumentCatalogs } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Danh mục văn bản - Quản trị' };

export default async function DocumentCatalogsPage() {
  await requireStaff({ from: routes.staff.documentCatalogs, allowed: canManageDocumentCatalogs });
  const catalogs = await listDocumentCatalogs();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold text-brand-900">Danh mục văn bản</h1>
      <p className="text-sm text-slate-700">
        Loại văn bản, cơ quan ban hành và lĩnh vực để chọn khi thêm văn bản hoặc nhập CSV. Mục đang được văn bản dùng thì chỉ đổi tên, không
        xóa.
      </p>
      <DocumentCatalogEditor catalogs={catalogs} />
    </div>
  );
}

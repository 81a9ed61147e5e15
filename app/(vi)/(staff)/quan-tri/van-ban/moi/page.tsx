import type { Metadata } from 'next';
import { DocumentEditorForm } from '@/components/documents/document-editor-form';
import { listDocumentCatalogs } from '@/db/queries/documents';
import { canWriteDocuments } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Thêm văn bản - Quản trị' };

export default async function NewDocumentPage() {
  await requireStaff({ from: routes.staff.newDocument, allowed: canWriteDocuments });
  const catalogs = await listDocumentCatalogs();
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h1 className="text-xl font-bold text-brand-900">Thêm văn bản</h1>
      <p className="text-sm text-slate-700">Văn bản mới được lưu là bản nháp; tệp đính kèm được thêm ở bước sau.</p>
      <DocumentEditorForm
        catalogs={catalogs}
        initial={{
          number: '',
          typeId: null,
          issuerId: null,
          fieldId: null,
          signerName: '',
          signerTitle: '',
          issuedOn: '',
          effectiveOn: '',
          expiresOn: '',
          summary: '',
          relations: [],
        }}
      />
    </div>
  );
}

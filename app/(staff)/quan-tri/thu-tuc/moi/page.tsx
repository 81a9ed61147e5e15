import type { Metadata } from 'next';
import { ProcedureEditorForm } from '@/components/procedures/procedure-editor-form';
import { listDocumentCatalogs } from '@/db/queries/documents';
import { canWriteProcedures } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Thêm thủ tục - Quản trị' };

export default async function NewProcedurePage() {
  await requireStaff({ from: routes.staff.newProcedure, allowed: canWriteProcedures });
  const { fields } = await listDocumentCatalogs();
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h1 className="text-xl font-bold text-brand-900">Thêm thủ tục</h1>
      <ProcedureEditorForm
        fields={fields}
        initial={{ code: '', name: '', fieldId: null, level: '', steps: '', dossier: '', processingTime: '', fees: '', legalBasis: '' }}
      />
    </div>
  );
}

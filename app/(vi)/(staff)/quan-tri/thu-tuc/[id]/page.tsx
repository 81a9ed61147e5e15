import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProcedureEditorForm } from '@/components/procedures/procedure-editor-form';
import { RowButtons } from '@/components/staff/action-form';
import { listDocumentCatalogs } from '@/db/queries/documents';
import { getProcedureForStaff } from '@/db/queries/procedures';
import { canEditProcedure, canPublishProcedures, canWriteProcedures } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';
import { publishProcedure, withdrawProcedure } from '@/server/procedures/actions';

export const metadata: Metadata = { title: 'Sửa thủ tục - Quản trị' };

const STATUS_LABELS = { draft: 'Bản nháp', published: 'Đã xuất bản', withdrawn: 'Đã gỡ' } as const;

type Props = { params: Promise<{ id: string }> };

export default async function EditProcedurePage({ params }: Props) {
  const { id: idText } = await params;
  const user = await requireStaff({ from: routes.staff.procedures(), allowed: canWriteProcedures });
  if (!/^[1-9][0-9]{0,8}$/.test(idText)) notFound();
  const [procedure, { fields }] = await Promise.all([getProcedureForStaff({ id: Number(idText) }), listDocumentCatalogs()]);
  if (!procedure || !canEditProcedure(user, procedure)) notFound();
  const input = { id: procedure.id, version: procedure.version };
  return (
    <div className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-xl font-bold text-brand-900">{procedure.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          Trạng thái: <strong>{STATUS_LABELS[procedure.status]}</strong>
          {procedure.status === 'published' && (
            <>
              {' '}
              ·{' '}
              <Link href={routes.procedure(procedure.slug)} className="underline">
                Xem trên cổng thông tin
              </Link>
            </>
          )}
        </p>
        {canPublishProcedures(user) && (
          <div className="mt-3">
            <RowButtons
              buttons={[
                procedure.status === 'published'
                  ? {
                      id: 'tt-go',
                      text: 'Gỡ thủ tục',
                      label: 'Gỡ thủ tục khỏi cổng thông tin',
                      action: withdrawProcedure,
                      input,
                      done: 'Đã gỡ thủ tục.',
                      danger: true,
                    }
                  : {
                      id: 'tt-xuat-ban',
                      text: 'Xuất bản',
                      label: 'Xuất bản thủ tục',
                      action: publishProcedure,
                      input,
                      done: 'Đã xuất bản thủ tục.',
                    },
              ]}
            />
          </div>
        )}
      </div>
      <section aria-labelledby="tt-thong-tin" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tt-thong-tin" className="mb-3 font-bold">
          Thông tin thủ tục
        </h2>
        <ProcedureEditorForm
          fields={fields}
          initial={{
            id: procedure.id,
            version: procedure.version,
            code: procedure.code,
            name: procedure.name,
            fieldId: procedure.fieldId,
            level: procedure.level,
            steps: procedure.steps,
            dossier: procedure.dossier,
            processingTime: procedure.processingTime,
            fees: procedure.fees,
            legalBasis: procedure.legalBasis,
          }}
        />
      </section>
    </div>
  );
}

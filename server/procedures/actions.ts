'use server';

import { z } from 'zod';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { getProcedureAccess, PUBLIC_SERVICE_PORTAL_KEY, setProcedureStatus } from '@/db/queries/procedures';
import { saveSetting } from '@/db/queries/settings';
import type { Tx } from '@/db';
import { pagesShowingProcedure } from '@/lib/cache-tags';
import { AppError } from '@/lib/errors';
import { rowId } from '@/lib/form-fields';
import { canEditProcedure, canManageSite, canPublishProcedures, canWriteProcedures, type Actor } from '@/lib/permissions';
import { procedureFields } from '@/lib/procedures';
import { defineAction } from '@/server/define-action';
import { CONFLICT_MESSAGE } from '@/server/documents/editing';
import { createProcedureRecord, updateProcedureRecord } from './editing';

/**
 * The staff actions on Thủ tục hành chính (/quan-tri/thu-tuc), with the documents' rules: authors
 * write drafts, editors and admins edit, publish and withdraw; each change audited and revalidated.
 */
const id = rowId('Thiếu thủ tục.');
const version = z.coerce.number({ error: 'Thiếu phiên bản.' }).int().positive('Thiếu phiên bản.');

async function accessOf(tx: Tx, procedureId: number) {
  const procedure = await getProcedureAccess({ db: tx, id: procedureId });
  if (!procedure) throw new AppError('notFound', { message: 'Không tìm thấy thủ tục này.' });
  return procedure;
}

async function mayEdit({ user, input, tx }: { user: Actor; input: { id: number }; tx: Tx }): Promise<boolean> {
  return canEditProcedure(user, await accessOf(tx, input.id));
}

export const createProcedure = defineAction({
  roles: canWriteProcedures,
  schema: procedureFields,
  authorize: ({ user }) => canWriteProcedures(user),
  async run({ user, input, tx }) {
    const created = await createProcedureRecord({ tx, userId: user.id, fields: input });
    return { result: { id: created.id } };
  },
});

export const saveProcedure = defineAction({
  roles: canWriteProcedures,
  schema: procedureFields.extend({ id, version }),
  authorize: mayEdit,
  async run({ user, input, tx }) {
    const current = await accessOf(tx, input.id);
    const saved = await updateProcedureRecord({ tx, userId: user.id, current, version: input.version, fields: input });
    return {
      result: { version: saved.version },
      revalidate: current.status === 'published' ? pagesShowingProcedure({ slugs: [current.slug, saved.slug] }) : [],
    };
  },
});

const statusChange = (status: 'published' | 'withdrawn') =>
  defineAction({
    roles: canPublishProcedures,
    schema: z.object({ id, version }),
    async authorize({ user, input, tx }) {
      return canPublishProcedures(user) && canEditProcedure(user, await accessOf(tx, input.id));
    },
    async run({ user, input, tx }) {
      const changed = await setProcedureStatus({ db: tx, id: input.id, version: input.version, status });
      if (!changed) throw new AppError('conflict', { message: CONFLICT_MESSAGE.replace('Văn bản', 'Thủ tục') });
      await insertAuditEntry({
        db: tx,
        userId: user.id,
        action: status === 'published' ? 'procedure.publish' : 'procedure.withdraw',
        objectType: 'procedure',
        objectId: String(input.id),
      });
      return { result: { version: changed.version }, revalidate: pagesShowingProcedure({ slugs: [changed.slug] }) };
    },
  });

export const publishProcedure = statusChange('published');
export const withdrawProcedure = statusChange('withdrawn');

/** "Nộp hồ sơ trực tuyến" leads to the provincial public-service portal: its address, set by an admin (empty: no link). */
export const savePublicServicePortal = defineAction({
  roles: canManageSite,
  schema: z.object({
    url: z
      .string()
      .trim()
      .max(500, 'Địa chỉ quá dài.')
      .refine(
        (value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value),
        'Địa chỉ phải bắt đầu bằng https:// (ví dụ https://dichvucong.angiang.gov.vn).',
      ),
  }),
  authorize: ({ user }) => canManageSite(user),
  async run({ user, input, tx }) {
    await saveSetting({ db: tx, key: PUBLIC_SERVICE_PORTAL_KEY, value: input.url });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'setting.public_service_portal',
      objectType: 'setting',
      objectId: PUBLIC_SERVICE_PORTAL_KEY,
      detail: { url: input.url },
    });
    return { result: {}, revalidate: pagesShowingProcedure({ slugs: [] }) };
  },
});

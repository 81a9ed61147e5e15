'use server';

import { z } from 'zod';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { deleteDocumentFile, getDocumentAccess, setDocumentStatus } from '@/db/queries/documents';
import type { Tx } from '@/db';
import { pagesShowingDocument } from '@/lib/cache-tags';
import { documentFields } from '@/lib/documents/form';
import { AppError } from '@/lib/errors';
import { rowId } from '@/lib/form-fields';
import { canEditDocument, canPublishDocuments, canWriteDocuments, type Actor } from '@/lib/permissions';
import { defineAction } from '@/server/define-action';
import { CONFLICT_MESSAGE, createDocumentRecord, updateDocumentRecord } from './editing';

/**
 * The staff actions on documents (/quan-tri/van-ban). Authors write drafts; editors and admins
 * edit, publish and withdraw any document. Every change has its audit row in the same transaction
 * and revalidates each cached page that shows the document.
 */

const id = rowId('Thiếu văn bản.');
const version = z.coerce.number({ error: 'Thiếu phiên bản.' }).int().positive('Thiếu phiên bản.');

async function accessOf(tx: Tx, documentId: number) {
  const document = await getDocumentAccess({ db: tx, id: documentId });
  if (!document) throw new AppError('notFound', { message: 'Không tìm thấy văn bản này.' });
  return document;
}

async function mayEdit({ user, input, tx }: { user: Actor; input: { id: number }; tx: Tx }): Promise<boolean> {
  return canEditDocument(user, await accessOf(tx, input.id));
}

export const createDocument = defineAction({
  roles: canWriteDocuments,
  schema: documentFields,
  authorize: ({ user }) => canWriteDocuments(user),
  async run({ user, input, tx }) {
    const created = await createDocumentRecord({ tx, userId: user.id, fields: input });
    // A draft is on no public page yet.
    return { result: { id: created.id } };
  },
});

export const saveDocument = defineAction({
  roles: canWriteDocuments,
  schema: documentFields.and(z.object({ id, version })),
  authorize: mayEdit,
  async run({ user, input, tx }) {
    const current = await accessOf(tx, input.id);
    const saved = await updateDocumentRecord({ tx, userId: user.id, current, version: input.version, fields: input });
    const visible = current.status === 'published';
    return { result: { version: saved.version }, revalidate: visible ? pagesShowingDocument({ slugs: [current.slug, saved.slug] }) : [] };
  },
});

const statusChange = (status: 'published' | 'withdrawn') =>
  defineAction({
    roles: canPublishDocuments,
    schema: z.object({ id, version }),
    async authorize({ user, input, tx }) {
      return canPublishDocuments(user) && canEditDocument(user, await accessOf(tx, input.id));
    },
    async run({ user, input, tx }) {
      const changed = await setDocumentStatus({ db: tx, id: input.id, version: input.version, status });
      if (!changed) throw new AppError('conflict', { message: CONFLICT_MESSAGE });
      await insertAuditEntry({
        db: tx,
        userId: user.id,
        action: status === 'published' ? 'document.publish' : 'document.withdraw',
        objectType: 'document',
        objectId: String(input.id),
      });
      return { result: { version: changed.version }, revalidate: pagesShowingDocument({ slugs: [changed.slug] }) };
    },
  });

export const publishDocument = statusChange('published');
export const withdrawDocument = statusChange('withdrawn');

export const removeDocumentFile = defineAction({
  roles: canWriteDocuments,
  schema: z.object({ id, fileId: rowId('Thiếu tệp.') }),
  authorize: mayEdit,
  async run({ user, input, tx }) {
    const current = await accessOf(tx, input.id);
    const removed = await deleteDocumentFile({ db: tx, id: input.fileId, documentId: input.id });
    if (!removed) throw new AppError('notFound', { message: 'Không tìm thấy tệp này.' });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'document.file_remove',
      objectType: 'document',
      objectId: String(input.id),
      detail: { fileName: removed.fileName },
    });
    return { result: {}, revalidate: current.status === 'published' ? pagesShowingDocument({ slugs: [current.slug] }) : [] };
  },
});

'use server';

import { z } from 'zod';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { deleteConsultation, setCommentStatus, upsertConsultation } from '@/db/queries/consultations';
import { deleteDocumentFile, getDocumentAccess, setDocumentStatus } from '@/db/queries/documents';
import type { Tx } from '@/db';
import { pagesShowingConsultation, pagesShowingDocument } from '@/lib/cache-tags';
import { COMMENT_STATUS_LABELS, consultationWindowFields } from '@/lib/documents/consultation';
import { documentFields } from '@/lib/documents/form';
import { AppError } from '@/lib/errors';
import { rowId } from '@/lib/form-fields';
import { canEditDocument, canModerateComments, canPublishDocuments, canWriteDocuments, type Actor } from '@/lib/permissions';
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

// ---------------------------------------------------------------------------
// Góp ý dự thảo: the comment window and the moderation of comments (editors and admins)
// ---------------------------------------------------------------------------

async function mayModerate({ user, input, tx }: { user: Actor; input: { id: number }; tx: Tx }): Promise<boolean> {
  await accessOf(tx, input.id);
  return canModerateComments(user);
}

/** Makes a document a draft for comment between two instants (Vietnam time), or moves its window. */
export const saveCommentWindow = defineAction({
  roles: canModerateComments,
  schema: consultationWindowFields.and(z.object({ id })),
  authorize: mayModerate,
  async run({ user, input, tx }) {
    const current = await accessOf(tx, input.id);
    const before = await upsertConsultation({
      db: tx,
      documentId: input.id,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      userId: user.id,
    });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'document.consultation_set',
      objectType: 'document',
      objectId: String(input.id),
      detail: {
        opensAt: input.opensAt.toISOString(),
        closesAt: input.closesAt.toISOString(),
        ...(before ? { before: { opensAt: before.opensAt.toISOString(), closesAt: before.closesAt.toISOString() } } : {}),
      },
    });
    return { result: {}, revalidate: current.status === 'published' ? pagesShowingConsultation({ slugs: [current.slug] }) : [] };
  },
});

/** The document is no longer a draft for comment; its comments stay (for the record), hidden with the form. */
export const removeCommentWindow = defineAction({
  roles: canModerateComments,
  schema: z.object({ id }),
  authorize: mayModerate,
  async run({ user, input, tx }) {
    const current = await accessOf(tx, input.id);
    const removed = await deleteConsultation({ db: tx, documentId: input.id });
    if (!removed) throw new AppError('notFound', { message: 'Văn bản này không lấy ý kiến góp ý.' });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'document.consultation_remove',
      objectType: 'document',
      objectId: String(input.id),
      detail: { opensAt: removed.opensAt.toISOString(), closesAt: removed.closesAt.toISOString() },
    });
    return { result: {}, revalidate: current.status === 'published' ? pagesShowingConsultation({ slugs: [current.slug] }) : [] };
  },
});

/** Publishes a comment under the draft, hides it, or puts it back in the queue. */
export const moderateComment = defineAction({
  roles: canModerateComments,
  schema: z.object({
    id,
    commentId: rowId('Thiếu góp ý.'),
    status: z.enum(['pending', 'published', 'hidden'], { error: 'Trạng thái không hợp lệ.' }),
  }),
  authorize: mayModerate,
  async run({ user, input, tx }) {
    const current = await accessOf(tx, input.id);
    const changed = await setCommentStatus({ db: tx, id: input.commentId, documentId: input.id, status: input.status, userId: user.id });
    if (!changed) throw new AppError('notFound', { message: 'Không tìm thấy góp ý này.' });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'document.comment_moderate',
      objectType: 'document',
      objectId: String(input.id),
      detail: { commentId: input.commentId, from: changed.before, to: input.status, label: COMMENT_STATUS_LABELS[input.status] },
    });
    const visible = current.status === 'published' && (changed.before === 'published' || input.status === 'published');
    return { result: {}, revalidate: visible ? pagesShowingConsultation({ slugs: [current.slug] }) : [] };
  },
});

'use server';

import { z } from 'zod';
import * as queries from '@/db/queries/documents';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { pagesShowingDocument } from '@/lib/cache-tags';
import { AppError } from '@/lib/errors';
import { requiredText, rowId } from '@/lib/form-fields';
import { canManageDocumentCatalogs } from '@/lib/permissions';
import { defineAction } from '@/server/define-action';

/**
 * The catalogues of /quan-tri/van-ban/danh-muc. A name is unique in its list; an entry a document
 * uses is never deleted (rename it instead). Names show on every document page, so each change
 * revalidates them all.
 */
const kind = z.enum(['type', 'issuer', 'field', 'signer'], { error: 'Danh mục không hợp lệ.' });
const entryId = rowId('Thiếu mục danh mục.');
const name = requiredText('tên', 200);
const KIND_LABELS = { type: 'Loại văn bản', issuer: 'Cơ quan ban hành', field: 'Lĩnh vực', signer: 'Người ký' } as const;
const taken = (label: string) =>
  new AppError('invalid', { message: `${label} này đã có trong danh mục.`, fieldErrors: { name: [`${label} này đã có trong danh mục.`] } });

export const createCatalogEntry = defineAction({
  roles: canManageDocumentCatalogs,
  schema: z.object({ kind, name }),
  authorize: ({ user }) => canManageDocumentCatalogs(user),
  async run({ user, input, tx }) {
    if (await queries.findCatalogEntryByName({ db: tx, kind: input.kind, name: input.name })) throw taken(KIND_LABELS[input.kind]);
    const id = await queries.insertCatalogEntry({ db: tx, kind: input.kind, name: input.name });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'document_catalog.create',
      objectType: 'document_catalog',
      objectId: String(id),
      detail: input,
    });
    return { result: { id } };
  },
});

export const renameCatalogEntry = defineAction({
  roles: canManageDocumentCatalogs,
  schema: z.object({ entryId, name }),
  authorize: ({ user }) => canManageDocumentCatalogs(user),
  async run({ user, input, tx }) {
    const entry = await queries.getCatalogEntry({ db: tx, id: input.entryId });
    if (!entry) throw new AppError('notFound');
    if (await queries.findCatalogEntryByName({ db: tx, kind: entry.kind, name: input.name, excludeId: entry.id }))
      throw taken(KIND_LABELS[entry.kind]);
    await queries.renameCatalogEntry({ db: tx, id: entry.id, name: input.name });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'document_catalog.rename',
      objectType: 'document_catalog',
      objectId: String(entry.id),
      detail: { from: entry.name, to: input.name },
    });
    return { result: {}, revalidate: pagesShowingDocument({ slugs: [] }) };
  },
});

export const deleteCatalogEntry = defineAction({
  roles: canManageDocumentCatalogs,
  schema: z.object({ entryId }),
  authorize: ({ user }) => canManageDocumentCatalogs(user),
  async run({ user, input, tx }) {
    const used = await queries.countDocumentsUsingCatalogEntry({ db: tx, id: input.entryId });
    if (used > 0)
      throw new AppError('rejected', { message: `Có ${used} văn bản hoặc thủ tục đang dùng mục này: hãy đổi tên thay vì xóa.` });
    const removed = await queries.deleteCatalogEntry({ db: tx, id: input.entryId });
    if (!removed) throw new AppError('notFound');
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'document_catalog.delete',
      objectType: 'document_catalog',
      objectId: String(input.entryId),
      detail: removed,
    });
    return { result: {} };
  },
});

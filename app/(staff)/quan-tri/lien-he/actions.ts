'use server';

import { z } from 'zod';
import * as contacts from '@/db/queries/contacts';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { AppError } from '@/lib/errors';
import { defineSiteAction } from '@/server/site-action';
import { direction, optionalEmail, phoneList, requiredText, rowId } from '@/lib/form-fields';

/**
 * The sidebar's contact blocks. Admin only; every change is one transaction with its audit row,
 * then every public page is revalidated (the sidebar is in the public layout).
 */
const blockId = rowId('Thiếu khối liên hệ.');
const entryId = rowId('Thiếu mục liên hệ.');
const blockTitle = requiredText('tên khối', 200);
const entryFields = { name: requiredText('tên', 200), phones: phoneList, email: optionalEmail };

const gone = () => new AppError('notFound');

export const createContactBlock = defineSiteAction({
  schema: z.object({ title: blockTitle }),
  async run({ user, input, tx }) {
    const id = await contacts.insertContactBlock({ db: tx, title: input.title });
    await insertAuditEntry({ db: tx, userId: user.id, action: 'contact_block.create', objectType: 'contact_block', objectId: String(id), detail: { title: input.title } });
    return { id };
  },
});

export const renameContactBlock = defineSiteAction({
  schema: z.object({ blockId, title: blockTitle }),
  async run({ user, input, tx }) {
    const renamed = await contacts.renameContactBlock({ db: tx, id: input.blockId, title: input.title });
    if (!renamed) throw gone();
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'contact_block.rename',
      objectType: 'contact_block',
      objectId: String(input.blockId),
      detail: { from: renamed.before, to: input.title },
    });
    return {};
  },
});

export const moveContactBlock = defineSiteAction({
  schema: z.object({ blockId, direction }),
  async run({ user, input, tx }) {
    if (!(await contacts.moveContactBlock({ db: tx, id: input.blockId, direction: input.direction }))) throw gone();
    await insertAuditEntry({ db: tx, userId: user.id, action: 'contact_block.move', objectType: 'contact_block', objectId: String(input.blockId), detail: { direction: input.direction } });
    return {};
  },
});

export const deleteContactBlock = defineSiteAction({
  schema: z.object({ blockId }),
  async run({ user, input, tx }) {
    const removed = await contacts.deleteContactBlock({ db: tx, id: input.blockId });
    if (!removed) throw gone();
    await insertAuditEntry({ db: tx, userId: user.id, action: 'contact_block.delete', objectType: 'contact_block', objectId: String(input.blockId), detail: removed });
    return {};
  },
});

export const createContactEntry = defineSiteAction({
  schema: z.object({ blockId, ...entryFields }),
  async run({ user, input, tx }) {
    const values = { name: input.name, phones: input.phones, email: input.email || null };
    const id = await contacts.insertContactEntry({ db: tx, blockId: input.blockId, values });
    if (!id) throw gone();
    await insertAuditEntry({ db: tx, userId: user.id, action: 'contact_entry.create', objectType: 'contact_entry', objectId: String(id), detail: { blockId: input.blockId, ...values } });
    return { id };
  },
});

export const updateContactEntry = defineSiteAction({
  schema: z.object({ entryId, ...entryFields }),
  async run({ user, input, tx }) {
    const values = { name: input.name, phones: input.phones, email: input.email || null };
    const before = await contacts.updateContactEntry({ db: tx, id: input.entryId, values });
    if (!before) throw gone();
    await insertAuditEntry({ db: tx, userId: user.id, action: 'contact_entry.update', objectType: 'contact_entry', objectId: String(input.entryId), detail: { from: before, to: values } });
    return {};
  },
});

export const moveContactEntry = defineSiteAction({
  schema: z.object({ entryId, direction }),
  async run({ user, input, tx }) {
    if (!(await contacts.moveContactEntry({ db: tx, id: input.entryId, direction: input.direction }))) throw gone();
    await insertAuditEntry({ db: tx, userId: user.id, action: 'contact_entry.move', objectType: 'contact_entry', objectId: String(input.entryId), detail: { direction: input.direction } });
    return {};
  },
});

export const deleteContactEntry = defineSiteAction({
  schema: z.object({ entryId }),
  async run({ user, input, tx }) {
    const removed = await contacts.deleteContactEntry({ db: tx, id: input.entryId });
    if (!removed) throw gone();
    await insertAuditEntry({ db: tx, userId: user.id, action: 'contact_entry.delete', objectType: 'contact_entry', objectId: String(input.entryId), detail: removed });
    return {};
  },
});

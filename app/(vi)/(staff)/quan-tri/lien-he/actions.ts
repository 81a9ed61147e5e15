'use server';

import { z } from 'zod';
import * as contacts from '@/db/queries/contacts';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { AppError } from '@/lib/errors';
import { defineSiteAction } from '@/server/site-action';
import type { Tx } from '@/db';
import { direction, optionalEmail, parsePhoneList, requiredText, rowId } from '@/lib/form-fields';
import { cleanPlainText } from '@/lib/sanitize';

/**
 * The sidebar's contact blocks. Admin only; every change is one transaction with its audit row,
 * then every public page is revalidated (the sidebar is in the public layout).
 */
const blockId = rowId('Thiếu khối liên hệ.');
const entryId = rowId('Thiếu mục liên hệ.');
const blockTitle = requiredText('tên khối', 200);
/** "" (a free entry), "person:12" or "unit:3": where a linked entry reads its name and numbers. */
const source = z
  .string({ error: 'Nguồn không hợp lệ.' })
  .default('')
  .transform((value, context) => {
    if (!value) return { personId: null, unitId: null };
    const match = /^(person|unit):([1-9]\d{0,9})$/.exec(value);
    if (!match) {
      context.addIssue({ code: 'custom', message: 'Hãy chọn một người hoặc đơn vị trong danh bạ.' });
      return z.NEVER;
    }
    const id = Number(match[2]);
    return match[1] === 'person' ? { personId: id, unitId: null } : { personId: null, unitId: id };
  });

/**
 * A free entry needs its own name and at least one number; a linked entry may leave the name
 * empty (the directory's is shown) and its numbers may be empty (a person without a phone).
 */
const entryName = z
  .string({ error: 'Hãy nhập tên.' })
  .default('')
  .transform(cleanPlainText)
  .pipe(z.string().max(200, 'Tên quá dài (tối đa 200 ký tự).'));
const entryFields = {
  name: entryName,
  phones: z.string({ error: 'Số điện thoại không hợp lệ.' }).default(''),
  email: optionalEmail,
  source,
};

function checkEntry<T extends { name: string; phones: string; email: string; source: { personId: number | null; unitId: number | null } }>(
  input: T,
  context: z.RefinementCtx,
) {
  const linked = input.source.personId !== null || input.source.unitId !== null;
  if (!linked && !input.name)
    context.addIssue({ code: 'custom', path: ['name'], message: 'Hãy nhập tên, hoặc chọn một người, đơn vị trong danh bạ.' });
  const parsed = parsePhoneList(input.phones);
  if ('error' in parsed) context.addIssue({ code: 'custom', path: ['phones'], message: parsed.error });
  else if (!linked && parsed.phones.length === 0)
    context.addIssue({ code: 'custom', path: ['phones'], message: 'Hãy nhập ít nhất một số điện thoại.' });
  return { ...input, ...input.source, phones: 'phones' in parsed ? parsed.phones : [] };
}

/** The directory record an entry names must exist; its numbers are written there, once. */
async function saveEntryContact(tx: Tx, values: { personId: number | null; unitId: number | null; phones: string[]; email: string }) {
  const linkedTo = values.personId !== null ? { personId: values.personId } : values.unitId !== null ? { unitId: values.unitId } : null;
  if (!linkedTo) return { own: { phones: values.phones, email: values.email || null }, directoryBefore: null };
  const before = await contacts.setDirectoryContact({ db: tx, source: linkedTo, phones: values.phones, email: values.email || null });
  if (!before)
    throw new AppError('invalid', { fieldErrors: { source: ['Người hoặc đơn vị này không còn trong danh bạ. Hãy tải lại trang.'] } });
  return { own: { phones: [], email: null }, directoryBefore: before };
}

const gone = () => new AppError('notFound');

export const createContactBlock = defineSiteAction({
  schema: z.object({ title: blockTitle }),
  async run({ user, input, tx }) {
    const id = await contacts.insertContactBlock({ db: tx, title: input.title });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'contact_block.create',
      objectType: 'contact_block',
      objectId: String(id),
      detail: { title: input.title },
    });
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
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'contact_block.move',
      objectType: 'contact_block',
      objectId: String(input.blockId),
      detail: { direction: input.direction },
    });
    return {};
  },
});

export const deleteContactBlock = defineSiteAction({
  schema: z.object({ blockId }),
  async run({ user, input, tx }) {
    const removed = await contacts.deleteContactBlock({ db: tx, id: input.blockId });
    if (!removed) throw gone();
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'contact_block.delete',
      objectType: 'contact_block',
      objectId: String(input.blockId),
      detail: removed,
    });
    return {};
  },
});

export const createContactEntry = defineSiteAction({
  schema: z.object({ blockId, ...entryFields }).transform(checkEntry),
  async run({ user, input, tx }) {
    const { own, directoryBefore } = await saveEntryContact(tx, input);
    const values = { name: input.name, ...own, personId: input.personId, unitId: input.unitId };
    const id = await contacts.insertContactEntry({ db: tx, blockId: input.blockId, values });
    if (!id) throw gone();
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'contact_entry.create',
      objectType: 'contact_entry',
      objectId: String(id),
      detail: {
        blockId: input.blockId,
        ...values,
        directory: directoryBefore && { from: directoryBefore, to: { phones: input.phones, email: input.email || null } },
      },
    });
    return { id };
  },
});

export const updateContactEntry = defineSiteAction({
  schema: z.object({ entryId, ...entryFields }).transform(checkEntry),
  async run({ user, input, tx }) {
    const { own, directoryBefore } = await saveEntryContact(tx, input);
    const values = { name: input.name, ...own, personId: input.personId, unitId: input.unitId };
    const before = await contacts.updateContactEntry({ db: tx, id: input.entryId, values });
    if (!before) throw gone();
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'contact_entry.update',
      objectType: 'contact_entry',
      objectId: String(input.entryId),
      detail: {
        from: before,
        to: values,
        directory: directoryBefore && { from: directoryBefore, to: { phones: input.phones, email: input.email || null } },
      },
    });
    return {};
  },
});

export const moveContactEntry = defineSiteAction({
  schema: z.object({ entryId, direction }),
  async run({ user, input, tx }) {
    if (!(await contacts.moveContactEntry({ db: tx, id: input.entryId, direction: input.direction }))) throw gone();
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'contact_entry.move',
      objectType: 'contact_entry',
      objectId: String(input.entryId),
      detail: { direction: input.direction },
    });
    return {};
  },
});

export const deleteContactEntry = defineSiteAction({
  schema: z.object({ entryId }),
  async run({ user, input, tx }) {
    const removed = await contacts.deleteContactEntry({ db: tx, id: input.entryId });
    if (!removed) throw gone();
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'contact_entry.delete',
      objectType: 'contact_entry',
      objectId: String(input.entryId),
      detail: removed,
    });
    return {};
  },
});

'use server';

import { z } from 'zod';
import type { Tx } from '@/db';
import * as agency from '@/db/queries/agency';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { AGENCY_PAGE_KEYS } from '@/lib/agency/names';
import { checkMove, checkNewUnit, MOVE_MESSAGES } from '@/lib/agency/tree';
import { pagesShowingAgencyPage, pagesShowingDirectory } from '@/lib/cache-tags';
import { AppError } from '@/lib/errors';
import { checkbox, direction, optionalEmail, optionalPhoneList, optionalText, requiredText, rowId, versionField } from '@/lib/form-fields';
import { canManageAgency } from '@/lib/permissions';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { defineAction } from '@/server/define-action';

/**
 * The directory (units and people) and the Giới thiệu pages, at /quan-tri/gioi-thieu. Admin only.
 * Every change is one transaction with its audit row. The directory feeds the sidebar of every
 * page, Giới thiệu, Liên hệ and the English pages, so its changes revalidate every public page.
 * Edits of a unit, a person or a page carry the version the form was opened with: a second admin
 * saving over a change they have not seen gets a conflict and keeps their input on screen.
 */

const unitId = rowId('Thiếu đơn vị.');
const personId = rowId('Thiếu cán bộ.');
/** "" for the top level, else a unit's id. */
const parentField = z
  .union([z.literal(''), rowId('Đơn vị cấp trên không hợp lệ.')], { error: 'Đơn vị cấp trên không hợp lệ.' })
  .default('')
  .transform((value) => (value === '' ? null : value));

const unitFields = {
  name: requiredText('tên đơn vị', 200),
  nameEn: optionalText('tên tiếng Anh', 200),
  phones: optionalPhoneList,
  email: optionalEmail,
};

const personFields = {
  unitId,
  honorific: z.enum(['', 'Ông', 'Bà'], { error: 'Hãy chọn Ông, Bà hoặc để trống.' }).default(''),
  fullName: requiredText('họ tên', 200),
  title: optionalText('chức vụ', 200),
  titleEn: optionalText('chức vụ tiếng Anh', 200),
  phones: optionalPhoneList,
  email: optionalEmail,
  duties: optionalText('nhiệm vụ được phân công', 3000),
  leader: checkbox,
  photoMediaId: z
    .union([z.literal(''), rowId('Ảnh không hợp lệ.')], { error: 'Ảnh không hợp lệ.' })
    .default('')
    .transform((value) => (value === '' ? null : value)),
};

const CONFLICT_MESSAGE =
  'Thông tin này đã được người khác sửa trong lúc bạn sửa. Nội dung bạn nhập vẫn còn trên màn hình: hãy tải lại trang để xem bản mới rồi sửa lại.';

function refuseGuarded(reason: 'conflict' | 'notFound'): never {
  throw reason === 'conflict' ? new AppError('conflict', { message: CONFLICT_MESSAGE }) : new AppError('notFound');
}

/** defineAction for the directory: admins only, every public page revalidated after commit. */
function defineDirectoryAction<S extends z.ZodType, T extends object>(definition: {
  schema: S;
  run: (context: { user: { id: number }; input: z.output<S>; tx: Tx }) => Promise<T>;
}) {
  return defineAction({
    roles: canManageAgency,
    schema: definition.schema,
    authorize: ({ user }) => canManageAgency(user),
    async run(context) {
      return { result: await definition.run(context), revalidate: pagesShowingDirectory };
    },
  });
}

async function audit(
  tx: Tx,
  userId: number,
  action: string,
  objectType: 'org_unit' | 'person' | 'agency_page',
  objectId: number | string,
  detail: Record<string, unknown> | null,
) {
  await insertAuditEntry({ db: tx, userId, action, objectType, objectId: String(objectId), detail: detail ?? undefined });
}

// ---------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------

export const createUnit = defineDirectoryAction({
  schema: z.object({ parentId: parentField, ...unitFields }),
  async run({ user, input, tx }) {
    const { parentId, ...values } = input;
    const check = checkNewUnit(await agency.lockUnits({ db: tx }), parentId);
    if (!check.ok) throw new AppError('invalid', { fieldErrors: { parentId: [MOVE_MESSAGES[check.reason]] } });
    const id = await agency.insertUnit({ db: tx, parentId, values: { ...values, email: values.email || null } });
    await audit(tx, user.id, 'org_unit.create', 'org_unit', id, { parentId, ...values });
    return { id };
  },
});

export const updateUnit = defineDirectoryAction({
  schema: z.object({ unitId, version: versionField, ...unitFields }),
  async run({ user, input, tx }) {
    const { unitId: id, version, ...values } = input;
    const saved = await agency.updateUnit({ db: tx, id, version, values: { ...values, email: values.email || null } });
    if (!saved.ok) refuseGuarded(saved.reason);
    await audit(tx, user.id, 'org_unit.update', 'org_unit', id, { from: saved.before, to: values });
    return {};
  },
});

/** Places a unit under another (or at the top): never under itself or below itself. */
export const moveUnit = defineDirectoryAction({
  schema: z.object({ unitId, parentId: parentField }),
  async run({ user, input, tx }) {
    const units = await agency.lockUnits({ db: tx });
    const unit = units.find((u) => u.id === input.unitId);
    if (!unit) throw new AppError('notFound');
    const check = checkMove(units, input.unitId, input.parentId);
    if (!check.ok) throw new AppError('invalid', { fieldErrors: { parentId: [MOVE_MESSAGES[check.reason]] } });
    if (unit.parentId === input.parentId) return {};
    await agency.setUnitParent({ db: tx, id: input.unitId, parentId: input.parentId });
    await audit(tx, user.id, 'org_unit.move', 'org_unit', input.unitId, { from: unit.parentId, to: input.parentId });
    return {};
  },
});

export const reorderUnit = defineDirectoryAction({
  schema: z.object({ unitId, direction }),
  async run({ user, input, tx }) {
    if (!(await agency.moveUnitAmongSiblings({ db: tx, id: input.unitId, direction: input.direction }))) throw new AppError('notFound');
    await audit(tx, user.id, 'org_unit.reorder', 'org_unit', input.unitId, { direction: input.direction });
    return {};
  },
});

/** Only an empty unit goes: no units under it, no people in it, no sidebar entry naming it. */
export const deleteUnit = defineDirectoryAction({
  schema: z.object({ unitId }),
  async run({ user, input, tx }) {
    const units = await agency.lockUnits({ db: tx });
    if (!units.some((u) => u.id === input.unitId)) throw new AppError('notFound');
    const usage = await agency.unitUsage({ db: tx, id: input.unitId });
    const reasons = [
      usage.children > 0 ? `${usage.children} đơn vị trực thuộc` : null,
      usage.people > 0 ? `${usage.people} cán bộ (kể cả người đã ngừng hiển thị)` : null,
      usage.entries > 0 ? `${usage.entries} mục ở khối liên hệ cột bên` : null,
    ].filter(Boolean);
    if (reasons.length > 0) {
      throw new AppError('rejected', {
        message: `Chỉ xóa được đơn vị trống. Đơn vị này còn ${reasons.join(', ')}: hãy chuyển hoặc xóa trước.`,
      });
    }
    const removed = await agency.deleteUnit({ db: tx, id: input.unitId });
    await audit(tx, user.id, 'org_unit.delete', 'org_unit', input.unitId, removed);
    return {};
  },
});

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

async function checkPersonRefs(tx: Tx, values: { unitId: number; photoMediaId: number | null }) {
  if (!(await agency.unitExists({ db: tx, id: values.unitId }))) {
    throw new AppError('invalid', { fieldErrors: { unitId: ['Đơn vị này không còn tồn tại. Hãy tải lại trang.'] } });
  }
  if (values.photoMediaId !== null && !(await agency.mediaExists({ db: tx, id: values.photoMediaId }))) {
    throw new AppError('invalid', { fieldErrors: { photoMediaId: ['Ảnh này không còn trong Thư viện ảnh. Hãy chọn ảnh khác.'] } });
  }
}

export const createPerson = defineDirectoryAction({
  schema: z.object(personFields),
  async run({ user, input, tx }) {
    await checkPersonRefs(tx, input);
    const values = { ...input, email: input.email || null };
    const id = await agency.insertPerson({ db: tx, values });
    await audit(tx, user.id, 'person.create', 'person', id, values);
    return { id };
  },
});

/** Edits a person, moving them to another unit when `unitId` changes. */
export const updatePerson = defineDirectoryAction({
  schema: z.object({ personId, version: versionField, ...personFields }),
  async run({ user, input, tx }) {
    const { personId: id, version, ...rest } = input;
    await checkPersonRefs(tx, rest);
    const values = { ...rest, email: rest.email || null };
    const saved = await agency.updatePerson({ db: tx, id, version, values });
    if (!saved.ok) refuseGuarded(saved.reason);
    await audit(tx, user.id, saved.before.unitId === values.unitId ? 'person.update' : 'person.move', 'person', id, {
      from: saved.before,
      to: values,
    });
    return {};
  },
});

export const reorderPerson = defineDirectoryAction({
  schema: z.object({ personId, direction }),
  async run({ user, input, tx }) {
    if (!(await agency.movePersonInUnit({ db: tx, id: input.personId, direction: input.direction }))) throw new AppError('notFound');
    await audit(tx, user.id, 'person.reorder', 'person', input.personId, { direction: input.direction });
    return {};
  },
});

/** "Ngừng hiển thị" keeps the record (and its history) but takes it off every public page. */
export const setPersonDisabled = defineDirectoryAction({
  schema: z.object({ personId, disabled: checkbox }),
  async run({ user, input, tx }) {
    const person = await agency.setPersonDisabled({ db: tx, id: input.personId, disabled: input.disabled });
    if (!person) throw new AppError('notFound');
    await audit(tx, user.id, input.disabled ? 'person.disable' : 'person.enable', 'person', input.personId, person);
    return {};
  },
});

// ---------------------------------------------------------------------------
// The rich-text pages
// ---------------------------------------------------------------------------

export const saveAgencyPage = defineAction({
  roles: canManageAgency,
  schema: z.object({
    key: z.enum(AGENCY_PAGE_KEYS, { error: 'Trang không hợp lệ.' }),
    version: versionField,
    bodyHtml: z.string({ error: 'Nội dung không hợp lệ.' }).max(500_000, 'Nội dung quá dài.').transform(sanitizeArticleHtml),
  }),
  authorize: ({ user }) => canManageAgency(user),
  async run({ user, input, tx }) {
    const saved = await agency.saveAgencyPage({
      db: tx,
      key: input.key,
      version: input.version,
      bodyHtml: input.bodyHtml,
      userId: user.id,
    });
    if (!saved.ok) refuseGuarded(saved.reason);
    await audit(tx, user.id, 'agency_page.update', 'agency_page', input.key, { from: saved.before.bodyHtml, to: input.bodyHtml });
    return { result: {}, revalidate: pagesShowingAgencyPage(input.key) };
  },
});

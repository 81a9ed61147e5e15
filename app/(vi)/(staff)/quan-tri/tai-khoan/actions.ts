'use server';

import { z } from 'zod';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { unitExists } from '@/db/queries/agency';
import { countActiveAdmins, getUserById, insertUser, setUserPassword, setUserUnit, updateUserAccess } from '@/db/queries/users';
import { defineAction } from '@/server/define-action';
import { AppError } from '@/lib/errors';
import { rowId } from '@/lib/form-fields';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/server/auth/passwords';
import { canManageUsers } from '@/lib/permissions';

const role = z.enum(['admin', 'editor', 'author', 'stats_viewer', 'answerer'], { error: 'Hãy chọn một vai trò.' });
const userId = rowId('Thiếu tài khoản.');

export const createUser = defineAction({
  roles: canManageUsers,
  schema: z.object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(320)
      .pipe(z.email({ error: 'Email không hợp lệ.' })),
    name: z.string().trim().min(1, 'Hãy nhập họ tên.').max(200, 'Họ tên quá dài.'),
    role,
    password: z.string().min(MIN_PASSWORD_LENGTH, `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`).max(1000, 'Mật khẩu quá dài.'),
  }),
  authorize: ({ user }) => canManageUsers(user),
  async run({ user, input, tx }) {
    const created = await insertUser({
      db: tx,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    if (!created)
      throw new AppError('invalid', { message: 'Email này đã có tài khoản.', fieldErrors: { email: ['Email này đã có tài khoản.'] } });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'user.create',
      objectType: 'user',
      objectId: String(created.id),
      detail: { role: input.role },
    });
    return { result: { id: created.id } };
  },
});

/** The last enabled admin cannot be demoted or disabled: nobody could manage accounts any more. */
async function assertNotLastAdmin(tx: Parameters<typeof countActiveAdmins>[0]['db'], targetId: number) {
  const target = await getUserById({ db: tx, id: targetId });
  if (!target) throw new AppError('rejected', { message: 'Không tìm thấy tài khoản.' });
  if (target.role === 'admin' && !target.disabled && (await countActiveAdmins({ db: tx })) <= 1) {
    throw new AppError('rejected', { message: 'Cần giữ ít nhất một Quản trị viên đang hoạt động.' });
  }
}

export const changeUserRole = defineAction({
  roles: canManageUsers,
  schema: z.object({ userId, role }),
  authorize: ({ user }) => canManageUsers(user),
  async run({ user, input, tx }) {
    if (input.role !== 'admin') await assertNotLastAdmin(tx, input.userId);
    if (!(await updateUserAccess({ db: tx, id: input.userId, role: input.role })))
      throw new AppError('rejected', { message: 'Không tìm thấy tài khoản.' });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'user.role',
      objectType: 'user',
      objectId: String(input.userId),
      detail: { role: input.role },
    });
    return { result: {} };
  },
});

export const setUserDisabled = defineAction({
  roles: canManageUsers,
  schema: z.object({ userId, disabled: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  authorize: ({ user }) => canManageUsers(user),
  async run({ user, input, tx }) {
    if (input.disabled) {
      if (input.userId === user.id) throw new AppError('rejected', { message: 'Bạn không thể tự khóa tài khoản của mình.' });
      await assertNotLastAdmin(tx, input.userId);
    }
    if (!(await updateUserAccess({ db: tx, id: input.userId, disabled: input.disabled })))
      throw new AppError('rejected', { message: 'Không tìm thấy tài khoản.' });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: input.disabled ? 'user.disable' : 'user.enable',
      objectType: 'user',
      objectId: String(input.userId),
    });
    return { result: {} };
  },
});

/**
 * An admin gives someone who lost their password a temporary one, told to them in person: its
 * owner must replace it at the next login, and every session of the account ends now.
 */
export const setTemporaryPassword = defineAction({
  roles: canManageUsers,
  schema: z.object({
    userId,
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Mật khẩu tạm thời cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`)
      .max(1000, 'Mật khẩu quá dài.'),
  }),
  authorize: ({ user }) => canManageUsers(user),
  async run({ user, input, tx }) {
    if (input.userId === user.id) throw new AppError('rejected', { message: 'Hãy đổi mật khẩu của chính bạn ở trang Đổi mật khẩu.' });
    const passwordHash = await hashPassword(input.password);
    if (!(await setUserPassword({ db: tx, id: input.userId, passwordHash, temporary: true })))
      throw new AppError('rejected', { message: 'Không tìm thấy tài khoản.' });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'user.temporary-password',
      objectType: 'user',
      objectId: String(input.userId),
    });
    return { result: {} };
  },
});

/** The unit of a Cán bộ trả lời: they see and answer only the questions assigned to it. */
export const setUserUnitAction = defineAction({
  roles: canManageUsers,
  schema: z.object({
    userId,
    unitId: z.union([z.literal(''), rowId('Đơn vị không hợp lệ.')]).transform((value) => (value === '' ? null : value)),
  }),
  authorize: ({ user }) => canManageUsers(user),
  async run({ user, input, tx }) {
    if (input.unitId !== null && !(await unitExists({ db: tx, id: input.unitId })))
      throw new AppError('invalid', { fieldErrors: { unitId: ['Đơn vị không còn trong danh bạ.'] } });
    if (!(await setUserUnit({ db: tx, id: input.userId, unitId: input.unitId })))
      throw new AppError('rejected', { message: 'Không tìm thấy tài khoản.' });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'user.unit',
      objectType: 'user',
      objectId: String(input.userId),
      detail: { unitId: input.unitId },
    });
    return { result: {} };
  },
});

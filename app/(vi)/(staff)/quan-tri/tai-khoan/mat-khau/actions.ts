'use server';

import { z } from 'zod';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { getPasswordHash, setUserPassword } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '@/server/auth/passwords';
import { defineAction } from '@/server/define-action';

const WRONG_CURRENT = 'Mật khẩu hiện tại không đúng.';

/**
 * A staff member replaces their own password (a temporary one included). The current password is
 * required, so a browser left logged in cannot be used to take the account over; every session of
 * the account ends, this one too: the form sends its owner to log in again with the new password.
 */
export const changeOwnPassword = defineAction({
  roles: () => true,
  allowTemporaryPassword: true,
  schema: z
    .object({
      currentPassword: z
        .string({ error: 'Hãy nhập mật khẩu hiện tại.' })
        .min(1, 'Hãy nhập mật khẩu hiện tại.')
        .max(1000, 'Mật khẩu quá dài.'),
      newPassword: z
        .string({ error: 'Hãy nhập mật khẩu mới.' })
        .min(MIN_PASSWORD_LENGTH, `Mật khẩu mới cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`)
        .max(1000, 'Mật khẩu quá dài.'),
      confirmPassword: z.string({ error: 'Hãy nhập lại mật khẩu mới.' }),
    })
    .refine((input) => input.newPassword === input.confirmPassword, {
      path: ['confirmPassword'],
      message: 'Hai lần nhập mật khẩu mới không khớp.',
    })
    .refine((input) => input.newPassword !== input.currentPassword, {
      path: ['newPassword'],
      message: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    }),
  authorize: () => true,
  async run({ user, input, tx }) {
    const stored = await getPasswordHash({ db: tx, id: user.id });
    if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
      throw new AppError('rejected', { message: WRONG_CURRENT, fieldErrors: { currentPassword: [WRONG_CURRENT] } });
    }
    await setUserPassword({ db: tx, id: user.id, passwordHash: await hashPassword(input.newPassword), temporary: false });
    await insertAuditEntry({ db: tx, userId: user.id, action: 'user.password', objectType: 'user', objectId: String(user.id) });
    return { result: {} };
  },
});

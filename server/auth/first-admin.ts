import 'server-only';
import { getDb, type Db } from '@/db';
import { countActiveAdmins, insertUser } from '@/db/queries/users';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';

// Per database, so a test (or script) that provides another database gets its own first admin.
const done = new WeakMap<Db, Promise<void>>();

/**
 * Creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD when no enabled admin exists.
 * Idempotent and cheap after the first call: safe from instrumentation's register() and from
 * the login path alike. An existing account with that email is left untouched.
 */
export async function ensureFirstAdmin(): Promise<void> {
  const db = await getDb();
  let pending = done.get(db);
  if (!pending) {
    pending = createFirstAdmin(db).catch((error: unknown) => {
      done.delete(db);
      throw error;
    });
    done.set(db, pending);
  }
  return pending;
}

async function createFirstAdmin(db: Db): Promise<void> {
  const email = process.env.ADMIN_EMAIL?.trim();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.warn(`[auth] ADMIN_PASSWORD phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự: chưa tạo tài khoản quản trị.`);
    return;
  }
  if ((await countActiveAdmins({ db })) > 0) return;
  const created = await insertUser({ db, email, name: 'Quản trị viên', role: 'admin', passwordHash: await hashPassword(password) });
  if (created) console.log(`[auth] Đã tạo tài khoản quản trị đầu tiên: ${email}`);
}

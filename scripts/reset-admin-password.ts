// Recovery when the last admin's password is lost: `npm run admin:reset-password -- <email>`.
// Gives that admin account a random temporary password (printed once), enables it if it was
// disabled, and ends its sessions; the admin must choose a new password at the next login.
// Uses DATABASE_URL when set, else the PGlite folder (stop the server first: it holds the lock).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { dataDir, openDatabase } from '../db';
import { setUserPassword, updateUserAccess } from '../db/queries/users';
import { users } from '../db/schema';
import { hashPassword } from '../server/auth/passwords';

const email = process.argv[2]?.trim().toLowerCase();
if (!email) {
  console.error('Cách dùng: npm run admin:reset-password -- <email của quản trị viên>');
  process.exit(2);
}

const handle = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dir: dataDir() });
let code = 0;
try {
  const [account] = await handle.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email)).limit(1);
  if (account?.role !== 'admin') {
    console.error(`Không có tài khoản Quản trị viên với email ${email}.`);
    code = 1;
  } else {
    const temporary = randomBytes(18).toString('base64url');
    const passwordHash = await hashPassword(temporary);
    await handle.db.transaction(async (tx) => {
      await updateUserAccess({ db: tx, id: account.id, disabled: false });
      await setUserPassword({ db: tx, id: account.id, passwordHash, temporary: true });
    });
    console.log(`Mật khẩu tạm thời của ${email}: ${temporary}`);
    console.log('Đăng nhập bằng mật khẩu này rồi đặt mật khẩu mới (bắt buộc ở lần đăng nhập đầu).');
  }
} finally {
  await handle.close();
}
process.exit(code);

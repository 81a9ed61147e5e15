import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionAccount } from '@/auth';
import { provideDatabase } from '@/db';
import { users } from '@/db/schema';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

// Issue #15, item 11: logout ends the session on the server, staff change their own password, an
// admin sets a temporary one, and a command recovers a lost last admin password.
const session = vi.hoisted(() => ({ account: null as SessionAccount | null }));
vi.mock('@/auth', () => ({
  auth: async () => (session.account && !session.account.mustChangePassword ? session.account : null),
  authAccount: async () => session.account,
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', origin: 'http://portal.test' }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

process.env.AUTH_SECRET ??= 'test-secret-for-accounts';
const root = path.resolve(import.meta.dirname, '../..');
const { changeOwnPassword } = await import('@/app/(vi)/(staff)/quan-tri/tai-khoan/mat-khau/actions');
const { setTemporaryPassword } = await import('@/app/(vi)/(staff)/quan-tri/tai-khoan/actions');
const { endUserSessions, getActiveSessionUser, insertUser } = await import('@/db/queries/users');
const { authenticate } = await import('@/server/auth/login');
const { hashPassword } = await import('@/server/auth/passwords');

for (const kind of databaseKinds) {
  describe(`accounts and passwords on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    let admin: SessionAccount;
    let editor: SessionAccount;
    const password = 'mat-khau-ban-dau-1';

    async function account(email: string, role: SessionAccount['role']): Promise<SessionAccount> {
      const { id } = (await insertUser({ db: database!.db, email, name: email, role, passwordHash: await hashPassword(password) }))!;
      return { id, email, name: email, role, mustChangePassword: false };
    }
    const versionOf = async (id: number) =>
      (await database!.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)))[0]!.v;

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      admin = await account('quan.tri@example.vn', 'admin');
      editor = await account('bien.tap@example.vn', 'editor');
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(() => {
      session.account = null;
    });

    it('ends every token of the account on logout', async ({ skip }) => {
      if (!database) return skip();
      const version = await versionOf(editor.id);
      expect(await getActiveSessionUser({ id: editor.id, sessionVersion: version })).not.toBeNull();
      await endUserSessions({ id: editor.id, sessionVersion: version });
      expect(await getActiveSessionUser({ id: editor.id, sessionVersion: version })).toBeNull();
    });

    it('changes one’s own password only with the current one, and ends the other sessions', async ({ skip }) => {
      if (!database) return skip();
      session.account = editor;
      const wrong = await changeOwnPassword({
        currentPassword: 'khong-dung-mat-khau',
        newPassword: 'mat-khau-moi-12345',
        confirmPassword: 'mat-khau-moi-12345',
      });
      expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: ['Mật khẩu hiện tại không đúng.'] } });
      const mismatch = await changeOwnPassword({
        currentPassword: password,
        newPassword: 'mat-khau-moi-12345',
        confirmPassword: 'khac-hoan-toan-1',
      });
      expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ['Hai lần nhập mật khẩu mới không khớp.'] } });
      const before = await versionOf(editor.id);
      expect(
        await changeOwnPassword({ currentPassword: password, newPassword: 'mat-khau-moi-12345', confirmPassword: 'mat-khau-moi-12345' }),
      ).toMatchObject({ ok: true });
      expect(await versionOf(editor.id)).toBe(before + 1);
      expect(await authenticate({ email: editor.email, password, client: 'client:a' })).toEqual({ ok: false, reason: 'invalid' });
      expect(await authenticate({ email: editor.email, password: 'mat-khau-moi-12345', client: 'client:a' })).toMatchObject({ ok: true });
    });

    it('lets an admin set a temporary password that must be replaced before anything else', async ({ skip }) => {
      if (!database) return skip();
      const author = await account('phong.vien@example.vn', 'author');
      session.account = editor;
      expect(await setTemporaryPassword({ userId: author.id, password: 'tam-thoi-12345' })).toMatchObject({ ok: false });
      session.account = admin;
      expect(await setTemporaryPassword({ userId: author.id, password: 'tam-thoi-12345' })).toMatchObject({ ok: true });
      const login = await authenticate({ email: author.email, password: 'tam-thoi-12345', client: 'client:b' });
      expect(login).toMatchObject({ ok: true, user: { mustChangePassword: true } });
      // Logged in with it, the account can change its password and nothing else.
      session.account = { ...author, mustChangePassword: true };
      expect(await setTemporaryPassword({ userId: editor.id, password: 'tam-thoi-12345' })).toMatchObject({
        ok: false,
        error: 'Bạn cần đăng nhập để làm việc này.',
      });
      expect(
        await changeOwnPassword({
          currentPassword: 'tam-thoi-12345',
          newPassword: 'cua-rieng-toi-123',
          confirmPassword: 'cua-rieng-toi-123',
        }),
      ).toMatchObject({ ok: true });
      expect(await authenticate({ email: author.email, password: 'cua-rieng-toi-123', client: 'client:b' })).toMatchObject({
        ok: true,
        user: { mustChangePassword: false },
      });
    });

    it('recovers a lost admin password from the command line', async ({ skip }) => {
      // The command opens the database itself: a PostgreSQL database another process can reach.
      if (!database?.url) return skip();
      const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'admin:reset-password', '--', admin.email], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: database.url },
      });
      const temporary = /: (\S+)\n/.exec(stdout)?.[1];
      expect(temporary).toBeTruthy();
      expect(await authenticate({ email: admin.email, password: temporary!, client: 'client:c' })).toMatchObject({
        ok: true,
        user: { role: 'admin', mustChangePassword: true },
      });
      await expect(
        promisify(execFile)('npm', ['run', '-s', 'admin:reset-password', '--', 'khong-co@example.vn'], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: database.url },
        }),
      ).rejects.toThrow();
    });
  });
}

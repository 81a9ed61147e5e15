import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provideDatabase } from '@/db';
import { getActiveSessionUser, insertUser, updateUserAccess } from '@/db/queries/users';
import { ensureFirstAdmin } from '@/server/auth/first-admin';
import { authenticate, clientKey, LOGIN_FAILURE_LIMIT } from '@/server/auth/login';
import { issueLoginDevice, recognisedLoginDevice } from '@/server/auth/login-device';
import { hashPassword, verifyPassword } from '@/server/auth/passwords';
import { PEER_ADDRESS_HEADER } from '@/lib/client-address';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

process.env.AUTH_SECRET ??= 'test-secret-for-client-keys';

for (const kind of databaseKinds) {
  describe(`login on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    let userId = 0;
    const password = 'mot-mat-khau-dung';

    beforeAll(async () => {
      process.env.ADMIN_EMAIL = 'Quan.Tri@example.vn';
      process.env.ADMIN_PASSWORD = 'mat-khau-quan-tri';
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      userId = (await insertUser({
        db: database.db,
        email: 'bien.tap@example.vn',
        name: 'Biên tập',
        role: 'editor',
        passwordHash: await hashPassword(password),
      }))!.id;
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('hashes with scrypt and verifies', async () => {
      const hash = await hashPassword('mat-khau-10-ky-tu');
      expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await verifyPassword('mat-khau-10-ky-tu', hash)).toBe(true);
      expect(await verifyPassword('mat-khau-khac', hash)).toBe(false);
    });

    it('refuses the 6th attempt within 15 minutes even with the right password, per account', async ({ skip }) => {
      if (!database) return skip();
      const email = 'bien.tap@example.vn';
      expect(await authenticate({ email, password, client: 'client:a' })).toMatchObject({ ok: true });
      for (let i = 0; i < 5; i++) {
        expect(await authenticate({ email, password: `sai-${i}`, client: `client:b${i}` })).toEqual({ ok: false, reason: 'invalid' });
      }
      expect(await authenticate({ email, password, client: 'client:c' })).toEqual({ ok: false, reason: 'throttled' });
    });

    it('throttles a client that tries many accounts, keyed by a hash of its address', async ({ skip }) => {
      if (!database) return skip();
      const client = await clientKey((name) => (name === PEER_ADDRESS_HEADER ? '198.51.100.23' : null));
      expect(client).not.toContain('198.51.100.23');
      for (let i = 0; i < 5; i++) {
        expect(await authenticate({ email: `khong-co-${i}@example.vn`, password: 'bat-ky-mat-khau', client })).toEqual({
          ok: false,
          reason: 'invalid',
        });
      }
      expect(await authenticate({ email: 'khac@example.vn', password: 'bat-ky-mat-khau', client })).toEqual({
        ok: false,
        reason: 'throttled',
      });
    });

    it('evaluates at most five of twelve simultaneous wrong passwords for one account', async ({ skip }) => {
      if (!database) return skip();
      const email = 'dong.thoi@example.vn';
      await insertUser({ db: database.db, email, name: 'Đồng thời', role: 'author', passwordHash: await hashPassword(password) });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => authenticate({ email, password: `sai-dong-thoi-${i}`, client: `client:song-song-${i}` })),
      );
      expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(LOGIN_FAILURE_LIMIT);
      expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(12 - LOGIN_FAILURE_LIMIT);
    });

    it('does not lock the owner out from a browser that logged in before, whatever others try', async ({ skip }) => {
      if (!database) return skip();
      const email = 'chu.tai.khoan@example.vn';
      await insertUser({ db: database.db, email, name: 'Chủ tài khoản', role: 'admin', passwordHash: await hashPassword(password) });
      const secret = 'bi-mat-thu-nghiem';
      const cookie = issueLoginDevice(secret, email);
      const device = recognisedLoginDevice(secret, email, cookie);
      expect(device).not.toBeNull();
      // Someone else's browser, or a cookie for another account, is not recognised.
      expect(recognisedLoginDevice(secret, 'khac@example.vn', cookie)).toBeNull();
      expect(recognisedLoginDevice(secret, email, `${cookie}x`)).toBeNull();
      for (let i = 0; i < 8; i++) await authenticate({ email, password: `ke-xau-${i}`, client: `client:ke-xau-${i}` });
      expect(await authenticate({ email, password, client: 'client:nguoi-la' })).toEqual({ ok: false, reason: 'throttled' });
      expect(await authenticate({ email, password, client: 'client:chu', device })).toMatchObject({ ok: true });
      // The recognised browser is still throttled for its own failures.
      for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) await authenticate({ email, password: `quen-${i}`, client: 'client:chu', device });
      expect(await authenticate({ email, password, client: 'client:chu-2', device })).toEqual({ ok: false, reason: 'throttled' });
    });

    it('ends sessions at once when a user is disabled or changes role', async ({ skip }) => {
      if (!database) return skip();
      expect(await getActiveSessionUser({ id: userId, sessionVersion: 0 })).toMatchObject({ role: 'editor' });
      await updateUserAccess({ db: database.db, id: userId, role: 'author' });
      expect(await getActiveSessionUser({ id: userId, sessionVersion: 0 })).toBeNull();
      await updateUserAccess({ db: database.db, id: userId, disabled: true });
      expect(await getActiveSessionUser({ id: userId, sessionVersion: 2 })).toBeNull();
    });

    it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD, once', async ({ skip }) => {
      if (!database) return skip();
      try {
        await ensureFirstAdmin();
        await ensureFirstAdmin();
        const result = await authenticate({ email: 'quan.tri@example.vn', password: 'mat-khau-quan-tri', client: 'client:admin' });
        expect(result).toMatchObject({ ok: true, user: { role: 'admin' } });
        expect(JSON.stringify(result)).not.toContain('scrypt');
      } finally {
        delete process.env.ADMIN_EMAIL;
        delete process.env.ADMIN_PASSWORD;
      }
    });
  });
}

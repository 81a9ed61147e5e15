import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { provideDatabase } from '@/db';
import { publicFormSubmissions } from '@/db/schema';
import { PEER_ADDRESS_HEADER } from '@/lib/client-address';
import { consentField, lineField, MIN_FILL_MS, PUBLIC_FORM_FIELDS, PUBLIC_FORM_MESSAGES } from '@/lib/public-forms/fields';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

process.env.AUTH_SECRET ??= 'test-secret-for-client-keys';

// The seams: the request's headers (origin, the client's address) and Next's cache.
const request = vi.hoisted(() => ({ origin: 'http://portal.test', address: '203.0.113.7' }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', origin: request.origin, [PEER_ADDRESS_HEADER]: request.address }),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const { definePublicAction, issueFormStart, PUBLIC_ACTION_MARK } = await import('@/server/public-forms/guard');

const written: string[] = [];
const action = definePublicAction({
  form: 'test-form',
  schema: z.object({ name: lineField(50, { label: 'họ và tên' }), text: lineField(200, { label: 'nội dung' }), consent: consentField }),
  limit: { limit: 3, windowMs: 60 * 60 * 1000 },
  fingerprint: (input) => [input.text],
  async run({ input }) {
    if (input.text === 'hỏng') throw new Error('failure after the claim');
    written.push(input.text);
    return { result: { saved: input.text } };
  },
});

async function submit(fields: Record<string, string>, { startedAt }: { startedAt?: string } = {}) {
  return action(null, {
    [PUBLIC_FORM_FIELDS.honeypot]: '',
    [PUBLIC_FORM_FIELDS.startedAt]: startedAt ?? (await oldToken()),
    name: 'Nguyễn Văn A',
    consent: 'on',
    ...fields,
  });
}

/** A token as a form served MIN_FILL_MS ago would carry. */
async function oldToken(): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() - MIN_FILL_MS - 1000);
  const token = await issueFormStart('test-form');
  vi.useRealTimers();
  return token;
}

for (const kind of databaseKinds) {
  describe(`public forms on ${kind.name}`, () => {
    let database: TestDatabase | undefined;

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('is marked as a public action, as is every export of every public-actions.ts', async () => {
      expect((action as unknown as Record<symbol, unknown>)[PUBLIC_ACTION_MARK]).toBe(true);
      const root = path.resolve(import.meta.dirname, '../..');
      const files = ['app', 'server'].flatMap((dir) =>
        (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
          .filter((file) => /(^|\/)public-actions\.tsx?$/.test(file))
          .map((file) => path.join(root, dir, file)),
      );
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        for (const [name, value] of Object.entries(await import(file))) {
          expect((value as Record<symbol, unknown>)[PUBLIC_ACTION_MARK], `${file}: ${name} must be made with definePublicAction()`).toBe(
            true,
          );
        }
      }
    });

    it('accepts a person and records the client only as a keyed hash', async ({ skip }) => {
      if (!database) return skip();
      request.address = '203.0.113.7';
      expect(await submit({ text: 'Câu hỏi thứ nhất' })).toEqual({ ok: true, saved: 'Câu hỏi thứ nhất' });
      const rows = await database.db.select().from(publicFormSubmissions).where(eq(publicFormSubmissions.form, 'test-form'));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.clientKey).toMatch(/^client:[A-Za-z0-9_-]{32}$/);
      expect(JSON.stringify(rows)).not.toContain('203.0.113.7');
      expect(JSON.stringify(rows)).not.toContain('thứ nhất');
    });

    it('refuses a filled honeypot, a missing or fresh token, a foreign origin, keeping what was typed', async ({ skip }) => {
      if (!database) return skip();
      const typed = { text: 'Nội dung bị từ chối' };
      const honeypot = await submit({ ...typed, [PUBLIC_FORM_FIELDS.honeypot]: 'http://spam.example' });
      expect(honeypot).toEqual({
        ok: false,
        error: PUBLIC_FORM_MESSAGES.honeypot,
        values: { name: 'Nguyễn Văn A', consent: 'on', ...typed },
      });
      expect(await submit(typed, { startedAt: await issueFormStart('test-form') })).toMatchObject({
        ok: false,
        error: PUBLIC_FORM_MESSAGES.tooFast,
        values: typed,
      });
      expect(await submit(typed, { startedAt: '' })).toMatchObject({ ok: false, error: PUBLIC_FORM_MESSAGES.staleForm });
      request.origin = 'http://evil.example';
      expect(await submit(typed)).toMatchObject({ ok: false, error: 'Yêu cầu không đến từ trang của cổng thông tin.' });
      request.origin = 'http://portal.test';
      expect(written).not.toContain(typed.text);
    });

    it('refuses a missing consent beside the box', async ({ skip }) => {
      if (!database) return skip();
      const result = await submit({ text: 'Chưa đồng ý', consent: '' });
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { consent: [PUBLIC_FORM_MESSAGES.consent] },
        values: { text: 'Chưa đồng ý' },
      });
    });

    it('refuses the same text again, from any client, whatever its accents', async ({ skip }) => {
      if (!database) return skip();
      request.address = '198.51.100.9';
      expect(await submit({ text: 'CAU HOI THU NHAT' })).toMatchObject({ ok: false, error: PUBLIC_FORM_MESSAGES.duplicate });
      request.address = '203.0.113.7';
    });

    it('limits each client to its quota within the window; another client is not affected', async ({ skip }) => {
      if (!database) return skip();
      request.address = '192.0.2.50';
      for (let i = 1; i <= 3; i++) expect(await submit({ text: `Giới hạn ${i}` })).toMatchObject({ ok: true });
      expect(await submit({ text: 'Giới hạn 4' })).toMatchObject({ ok: false, error: PUBLIC_FORM_MESSAGES.rateLimited });
      request.address = '192.0.2.51';
      expect(await submit({ text: 'Giới hạn 4' })).toMatchObject({ ok: true });
      request.address = '203.0.113.7';
    });

    it('leaves nothing behind when the work fails after the claim', async ({ skip }) => {
      if (!database) return skip();
      request.address = '192.0.2.60';
      const before = await database.db.select().from(publicFormSubmissions);
      expect(await submit({ text: 'hỏng' })).toMatchObject({
        ok: false,
        error: 'Đã có lỗi, chưa lưu được. Vui lòng thử lại.',
        values: { text: 'hỏng' },
      });
      expect(await database.db.select().from(publicFormSubmissions)).toHaveLength(before.length);
      request.address = '203.0.113.7';
    });

    it('lets simultaneous submissions of one client pass only up to the limit', async ({ skip }) => {
      if (!database) return skip();
      request.address = '192.0.2.70';
      const token = await oldToken();
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => submit({ text: `Cùng lúc ${i}` }, { startedAt: token })));
      expect(results.filter((result) => result?.ok)).toHaveLength(3);
      request.address = '203.0.113.7';
    });
  });
}

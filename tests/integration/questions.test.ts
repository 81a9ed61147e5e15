import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import { auditLog, documentCatalog, orgUnits, questions, users } from '@/db/schema';
import { PEER_ADDRESS_HEADER } from '@/lib/client-address';
import { MIN_FILL_MS, PUBLIC_FORM_FIELDS, PUBLIC_FORM_MESSAGES } from '@/lib/public-forms/fields';
import { normaliseTrackingCode } from '@/lib/questions/code';
import { UNKNOWN_CODE_MESSAGE } from '@/lib/questions/forms';
import { LOOKUP_LIMIT, QUESTION_LIMIT } from '@/lib/questions/rules';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

process.env.AUTH_SECRET ??= 'test-secret-for-client-keys';

// The seams: the session, the request's headers (origin, the client's address) and Next's cache.
const request = vi.hoisted(() => ({ user: null as SessionUser | null, address: '203.0.113.10' }));
vi.mock('@/auth', () => ({
  auth: async () => request.user,
  authAccount: async () => request.user && { ...request.user, mustChangePassword: false },
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', origin: 'http://portal.test', [PEER_ADDRESS_HEADER]: request.address }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn(), updateTag: vi.fn() }));

const { askQuestion } = await import('@/app/(vi)/(public)/hoi-dap/dat-cau-hoi/public-actions');
const { lookupQuestion } = await import('@/app/(vi)/(public)/hoi-dap/tra-cuu/public-actions');
const staff = await import('@/app/(vi)/(staff)/quan-tri/hoi-dap/actions');
const { issueFormStart } = await import('@/server/public-forms/guard');
const { eraseExpiredQuestionData } = await import('@/server/questions/erasure');
const { getPublishedQuestionBySlug, getQuestionForStaff, listPublishedQuestions, listQuestionsForStaff } = await import(
  '@/db/queries/questions'
);

/** A start token as a form served MIN_FILL_MS ago carries. */
async function oldToken(): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() - MIN_FILL_MS - 1000);
  const token = await issueFormStart('question');
  vi.useRealTimers();
  return token;
}

type Asked = { ok: true; code: string; emailed: boolean; mailConfigured: boolean };

for (const kind of databaseKinds) {
  describe(`Hỏi đáp on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    let fieldId = 0;
    const unit = { a: 0, b: 0 };
    const people = {} as Record<'editor' | 'answererA' | 'answererB' | 'author', SessionUser>;
    let serial = 0;

    async function ask(fields: Record<string, string> = {}) {
      serial += 1;
      request.user = null;
      return askQuestion(null, {
        [PUBLIC_FORM_FIELDS.honeypot]: '',
        [PUBLIC_FORM_FIELDS.startedAt]: await oldToken(),
        name: 'Nguyễn Văn An',
        email: 'an.nguyen@example.vn',
        phone: '0912 345 678',
        fieldId: String(fieldId),
        title: `Hỏi về chế độ nâng lương trước thời hạn ${serial}`,
        content: `Tôi muốn hỏi điều kiện nâng lương trước thời hạn, lần ${serial}.`,
        consent: 'on',
        ...fields,
      });
    }

    async function lookup(code: string) {
      request.user = null;
      return lookupQuestion(null, { code });
    }

    async function idOfCode(code: string): Promise<number> {
      const { hashTrackingCode } = await import('@/lib/questions/code');
      const [row] = await database!.db
        .select({ id: questions.id })
        .from(questions)
        .where(eq(questions.codeHash, hashTrackingCode(normaliseTrackingCode(code)!)));
      return row!.id;
    }

    async function versionOf(id: number): Promise<number> {
      return (await getQuestionForStaff({ db: database!.db, id }))!.version;
    }

    async function as<T>(user: SessionUser, work: () => Promise<T>): Promise<T> {
      request.user = user;
      try {
        return await work();
      } finally {
        request.user = null;
      }
    }

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      const db = database.db;
      fieldId = (await db.select({ id: documentCatalog.id }).from(documentCatalog).where(eq(documentCatalog.kind, 'field')).limit(1))[0]!
        .id;
      const units = await db.select({ id: orgUnits.id }).from(orgUnits).limit(2);
      unit.a = units[0]!.id;
      unit.b = units[1]!.id;
      const rows = {
        editor: { role: 'editor', unitId: null },
        answererA: { role: 'answerer', unitId: unit.a },
        answererB: { role: 'answerer', unitId: unit.b },
        author: { role: 'author', unitId: null },
      } as const;
      for (const [key, { role, unitId }] of Object.entries(rows)) {
        const [row] = await db
          .insert(users)
          .values({ email: `${key.toLowerCase()}@example.vn`, name: key, role, unitId, passwordHash: 'not-used' })
          .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
        people[key as keyof typeof rows] = row!;
      }
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('goes Đã tiếp nhận → Đang xử lý → Đã trả lời → public, each step audited, never showing email or phone', async ({ skip }) => {
      if (!database) return skip();
      request.address = '198.51.100.1';
      const asked = (await ask({ title: 'Điều kiện xét nâng lương trước thời hạn' })) as Asked;
      expect(asked).toMatchObject({ ok: true, emailed: false, mailConfigured: false });
      expect(asked.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(await lookup(asked.code)).toMatchObject({
        ok: true,
        question: { status: 'received', title: 'Điều kiện xét nâng lương trước thời hạn' },
      });
      const id = await idOfCode(asked.code);

      // Nobody but editors and admins assigns; no answerer of another unit may touch it.
      expect(await as(people.answererA, () => staff.assignQuestion({ id, version: 1, unitId: unit.a }))).toMatchObject({ ok: false });
      expect(await as(people.author, () => staff.answerQuestion({ id, version: 1, answerHtml: '<p>x</p>' }))).toMatchObject({ ok: false });
      expect(await as(people.answererA, () => staff.answerQuestion({ id, version: 1, answerHtml: '<p>x</p>' }))).toMatchObject({
        ok: false,
      });
      expect(await as(people.editor, () => staff.assignQuestion({ id, version: 1, unitId: unit.a }))).toEqual({ ok: true });
      expect(await lookup(asked.code)).toMatchObject({ ok: true, question: { status: 'processing' } });

      // The queue of an answerer holds their unit's questions only.
      const queueA = await listQuestionsForStaff({ filters: { onlyUnitId: unit.a }, page: 1, pageSize: 50 });
      expect(queueA.items.map((item) => item.id)).toContain(id);
      const queueB = await listQuestionsForStaff({ filters: { onlyUnitId: unit.b }, page: 1, pageSize: 50 });
      expect(queueB.items.map((item) => item.id)).not.toContain(id);
      const noUnit = await listQuestionsForStaff({ filters: { onlyUnitId: null }, page: 1, pageSize: 50 });
      expect(noUnit.total).toBe(0);
      expect(await as(people.answererB, () => staff.answerQuestion({ id, version: 2, answerHtml: '<p>x</p>' }))).toMatchObject({
        ok: false,
      });

      // An empty answer is refused beside the editor; a script never survives sanitising.
      expect(await as(people.answererA, () => staff.answerQuestion({ id, version: 2, answerHtml: '<p> </p>' }))).toMatchObject({
        ok: false,
        fieldErrors: { answerHtml: ['Hãy nhập câu trả lời.'] },
      });
      const answer =
        '<p>Theo quy định, <strong>cán bộ</strong> lập thành tích xuất sắc được xét nâng lương trước thời hạn.</p><script>alert(1)</script>';
      expect(await as(people.answererA, () => staff.answerQuestion({ id, version: 2, answerHtml: answer }))).toEqual({ ok: true });
      const looked = await lookup(asked.code.toLowerCase().replace(/-/g, ' '));
      expect(looked).toMatchObject({ ok: true, question: { status: 'answered', published: false } });
      expect(JSON.stringify(looked)).toContain('xét nâng lương trước thời hạn');
      expect(JSON.stringify(looked)).not.toContain('<script>');

      // A stale version is a conflict, not a silent overwrite.
      expect(await as(people.answererA, () => staff.publishQuestion({ id, version: 2, nameShown: 'initials' }))).toMatchObject({
        ok: false,
        conflict: true,
      });
      expect(
        await as(people.answererA, async () => staff.publishQuestion({ id, version: await versionOf(id), nameShown: 'initials' })),
      ).toMatchObject({
        ok: true,
        slug: `dieu-kien-xet-nang-luong-truoc-thoi-han-${id}`,
      });
      expect(revalidatePath).toHaveBeenCalledWith('/hoi-dap/[slug]', 'page');
      const page = await getPublishedQuestionBySlug({ slug: `dieu-kien-xet-nang-luong-truoc-thoi-han-${id}` });
      expect(page).toMatchObject({ askerName: 'Nguyễn Văn An', showFullName: false });
      expect(JSON.stringify(page)).not.toMatch(/example\.vn|0912/);
      expect(await lookup(asked.code)).toMatchObject({ ok: true, question: { published: true } });

      // Found with or without diacritics, in the answer too; by field.
      for (const keyword of ['nâng lương', 'NANG LUONG', 'thanh tich xuat sac']) {
        const found = await listPublishedQuestions({ keyword, page: 1, pageSize: 10 });
        expect(
          found.items.map((item) => item.title),
          keyword,
        ).toContain('Điều kiện xét nâng lương trước thời hạn');
      }
      expect((await listPublishedQuestions({ keyword: 'khong co tu nay', page: 1, pageSize: 10 })).total).toBe(0);
      expect((await listPublishedQuestions({ fieldId, page: 1, pageSize: 10 })).total).toBeGreaterThan(0);

      const audit = await database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.objectId, String(id)));
      expect(audit.map((row) => row.action).sort()).toEqual(['question.answer', 'question.assign', 'question.publish']);

      // Gỡ: off the list, the person still reads the answer.
      expect(await as(people.editor, async () => staff.unpublishQuestion({ id, version: await versionOf(id) }))).toEqual({ ok: true });
      expect(await getPublishedQuestionBySlug({ slug: `dieu-kien-xet-nang-luong-truoc-thoi-han-${id}` })).toBeNull();
      expect(await lookup(asked.code)).toMatchObject({ ok: true, question: { status: 'answered', published: false } });
    });

    it('refuses with a reason the person reads; a refused question is closed', async ({ skip }) => {
      if (!database) return skip();
      request.address = '198.51.100.2';
      const asked = (await ask()) as Asked;
      const id = await idOfCode(asked.code);
      expect(await as(people.editor, () => staff.refuseQuestion({ id, version: 1, reason: '' }))).toMatchObject({
        ok: false,
        fieldErrors: { reason: ['Hãy ghi lý do không tiếp nhận.'] },
      });
      expect(
        await as(people.editor, () => staff.refuseQuestion({ id, version: 1, reason: 'Nội dung không thuộc thẩm quyền của Sở.' })),
      ).toEqual({
        ok: true,
      });
      expect(await lookup(asked.code)).toMatchObject({
        ok: true,
        question: { status: 'refused', refusalReason: 'Nội dung không thuộc thẩm quyền của Sở.' },
      });
      expect(
        await as(people.editor, async () => staff.answerQuestion({ id, version: await versionOf(id), answerHtml: '<p>x</p>' })),
      ).toMatchObject({
        ok: false,
      });
      expect((await getQuestionForStaff({ db: database.db, id }))!.closedAt).not.toBeNull();
    });

    it('gives codes that cannot be enumerated: random, stored only as a hash, a wrong code answered like an unknown one', async ({
      skip,
    }) => {
      if (!database) return skip();
      request.address = '198.51.100.3';
      const first = (await ask()) as Asked;
      const second = (await ask()) as Asked;
      expect(first.code).not.toBe(second.code);
      const rows = await database.db.select().from(questions);
      const stored = JSON.stringify(rows);
      for (const code of [first.code, second.code]) {
        expect(stored).not.toContain(code);
        expect(stored).not.toContain(normaliseTrackingCode(code)!);
      }
      // A neighbour of a real code, a malformed one and an unknown one: one and the same answer.
      const last = normaliseTrackingCode(first.code)!;
      const neighbour = `${last.slice(0, 11)}${last[11] === 'Z' ? 'Y' : 'Z'}`;
      const answers = await Promise.all(['0000-0000-0000', neighbour, 'abc', `${last}X`].map((code) => lookup(code)));
      for (const answer of answers) expect(answer).toEqual({ ok: true, question: null });
      expect(UNKNOWN_CODE_MESSAGE).toContain('Không tìm thấy');
    });

    it('limits questions per client and refuses the same question twice', async ({ skip }) => {
      if (!database) return skip();
      request.address = '192.0.2.200';
      for (let i = 0; i < QUESTION_LIMIT.limit; i++) expect(await ask()).toMatchObject({ ok: true });
      const refused = await ask({ title: 'Câu hỏi thứ sáu trong một giờ' });
      expect(refused).toMatchObject({
        ok: false,
        error: PUBLIC_FORM_MESSAGES.rateLimited,
        values: { title: 'Câu hỏi thứ sáu trong một giờ' },
      });
      request.address = '192.0.2.201';
      const title = 'Câu hỏi gửi hai lần';
      expect(await ask({ title, content: 'Nội dung giống hệt' })).toMatchObject({ ok: true });
      expect(await ask({ title: 'CAU HOI GUI HAI LAN', content: 'Noi dung giong het' })).toMatchObject({
        ok: false,
        error: PUBLIC_FORM_MESSAGES.duplicate,
      });
      // A refusal leaves nothing behind: no question row for the refused submissions.
      const [{ n }] = (await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(questions)
        .where(eq(questions.title, 'Câu hỏi thứ sáu trong một giờ'))) as [{ n: number }];
      expect(n).toBe(0);
    });

    it('keeps everything typed and says what is wrong beside each field', async ({ skip }) => {
      if (!database) return skip();
      request.address = '192.0.2.210';
      const result = await ask({ email: 'khong-phai-email', fieldId: '999999', content: 'x'.repeat(5001), consent: '' });
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { email: [expect.any(String)], content: ['Nội dung dài quá 5.000 ký tự.'], consent: [PUBLIC_FORM_MESSAGES.consent] },
        values: { email: 'khong-phai-email', fieldId: '999999', name: 'Nguyễn Văn An' },
      });
      const unknownField = await ask({ fieldId: '999999' });
      expect(unknownField).toMatchObject({ ok: false, fieldErrors: { fieldId: ['Lĩnh vực không có trong danh mục, vui lòng chọn lại.'] } });
    });

    it('limits lookups per client, found or not', async ({ skip }) => {
      if (!database) return skip();
      request.address = '192.0.2.220';
      for (let i = 0; i < LOOKUP_LIMIT.limit; i++)
        expect(await lookup(`AAAA-BBBB-CC${String(i).padStart(2, '0')}`)).toMatchObject({ ok: true });
      expect(await lookup('AAAA-BBBB-CCCC')).toMatchObject({ ok: false, error: PUBLIC_FORM_MESSAGES.rateLimited });
      request.address = '192.0.2.221';
      expect(await lookup('AAAA-BBBB-CCCC')).toMatchObject({ ok: true, question: null });
    });

    it('erases email and phone N months after closing, once, and records it', async ({ skip }) => {
      if (!database) return skip();
      request.address = '192.0.2.230';
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push(await idOfCode(((await ask()) as Asked).code));
      const [old, recent, open] = ids as [number, number, number];
      await database.db
        .update(questions)
        .set({ status: 'refused', closedAt: sql`now() - interval '25 months'` })
        .where(eq(questions.id, old));
      await database.db
        .update(questions)
        .set({ status: 'refused', closedAt: sql`now() - interval '23 months'` })
        .where(eq(questions.id, recent));
      await database.db.update(questions).set({ createdAt: sql`now() - interval '30 months'` }).where(eq(questions.id, open));

      const erased = await eraseExpiredQuestionData({ db: database.db, months: 24 });
      expect(erased).toEqual([old]);
      const after = await database.db
        .select({
          id: questions.id,
          email: questions.email,
          phone: questions.phone,
          erasedAt: questions.personalDataErasedAt,
          name: questions.askerName,
        })
        .from(questions)
        .where(sql`${questions.id} in (${sql.join(ids, sql`, `)})`);
      const byId = new Map(after.map((row) => [row.id, row]));
      expect(byId.get(old)).toMatchObject({ email: null, phone: null, name: 'Nguyễn Văn An' });
      expect(byId.get(old)!.erasedAt).not.toBeNull();
      expect(byId.get(recent)).toMatchObject({ email: 'an.nguyen@example.vn', phone: '0912 345 678', erasedAt: null });
      expect(byId.get(open)).toMatchObject({ email: 'an.nguyen@example.vn', erasedAt: null });
      expect(await eraseExpiredQuestionData({ db: database.db, months: 24 })).toEqual([]);
      const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'question.erase'));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ userId: null, detail: { count: 1, months: 24 } });
      // A shorter setting reaches the other one.
      expect(await eraseExpiredQuestionData({ db: database.db, months: 12 })).toEqual([recent]);
    });
  });
}

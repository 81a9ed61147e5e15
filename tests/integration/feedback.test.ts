import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import { auditLog, documentCatalog, documentComments, documentConsultations, portalRatings, users } from '@/db/schema';
import { PEER_ADDRESS_HEADER } from '@/lib/client-address';
import { MIN_FILL_MS, PUBLIC_FORM_FIELDS, PUBLIC_FORM_MESSAGES } from '@/lib/public-forms/fields';
import { VISITOR_COOKIE } from '@/lib/visits/rules';
import { samplePdf } from '../helpers/document-files';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

process.env.AUTH_SECRET ??= 'test-secret-for-feedback';

// The seams: the session, the request (origin, client address, cookies) and Next's cache.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
const request = vi.hoisted(() => ({ address: '203.0.113.20', jar: new Map<string, string>() }));
vi.mock('@/auth', () => ({ auth: async () => session.user }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', origin: 'http://portal.test', [PEER_ADDRESS_HEADER]: request.address }),
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name)! } : undefined),
    getAll: () => [...request.jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.jar.has(name),
    set: (cookie: { name: string; value: string }) => request.jar.set(cookie.name, cookie.value),
  }),
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn(), updateTag: vi.fn() }));

const { createDocument, publishDocument, saveCommentWindow, moderateComment, removeCommentWindow } = await import(
  '@/server/documents/actions'
);
const { handleDocumentFileUpload } = await import('@/server/documents/files');
const { submitDraftComment } = await import('@/app/(vi)/(public)/van-ban/[slug]/public-actions');
const { submitPortalRating } = await import('@/app/(vi)/(public)/danh-gia/public-actions');
const { issueFormStart } = await import('@/server/public-forms/guard');
const { getPublishedDocumentBySlug, getDocumentForStaff } = await import('@/db/queries/documents');
const { getPublicConsultation, listConsultations, listConsultationEdgesBetween, eraseExpiredCommentEmails, listCommentsForStaff } =
  await import('@/db/queries/consultations');
const { getRatingSummary } = await import('@/db/queries/stats');
const { dailyRowsToCsv } = await import('@/server/stats/csv');
const { createVisitorCookieValue, getVisitorCookieKey } = await import('@/server/visits/cookie');
const { consultationState } = await import('@/lib/documents/consultation');
const { RATING_REPEAT_MESSAGE } = await import('@/lib/feedback/rating');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Runs `fn` with the clock at `at` (Date only: the database keeps its own clock). */
async function at<T>(instant: Date | number, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(instant);
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

/** The machinery of a public form as a person's browser sends it: an empty honeypot, a start token old enough. */
async function guardFields(form: string, now = Date.now()): Promise<Record<string, string>> {
  const startedAt = await at(now - MIN_FILL_MS - 1000, () => issueFormStart(form));
  return { [PUBLIC_FORM_FIELDS.honeypot]: '', [PUBLIC_FORM_FIELDS.startedAt]: startedAt };
}

for (const kind of databaseKinds) {
  describe(`Góp ý dự thảo and Đánh giá on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    let editor: SessionUser;
    let author: SessionUser;
    let documentId = 0;
    let slug = '';

    const comment = async (fields: Record<string, string>, now = Date.now()) => {
      const guard = await guardFields('draft-comment', now);
      return at(now, async () =>
        submitDraftComment(null, {
          ...guard,
          documentId: String(documentId),
          name: 'Trần Thị B',
          email: 'tranthib@example.vn',
          organisation: '',
          content: 'Đề nghị làm rõ khoản 2 Điều 3.',
          consent: 'on',
          ...fields,
        }),
      );
    };

    const rate = async (fields: Record<string, string> = {}, now = Date.now()) => {
      const guard = await guardFields('portal-rating', now);
      return at(now, async () =>
        submitPortalRating(null, {
          ...guard,
          design: '4',
          content: '5',
          quality: '3',
          support: '2',
          comment: '',
          ...fields,
        }),
      );
    };

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      const inserted = await database.db
        .insert(users)
        .values([
          { email: 'bientap@example.vn', name: 'Biên tập', role: 'editor', passwordHash: 'x' },
          { email: 'phongvien@example.vn', name: 'Phóng viên', role: 'author', passwordHash: 'x' },
        ])
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
      [editor, author] = inserted as [SessionUser, SessionUser];
      const catalog = async (name: string) =>
        (await database!.db.select({ id: documentCatalog.id }).from(documentCatalog).where(eq(documentCatalog.name, name)))[0]!.id;
      session.user = editor;
      const created = await createDocument({
        number: '01/DT-SNV',
        typeId: String(await catalog('Quyết định')),
        issuerId: String(await catalog('Sở Nội vụ tỉnh An Giang')),
        fieldId: '',
        signerName: '',
        signerTitle: '',
        issuedOn: '2026-02-20',
        effectiveOn: '',
        expiresOn: '',
        summary: 'Dự thảo quy chế tiếp nhận góp ý (văn bản thử nghiệm)',
        relations: '',
      });
      documentId = (created as { id: number }).id;
      expect(await publishDocument({ id: documentId, version: 1 })).toMatchObject({ ok: true });
      slug = (await getDocumentForStaff({ id: documentId }))!.slug;
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(() => {
      session.user = null;
      request.address = '203.0.113.20';
      request.jar.clear();
      revalidatePath.mockClear();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('keeps the window typed in Asia/Ho_Chi_Minh, and takes comments from its opening to (not at) its closing', async ({ skip }) => {
      if (!database) return skip();
      session.user = author;
      expect(await saveCommentWindow({ id: documentId, opensAt: '2026-03-01T00:00', closesAt: '2026-03-15T17:00' })).toMatchObject({
        ok: false,
      });
      session.user = editor;
      expect(await saveCommentWindow({ id: documentId, opensAt: '2026-03-15T17:00', closesAt: '2026-03-01T00:00' })).toMatchObject({
        ok: false,
        fieldErrors: { closesAt: ['Thời điểm kết thúc phải sau thời điểm bắt đầu.'] },
      });
      expect(await saveCommentWindow({ id: documentId, opensAt: '2026-03-01T00:00', closesAt: '2026-03-15T17:00' })).toEqual({ ok: true });
      const [window] = await database.db.select().from(documentConsultations).where(eq(documentConsultations.documentId, documentId));
      // 00:00 on 1 March in Vietnam is 17:00 UTC the day before; 17:00 on 15 March is 10:00 UTC.
      expect(window!.opensAt.toISOString()).toBe('2026-02-28T17:00:00.000Z');
      expect(window!.closesAt.toISOString()).toBe('2026-03-15T10:00:00.000Z');
      expect(revalidatePath).toHaveBeenCalledWith(`/van-ban/${slug}`, undefined);

      const opens = window!.opensAt.getTime();
      const closes = window!.closesAt.getTime();
      expect(consultationState(window!, opens - 1)).toBe('upcoming');
      expect(consultationState(window!, opens)).toBe('open');
      expect(consultationState(window!, closes - 1)).toBe('open');
      expect(consultationState(window!, closes)).toBe('closed');

      const before = await comment({ content: 'Gửi trước giờ mở.' }, opens - 1000);
      expect(before).toMatchObject({ ok: false, error: 'Chưa đến thời gian góp ý: bắt đầu lúc 00:00 01/03/2026.' });
      expect(await comment({ content: 'Gửi đúng lúc mở.' }, opens)).toEqual({ ok: true });
      expect(await comment({ content: 'Gửi một giây trước khi đóng.' }, closes - 1000)).toEqual({ ok: true });
      const after = await comment({ content: 'Gửi đúng lúc đóng.' }, closes);
      expect(after).toMatchObject({ ok: false, error: 'Đã hết thời gian góp ý (kết thúc lúc 17:00 15/03/2026).' });
      // The refused one kept what was typed, for the form to show again.
      expect(after).toMatchObject({ values: { content: 'Gửi đúng lúc đóng.', name: 'Trần Thị B' } });
      const stored = await listCommentsForStaff({ documentId });
      expect(stored.map((c) => c.content).sort()).toEqual(['Gửi một giây trước khi đóng.', 'Gửi đúng lúc mở.']);
      expect(stored.every((c) => c.status === 'pending')).toBe(true);

      // The scheduler revalidates the page at each edge.
      expect(await listConsultationEdgesBetween({ db: database.db, after: new Date(opens - 1000), until: new Date(opens) })).toEqual([
        slug,
      ]);
      expect(await listConsultationEdgesBetween({ db: database.db, after: new Date(opens), until: new Date(closes - 1) })).toEqual([]);
      expect(await listConsultationEdgesBetween({ db: database.db, after: new Date(closes - 1), until: new Date(closes) })).toEqual([slug]);
      // The list of drafts: open at an instant inside, closed after.
      const inside = await listConsultations({ now: new Date(opens + DAY), closedSinceDays: 90 });
      expect(inside.open.map((d) => d.slug)).toEqual([slug]);
      const later = await listConsultations({ now: new Date(closes + DAY), closedSinceDays: 90 });
      expect(later).toMatchObject({ open: [], closed: [{ slug }] });
    });

    it('checks every field in Vietnamese and refuses without consent', async ({ skip }) => {
      if (!database) return skip();
      const [window] = await database.db.select().from(documentConsultations).where(eq(documentConsultations.documentId, documentId));
      const inside = window!.opensAt.getTime() + HOUR;
      request.address = '203.0.113.21';
      const result = await comment({ name: '', email: 'khong-phai-email', content: 'x'.repeat(5001), consent: '' }, inside);
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: {
          name: ['Vui lòng nhập họ và tên.'],
          email: [expect.stringContaining('Email chưa đúng')],
          content: [expect.stringContaining('dài quá 5.000 ký tự')],
          consent: [PUBLIC_FORM_MESSAGES.consent],
        },
      });
    });

    it('lets editors publish comments (never the email), audits each step and attaches the report only after closing', async ({ skip }) => {
      if (!database) return skip();
      const staff = await listCommentsForStaff({ documentId });
      const first = staff.find((c) => c.content === 'Gửi đúng lúc mở.')!;
      const second = staff.find((c) => c.content === 'Gửi một giây trước khi đóng.')!;
      expect((await getPublicConsultation({ documentId }))!.comments).toEqual([]);

      session.user = author;
      expect(await moderateComment({ id: documentId, commentId: first.id, status: 'published' })).toMatchObject({ ok: false });
      session.user = editor;
      expect(await moderateComment({ id: documentId, commentId: first.id, status: 'published' })).toEqual({ ok: true });
      expect(await moderateComment({ id: documentId, commentId: second.id, status: 'hidden' })).toEqual({ ok: true });
      expect(revalidatePath).toHaveBeenCalledWith(`/van-ban/${slug}`, undefined);
      // A comment of another document is not this one's to moderate.
      expect(await moderateComment({ id: documentId, commentId: 999_999, status: 'published' })).toMatchObject({ ok: false });

      const shown = (await getPublicConsultation({ documentId }))!;
      expect(shown.comments.map((c) => c.content)).toEqual(['Gửi đúng lúc mở.']);
      expect(JSON.stringify(shown)).not.toContain('tranthib@example.vn');

      const upload = () => {
        const form = new FormData();
        form.set('documentId', String(documentId));
        form.set('purpose', 'comment_report');
        form.set('file', new File([new Uint8Array(samplePdf('Bao cao tong hop'))], 'bao-cao-tong-hop.pdf', { type: 'application/pdf' }));
        return handleDocumentFileUpload(new Request('http://portal.test/api/quan-tri/van-ban/tep', { method: 'POST', body: form }));
      };
      // Still open (its window is in March 2026 and the clock is set inside it): no report yet.
      const [window] = await database.db.select().from(documentConsultations).where(eq(documentConsultations.documentId, documentId));
      const early = await at(window!.opensAt.getTime() + DAY, upload);
      expect(early.status).toBe(422);
      expect(await early.json()).toMatchObject({ error: 'Chỉ đính kèm báo cáo tổng hợp sau khi hết thời gian góp ý.' });
      session.user = author;
      expect((await at(window!.closesAt.getTime() + DAY, upload)).status).toBe(403);
      session.user = editor;
      const done = await at(window!.closesAt.getTime() + DAY, upload);
      expect(done.status).toBe(201);
      const page = await getPublishedDocumentBySlug({ slug });
      expect(page!.files).toEqual([]);
      expect((await getPublicConsultation({ documentId }))!.reports.map((f) => f.fileName)).toEqual(['bao-cao-tong-hop.pdf']);

      const actions = (
        await database.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.objectId, String(documentId)))
      ).map((row) => row.action);
      expect(actions).toEqual(expect.arrayContaining(['document.consultation_set', 'document.comment_moderate', 'document.report_add']));
      const moderations = await database.db.select().from(auditLog).where(eq(auditLog.action, 'document.comment_moderate'));
      expect(JSON.stringify(moderations)).not.toContain('tranthib@example.vn');
    });

    it('erases commenters’ emails once the draft closed long enough ago, and keeps the comments', async ({ skip }) => {
      if (!database) return skip();
      const [window] = await database.db.select().from(documentConsultations).where(eq(documentConsultations.documentId, documentId));
      expect(await eraseExpiredCommentEmails({ now: new Date(window!.closesAt.getTime() + 30 * DAY), months: 12 })).toBe(0);
      expect(await eraseExpiredCommentEmails({ now: new Date(window!.closesAt.getTime() + 370 * DAY), months: 12 })).toBe(2);
      const rows = await database.db.select().from(documentComments).where(eq(documentComments.documentId, documentId));
      expect(rows.map((r) => r.email)).toEqual(['', '']);
      expect(rows).toHaveLength(2);
    });

    it('limits comments per client (a keyed hash) and refuses the same text twice, leaving nothing behind', async ({ skip }) => {
      if (!database) return skip();
      session.user = editor;
      const opensAt = new Date(Date.now() - HOUR);
      const closesAt = new Date(Date.now() + DAY);
      const local = (d: Date) => new Date(d.getTime() + 7 * HOUR).toISOString().slice(0, 16);
      expect(await saveCommentWindow({ id: documentId, opensAt: local(opensAt), closesAt: local(closesAt) })).toEqual({ ok: true });
      session.user = null;
      const count = async () =>
        (await database!.db.select().from(documentComments).where(eq(documentComments.documentId, documentId))).length;
      const start = await count();

      request.address = '198.51.100.30';
      for (let i = 1; i <= 5; i++) expect(await comment({ content: `Góp ý số ${i} về dự thảo.` })).toEqual({ ok: true });
      expect(await comment({ content: 'Góp ý số 6 về dự thảo.' })).toMatchObject({ ok: false, error: PUBLIC_FORM_MESSAGES.rateLimited });
      request.address = '198.51.100.31';
      expect(await comment({ content: 'GÓP Ý SỐ 1   về du thao.' })).toMatchObject({ ok: false, error: PUBLIC_FORM_MESSAGES.duplicate });
      expect(await comment({ content: 'Một góp ý khác.', website: 'http://spam.example' })).toMatchObject({
        ok: false,
        error: PUBLIC_FORM_MESSAGES.honeypot,
      });
      expect(await comment({ content: 'Một góp ý khác.' })).toEqual({ ok: true });
      expect(await count()).toBe(start + 6);

      session.user = editor;
      expect(await removeCommentWindow({ id: documentId })).toEqual({ ok: true });
      session.user = null;
      expect(await comment({ content: 'Sau khi thôi lấy ý kiến.' })).toMatchObject({
        ok: false,
        error: 'Văn bản này không lấy ý kiến góp ý.',
      });
    });

    it('takes one rating per visitor per 30 days, keyed by the visitor cookie', async ({ skip }) => {
      if (!database) return skip();
      const now = Date.parse('2026-05-10T03:00:00Z');
      request.jar.set(VISITOR_COOKIE, createVisitorCookieValue(getVisitorCookieKey()));
      expect(await rate({}, now)).toEqual({ ok: true });
      request.address = '203.0.113.40';
      expect(await rate({ design: '1' }, now + HOUR)).toMatchObject({ ok: false, error: RATING_REPEAT_MESSAGE });
      expect(await rate({ design: '1' }, now + 29 * DAY)).toMatchObject({ ok: false, error: RATING_REPEAT_MESSAGE });
      expect(await rate({ design: '2', comment: 'Dễ dùng hơn trước.' }, now + 30 * DAY + HOUR)).toEqual({ ok: true });
      // A visitor without a cookie gets one, and is then held to it.
      request.jar.clear();
      expect(await rate({}, now)).toEqual({ ok: true });
      expect(request.jar.get(VISITOR_COOKIE)).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
      expect(await rate({}, now + DAY)).toMatchObject({ ok: false, error: RATING_REPEAT_MESSAGE });
      // A forged cookie is a new visitor, never someone else's.
      request.jar.set(VISITOR_COOKIE, 'AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA');
      expect(await rate({}, now + DAY)).toEqual({ ok: true });
      expect(request.jar.get(VISITOR_COOKIE)).not.toBe('AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA');
      expect(await rate({ design: '6', support: '' }, now + DAY)).toMatchObject({
        ok: false,
        fieldErrors: {
          design: ['Hãy chọn mức đánh giá Giao diện (từ 1 đến 5).'],
          support: ['Hãy chọn mức đánh giá Hỗ trợ (từ 1 đến 5).'],
        },
      });
      const rows = await database.db.select().from(portalRatings);
      expect(rows).toHaveLength(4);
      expect(JSON.stringify(rows)).not.toContain('203.0.113');
    });

    it('limits ratings per client, whatever the cookies', async ({ skip }) => {
      if (!database) return skip();
      request.address = '192.0.2.50';
      const results = [];
      for (let i = 0; i < 11; i++) {
        request.jar.clear();
        results.push(await rate());
      }
      expect(results.slice(0, 10).every((r) => r?.ok)).toBe(true);
      expect(results[10]).toMatchObject({ ok: false, error: PUBLIC_FORM_MESSAGES.rateLimited });
    });

    it('sums ratings by Vietnamese month for the dashboard and its CSV', async ({ skip }) => {
      if (!database) return skip();
      await database.db.delete(portalRatings);
      await database.db.insert(portalRatings).values([
        // 23:30 on 31 January in Vietnam: January.
        { visitorId: 'a', design: 5, content: 4, quality: 3, support: 2, createdAt: new Date('2026-01-31T16:30:00Z') },
        // 00:30 on 1 February in Vietnam (still 31 January in UTC): February.
        { visitorId: 'b', design: 3, content: 4, quality: 5, support: 4, createdAt: new Date('2026-01-31T17:30:00Z') },
        { visitorId: 'c', design: 4, content: 2, quality: 4, support: 5, createdAt: new Date('2026-02-14T05:00:00Z') },
      ]);
      const summary = await getRatingSummary({ range: { from: '2026-01-01', to: '2026-03-31' } });
      expect(summary.total).toEqual({ count: 3, design: 4, content: 3.33, quality: 4, support: 3.67 });
      expect(summary.months).toEqual([
        { month: '2026-01-01', count: 1, design: 5, content: 4, quality: 3, support: 2 },
        { month: '2026-02-01', count: 2, design: 3.5, content: 3, quality: 4.5, support: 4.5 },
        { month: '2026-03-01', count: 0, design: null, content: null, quality: null, support: null },
      ]);
      // A range that starts on 1 February (Vietnam) leaves out the rating of 31 January at 23:30.
      expect((await getRatingSummary({ range: { from: '2026-02-01', to: '2026-02-01' } })).total.count).toBe(1);

      const csv = dailyRowsToCsv([], summary).slice(1).trimEnd().split('\r\n');
      expect(csv.slice(csv.indexOf('Đánh giá cổng thông tin'))).toEqual([
        'Đánh giá cổng thông tin',
        'Tháng,Lượt đánh giá,Giao diện,Nội dung,Chất lượng thông tin,Hỗ trợ',
        '2026-01,1,5.00,4.00,3.00,2.00',
        '2026-02,2,3.50,3.00,4.50,4.50',
        '2026-03,0,,,,',
        'Cả khoảng,3,4.00,3.33,4.00,3.67',
      ]);
    });
  });
}

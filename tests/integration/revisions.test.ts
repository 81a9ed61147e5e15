import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import { articleRevisions, articles, auditLog, categories, users } from '@/db/schema';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

// The seams, as in staff-actions.test.ts: the session, the request headers and Next's cache.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/auth', () => ({ auth: async () => session.user }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', origin: 'http://portal.test' }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn(), updateTag: vi.fn() }));

const { listArticlesForStaff, getEditableArticle, listArticleRevisions } = await import('@/db/queries/article-editing');
const { saveArticle, restoreRevision, withdrawArticle } = await import('@/server/articles/actions');
const { diffRevisions, htmlToText } = await import('@/lib/article-diff');
const { parseStaffListParams, staffListHref } = await import('@/lib/staff-list-params');

describe('the staff list address', () => {
  it('keeps valid filters and ignores bad ones with a Vietnamese notice', () => {
    const slugs = ['thi-dua-khen-thuong'];
    expect(
      parseStaffListParams({ trang: '3', 'trang-thai': 'draft', 'chuyen-muc': 'thi-dua-khen-thuong', q: ' hoi nghi ' }, slugs),
    ).toEqual({
      page: 3,
      status: 'draft',
      categorySlug: 'thi-dua-khen-thuong',
      search: 'hoi nghi',
      notices: [],
    });
    const bad = parseStaffListParams({ trang: '-1', 'trang-thai': 'deleted', 'chuyen-muc': 'khong-co', q: 'x'.repeat(201) }, slugs);
    expect(bad).toEqual({ page: 1, notices: expect.any(Array) });
    expect(bad.notices).toHaveLength(4);
    expect(parseStaffListParams({ trang: ['2', '5'], q: ['a', 'b'] }, slugs)).toMatchObject({ page: 2, search: 'a' });
    expect(parseStaffListParams({ trang: 'abc' }, slugs).notices).toEqual(['Số trang không hợp lệ, đang hiện trang 1.']);
    expect(staffListHref({ page: 2, search: 'hội nghị', status: 'published' })).toBe(
      '/quan-tri?q=h%E1%BB%99i+ngh%E1%BB%8B&trang-thai=published&trang=2',
    );
    expect(staffListHref({ page: 1 })).toBe('/quan-tri');
  });

  it('compares two revisions field by field, the body as text', () => {
    expect(htmlToText('<p>Một &amp; hai</p><p>ba<br />bốn</p><ul><li>năm</li></ul>')).toBe('Một & hai\nba\nbốn\nnăm');
    const base = { title: 'Hội nghị', summary: '', byline: 'A', category: 'Tin tức', bodyText: 'một\nhai' };
    const fields = diffRevisions(base, { ...base, title: 'Hội nghị sơ kết', bodyText: 'một\nba' });
    expect(fields.filter((field) => field.changed).map((field) => field.label)).toEqual(['Tiêu đề', 'Nội dung']);
    const body = fields.find((field) => field.label === 'Nội dung')!;
    expect(body.parts.filter((part) => part.removed).map((part) => part.value)).toEqual(['hai']);
    expect(body.parts.filter((part) => part.added).map((part) => part.value)).toEqual(['ba']);
  });
});

for (const kind of databaseKinds) {
  describe(`article list and revisions on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    const people = {} as Record<'admin' | 'editor' | 'authorA' | 'authorB', SessionUser>;
    const category = { id: 0, slug: '' };
    const otherCategory = { id: 0, slug: '' };
    let meetingId = 0;

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      const db = database.db;
      const roles = { admin: 'admin', editor: 'editor', authorA: 'author', authorB: 'author' } as const;
      for (const [key, role] of Object.entries(roles)) {
        const [row] = await db
          .insert(users)
          .values({ email: `${key.toLowerCase()}@example.vn`, name: key, role, passwordHash: 'not-used' })
          .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
        people[key as keyof typeof roles] = row!;
      }
      const [first, second] = await db.select({ id: categories.id, slug: categories.slug }).from(categories).limit(2);
      Object.assign(category, first);
      Object.assign(otherCategory, second);
      const [meeting] = await db
        .insert(articles)
        .values({
          slug: 'hoi-nghi-zeta',
          title: 'Hội nghị tổng kết Zeta 100%',
          categoryId: category.id,
          authorId: people.authorA.id,
          status: 'draft',
        })
        .returning({ id: articles.id });
      meetingId = meeting!.id;
      await db.insert(articles).values([
        { slug: 'hoi-thao-zeta', title: 'Hội thảo Zeta', categoryId: otherCategory.id, authorId: people.authorB.id, status: 'submitted' },
        {
          slug: 'nghi-quyet-zeta',
          title: 'ĐẠI HỘI: quyết định Zeta',
          categoryId: category.id,
          authorId: people.authorB.id,
          status: 'published',
          publishedAt: new Date(),
        },
      ]);
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(() => {
      session.user = null;
      revalidatePath.mockClear();
    });

    const titles = async (filters: Parameters<typeof listArticlesForStaff>[0]) =>
      (await listArticlesForStaff(filters)).items.map((item) => item.title).sort();

    it('finds "Hội nghị" by its title with or without diacritics, in any case', async ({ skip }) => {
      if (!database) return skip();
      for (const search of ['hoi nghi zeta', 'HỘI NGHỊ zeta', 'Hội nghị Zeta', '  hội   NGHI  zeta ']) {
        expect(await titles({ authorId: null, search }), search).toEqual(['Hội nghị tổng kết Zeta 100%']);
      }
      expect(await titles({ authorId: null, search: 'dai hoi zeta' })).toEqual(['ĐẠI HỘI: quyết định Zeta']);
      expect(await titles({ authorId: null, search: 'zeta' })).toHaveLength(3);
      // LIKE wildcards in a search are plain characters.
      expect(await titles({ authorId: null, search: 'zeta 100%' })).toEqual(['Hội nghị tổng kết Zeta 100%']);
      expect(await titles({ authorId: null, search: 'zeta _%' })).toEqual([]);
    });

    it('filters by status and category, pages, and shows an author only their own', async ({ skip }) => {
      if (!database) return skip();
      expect(await titles({ authorId: null, search: 'zeta', status: 'submitted' })).toEqual(['Hội thảo Zeta']);
      expect(await titles({ authorId: null, search: 'zeta', categorySlug: category.slug })).toEqual([
        'Hội nghị tổng kết Zeta 100%',
        'ĐẠI HỘI: quyết định Zeta',
      ]);
      expect(await titles({ authorId: people.authorA.id, search: 'zeta' })).toEqual(['Hội nghị tổng kết Zeta 100%']);
      expect(await titles({ authorId: people.authorB.id, search: 'zeta' })).toEqual(['Hội thảo Zeta', 'ĐẠI HỘI: quyết định Zeta']);

      const pageOne = await listArticlesForStaff({ authorId: null, search: 'zeta', page: 1, pageSize: 2 });
      const pageTwo = await listArticlesForStaff({ authorId: null, search: 'zeta', page: 2, pageSize: 2 });
      expect(pageOne.total).toBe(3);
      expect(pageOne.items).toHaveLength(2);
      expect(pageTwo.items).toHaveLength(1);
      expect(new Set([...pageOne.items, ...pageTwo.items].map((item) => item.id)).size).toBe(3);
      expect(pageOne.items[0]).toMatchObject({
        categoryName: expect.any(String),
        authorName: expect.any(String),
        updatedAt: expect.any(Date),
      });
    });

    const saveAs = async (user: SessionUser, id: number, fields: Record<string, string>) => {
      session.user = user;
      const article = (await getEditableArticle({ db: database!.db, id }))!;
      return saveArticle({
        id: String(id),
        version: String(article.version),
        title: article.title,
        summary: article.summary,
        bodyHtml: article.bodyHtml,
        byline: article.byline,
        categoryId: String(article.categoryId),
        ...fields,
      });
    };

    it('restores a revision as a new version and revision, with an audit entry, keeping the status', async ({ skip }) => {
      if (!database) return skip();
      const db = database.db;
      expect(await saveAs(people.authorA, meetingId, { summary: 'Tóm tắt một', bodyHtml: '<p>Nội dung một</p>' })).toMatchObject({
        ok: true,
      });
      const first = (await getEditableArticle({ db, id: meetingId }))!;
      expect(
        await saveAs(people.authorA, meetingId, {
          summary: 'Tóm tắt hai',
          bodyHtml: '<p>Nội dung hai</p>',
          categoryId: String(otherCategory.id),
        }),
      ).toMatchObject({ ok: true });
      const current = (await getEditableArticle({ db, id: meetingId }))!;

      session.user = people.authorA;
      const result = await restoreRevision({ id: String(meetingId), version: String(current.version), revision: String(first.version) });
      expect(result).toMatchObject({
        ok: true,
        article: { version: current.version + 1, summary: 'Tóm tắt một', bodyHtml: '<p>Nội dung một</p>', status: 'draft' },
      });
      const restored = (await getEditableArticle({ db, id: meetingId }))!;
      expect(restored).toMatchObject({
        version: current.version + 1,
        summary: 'Tóm tắt một',
        bodyHtml: '<p>Nội dung một</p>',
        categoryId: category.id,
        status: 'draft',
        title: first.title,
      });

      const [latest] = await listArticleRevisions({ articleId: meetingId });
      expect(latest).toMatchObject({ version: restored.version, note: `Khôi phục phiên bản ${first.version}`, authorName: 'authorA' });
      const [snapshot] = await db
        .select({ snapshot: articleRevisions.snapshot })
        .from(articleRevisions)
        .where(and(eq(articleRevisions.articleId, meetingId), eq(articleRevisions.version, restored.version)));
      expect(snapshot!.snapshot).toMatchObject({ summary: 'Tóm tắt một', categoryId: category.id });
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'article.restore')).orderBy(desc(auditLog.id)).limit(1);
      expect(audit).toMatchObject({ userId: people.authorA.id, objectType: 'article', objectId: String(meetingId) });
      expect(audit!.detail).toMatchObject({ restoredVersion: first.version, newVersion: restored.version });
    });

    it('gives a restore from a stale version a conflict and writes nothing', async ({ skip }) => {
      if (!database) return skip();
      const db = database.db;
      const current = (await getEditableArticle({ db, id: meetingId }))!;
      const revisionsBefore = (await listArticleRevisions({ articleId: meetingId })).length;
      session.user = people.editor;
      const result = await restoreRevision({ id: String(meetingId), version: String(current.version - 1), revision: '1' });
      expect(result).toMatchObject({ ok: false, conflict: true });
      expect((await getEditableArticle({ db, id: meetingId }))!.version).toBe(current.version);
      expect(await listArticleRevisions({ articleId: meetingId })).toHaveLength(revisionsBefore);
      expect(revalidatePath).not.toHaveBeenCalled();
    });

    it('refuses a restore by another author, of a missing revision, and of a published article until it is withdrawn', async ({ skip }) => {
      if (!database) return skip();
      const db = database.db;
      const current = (await getEditableArticle({ db, id: meetingId }))!;
      session.user = people.authorB;
      expect(await restoreRevision({ id: String(meetingId), version: String(current.version), revision: '1' })).toMatchObject({
        ok: false,
        error: expect.stringContaining('không có quyền'),
      });
      session.user = people.editor;
      expect(await restoreRevision({ id: String(meetingId), version: String(current.version), revision: '999' })).toMatchObject({
        ok: false,
      });
      expect(await restoreRevision({ id: String(meetingId), version: String(current.version), revision: 'abc' })).toMatchObject({
        ok: false,
        fieldErrors: { revision: expect.any(Array) },
      });
      expect((await getEditableArticle({ db, id: meetingId }))!.version).toBe(current.version);

      const [published] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, 'nghi-quyet-zeta'));
      expect(await saveAs(people.editor, published!.id, { title: 'ĐẠI HỘI: quyết định Zeta, sửa' })).toMatchObject({ ok: true });
      expect(await saveAs(people.editor, published!.id, { title: 'ĐẠI HỘI: quyết định Zeta, sửa lần hai' })).toMatchObject({ ok: true });
      const live = (await getEditableArticle({ db, id: published!.id }))!;
      const [oldest] = (await listArticleRevisions({ articleId: published!.id })).slice(-1);
      session.user = people.admin;
      const refused = await restoreRevision({ id: String(live.id), version: String(live.version), revision: String(oldest!.version) });
      expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('Gỡ bài') });
      expect((await getEditableArticle({ db, id: live.id }))!.title).toBe('ĐẠI HỘI: quyết định Zeta, sửa lần hai');

      expect(await withdrawArticle({ id: live.id, version: live.version })).toMatchObject({ ok: true });
      const withdrawn = (await getEditableArticle({ db, id: live.id }))!;
      const restored = await restoreRevision({
        id: String(live.id),
        version: String(withdrawn.version),
        revision: String(oldest!.version),
      });
      expect(restored).toMatchObject({
        ok: true,
        article: { status: 'withdrawn', title: 'ĐẠI HỘI: quyết định Zeta, sửa', slug: 'nghi-quyet-zeta' },
      });
    });
  });
}

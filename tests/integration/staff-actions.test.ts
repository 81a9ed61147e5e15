import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import {
  articleRevisions,
  articles,
  articleSlugRedirects,
  auditLog,
  categories,
  contactBlocks,
  contactEntries,
  documentCatalog,
  documentComments,
  documentConsultations,
  documentFileBlobs,
  documentFiles,
  documentRelations,
  documents,
  loginAttempts,
  procedures,
  publicFormSubmissions,
  questions,
  media,
  mediaBlobs,
  agencyPages,
  orgUnits,
  people as personRows,
  portalRatings,
  siteSettings,
  users,
} from '@/db/schema';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

// The seams: the session, the request headers and Next's cache, so actions run outside Next.
const session = vi.hoisted(() => ({ user: null as SessionUser | null, origin: 'http://portal.test' as string | null }));
vi.mock('@/auth', () => ({
  auth: async () => session.user,
  authAccount: async () => session.user && { ...session.user, mustChangePassword: false },
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', ...(session.origin ? { origin: session.origin } : {}) }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn(), updateTag: vi.fn() }));

const { ACTION_MARK } = await import('@/server/define-action');
const { ArticleContent } = await import('@/components/article/article-content');
const { getEditableArticle } = await import('@/db/queries/article-editing');

type Action = ((
  input: Record<string, unknown>,
) => Promise<{ ok: boolean; error?: string; conflict?: boolean } & Record<string, unknown>>) & {
  [ACTION_MARK]?: boolean;
};

const root = path.resolve(import.meta.dirname, '../..');

function findFiles(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, name);
    return name.test(entry.name) ? [full] : [];
  });
}

/** Every exported server action of the app, found by importing every actions.ts under app/ and server/. */
async function discoverActions(): Promise<{ name: string; file: string; action: Action }[]> {
  const found = [];
  for (const file of ['app', 'server'].flatMap((dir) => findFiles(path.join(root, dir), /^actions\.tsx?$/))) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      found.push({ name, file: path.relative(root, file), action: value as Action });
    }
  }
  return found;
}

/**
 * Actions that a role may legitimately run on something that is not someone else's: the
 * "another author's article" case does not apply to them. Anything else added later is tested.
 */
const TARGETS_NO_EXISTING_OBJECT = new Set(['createArticle', 'listMediaLibrary', 'createDocument', 'createProcedure']);
/** Roles allowed to run an action at all; the enumerating test uses a role outside the list. */
const ROLE_WITHOUT_RIGHTS: Record<string, SessionUser['role']> = {};

for (const kind of databaseKinds) {
  describe(`staff actions on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    const people = {} as Record<'admin' | 'editor' | 'authorA' | 'authorB' | 'viewer', SessionUser>;
    let categoryId = 0;
    let foreignArticleId = 0;
    let seedArticleId = 0;
    /** A draft document of author B, with a file: the object of the document actions. */
    const foreignDocument = { id: 0, fileId: 0, typeId: 0, issuerId: 0 };
    /** A draft procedure of author B: the object of the procedure actions. */
    let foreignProcedureId = 0;

    async function fingerprint(): Promise<string> {
      const db = database!.db;
      const tables = [
        users,
        articles,
        articleRevisions,
        articleSlugRedirects,
        auditLog,
        siteSettings,
        loginAttempts,
        categories,
        media,
        mediaBlobs,
        contactBlocks,
        contactEntries,
        documentCatalog,
        documents,
        documentFiles,
        documentFileBlobs,
        documentRelations,
        documentConsultations,
        documentComments,
        portalRatings,
        procedures,
        orgUnits,
        personRows,
        agencyPages,
        questions,
        publicFormSubmissions,
      ];
      const dumps = await Promise.all(tables.map((table) => db.select().from(table)));
      return JSON.stringify(dumps.map((rows) => rows.map((row) => JSON.stringify(row)).sort()));
    }

    async function versionOf(id: number): Promise<number> {
      return (await getEditableArticle({ db: database!.db, id }))!.version;
    }

    /** Input that every action's schema accepts, so a refusal can only come from the checks. */
    async function plausibleInput(articleId: number) {
      return {
        id: String(articleId),
        version: String(await versionOf(articleId)),
        title: 'Tiêu đề hợp lệ',
        summary: 'Tóm tắt',
        bodyHtml: '<p>Nội dung</p>',
        byline: 'Người viết',
        categoryId: String(categoryId),
        publishedAt: '',
        slug: '',
        userId: String(people.authorB.id),
        role: 'admin',
        disabled: 'true',
        email: `moi-${Math.random().toString(36).slice(2)}@example.vn`,
        name: 'Người mới',
        password: 'mat-khau-rat-dai-123',
        // changeOwnPassword: refused by the check of the current password (these accounts have none).
        currentPassword: 'mat-khau-rat-dai-123',
        newPassword: 'mat-khau-moi-rat-dai-1',
        confirmPassword: 'mat-khau-moi-rat-dai-1',
        alt: 'Mô tả ảnh hợp lệ',
        // restoreRevision: the version of the revision to write back.
        revision: '1',
        // The directory (/quan-tri/gioi-thieu): real rows of the seed.
        unitId: String((await database!.db.select({ id: orgUnits.id }).from(orgUnits).limit(1))[0]!.id),
        personId: String((await database!.db.select({ id: personRows.id }).from(personRows).limit(1))[0]!.id),
        parentId: '',
        fullName: 'Người mới',
        key: 'overview',
        // The document actions: a valid document, and author B's file.
        number: `${Math.floor(Math.random() * 1e6)}/KH-SNV`,
        typeId: String(foreignDocument.typeId),
        issuerId: String(foreignDocument.issuerId),
        issuedOn: '2024-05-07',
        fileId: String(foreignDocument.fileId),
        // The catalogue actions.
        kind: 'field',
        entryId: String(foreignDocument.typeId),
        // The procedure actions.
        code: `1.${Math.floor(Math.random() * 1e6)}`,
        level: 'province',
        url: 'https://dichvucong.example.vn',
      };
    }

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      const db = database.db;
      const roles = { admin: 'admin', editor: 'editor', authorA: 'author', authorB: 'author', viewer: 'stats_viewer' } as const;
      for (const [key, role] of Object.entries(roles)) {
        const [row] = await db
          .insert(users)
          .values({ email: `${key.toLowerCase()}@example.vn`, name: key, role, passwordHash: 'not-used' })
          .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
        people[key as keyof typeof roles] = row!;
      }
      categoryId = (await db.select({ id: categories.id }).from(categories).limit(1))[0]!.id;
      const [foreign] = await db
        .insert(articles)
        .values({ slug: 'bai-cua-tac-gia-b', title: 'Bài của tác giả B', categoryId, authorId: people.authorB.id, status: 'draft' })
        .returning({ id: articles.id });
      foreignArticleId = foreign!.id;
      seedArticleId = (await db.select({ id: articles.id }).from(articles).where(eq(articles.status, 'published')).limit(1))[0]!.id;
      foreignDocument.typeId = (
        await db.select({ id: documentCatalog.id }).from(documentCatalog).where(eq(documentCatalog.kind, 'type')).limit(1)
      )[0]!.id;
      foreignDocument.issuerId = (
        await db.select({ id: documentCatalog.id }).from(documentCatalog).where(eq(documentCatalog.kind, 'issuer')).limit(1)
      )[0]!.id;
      const [document] = await db
        .insert(documents)
        .values({
          slug: 'van-ban-cua-tac-gia-b',
          number: '1/TB-B',
          numberKey: '1/tb-b',
          typeId: foreignDocument.typeId,
          issuerId: foreignDocument.issuerId,
          issuedOn: '2024-01-01',
          summary: 'Văn bản của tác giả B',
          searchText: '1/tb-b van ban cua tac gia b',
          authorId: people.authorB.id,
        })
        .returning({ id: documents.id });
      foreignDocument.id = document!.id;
      const [file] = await db
        .insert(documentFiles)
        .values({ documentId: document!.id, fileName: 'b.pdf', mimeType: 'application/pdf', bytes: 4, sha256: 'x' })
        .returning({ id: documentFiles.id });
      foreignDocument.fileId = file!.id;
      const [procedure] = await db
        .insert(procedures)
        .values({
          slug: 'thu-tuc-cua-tac-gia-b',
          code: '9.999999',
          name: 'Thủ tục của tác giả B',
          level: 'province',
          searchText: '9.999999 thu tuc cua tac gia b',
          authorId: people.authorB.id,
        })
        .returning({ id: procedures.id });
      foreignProcedureId = procedure!.id;
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(() => {
      session.user = null;
      session.origin = 'http://portal.test';
      revalidatePath.mockClear();
    });

    it('finds the actions, and every one is built by the one wrapper', async ({ skip }) => {
      if (!database) return skip();
      const actions = await discoverActions();
      expect(actions.map((a) => a.name)).toEqual(
        expect.arrayContaining([
          'saveArticle',
          'publishArticle',
          'createUser',
          'setUserDisabled',
          'createDocument',
          'saveDocument',
          'publishDocument',
          'withdrawDocument',
          'removeDocumentFile',
          'saveCommentWindow',
          'removeCommentWindow',
          'moderateComment',
          'createCatalogEntry',
          'renameCatalogEntry',
          'deleteCatalogEntry',
          'createProcedure',
          'saveProcedure',
          'publishProcedure',
          'withdrawProcedure',
          'savePublicServicePortal',
          'createUnit',
          'moveUnit',
          'updatePerson',
          'saveAgencyPage',
        ]),
      );
      for (const { name, file, action } of actions) {
        expect(typeof action, `${file}: ${name}`).toBe('function');
        expect(action[ACTION_MARK], `${file}: ${name} must be made with defineAction()`).toBe(true);
      }
    });

    it('refuses every action without a session, from a foreign origin, with the wrong role, on another author’s article: nothing written', async ({
      skip,
    }) => {
      if (!database) return skip();
      const scenarios: { label: string; user: () => SessionUser | null; origin: string | null; applies: (name: string) => boolean }[] = [
        { label: 'no session', user: () => null, origin: 'http://portal.test', applies: () => true },
        { label: 'foreign origin', user: () => people.admin, origin: 'https://evil.example', applies: () => true },
        { label: 'no origin', user: () => people.admin, origin: null, applies: () => true },
        {
          label: 'wrong role',
          user: () => ({ ...people.viewer, role: 'stats_viewer' }),
          origin: 'http://portal.test',
          applies: () => true,
        },
        {
          label: 'another author’s article',
          user: () => people.authorA,
          origin: 'http://portal.test',
          applies: (name) => !TARGETS_NO_EXISTING_OBJECT.has(name),
        },
      ];
      for (const { name, file, action } of await discoverActions()) {
        for (const scenario of scenarios) {
          if (!scenario.applies(name)) continue;
          const user =
            scenario.label === 'wrong role' && ROLE_WITHOUT_RIGHTS[name]
              ? { ...people.viewer, role: ROLE_WITHOUT_RIGHTS[name] }
              : scenario.user();
          session.user = user;
          session.origin = scenario.origin;
          const before = await fingerprint();
          // The document actions act on author B's document; the others on author B's article.
          const input = await plausibleInput(foreignArticleId);
          if (file.includes('documents')) input.id = String(foreignDocument.id);
          if (file.includes('procedures')) input.id = String(foreignProcedureId);
          const result = await action(input);
          expect(result.ok, `${file}: ${name} (${scenario.label}) must be refused`).toBe(false);
          expect(typeof result.error).toBe('string');
          expect(await fingerprint(), `${file}: ${name} (${scenario.label}) wrote something`).toBe(before);
          expect(revalidatePath).not.toHaveBeenCalled();
        }
      }
      // Five scenarios for every action of the app, each with two dumps of every table: the run grows
      // with each section added (~20 s alone, several times that on a loaded shared machine).
    }, 300_000);

    it('lets an author edit and submit their own draft but never publish it', async ({ skip }) => {
      if (!database) return skip();
      const { saveArticle, publishArticle, submitArticle } = await import('@/server/articles/actions');
      session.user = people.authorB;
      const saved = await saveArticle({ ...(await plausibleInput(foreignArticleId)), title: 'Bài của tác giả B, sửa lần một' });
      expect(saved).toMatchObject({ ok: true });
      // A draft never published: its address follows its title.
      expect((await getEditableArticle({ db: database.db, id: foreignArticleId }))!.slug).toBe('bai-cua-tac-gia-b-sua-lan-mot');
      const published = await publishArticle({ id: foreignArticleId, version: await versionOf(foreignArticleId) });
      expect(published.ok).toBe(false);
      const submitted = await submitArticle({ id: foreignArticleId, version: await versionOf(foreignArticleId) });
      expect(submitted).toMatchObject({ ok: true });
      expect((await getEditableArticle({ db: database.db, id: foreignArticleId }))!.status).toBe('submitted');
    });

    it('neutralises XSS payloads in every text field, in storage and when rendered', async ({ skip }) => {
      if (!database) return skip();
      const { saveArticle } = await import('@/server/articles/actions');
      session.user = people.editor;
      const payload = [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(2)>',
        '<a href="javascript:alert(3)">a</a>',
        '<a href=" JaVaScRiPt:alert(4)">b</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==">c</a>',
        '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
        '<svg onload=alert(6)><script>alert(7)</script></svg>',
        '<p style="background:url(javascript:alert(8))" class="x" onclick="alert(9)">d</p>',
        '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">',
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(10)></style></mglyph></table></mtext></math>',
        '<form action="https://evil.example"><input name=x></form>',
      ].join('');
      const result = await saveArticle({
        ...(await plausibleInput(seedArticleId)),
        title: `Tiêu đề ${payload}`,
        summary: `Tóm tắt ${payload}`,
        byline: `Tác giả ${payload}`,
        bodyHtml: `<p>Nội dung</p>${payload}<p><a href="https://sonoivu.angiang.gov.vn">liên kết</a><img src="/media/anh.jpg" alt="Ảnh"></p>`,
      });
      expect(result).toMatchObject({ ok: true });
      const stored = (await getEditableArticle({ db: database.db, id: seedArticleId }))!;
      const dangerous =
        /<script|<svg|<iframe|<object|<embed|<form|<input|<style|<math|onerror|onload|onclick|javascript:|data:|style=|class=/i;
      for (const field of [stored.title, stored.summary, stored.byline, stored.bodyHtml]) expect(field).not.toMatch(dangerous);
      for (const field of [stored.title, stored.summary, stored.byline]) expect(field).not.toContain('<');
      expect(stored.bodyHtml).toContain('<a href="https://sonoivu.angiang.gov.vn" rel="noopener noreferrer">liên kết</a>');
      expect(stored.bodyHtml).toContain('<img src="/media/anh.jpg" alt="Ảnh" />');

      const html = renderToStaticMarkup(ArticleContent({ ...stored, categoryName: 'Chuyên mục' }));
      expect(html).not.toMatch(/<script|onerror=|onload=|onclick=|javascript:|<svg|<iframe/i);
    });

    it('gives the second of two concurrent saves a conflict, and loses no saved text', async ({ skip }) => {
      if (!database) return skip();
      const { saveArticle } = await import('@/server/articles/actions');
      session.user = people.editor;
      const base = await plausibleInput(seedArticleId);
      const revisionsBefore = (await database.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, seedArticleId)))
        .length;
      const results = await Promise.all([
        saveArticle({ ...base, title: 'Bản của người thứ nhất' }),
        saveArticle({ ...base, title: 'Bản của người thứ hai' }),
      ]);
      const winners = results.filter((r) => r.ok);
      const losers = results.filter((r) => !r.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toEqual([
        expect.objectContaining({ ok: false, conflict: true, error: expect.stringContaining('đã được người khác sửa') }),
      ]);
      const stored = (await getEditableArticle({ db: database.db, id: seedArticleId }))!;
      expect(stored.title).toBe((winners[0] as { article: { title: string } }).article.title);
      const revisions = await database.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, seedArticleId));
      expect(revisions).toHaveLength(revisionsBefore + 1);
      expect(revisions.find((r) => r.version === stored.version)!.snapshot).toMatchObject({ title: stored.title });
    });

    it('writes nothing when a save fails part-way (one transaction)', async ({ skip }) => {
      if (!database) return skip();
      const { saveArticle } = await import('@/server/articles/actions');
      session.user = people.editor;
      const input = await plausibleInput(seedArticleId);
      // A revision already holding the next version makes the revision insert fail after the update.
      await database.db.insert(articleRevisions).values({ articleId: seedArticleId, version: Number(input.version) + 1, snapshot: {} });
      const before = await fingerprint();
      const result = await saveArticle({ ...input, title: 'Không được lưu' });
      expect(result).toMatchObject({ ok: false, error: expect.any(String) });
      expect(await fingerprint()).toBe(before);
      expect(revalidatePath).not.toHaveBeenCalled();
      await database.db.delete(articleRevisions).where(eq(articleRevisions.version, Number(input.version) + 1));
    });

    it('revalidates every page that shows the article, old and new slug and category, after a change', async ({ skip }) => {
      if (!database) return skip();
      const { saveArticle } = await import('@/server/articles/actions');
      session.user = people.editor;
      const before = (await getEditableArticle({ db: database.db, id: seedArticleId }))!;
      const [other] = await database.db
        .select({ id: categories.id, slug: categories.slug })
        .from(categories)
        .where(eq(categories.slug, 'ton-giao'));
      const result = await saveArticle({ ...(await plausibleInput(seedArticleId)), slug: 'duong-dan-moi', categoryId: String(other!.id) });
      expect(result).toMatchObject({ ok: true });
      const paths = revalidatePath.mock.calls.map(([target, type]) => (type ? `${target} ${type}` : target));
      expect(paths).toEqual(
        expect.arrayContaining([
          '/',
          '/trang-chu/moi-nhat',
          `/tin-tuc/${before.slug}`,
          '/tin-tuc/duong-dan-moi',
          `/chuyen-muc/${before.categorySlug}`,
          `/chuyen-muc/${other!.slug}`,
          '/chuyen-muc/[slug]/trang/[page] page',
        ]),
      );
      const [redirect] = await database.db.select().from(articleSlugRedirects).where(eq(articleSlugRedirects.oldSlug, before.slug));
      expect(redirect?.articleId).toBe(seedArticleId);
    });
  });
}

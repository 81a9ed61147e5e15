import fs from 'node:fs/promises';
import { and, count, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import { agencyPages, articleRevisions, articles, auditLog, media, people, users } from '@/db/schema';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

// The same seams as the other media test: session, request headers and Next's cache.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/auth', () => ({ auth: async () => session.user }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', origin: 'http://portal.test' }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn(), updateTag: vi.fn() }));

process.env.MEDIA_CACHE_DIR = `/tmp/portal-media-replace-test-${process.pid}`;

const { POST } = await import('@/app/api/quan-tri/anh/route');
const { GET } = await import('@/app/media/[id]/[variant]/route');
const { deleteMedia } = await import('@/server/media/actions');

/** A distinct image per seed: noise, so no two uploads share their bytes. */
async function makeImage(seed: number, width = 800, height = 500): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = ((i + seed * 7919) * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

type UploadBody = Record<string, unknown> & {
  media?: { id: number; key: string };
  replaced?: { id: number; articles: number; people: number; pages: number };
  error?: string;
};

async function upload({ bytes, alt, replaces }: { bytes: Buffer; alt: string; replaces?: number }) {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], 'anh.png', { type: 'image/png' }));
  form.set('alt', alt);
  if (replaces !== undefined) form.set('replaces', String(replaces));
  const response = await POST(new Request('http://portal.test/api/quan-tri/anh', { method: 'POST', body: form }));
  return { status: response.status, body: (await response.json()) as UploadBody };
}

function variant(key: string, file: string) {
  return GET(new Request(`http://portal.test/media/${key}/${file}`), { params: Promise.resolve({ id: key, variant: file }) });
}

const figure = (key: string, width: number) =>
  `<figure><img src="/media/${key}/${width}.webp" alt="Hội nghị" /><figcaption>Hội nghị</figcaption></figure>`;

for (const kind of databaseKinds) {
  describe(`replacing an image on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    const staff = {} as Record<'admin' | 'editor' | 'authorA' | 'authorB', SessionUser>;
    let categoryId = 0;
    let seed = 1;

    /** Everything a replacement may write: compared before and after a refused or failed one. */
    async function snapshot() {
      const db = database!.db;
      const [[m], [r], [a], articleRows, personRows, pageRows] = await Promise.all([
        db.select({ n: count() }).from(media),
        db.select({ n: count() }).from(articleRevisions),
        db.select({ n: count() }).from(auditLog),
        db
          .select({ id: articles.id, version: articles.version, cover: articles.coverMediaId, body: articles.bodyHtml })
          .from(articles)
          .orderBy(articles.id),
        db.select({ id: people.id, version: people.version, photo: people.photoMediaId }).from(people).orderBy(people.id),
        db
          .select({ key: agencyPages.key, version: agencyPages.version, body: agencyPages.bodyHtml })
          .from(agencyPages)
          .orderBy(agencyPages.key),
      ]);
      return { media: m!.n, revisions: r!.n, audit: a!.n, articleRows, personRows, pageRows };
    }

    /** An image shown by a published article (cover and text), a draft's text, a portrait and a Giới thiệu page. */
    async function imageInUse(alt: string) {
      const db = database!.db;
      session.user = staff.authorA;
      const bytes = await makeImage(seed++);
      const { body } = await upload({ bytes, alt });
      const old = body.media!;
      const [published] = await db
        .insert(articles)
        .values({
          slug: `bai-da-dang-${old.id}`,
          title: `Bài đã đăng ${old.id}`,
          categoryId,
          authorId: staff.authorA.id,
          status: 'published',
          publishedAt: new Date(Date.now() - 60_000),
          coverMediaId: old.id,
          bodyHtml: `<p>Mở đầu.</p>${figure(old.key, 960)}<p>Giữa.</p>${figure(old.key, 640)}`,
        })
        .returning({ id: articles.id, version: articles.version });
      const [draft] = await db
        .insert(articles)
        .values({
          slug: `ban-nhap-${old.id}`,
          title: `Bản nháp ${old.id}`,
          categoryId,
          authorId: staff.authorA.id,
          status: 'draft',
          bodyHtml: figure(old.key, 960),
        })
        .returning({ id: articles.id, version: articles.version });
      const [unrelated] = await db
        .insert(articles)
        .values({ slug: `bai-khac-${old.id}`, title: `Bài khác ${old.id}`, categoryId, status: 'draft', bodyHtml: '<p>Không ảnh.</p>' })
        .returning({ id: articles.id, version: articles.version });
      const [person] = await db.select({ id: people.id, version: people.version }).from(people).orderBy(people.id).limit(1);
      await db.update(people).set({ photoMediaId: old.id }).where(eq(people.id, person!.id));
      await db
        .insert(agencyPages)
        .values({ key: 'history', bodyHtml: `<p>Lịch sử.</p>${figure(old.key, 640)}` })
        .onConflictDoUpdate({ target: agencyPages.key, set: { bodyHtml: `<p>Lịch sử.</p>${figure(old.key, 640)}` } });
      return { old, bytes, published: published!, draft: draft!, unrelated: unrelated!, person: person! };
    }

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      const roles = { admin: 'admin', editor: 'editor', authorA: 'author', authorB: 'author' } as const;
      for (const [key, role] of Object.entries(roles)) {
        const [row] = await database.db
          .insert(users)
          .values({ email: `thay-${key.toLowerCase()}@example.vn`, name: key, role, passwordHash: 'not-used' })
          .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
        staff[key as keyof typeof roles] = row!;
      }
      categoryId = (await database.db.select({ c: articles.categoryId }).from(articles).limit(1))[0]!.c;
    });
    afterAll(async () => {
      await database?.drop();
      await fs.rm(process.env.MEDIA_CACHE_DIR!, { recursive: true, force: true });
    });
    beforeEach(() => revalidatePath.mockClear());

    it('switches every article (cover and text), portrait and Giới thiệu page to the new image in one go, with revisions and an audit entry', async ({
      skip,
    }) => {
      if (!database) return skip();
      const db = database.db;
      const { old, published, draft, unrelated, person } = await imageInUse('Ảnh cũ');

      session.user = staff.admin;
      const { status, body } = await upload({ bytes: await makeImage(seed++), alt: 'Ảnh mới', replaces: old.id });
      expect(status, JSON.stringify(body)).toBe(201);
      expect(body.replaced).toEqual({ id: old.id, articles: 2, people: 1, pages: 1 });
      const fresh = body.media!;
      expect(fresh.id).not.toBe(old.id);
      expect(fresh.key).not.toBe(old.key);

      const rows = await db
        .select({ id: articles.id, version: articles.version, cover: articles.coverMediaId, body: articles.bodyHtml })
        .from(articles)
        .where(sql`${articles.id} in (${published.id}, ${draft.id}, ${unrelated.id})`)
        .orderBy(articles.id);
      const [afterPublished, afterDraft, afterUnrelated] = rows;
      expect(afterPublished!.cover).toBe(fresh.id);
      expect(afterPublished!.version).toBe(published.version + 1);
      expect(afterPublished!.body).toContain(`/media/${fresh.key}/960.webp`);
      expect(afterPublished!.body).toContain(`/media/${fresh.key}/640.webp`);
      expect(afterDraft!.body).toBe(figure(fresh.key, 960));
      expect(afterDraft!.version).toBe(draft.version + 1);
      for (const row of rows) expect(row.body).not.toContain(old.key);
      expect(afterUnrelated!.version).toBe(unrelated.version);

      // Each article's history says what happened, by whom.
      const revisions = await db
        .select({
          articleId: articleRevisions.articleId,
          version: articleRevisions.version,
          note: articleRevisions.note,
          author: articleRevisions.authorId,
        })
        .from(articleRevisions)
        .where(and(sql`${articleRevisions.articleId} in (${published.id}, ${draft.id})`, sql`${articleRevisions.note} like 'Thay ảnh%'`));
      expect(revisions).toHaveLength(2);
      for (const revision of revisions) {
        expect(revision.note).toBe('Thay ảnh “Ảnh cũ” bằng ảnh mới “Ảnh mới” (Thư viện ảnh)');
        expect(revision.author).toBe(staff.admin.id);
      }

      const [portrait] = await db
        .select({ photo: people.photoMediaId, version: people.version })
        .from(people)
        .where(eq(people.id, person.id));
      expect(portrait).toEqual({ photo: fresh.id, version: person.version + 1 });
      const [history] = await db.select({ body: agencyPages.bodyHtml }).from(agencyPages).where(eq(agencyPages.key, 'history'));
      expect(history!.body).toBe(`<p>Lịch sử.</p>${figure(fresh.key, 640)}`);

      const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'media.replace'));
      expect(entry).toMatchObject({ userId: staff.admin.id, objectType: 'media', objectId: String(fresh.id) });
      expect(entry!.detail).toMatchObject({
        fromId: old.id,
        fromAlt: 'Ảnh cũ',
        alt: 'Ảnh mới',
        people: [{ id: person.id }],
        pages: ['history'],
      });
      expect((entry!.detail as { articles: unknown[] }).articles).toHaveLength(2);

      // Every public page is revalidated.
      expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');

      // The new image is public (a published article shows it); the old one is no longer used,
      // so it is hidden from visitors and may now be deleted.
      session.user = null;
      expect((await variant(fresh.key, '640.webp')).status).toBe(200);
      expect((await variant(old.key, '640.webp')).status).toBe(404);
      session.user = staff.editor;
      expect(await deleteMedia({ id: old.id })).toMatchObject({ ok: true });
      expect(await db.select({ id: media.id }).from(media).where(eq(media.id, old.id))).toEqual([]);
    });

    it('refuses, writing nothing, a replacement the person may not make, the same file again, or a bad id', async ({ skip }) => {
      if (!database) return skip();
      const { old } = await imageInUse('Ảnh dùng chung');
      const before = await snapshot();

      // Another author may not change authorA's image; authorA may not change a published article or the directory.
      session.user = staff.authorB;
      expect((await upload({ bytes: await makeImage(seed++), alt: 'Ảnh khác', replaces: old.id })).status).toBe(403);
      session.user = staff.authorA;
      const refused = await upload({ bytes: await makeImage(seed++), alt: 'Ảnh khác', replaces: old.id });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toContain('không có quyền thay ảnh');
      // An editor may change articles but not the directory either.
      session.user = staff.editor;
      expect((await upload({ bytes: await makeImage(seed++), alt: 'Ảnh khác', replaces: old.id })).status).toBe(403);

      session.user = staff.admin;
      expect((await upload({ bytes: await makeImage(seed++), alt: 'Ảnh khác', replaces: 999_999 })).status).toBe(404);
      const bad = await upload({ bytes: await makeImage(seed++), alt: 'Ảnh khác', replaces: 'abc' as unknown as number });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe('Ảnh cần thay không hợp lệ.');

      expect(await snapshot()).toEqual(before);
      expect(revalidatePath).not.toHaveBeenCalled();
    });

    it('leaves nothing half-written when the database fails part way, and refuses the very same file', async ({ skip }) => {
      if (!database) return skip();
      const db = database.db;
      const { old, bytes } = await imageInUse('Ảnh sẽ thay');
      session.user = staff.admin;
      const before = await snapshot();

      // The very file of the image it should replace: said beside the file field.
      const same = await upload({ bytes, alt: 'Ảnh mới', replaces: old.id });
      expect(same.status).toBe(400);
      expect(same.body.fieldErrors).toEqual({ file: ['Tệp này chính là ảnh đang dùng. Hãy chọn tệp ảnh mới.'] });
      expect(await snapshot()).toEqual(before);

      // The articles are switched first; the portrait's update then fails.
      await db.execute(
        sql.raw(
          `create function test_refuse_people_update() returns trigger language plpgsql as $$ begin raise exception 'hỏng giữa chừng'; end $$`,
        ),
      );
      await db.execute(
        sql.raw(
          'create trigger test_refuse_people_update before update on people for each row execute function test_refuse_people_update()',
        ),
      );
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const failed = await upload({ bytes: await makeImage(seed++), alt: 'Ảnh mới', replaces: old.id });
        expect(failed.status).toBe(500);
        expect(failed.body.error).toBe('Đã có lỗi, chưa lưu được. Vui lòng thử lại.');
      } finally {
        errors.mockRestore();
        await db.execute(sql.raw('drop trigger test_refuse_people_update on people'));
        await db.execute(sql.raw('drop function test_refuse_people_update()'));
      }
      // No new image, no article changed, no revision, no audit entry, no page revalidated.
      expect(await snapshot()).toEqual(before);
      expect(revalidatePath).not.toHaveBeenCalled();

      // Still in use: it cannot be deleted, and the refusal names where.
      const refused = await deleteMedia({ id: old.id });
      expect(refused).toMatchObject({ ok: false });
      expect(!refused.ok && refused.error).toMatch(/Bài đã đăng .*ảnh chân dung.*Lịch sử/);
    });
  });
}

import fs from 'node:fs/promises';
import { count, eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import { articles, media, mediaBlobs, users } from '@/db/schema';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

// The same seams as the staff-actions test: session, request headers and Next's cache.
const session = vi.hoisted(() => ({ user: null as SessionUser | null, origin: 'http://portal.test' as string | null }));
vi.mock('@/auth', () => ({ auth: async () => session.user }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', ...(session.origin ? { origin: session.origin } : {}) }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn(), updateTag: vi.fn() }));

process.env.MEDIA_CACHE_DIR = `/tmp/portal-media-test-${process.pid}`;

const { POST } = await import('@/app/api/quan-tri/anh/route');
const { GET } = await import('@/app/media/[id]/[variant]/route');
const { saveArticle } = await import('@/server/articles/actions');
const { saveMediaAlt, listMediaLibrary, deleteMedia } = await import('@/server/media/actions');
const { getPublishedArticleBySlug } = await import('@/db/queries/articles');
const { getEditableArticle } = await import('@/db/queries/article-editing');
const { ArticleContent } = await import('@/components/article/article-content');
const { clearVariantMemory } = await import('@/server/media/variant-cache');

/** A real photo-like image: noise, so that sizes and formats behave as with a camera's output. */
async function makeImage(format: 'jpeg' | 'png' | 'webp', width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    [format]()
    .toBuffer();
}

function uploadRequest(
  parts: { file?: { bytes: Buffer; name: string; type: string }; alt?: string },
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  if (parts.file) form.set('file', new File([new Uint8Array(parts.file.bytes)], parts.file.name, { type: parts.file.type }));
  if (parts.alt !== undefined) form.set('alt', parts.alt);
  return new Request('http://portal.test/api/quan-tri/anh', { method: 'POST', body: form, headers });
}

async function upload(parts: Parameters<typeof uploadRequest>[0], headers?: Record<string, string>) {
  const response = await POST(uploadRequest(parts, headers));
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { media?: { id: number; key: string; width: number } },
  };
}

function variant(id: number | string, file: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://portal.test/media/${id}/${file}`, { headers }), {
    params: Promise.resolve({ id: String(id), variant: file }),
  });
}

for (const kind of databaseKinds) {
  describe(`images on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    const people = {} as Record<'editor' | 'authorA' | 'authorB' | 'viewer', SessionUser>;

    async function stored() {
      const db = database!.db;
      const [[m], [b]] = await Promise.all([db.select({ n: count() }).from(media), db.select({ n: count() }).from(mediaBlobs)]);
      return { media: m!.n, blobs: b!.n };
    }

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      const roles = { editor: 'editor', authorA: 'author', authorB: 'author', viewer: 'stats_viewer' } as const;
      for (const [key, role] of Object.entries(roles)) {
        const [row] = await database.db
          .insert(users)
          .values({ email: `${key.toLowerCase()}@example.vn`, name: key, role, passwordHash: 'not-used' })
          .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
        people[key as keyof typeof roles] = row!;
      }
    });
    afterAll(async () => {
      await database?.drop();
      await fs.rm(process.env.MEDIA_CACHE_DIR!, { recursive: true, force: true });
    });
    beforeEach(() => {
      session.user = people.authorA;
      session.origin = 'http://portal.test';
      revalidatePath.mockClear();
    });

    it('accepts a real JPEG, PNG and WebP, keeps one copy of the same bytes, and serves resized WebP with immutable cache headers', async ({
      skip,
    }) => {
      if (!database) return skip();
      for (const [format, type] of [
        ['jpeg', 'image/jpeg'],
        ['png', 'image/png'],
        ['webp', 'image/webp'],
      ] as const) {
        const bytes = await makeImage(format, 1000, 600);
        const { status, body } = await upload({ file: { bytes, name: `anh.${format}`, type }, alt: `Ảnh ${format} thử` });
        expect(status, JSON.stringify(body)).toBe(201);
        const id = body.media!.id;
        const key = body.media!.key;
        expect(key).toMatch(/^[0-9a-f]{32}$/);
        const [row] = await database.db.select().from(media).where(eq(media.id, id));
        expect(row).toMatchObject({
          mimeType: type,
          width: 1000,
          height: 600,
          bytes: bytes.length,
          alt: `Ảnh ${format} thử`,
          uploadedBy: people.authorA.id,
        });
        const [blob] = await database.db.select().from(mediaBlobs).where(eq(mediaBlobs.mediaId, id));
        expect(blob!.data.equals(bytes)).toBe(true);

        const again = await upload({ file: { bytes, name: 'ban-sao.bin', type: 'application/octet-stream' }, alt: 'Bản sao' });
        expect(again.status).toBe(200);
        expect(again.body).toMatchObject({ ok: true, created: false, media: { id } });

        // Served by its random key; to staff only while no published article shows it.
        const response = await variant(key, '640.webp');
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/webp');
        expect(response.headers.get('cache-control')).toBe('private, no-cache');
        const etag = response.headers.get('etag');
        expect(etag).toMatch(/^"[0-9a-f]{32}-640"$/);
        const served = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
        expect(served).toMatchObject({ format: 'webp', width: 640, height: 384 });
        expect((await variant(key, '640.webp', { 'if-none-match': etag! })).status).toBe(304);

        // Never upscaled: 1280 of a 1000-pixel image is the image at 1000 pixels; from disk after memory is cleared.
        clearVariantMemory();
        const wide = await sharp(Buffer.from(await (await variant(key, '1280.webp')).arrayBuffer())).metadata();
        expect(wide.width).toBe(1000);
      }
      expect(await stored()).toEqual({ media: 3, blobs: 3 });
    });

    it('answers 404, never 500, for an id or a width it does not have', async ({ skip }) => {
      if (!database) return skip();
      session.user = people.editor;
      const [first] = await database.db.select({ id: media.id, key: media.publicKey }).from(media).limit(1);
      const cases = [
        ['0'.repeat(32), '640.webp'],
        [first!.key, '500.webp'],
        [first!.key, '640.png'],
        ['abc', '640.webp'],
        ['0', '640.webp'],
        [first!.key, '99999999999.webp'],
        [first!.id, '640.webp'],
      ] as const;
      for (const [id, file] of cases) {
        expect((await variant(id, file)).status, `${id}/${file}`).toBe(404);
      }
    });

    it('decides the type by content: a .jpg name with other content is refused, a PNG named .jpg is stored as PNG', async ({ skip }) => {
      if (!database) return skip();
      const before = await stored();
      const fakes = [
        Buffer.from('<html><script>alert(1)</script></html>'),
        Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary'),
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('không phải ảnh '.repeat(100))]),
        (await makeImage('jpeg', 200, 200)).subarray(0, 600),
      ];
      for (const bytes of fakes) {
        const { status, body } = await upload({ file: { bytes, name: 'anh-that.jpg', type: 'image/jpeg' }, alt: 'Ảnh giả' });
        expect(status).toBe(415);
        expect(body).toMatchObject({ ok: false, error: expect.stringMatching(/không phải ảnh JPEG, PNG hoặc WebP|bị hỏng/) });
      }
      expect(await stored()).toEqual(before);
      const png = await makeImage('png', 300, 200);
      const { status, body } = await upload({
        file: { bytes: png, name: 'that-ra-la-png.jpg', type: 'image/jpeg' },
        alt: 'PNG mang tên .jpg',
      });
      expect(status).toBe(201);
      const [row] = await database.db.select({ mimeType: media.mimeType }).from(media).where(eq(media.id, body.media!.id));
      expect(row!.mimeType).toBe('image/png');
    });

    it('refuses an image over 10 MB with a Vietnamese message and stores nothing, whether or not its size is declared', async ({
      skip,
    }) => {
      if (!database) return skip();
      const before = await stored();
      const jpegStart = await makeImage('jpeg', 64, 64);
      const justOver = Buffer.concat([jpegStart, Buffer.alloc(10 * 1024 * 1024 + 1 - jpegStart.length, 7)]);
      const farOver = Buffer.concat([jpegStart, Buffer.alloc(12 * 1024 * 1024, 7)]);
      for (const bytes of [justOver, farOver]) {
        const { status, body } = await upload({ file: { bytes, name: 'lon.jpg', type: 'image/jpeg' }, alt: 'Ảnh lớn' });
        expect(status).toBe(413);
        expect(body).toMatchObject({ ok: false, error: 'Ảnh quá lớn: mỗi ảnh tối đa 10 MB.' });
      }
      // A declared length over the limit is refused before the body is read.
      const declared = await upload(
        { file: { bytes: jpegStart, name: 'nho.jpg', type: 'image/jpeg' }, alt: 'Ảnh' },
        { 'content-length': String(50 * 1024 * 1024) },
      );
      expect(declared.status).toBe(413);
      expect(await stored()).toEqual(before);
    });

    it('requires a file and an alt text of 1–300 characters, with the message beside the field', async ({ skip }) => {
      if (!database) return skip();
      const before = await stored();
      const bytes = await makeImage('jpeg', 100, 100);
      const noFile = await upload({ alt: 'Ảnh' });
      expect(noFile).toMatchObject({ status: 400, body: { ok: false, fieldErrors: { file: ['Hãy chọn một tệp ảnh.'] } } });
      for (const alt of [undefined, '', '   ', '<b></b>', 'a'.repeat(301)]) {
        const { status, body } = await upload({ file: { bytes, name: 'a.jpg', type: 'image/jpeg' }, alt });
        expect(status, String(alt)).toBe(400);
        expect((body.fieldErrors as Record<string, string[]>).alt![0]).toMatch(/^(Hãy nhập mô tả ảnh|Mô tả ảnh quá dài)/);
      }
      const notMultipart = await POST(
        new Request('http://portal.test/api/quan-tri/anh', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }),
      );
      expect(notMultipart.status).toBe(400);
      expect(await stored()).toEqual(before);
    });

    it('refuses an upload without a session, with the wrong role or from a foreign origin: nothing stored', async ({ skip }) => {
      if (!database) return skip();
      const before = await stored();
      const bytes = await makeImage('png', 120, 80);
      const cases = [
        { user: null, origin: 'http://portal.test', status: 401 },
        { user: people.viewer, origin: 'http://portal.test', status: 403 },
        { user: people.editor, origin: 'https://evil.example', status: 403 },
        { user: people.editor, origin: null, status: 403 },
      ];
      for (const scenario of cases) {
        session.user = scenario.user;
        session.origin = scenario.origin;
        const { status, body } = await upload({ file: { bytes, name: 'a.png', type: 'image/png' }, alt: 'Ảnh' });
        expect(status).toBe(scenario.status);
        expect(body.error).toEqual(expect.any(String));
      }
      expect(await stored()).toEqual(before);
    });

    it('shows a cover saved with an article, with its alt text, srcset and size, on the article page', async ({ skip }) => {
      if (!database) return skip();
      const db = database.db;
      const [seed] = await db
        .select({ id: articles.id, slug: articles.slug })
        .from(articles)
        .where(eq(articles.status, 'published'))
        .limit(1);
      const { body } = await upload({
        file: { bytes: await makeImage('jpeg', 1200, 800), name: 'bia.jpg', type: 'image/jpeg' },
        alt: 'Toàn cảnh hội nghị',
      });
      const coverId = body.media!.id;

      session.user = people.editor;
      const editable = (await getEditableArticle({ db, id: seed!.id }))!;
      const input = {
        id: seed!.id,
        version: editable.version,
        title: editable.title,
        summary: editable.summary,
        bodyHtml: editable.bodyHtml,
        categoryId: editable.categoryId,
        byline: editable.byline,
      };
      expect(await saveArticle({ ...input, coverMediaId: 999999 })).toMatchObject({
        ok: false,
        fieldErrors: { coverMediaId: [expect.any(String)] },
      });
      expect(await saveArticle({ ...input, coverMediaId: 'abc' })).toMatchObject({
        ok: false,
        fieldErrors: { coverMediaId: ['Ảnh bìa không hợp lệ.'] },
      });
      const saved = await saveArticle({ ...input, coverMediaId: String(coverId) });
      expect(saved).toMatchObject({ ok: true });

      const article = (await getPublishedArticleBySlug({ slug: seed!.slug }))!;
      const coverKey = body.media!.key;
      expect(article.cover).toEqual({ id: coverId, key: coverKey, alt: 'Toàn cảnh hội nghị', width: 1200, height: 800 });
      const html = renderToStaticMarkup(ArticleContent(article));
      expect(html).toContain('alt="Toàn cảnh hội nghị"');
      expect(html).toContain(
        `srcSet="/media/${coverKey}/320.webp 320w, /media/${coverKey}/640.webp 640w, /media/${coverKey}/960.webp 960w, /media/${coverKey}/1280.webp 1200w"`,
      );
      // The cover of a published article is public, and cached as such.
      session.user = null;
      const publicCover = await variant(coverKey, '640.webp');
      expect(publicCover.status).toBe(200);
      expect(publicCover.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      session.user = people.editor;
      expect(html).toMatch(/width="1200" height="800"/);
      expect(html).toContain('loading="eager"');

      // Changing the alt text revalidates the pages that show the image; an author may not change another's image.
      session.user = people.authorB;
      expect(await saveMediaAlt({ id: coverId, alt: 'Không được đổi' })).toMatchObject({ ok: false });
      session.user = people.editor;
      expect(await saveMediaAlt({ id: coverId, alt: 'Hội nghị sơ kết giao ước thi đua' })).toMatchObject({ ok: true });
      expect(revalidatePath).toHaveBeenCalledWith(`/tin-tuc/${seed!.slug}`, undefined);
      expect((await getPublishedArticleBySlug({ slug: seed!.slug }))!.cover!.alt).toBe('Hội nghị sơ kết giao ước thi đua');

      const library = await listMediaLibrary({});
      expect(library).toMatchObject({ ok: true, items: expect.arrayContaining([expect.objectContaining({ id: coverId })]) });

      // Saving without the field keeps the cover; '' removes it.
      const kept = await saveArticle({ ...input, version: (await getEditableArticle({ db, id: seed!.id }))!.version });
      expect(kept).toMatchObject({ ok: true });
      expect((await getEditableArticle({ db, id: seed!.id }))!.coverMediaId).toBe(coverId);
      const removed = await saveArticle({ ...input, version: (await getEditableArticle({ db, id: seed!.id }))!.version, coverMediaId: '' });
      expect(removed).toMatchObject({ ok: true });
      expect((await getPublishedArticleBySlug({ slug: seed!.slug }))!.cover).toBeNull();
    });

    it('deletes an image only when no article shows it, as cover or in its text, and only for those who may change it', async ({
      skip,
    }) => {
      if (!database) return skip();
      const db = database.db;
      session.user = people.authorA;
      const { body } = await upload({
        file: { bytes: await makeImage('png', 640, 400), name: 'xoa.png', type: 'image/png' },
        alt: 'Ảnh sẽ xóa',
      });
      const { id, key } = body.media!;
      const [draft] = await db
        .insert(articles)
        .values({
          slug: 'bai-co-anh',
          title: 'Bài có ảnh trong nội dung',
          categoryId: (await db.select({ c: articles.categoryId }).from(articles).limit(1))[0]!.c,
          status: 'draft',
          coverMediaId: id,
        })
        .returning({ id: articles.id });
      const before = await stored();

      session.user = people.authorB;
      expect(await deleteMedia({ id })).toMatchObject({ ok: false });
      session.user = people.editor;
      expect(await deleteMedia({ id })).toMatchObject({ ok: false, error: expect.stringContaining('“Bài có ảnh trong nội dung”') });
      await db
        .update(articles)
        .set({ coverMediaId: null, bodyHtml: `<figure><img src="/media/${key}/960.webp" alt="Ảnh" /></figure>` })
        .where(eq(articles.id, draft!.id));
      expect(await deleteMedia({ id })).toMatchObject({ ok: false, error: expect.stringContaining('đang được dùng') });
      expect(await stored()).toEqual(before);

      await db.update(articles).set({ bodyHtml: '<p>Không còn ảnh.</p>' }).where(eq(articles.id, draft!.id));
      expect(await deleteMedia({ id })).toMatchObject({ ok: true });
      expect(await stored()).toEqual({ media: before.media - 1, blobs: before.blobs - 1 });
      expect((await variant(key, '320.webp')).status).toBe(404);
    });

    it('keeps the images of unpublished articles from the public, and their addresses from being counted out', async ({ skip }) => {
      if (!database) return skip();
      const db = database.db;
      session.user = people.authorA;
      const { body } = await upload({
        file: { bytes: await makeImage('png', 900, 500), name: 'nhap.png', type: 'image/png' },
        alt: 'Ảnh của bản nháp',
      });
      const { id, key } = body.media!;
      const [category] = await db.select({ id: articles.categoryId }).from(articles).limit(1);
      await db.insert(articles).values({
        slug: 'ban-nhap-co-anh',
        title: 'Bản nháp có ảnh',
        categoryId: category!.id,
        authorId: people.authorA.id,
        status: 'draft',
        coverMediaId: id,
      });
      // A visitor: by key or by the sequential id, the same 404 as for an image that does not exist.
      session.user = null;
      expect((await variant(key, '640.webp')).status).toBe(404);
      expect((await variant(id, '640.webp')).status).toBe(404);
      // Staff who write see it, without a shared cache keeping it; a statistics viewer does not.
      session.user = people.viewer;
      expect((await variant(key, '640.webp')).status).toBe(404);
      session.user = people.editor;
      const staff = await variant(key, '640.webp');
      expect(staff.status).toBe(200);
      expect(staff.headers.get('cache-control')).toBe('private, no-cache');
      // Once the article is published, the image is public.
      await db
        .update(articles)
        .set({ status: 'published', publishedAt: new Date(Date.now() - 1000) })
        .where(eq(articles.slug, 'ban-nhap-co-anh'));
      session.user = null;
      expect((await variant(key, '640.webp')).status).toBe(200);
    });
  });
}

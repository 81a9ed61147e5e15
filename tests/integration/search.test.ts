import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provideDatabase } from '@/db';
import { agencyPages, articles, categories, documentCatalog, documents, procedures, questions } from '@/db/schema';
import { documentNumberKey, documentSearchText } from '@/lib/documents/rules';
import { procedureSearchText } from '@/lib/procedures';
import { questionSearchText } from '@/lib/questions/rules';
import { foldedWordsSql, parseSearchQuery, searchWordsText } from '@/lib/search-text';
import type { SearchType } from '@/lib/search/results';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

const { searchSite } = await import('@/db/queries/search');

async function titles(q: string, type: SearchType | null = null, page = 1): Promise<string[]> {
  const { results } = await searchSite({ query: parseSearchQuery(q), type, page });
  return results.map((result) => result.title);
}

for (const kind of databaseKinds) {
  describe(`site search on ${kind.name}`, () => {
    let database: TestDatabase | undefined;

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      const db = database.db;
      const [category] = await db.select({ id: categories.id }).from(categories).limit(1);
      const article = (title: string, daysAgo: number, extra: Partial<typeof articles.$inferInsert> = {}) => ({
        slug: `bai-${Math.random().toString(36).slice(2, 10)}`,
        title,
        summary: '',
        bodyHtml: '',
        categoryId: category!.id,
        status: 'published' as const,
        publishedAt: new Date(Date.now() - daysAgo * 86_400_000),
        ...extra,
      });
      await db.insert(articles).values([
        article('Phong trào Đồng Khởi mới ở Bến Tre', 30),
        article('Phong trao Dong Khoi moi go khong dau', 1),
        article('Ươm mầm tài năng trẻ', 2, { summary: 'Thủ tục đăng ký dự thi' }),
        article('Bản tin an toàn giao thông', 3, {
          bodyHtml: '<p>Chương trình &amp; kế hoạch <strong>thi đua khen thưởng</strong> năm nay</p>',
        }),
        article('Khen thưởng và thi đua', 4),
        article('Tin nháp về Đồng Khởi', 0, { status: 'draft' }),
        article('Bài hẹn giờ về Đồng Khởi', -2),
        // Pasted in decomposed form (as from some editors): still found.
        article('Hội thảo ngành nội vụ'.normalize('NFD'), 5),
        article('100% cán bộ_đạt chuẩn: A&B | C! "trích dẫn" \\ 😀', 6),
      ]);
      const catalog = await db.select().from(documentCatalog);
      const type = catalog.find((entry) => entry.kind === 'type')!;
      const issuer = catalog.find((entry) => entry.kind === 'issuer')!;
      const number = '42/2022/NĐ-CP';
      const summary = 'Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến';
      await db.insert(documents).values({
        slug: 'nghi-dinh-42-2022',
        number,
        numberKey: documentNumberKey(number),
        typeId: type.id,
        issuerId: issuer.id,
        issuedOn: '2022-06-24',
        summary,
        searchText: documentSearchText({ number, summary }),
        status: 'published',
        publishedAt: new Date(),
      });
      const code = '1.009876';
      const name = 'Thủ tục công nhận ban vận động thành lập hội';
      await db.insert(procedures).values({
        slug: 'cong-nhan-ban-van-dong',
        code,
        name,
        level: 'province',
        searchText: procedureSearchText({ code, name }),
        status: 'published',
        publishedAt: new Date(),
      });
      const question = (title: string, published: boolean) => {
        const content = 'Xin hỏi thủ tục xét tuyển viên chức năm nay gồm những giấy tờ gì?';
        const answerText = 'Hồ sơ gồm phiếu đăng ký dự tuyển theo mẫu.';
        const code = Math.random().toString(36).slice(2);
        return {
          codeHash: `hash-${code}`,
          askerName: 'Nguyễn Văn A',
          email: 'nguoi-hoi@example.vn',
          title,
          content,
          status: 'answered' as const,
          answerHtml: `<p>${answerText}</p>`,
          ...(published
            ? { publishedAt: new Date(), slug: `hoi-${code}`, searchText: questionSearchText({ title, content, answerText }) }
            : {}),
        };
      };
      await db.insert(questions).values([question('Hồ sơ xét tuyển viên chức', true), question('Câu hỏi chưa đăng về xét tuyển', false)]);
      await db
        .insert(agencyPages)
        .values({ key: 'history', bodyHtml: '<p>Sở được thành lập năm 1976 trên cơ sở Ban Tổ chức chính quyền tỉnh.</p>' })
        .onConflictDoUpdate({ target: agencyPages.key, set: { bodyHtml: sql`excluded.body_html` } });
    });

    afterAll(async () => {
      await database?.drop();
    });

    it('folds in the database exactly as lib/search-text.ts does, upper case, đ/Đ and decomposed text included', async ({ skip }) => {
      if (!database) skip();
      const sample = 'ĐỒNG Khởi đ Đ ươ ƯƠ Ưu Ơi ỷ Ỹ ạ Ậ QUẢN LÝ 42/2022/NĐ-CP cán_bộ 100%'.concat(' ', 'Nghị định'.normalize('NFD'));
      const [row] = await database!.db
        .select({ folded: sql<string>`${sql.raw(foldedWordsSql('cast($1 as text)').replace('$1', `'${sample}'`))}` })
        .from(sql`(select 1) as one`);
      expect(row!.folded).toBe(searchWordsText(sample));
      // The same folding in the function the index's triggers use (drizzle/0014_search_entries_triggers.sql).
      const [fromFunction] = await database!.db.select({ folded: sql<string>`search_words(${sample})` }).from(sql`(select 1) as one`);
      expect(fromFunction!.folded).toBe(searchWordsText(sample));
      expect(searchWordsText(sample)).toBe(' dong khoi d d uo uo uu oi y y a a quan ly 42 2022 nd cp can bo 100 nghi dinh ');
    });

    it('finds "dong khoi" in the seed article and in titles, with or without diacritics, in any case', async ({ skip }) => {
      if (!database) skip();
      for (const q of ['dong khoi', 'DONG KHOI', 'Đồng Khởi', 'đồng khởi', 'Dong Khởi']) {
        const found = await titles(q);
        expect(found, q).toContain('Phong trào Đồng Khởi mới ở Bến Tre');
        expect(found, q).toContain('Phong trao Dong Khoi moi go khong dau');
        expect(
          found.some((title) => title.startsWith('HỘI NGHỊ SƠ KẾT GIAO ƯỚC THI ĐUA')),
          q,
        ).toBe(true);
        // Drafts and articles whose time has not come are not public.
        expect(found, q).not.toContain('Tin nháp về Đồng Khởi');
        expect(found, q).not.toContain('Bài hẹn giờ về Đồng Khởi');
      }
    });

    it('ranks exact diacritics first when the query has them, otherwise the newest first', async ({ skip }) => {
      if (!database) skip();
      expect((await titles('Đồng Khởi'))[0]).toBe('Phong trào Đồng Khởi mới ở Bến Tre');
      expect((await titles('dong khoi'))[0]).toBe('Phong trao Dong Khoi moi go khong dau');
    });

    it('ranks the same when a kind found often is walked from its newest entries', async ({ skip }) => {
      if (!database) skip();
      const { findEntries, INDEXED_TYPES } = await import('@/db/queries/search/entries');
      for (const q of ['dong khoi', 'Đồng Khởi', 'thi dua', 'khen thuong', 'phong trao', 'thu tuc', 'quy dinh', '"thi đua khen thưởng"']) {
        const query = parseSearchQuery(q);
        const both = { db: database!.db, query, types: INDEXED_TYPES, limit: 10 };
        const indexed = await findEntries({ ...both, walkFrom: Number.POSITIVE_INFINITY });
        const walked = await findEntries({ ...both, walkFrom: 1 });
        expect(walked, q).toEqual(indexed);
        // Counts stop one past the cap (shown as "hơn …"); what is found stays the same.
        const capped = await findEntries({ ...both, countCap: 1 });
        expect(capped.hits, q).toEqual(indexed.hits);
        for (const type of INDEXED_TYPES)
          expect(capped.counts[type], `${q} ${type}`).toBe(indexed.counts[type] && Math.min(indexed.counts[type]!, 2));
        expect(indexed.hits.length, q).toBeGreaterThan(0);
      }
    });

    it('matches ơ/ư and đ both ways, whole words only, and every word', async ({ skip }) => {
      if (!database) skip();
      expect(await titles('uom mam')).toEqual(['Ươm mầm tài năng trẻ']);
      expect(await titles('ƯƠM MẦM')).toEqual(['Ươm mầm tài năng trẻ']);
      expect(await titles('thu tuc dang ky')).toContain('Ươm mầm tài năng trẻ');
      expect(await titles('hoi thao noi vu')).toEqual(['Hội thảo ngành nội vụ'.normalize('NFD')]);
      // Every word must be there.
      expect(await titles('uom mam khong')).toEqual([]);
      // "an" is a word of its own, never the inside of "Bản" or "toàn".
      expect(await titles('ban tin an toan')).toEqual(['Bản tin an toàn giao thông']);
      expect(await titles('ươm mầm tin')).toEqual([]);
    });

    it('a phrase in quotes must match as a phrase; words alone in any order', async ({ skip }) => {
      if (!database) skip();
      const words = await titles('khen thuong thi dua');
      expect(words).toEqual(expect.arrayContaining(['Bản tin an toàn giao thông', 'Khen thưởng và thi đua']));
      expect(await titles('"thi đua khen thưởng"')).toContain('Bản tin an toàn giao thông');
      expect(await titles('"thi đua khen thưởng"')).not.toContain('Khen thưởng và thi đua');
      expect(await titles('“khen thưởng và thi đua”')).toEqual(['Khen thưởng và thi đua']);
    });

    it('treats odd characters as text and never fails on them', async ({ skip }) => {
      if (!database) skip();
      for (const q of ['%', '_', "'", '\\', '&', '|', '!', ':*', '"', '😀', "' or 1=1 --", '%%%_', 'a:* & b | !c', '\u0000']) {
        await expect(searchSite({ query: parseSearchQuery(q), type: null, page: 1 }), q).resolves.toBeDefined();
      }
      expect(await titles('%')).toEqual([]);
      expect(await titles('100% cán bộ_đạt')).toEqual(['100% cán bộ_đạt chuẩn: A&B | C! "trích dẫn" \\ 😀']);
      expect(await titles('a&b')).toEqual(['100% cán bộ_đạt chuẩn: A&B | C! "trích dẫn" \\ 😀']);
      // A character reference in the body is not a word.
      expect(await titles('amp')).toEqual([]);
    });

    it('finds documents by number and trích yếu, procedures, and the agency pages, with counts per type', async ({ skip }) => {
      if (!database) skip();
      expect(await titles('42/2022/nd-cp')).toEqual([expect.stringContaining('số 42/2022/NĐ-CP')]);
      expect(await titles('dich vu cong truc tuyen', 'van-ban')).toHaveLength(1);
      expect(await titles('ban van dong thanh lap hoi', 'thu-tuc')).toEqual(['Thủ tục công nhận ban vận động thành lập hội']);
      expect(await titles('ban to chuc chinh quyen')).toEqual(['Lịch sử']);
      const { counts, total, results } = await searchSite({ query: parseSearchQuery('thành lập'), type: null, page: 1 });
      expect(counts).toMatchObject({ 'thu-tuc': 1, trang: 1 });
      expect(total).toBe(Object.values(counts).reduce((sum, n) => sum + n, 0));
      expect(results.map((result) => result.type)).toEqual(expect.arrayContaining(['thu-tuc', 'trang']));
      expect(results).toHaveLength(total);
      const onlyPages = await searchSite({ query: parseSearchQuery('thành lập'), type: 'trang', page: 1 });
      expect(onlyPages.results.map((result) => result.href)).toEqual(['/gioi-thieu/lich-su']);
    });

    it('finds published questions and answers as "Hỏi đáp", never one that is not published', async ({ skip }) => {
      if (!database) skip();
      const { results, counts } = await searchSite({ query: parseSearchQuery('xet tuyen'), type: 'hoi-dap', page: 1 });
      expect(results.map((result) => result.title)).toEqual(['Hồ sơ xét tuyển viên chức']);
      expect(results[0]!.href).toMatch(/^\/hoi-dap\/hoi-/);
      expect(counts['hoi-dap']).toBe(1);
      // The answer is searched too, and the asker's email is in no result.
      expect(await titles('phieu dang ky du tuyen', 'hoi-dap')).toEqual(['Hồ sơ xét tuyển viên chức']);
      expect(JSON.stringify(results)).not.toContain('nguoi-hoi@example.vn');
    });

    it('pages results by ten, best first across types', async ({ skip }) => {
      if (!database) skip();
      const db = database!.db;
      const [category] = await db.select({ id: categories.id }).from(categories).limit(1);
      await db.insert(articles).values(
        Array.from({ length: 23 }, (_, i) => ({
          slug: `trang-ket-qua-${i}`,
          title: `Tuyển sinh lớp bồi dưỡng số ${i}`,
          categoryId: category!.id,
          status: 'published' as const,
          publishedAt: new Date(Date.now() - (i + 10) * 86_400_000),
        })),
      );
      const first = await searchSite({ query: parseSearchQuery('tuyen sinh boi duong'), type: null, page: 1 });
      const third = await searchSite({ query: parseSearchQuery('tuyen sinh boi duong'), type: null, page: 3 });
      expect(first.total).toBe(23);
      expect(first.results.map((result) => result.title)[0]).toBe('Tuyển sinh lớp bồi dưỡng số 0');
      expect(third.results.map((result) => result.title)).toEqual([
        'Tuyển sinh lớp bồi dưỡng số 20',
        'Tuyển sinh lớp bồi dưỡng số 21',
        'Tuyển sinh lớp bồi dưỡng số 22',
      ]);
      await db.delete(articles).where(sql`${articles.slug} like 'trang-ket-qua-%'`);
    });

    it('keeps the index with the content: what stops being public leaves it, a scheduled article shows when its time comes', async ({
      skip,
    }) => {
      if (!database) skip();
      const db = database!.db;
      expect(await titles('cung cap thong tin', 'van-ban')).toHaveLength(1);
      await db.update(documents).set({ status: 'draft' }).where(eq(documents.slug, 'nghi-dinh-42-2022'));
      expect(await titles('cung cap thong tin', 'van-ban')).toEqual([]);
      await db.update(documents).set({ status: 'published' }).where(eq(documents.slug, 'nghi-dinh-42-2022'));
      expect(await titles('cung cap thong tin', 'van-ban')).toHaveLength(1);

      // Taken off /hoi-dap: gone from the search too.
      await db.update(questions).set({ publishedAt: null }).where(eq(questions.title, 'Hồ sơ xét tuyển viên chức'));
      expect(await titles('xet tuyen', 'hoi-dap')).toEqual([]);
      await db.update(questions).set({ publishedAt: new Date() }).where(eq(questions.title, 'Hồ sơ xét tuyển viên chức'));
      expect(await titles('xet tuyen', 'hoi-dap')).toEqual(['Hồ sơ xét tuyển viên chức']);

      // Scheduled: in the index already, found once its time has come, with no write in between.
      const [category] = await db.select({ id: categories.id }).from(categories).limit(1);
      const [scheduled] = await db
        .insert(articles)
        .values({
          slug: 'bai-hen-gio-vai-giay',
          title: 'Lịch tiếp công dân tháng tới',
          categoryId: category!.id,
          status: 'published',
          publishedAt: new Date(Date.now() + 1500),
        })
        .returning({ id: articles.id });
      expect(await titles('lich tiep cong dan')).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect(await titles('lich tiep cong dan')).toEqual(['Lịch tiếp công dân tháng tới']);
      await db.delete(articles).where(eq(articles.id, scheduled!.id));
      expect(await titles('lich tiep cong dan')).toEqual([]);
    });

    it('keeps the index with the content: an edited title is found at once by its new words', async ({ skip }) => {
      if (!database) skip();
      const db = database!.db;
      await db.update(articles).set({ title: 'Ươm mầm nhân tài Quảng Trị' }).where(eq(articles.title, 'Ươm mầm tài năng trẻ'));
      expect(await titles('quang tri')).toEqual(['Ươm mầm nhân tài Quảng Trị']);
      expect(await titles('uom mam tai nang')).toEqual([]);
    });
  });
}

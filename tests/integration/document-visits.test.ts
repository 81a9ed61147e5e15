import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentCatalog, documentFiles, documents, pageViewDaily, procedures } from '@/db/schema';
import { createVisitRecorder, type PageViewHit } from '@/server/visits/recorder';
import { OTHER_PATH } from '@/lib/visits/rules';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

for (const kind of databaseKinds) {
  describe(`views of documents, downloads of their files and views of procedures on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    const ids = { published: 0, draft: 0, file: 0, draftFile: 0 };

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      const db = database.db;
      const [type] = await db.select({ id: documentCatalog.id }).from(documentCatalog).where(eq(documentCatalog.kind, 'type')).limit(1);
      const [issuer] = await db.select({ id: documentCatalog.id }).from(documentCatalog).where(eq(documentCatalog.kind, 'issuer')).limit(1);
      const base = { typeId: type!.id, issuerId: issuer!.id, issuedOn: '2026-01-01', summary: 'x', searchText: 'x' };
      const inserted = await db
        .insert(documents)
        .values([
          { ...base, slug: 'van-ban-da-dang', number: '1/A', numberKey: '1/a', status: 'published' },
          { ...base, slug: 'van-ban-nhap', number: '2/A', numberKey: '2/a', status: 'draft' },
        ])
        .returning({ id: documents.id });
      [ids.published, ids.draft] = inserted.map((row) => row.id) as [number, number];
      const files = await db
        .insert(documentFiles)
        .values([
          { documentId: ids.published, fileName: 'a.pdf', mimeType: 'application/pdf', bytes: 1, sha256: 'a' },
          { documentId: ids.draft, fileName: 'b.pdf', mimeType: 'application/pdf', bytes: 1, sha256: 'b' },
        ])
        .returning({ id: documentFiles.id });
      [ids.file, ids.draftFile] = files.map((row) => row.id) as [number, number];
      await db
        .insert(procedures)
        .values({ slug: 'thu-tuc-da-dang', code: '1.1', name: 'Thủ tục', level: 'province', searchText: 'x', status: 'published' });
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('keeps rows for published documents, their files and procedures; folds drafts and unknown ones into other pages', async ({
      skip,
    }) => {
      if (!database) return skip();
      const at = Date.parse('2031-03-03T10:00:00+07:00');
      const recorder = createVisitRecorder({ getDb: async () => database!.db, now: () => at, autoFlush: false, log: () => {} });
      const hit = (path: string, i: number): PageViewHit => ({
        visitorId: `v${i}`,
        isNew: true,
        at: at + i,
        path,
        referrer: null,
        userAgent: 'Mozilla/5.0',
        host: 'localhost',
      });
      const paths = [
        '/van-ban',
        '/van-ban/van-ban-da-dang',
        `/tep-van-ban/${ids.file}`,
        `/tep-van-ban/${ids.file}`,
        '/thu-tuc-hanh-chinh',
        '/thu-tuc-hanh-chinh/thu-tuc-da-dang',
        '/van-ban/van-ban-nhap',
        `/tep-van-ban/${ids.draftFile}`,
        '/van-ban/khong-co',
        '/thu-tuc-hanh-chinh/khong-co',
      ];
      for (const [i, path] of paths.entries()) recorder.record(hit(path, i));
      expect(await recorder.flush()).toBe(true);
      const rows = await database.db
        .select({ path: pageViewDaily.path, views: pageViewDaily.views })
        .from(pageViewDaily)
        .where(eq(pageViewDaily.day, '2031-03-03'));
      expect(Object.fromEntries(rows.map((row) => [row.path, row.views]))).toEqual({
        '/van-ban': 1,
        '/van-ban/van-ban-da-dang': 1,
        [`/tep-van-ban/${ids.file}`]: 2,
        '/thu-tuc-hanh-chinh': 1,
        '/thu-tuc-hanh-chinh/thu-tuc-da-dang': 1,
        [OTHER_PATH]: 4,
      });
    });
  });
}

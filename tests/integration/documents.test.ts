import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import { auditLog, documentCatalog, documents, users } from '@/db/schema';
import { FILE_MESSAGES } from '@/lib/documents/file-type';
import { sampleExecutable, samplePdf } from '../helpers/document-files';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

// The seams: the session, the request headers and Next's cache, so actions run outside Next.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/auth', () => ({ auth: async () => session.user }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', origin: 'http://portal.test' }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn(), updateTag: vi.fn() }));

const { createDocument, saveDocument, publishDocument, withdrawDocument } = await import('@/server/documents/actions');
const { handleDocumentFileUpload, serveDocumentFile } = await import('@/server/documents/files');
const { getDocumentForStaff, getPublishedDocumentBySlug, listPublicDocuments } = await import('@/db/queries/documents');
const { handleDocumentImport, importDocuments } = await import('@/server/documents/import');
const catalogActions = await import('@/app/(vi)/(staff)/quan-tri/van-ban/danh-muc/actions');

for (const kind of databaseKinds) {
  describe(`documents on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    let editor: SessionUser;
    let author: SessionUser;
    const ids = {} as Record<'nghiDinh' | 'quyetDinh' | 'congVan' | 'chinhPhu' | 'ubnd' | 'so' | 'tonGiao' | 'congChuc', number>;

    async function catalogId(kindName: 'type' | 'issuer' | 'field', name: string): Promise<number> {
      const [row] = await database!.db
        .select({ id: documentCatalog.id, kind: documentCatalog.kind })
        .from(documentCatalog)
        .where(eq(documentCatalog.name, name));
      expect(row?.kind).toBe(kindName);
      return row!.id;
    }

    const fields = (overrides: Record<string, unknown> = {}) => ({
      number: '42/2022/NĐ-CP',
      typeId: String(ids.nghiDinh),
      issuerId: String(ids.chinhPhu),
      fieldId: String(ids.congChuc),
      signerName: 'Nguyễn Văn A',
      signerTitle: 'Thủ tướng',
      issuedOn: '2022-06-24',
      effectiveOn: '2022-08-15',
      expiresOn: '',
      summary: 'Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng',
      relations: '',
      ...overrides,
    });

    async function create(overrides: Record<string, unknown> = {}, publish = true): Promise<number> {
      session.user = editor;
      const created = await createDocument(fields(overrides));
      expect(created).toMatchObject({ ok: true });
      const id = (created as { id: number }).id;
      if (publish) expect(await publishDocument({ id, version: 1 })).toMatchObject({ ok: true });
      return id;
    }

    const list = (filters: Parameters<typeof listPublicDocuments>[0]['filters'], today = '2026-01-01') =>
      listPublicDocuments({ filters, today, page: 1, pageSize: 20 }).then((result) => result.items.map((item) => item.number));

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
      ids.nghiDinh = await catalogId('type', 'Nghị định');
      ids.quyetDinh = await catalogId('type', 'Quyết định');
      ids.congVan = await catalogId('type', 'Công văn');
      ids.chinhPhu = await catalogId('issuer', 'Chính phủ');
      ids.ubnd = await catalogId('issuer', 'UBND tỉnh An Giang');
      ids.so = await catalogId('issuer', 'Sở Nội vụ tỉnh An Giang');
      ids.tonGiao = await catalogId('field', 'Tôn giáo');
      ids.congChuc = await catalogId('field', 'Công chức, viên chức');
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(() => {
      session.user = null;
      revalidatePath.mockClear();
    });

    it('starts with no documents at all', async ({ skip }) => {
      if (!database) return skip();
      expect(await database.db.select().from(documents)).toEqual([]);
      expect(await list({})).toEqual([]);
    });

    it('finds documents by number and trích yếu with or without diacritics, and by every filter', async ({ skip }) => {
      if (!database) return skip();
      await create();
      await create({
        number: '15/2024/QĐ-UBND',
        typeId: String(ids.quyetDinh),
        issuerId: String(ids.ubnd),
        fieldId: String(ids.tonGiao),
        issuedOn: '2024-03-05',
        effectiveOn: '',
        summary: 'Ban hành quy chế phối hợp quản lý nhà nước về tín ngưỡng, tôn giáo',
      });
      await create({
        number: '120/SNV-VP',
        typeId: String(ids.congVan),
        issuerId: String(ids.so),
        fieldId: '',
        issuedOn: '2025-11-30',
        effectiveOn: '',
        expiresOn: '2025-12-31',
        summary: 'Về việc đăng ký thi đua năm 2026 (100% đơn vị)',
      });
      // A draft is never listed.
      await create(
        { number: '7/2026/QĐ-UBND', typeId: String(ids.quyetDinh), issuerId: String(ids.ubnd), issuedOn: '2026-01-01', summary: 'Dự thảo' },
        false,
      );

      expect(await list({})).toEqual(['120/SNV-VP', '15/2024/QĐ-UBND', '42/2022/NĐ-CP']);
      expect(await list({ keyword: '42/2022/nd-cp' })).toEqual(['42/2022/NĐ-CP']);
      expect(await list({ keyword: '42/2022' })).toEqual(['42/2022/NĐ-CP']);
      expect(await list({ keyword: 'qd-ubnd' })).toEqual(['15/2024/QĐ-UBND']);
      expect(await list({ keyword: 'TIN NGUONG ton giao' })).toEqual(['15/2024/QĐ-UBND']);
      expect(await list({ keyword: 'dịch vụ công trực tuyến' })).toEqual(['42/2022/NĐ-CP']);
      expect(await list({ keyword: 'dang ky thi dua' })).toEqual(['120/SNV-VP']);
      expect(await list({ typeId: ids.quyetDinh, year: 2024 })).toEqual(['15/2024/QĐ-UBND']);
      expect(await list({ typeId: ids.quyetDinh, year: 2023 })).toEqual([]);
      expect(await list({ issuerId: ids.chinhPhu, fieldId: ids.congChuc })).toEqual(['42/2022/NĐ-CP']);
      // LIKE and SQL characters are only characters.
      expect(await list({ keyword: '100%' })).toEqual(['120/SNV-VP']);
      expect(await list({ keyword: '%' })).toEqual(['120/SNV-VP']);
      for (const keyword of ['_', "'", '\\', "' or 1=1 --", '%%%_']) expect(await list({ keyword })).toEqual([]);
    });

    it('filters by effect status on the Vietnamese day it is asked', async ({ skip }) => {
      if (!database) return skip();
      await create({ number: '3/2026/NĐ-CP', issuedOn: '2025-12-20', effectiveOn: '2026-01-02', summary: 'Hiệu lực từ ngày 2 tháng 1' });
      expect(await list({ effect: 'not_yet' }, '2026-01-01')).toEqual(['3/2026/NĐ-CP']);
      expect(await list({ effect: 'in_effect' }, '2026-01-02')).toContain('3/2026/NĐ-CP');
      expect(await list({ effect: 'expired' }, '2026-01-01')).toEqual(['120/SNV-VP']);
      expect(await list({ effect: 'in_effect' }, '2025-12-30')).toContain('120/SNV-VP');
      expect(await list({ effect: 'in_effect' }, '2025-12-31')).not.toContain('120/SNV-VP');
    });

    it('refuses a second number from one issuer, accents and case aside; another issuer may use it', async ({ skip }) => {
      if (!database) return skip();
      session.user = editor;
      const duplicate = await createDocument(fields({ number: '42/2022/nd-cp', summary: 'Trùng số' }));
      expect(duplicate).toMatchObject({ ok: false, fieldErrors: { number: ['Cơ quan ban hành này đã có văn bản số 42/2022/NĐ-CP.'] } });
      expect(await createDocument(fields({ issuerId: String(ids.ubnd), summary: 'Cùng số, cơ quan khác' }))).toMatchObject({ ok: true });
      expect(await createDocument(fields({ issuedOn: '31/02/2024' }))).toMatchObject({
        ok: false,
        fieldErrors: { issuedOn: [expect.stringContaining('không hợp lệ')] },
      });
      expect(await createDocument(fields({ typeId: String(ids.chinhPhu), number: '1/X' }))).toMatchObject({
        ok: false,
        fieldErrors: { typeId: ['Loại văn bản không có trong danh mục.'] },
      });
    });

    it('records relations both ways, shows only published ones, and audits every change', async ({ skip }) => {
      if (!database) return skip();
      const old = await create({ number: '100/2020/NĐ-CP', issuedOn: '2020-01-01', effectiveOn: '', summary: 'Văn bản cũ' });
      const draft = await create(
        { number: '101/2020/NĐ-CP', issuedOn: '2020-02-01', effectiveOn: '', summary: 'Bản nháp liên quan' },
        false,
      );
      const newer = await create({
        number: '200/2025/NĐ-CP',
        issuedOn: '2025-01-01',
        effectiveOn: '',
        summary: 'Văn bản mới',
        relations: `replaces:${old},related:${draft}`,
      });
      const oldPage = await getPublishedDocumentBySlug({ slug: (await getDocumentForStaff({ id: old }))!.slug });
      expect(oldPage!.relations.replacedBy.map((r) => r.number)).toEqual(['200/2025/NĐ-CP']);
      const newPage = await getPublishedDocumentBySlug({ slug: (await getDocumentForStaff({ id: newer }))!.slug });
      expect(newPage!.relations.replaces.map((r) => r.number)).toEqual(['100/2020/NĐ-CP']);
      // The draft is related but not public yet.
      expect(newPage!.relations.related).toEqual([]);
      expect(await createDocument(fields({ number: '9/Z', relations: 'replaces:999999' }))).toMatchObject({
        ok: false,
        fieldErrors: { relations: ['Văn bản liên quan không tồn tại.'] },
      });

      // Optimistic concurrency: a save on an old version is a conflict.
      const current = (await getDocumentForStaff({ id: newer }))!;
      expect(
        await saveDocument({ ...fields({ number: '200/2025/NĐ-CP', summary: 'Sửa lần một' }), id: newer, version: current.version }),
      ).toMatchObject({ ok: true });
      expect(
        await saveDocument({ ...fields({ number: '200/2025/NĐ-CP', summary: 'Sửa cùng lúc' }), id: newer, version: current.version }),
      ).toMatchObject({ ok: false, conflict: true });
      expect(revalidatePath).toHaveBeenCalledWith(`/van-ban/${current.slug}`, undefined);

      const withdrawn = await withdrawDocument({ id: newer, version: current.version + 1 });
      expect(withdrawn).toMatchObject({ ok: true });
      expect(await getPublishedDocumentBySlug({ slug: current.slug })).toBeNull();
      const actions = (
        await database.db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.objectId, String(newer)))
      ).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['document.create', 'document.publish', 'document.update', 'document.withdraw']));
    });

    it('lets an author write a draft but never publish it', async ({ skip }) => {
      if (!database) return skip();
      session.user = author;
      const created = await createDocument(fields({ number: '1/KH-SNV', issuerId: String(ids.so) }));
      expect(created).toMatchObject({ ok: true });
      const id = (created as { id: number }).id;
      expect(await publishDocument({ id, version: 1 })).toMatchObject({ ok: false });
    });

    it('takes files checked by content, serves them with Range, ETag and the Vietnamese name, never a draft’s to the public', async ({
      skip,
    }) => {
      if (!database) return skip();
      const id = await create(
        { number: '5/2026/QĐ-UBND', typeId: String(ids.quyetDinh), issuerId: String(ids.ubnd), summary: 'Có tệp' },
        false,
      );
      const upload = (name: string, bytes: Buffer) => {
        const form = new FormData();
        form.set('documentId', String(id));
        form.set('file', new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
        return handleDocumentFileUpload(new Request('http://portal.test/api/quan-tri/van-ban/tep', { method: 'POST', body: form }));
      };
      session.user = editor;
      const refused = await upload('quyet-dinh.pdf', sampleExecutable());
      expect(refused.status).toBe(415);
      expect(await refused.json()).toMatchObject({ ok: false, error: FILE_MESSAGES.executable });

      const pdf = samplePdf('Quyet dinh 5');
      const accepted = await upload('Quyết định 5.pdf', pdf);
      expect(accepted.status).toBe(201);
      const { file } = (await accepted.json()) as { file: { id: number } };

      // A draft's file: not for the public.
      session.user = null;
      const get = (headers: Record<string, string> = {}, query = '') =>
        serveDocumentFile(new Request(`http://portal.test/tep-van-ban/${file.id}${query}`, { headers }), { id: String(file.id) });
      expect((await get()).status).toBe(404);

      session.user = editor;
      expect(await publishDocument({ id, version: 1 })).toMatchObject({ ok: true });
      session.user = null;
      const whole = await get();
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toBe('application/pdf');
      expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
      expect(whole.headers.get('content-disposition')).toContain(`filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%205.pdf`);
      expect(Buffer.from(await whole.arrayBuffer()).equals(pdf)).toBe(true);
      const etag = whole.headers.get('etag')!;
      expect((await get({ 'if-none-match': etag })).status).toBe(304);
      const part = await get({ range: 'bytes=0-7' });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 0-7/${pdf.length}`);
      expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('%PDF-1.4');
      expect((await get({ range: `bytes=${pdf.length}-` })).status).toBe(416);
      expect((await get({}, '?xem=1')).headers.get('content-disposition')).toMatch(/^inline; /);
      expect((await serveDocumentFile(new Request('http://portal.test/tep-van-ban/abc'), { id: 'abc' })).status).toBe(404);
    });

    it('imports a CSV all or nothing, with a report of every wrong line', async ({ skip }) => {
      if (!database) return skip();
      const header =
        'Số/Ký hiệu,Loại văn bản,Cơ quan ban hành,Lĩnh vực,Người ký,Chức vụ người ký,Ngày ban hành,Ngày có hiệu lực,Ngày hết hiệu lực,Trích yếu,Trạng thái';
      const good = [
        '01/2026/KH-SNV,Kế hoạch,Sở Nội vụ tỉnh An Giang,Cải cách hành chính,Ngô Hồng Yến,Giám đốc,05/01/2026,,,"Kế hoạch cải cách hành chính năm 2026, giai đoạn 1",Xuất bản',
        '02/2026/TB-SNV,thong bao,so noi vu tinh an giang,,,,2026-01-06,,,Thông báo lịch tiếp công dân,',
      ];
      const before = (await database.db.select({ id: documents.id }).from(documents)).length;
      const bad = await importDocuments({
        text:
          `\uFEFF${header}\n${good.join('\n')}\n` +
          '03/2026/QĐ-SNV,Sắc lệnh,Sở Nội vụ tỉnh An Giang,,,,06/01/2026,,,Loại không có,\n' +
          '04/2026/QĐ-SNV,Quyết định,Sở Nội vụ tỉnh An Giang,,,,31/02/2026,,,Ngày sai,\n' +
          '01/2026/kh-snv,Kế hoạch,Sở Nội vụ tỉnh An Giang,,,,07/01/2026,,,Trùng dòng 2,\n' +
          '05/2026/QĐ-SNV,Quyết định,Sở Nội vụ tỉnh An Giang,,,,07/01/2026,,,,Đã duyệt\n',
        userId: editor.id,
      });
      expect(bad).toMatchObject({ ok: false });
      const problems = (bad as { problems: { line: number; message: string }[] }).problems;
      expect(problems.map((p) => p.line)).toEqual([4, 5, 6, 7]);
      expect(problems[0]!.message).toBe('Loại văn bản “Sắc lệnh” không có trong danh mục.');
      expect(problems[1]!.message).toContain('Ngày ban hành không hợp lệ');
      expect(problems[2]!.message).toBe('Số/Ký hiệu 01/2026/kh-snv trùng với dòng 2 (cùng cơ quan ban hành).');
      expect(problems[3]!.message).toContain('Hãy nhập trích yếu.');
      expect(problems[3]!.message).toContain('Trạng thái “Đã duyệt” không hợp lệ');
      expect((await database.db.select({ id: documents.id }).from(documents)).length).toBe(before);

      // A number already on the portal: refused too, nothing written.
      const clash = await importDocuments({
        text: `${header}\n${good[0]}\n42/2022/nd-cp,Nghị định,Chính phủ,,,,24/06/2022,,,Đã có,\n`,
        userId: editor.id,
      });
      expect(clash).toMatchObject({
        ok: false,
        problems: [{ line: 3, message: 'Cơ quan ban hành này đã có văn bản số 42/2022/NĐ-CP trên cổng.' }],
      });
      expect((await database.db.select({ id: documents.id }).from(documents)).length).toBe(before);

      const progress: number[] = [];
      const done = await importDocuments({
        text: `\uFEFF${header}\r\n${good.join('\r\n')}\r\n`,
        userId: editor.id,
        onProgress: (_step, n) => progress.push(n),
      });
      expect(done).toEqual({ type: 'done', ok: true, created: 2, published: 1 });
      expect(progress.length).toBeGreaterThan(1);
      expect(await list({ keyword: 'ke hoach cai cach' })).toEqual(['01/2026/KH-SNV']);
      expect((await database.db.select({ id: documents.id }).from(documents)).length).toBe(before + 2);

      expect(await importDocuments({ text: 'a,b\n1,2\n', userId: editor.id })).toMatchObject({
        ok: false,
        problems: [{ line: 1 }, { line: 1 }],
      });
      expect(await importDocuments({ text: `${header}\n"không đóng ngoặc,\n`, userId: editor.id })).toMatchObject({ ok: false });

      // Through HTTP: an author may not import; an editor gets progress lines, then the report.
      const post = (text: string) => {
        const form = new FormData();
        form.set('file', new File([text], 'van-ban.csv', { type: 'text/csv' }));
        return handleDocumentImport(new Request('http://portal.test/api/quan-tri/van-ban/nhap', { method: 'POST', body: form }));
      };
      session.user = author;
      expect((await post(`${header}\n`)).status).toBe(403);
      session.user = editor;
      const response = await post(
        `${header}\n06/2026/TB-SNV,Thông báo,Sở Nội vụ tỉnh An Giang,,,,08/01/2026,,,Thông báo qua HTTP,Xuất bản\n`,
      );
      const events = (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(events.at(0)).toMatchObject({ type: 'progress' });
      expect(events.at(-1)).toEqual({ type: 'done', ok: true, created: 1, published: 1 });
      const latin1 = new FormData();
      latin1.set('file', new File([new Uint8Array([0x53, 0xf4, 0x0a])], 'sai.csv'));
      const notUtf8 = await handleDocumentImport(
        new Request('http://portal.test/api/quan-tri/van-ban/nhap', { method: 'POST', body: latin1 }),
      );
      expect(notUtf8.status).toBe(400);
    });

    it('manages the catalogues: unique names, entries in use are renamed, not deleted', async ({ skip }) => {
      if (!database) return skip();
      session.user = author;
      expect(await catalogActions.createCatalogEntry({ kind: 'field', name: 'Hội, quỹ' })).toMatchObject({ ok: false });
      session.user = editor;
      const created = await catalogActions.createCatalogEntry({ kind: 'field', name: 'Hội, quỹ' });
      expect(created).toMatchObject({ ok: true });
      expect(await catalogActions.createCatalogEntry({ kind: 'field', name: 'hội, quỹ' })).toMatchObject({
        ok: false,
        fieldErrors: { name: ['Lĩnh vực này đã có trong danh mục.'] },
      });
      expect(await catalogActions.renameCatalogEntry({ entryId: ids.so, name: 'Sở Nội vụ An Giang' })).toMatchObject({ ok: true });
      expect(await catalogActions.deleteCatalogEntry({ entryId: ids.so })).toMatchObject({
        ok: false,
        error: expect.stringContaining('đang dùng mục này'),
      });
      expect(await catalogActions.deleteCatalogEntry({ entryId: (created as { id: number }).id })).toMatchObject({ ok: true });
    });
  });
}

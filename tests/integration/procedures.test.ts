import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import { documentCatalog, procedures, users } from '@/db/schema';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/auth', () => ({ auth: async () => session.user }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'portal.test', origin: 'http://portal.test' }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn(), updateTag: vi.fn() }));

const { createProcedure, saveProcedure, publishProcedure, withdrawProcedure, savePublicServicePortal } = await import(
  '@/server/procedures/actions'
);
const { importProcedures } = await import('@/server/procedures/import');
const { createDocument, publishDocument } = await import('@/server/documents/actions');
const {
  findPublishedDocumentsByNumberKeys,
  getProcedureForStaff,
  getPublicServicePortalUrl,
  getPublishedProcedureBySlug,
  listPublicProcedures,
} = await import('@/db/queries/procedures');
const { documentNumberIn } = await import('@/lib/procedures');
const { documentNumberKey } = await import('@/lib/documents/rules');

for (const kind of databaseKinds) {
  describe(`procedures on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    let admin: SessionUser;
    let author: SessionUser;
    let tonGiao = 0;
    let congChuc = 0;

    const fields = (overrides: Record<string, unknown> = {}) => ({
      code: '1.001234',
      name: 'Thủ tục đăng ký hoạt động tín ngưỡng',
      fieldId: String(tonGiao),
      level: 'province',
      steps: 'Bước 1: Nộp hồ sơ\nBước 2: Nhận kết quả',
      dossier: 'Văn bản đăng ký',
      processingTime: '15 ngày',
      fees: 'Không',
      legalBasis: 'Luật tín ngưỡng, tôn giáo số 02/2016/QH14\nNghị định số 95/2023/NĐ-CP ngày 29/12/2023',
      ...overrides,
    });
    const list = (filters: Parameters<typeof listPublicProcedures>[0]['filters']) =>
      listPublicProcedures({ filters, page: 1, pageSize: 20 }).then((r) => r.items.map((item) => item.code));

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      [admin, author] = (await database.db
        .insert(users)
        .values([
          { email: 'admin@example.vn', name: 'Quản trị', role: 'admin', passwordHash: 'x' },
          { email: 'author@example.vn', name: 'Phóng viên', role: 'author', passwordHash: 'x' },
        ])
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role })) as [SessionUser, SessionUser];
      const id = async (name: string) =>
        (await database!.db.select({ id: documentCatalog.id }).from(documentCatalog).where(eq(documentCatalog.name, name)))[0]!.id;
      tonGiao = await id('Tôn giáo');
      congChuc = await id('Công chức, viên chức');
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(() => {
      session.user = null;
      revalidatePath.mockClear();
    });

    it('starts empty; finds published procedures by code and name without diacritics, by field and level', async ({ skip }) => {
      if (!database) return skip();
      expect(await database.db.select().from(procedures)).toEqual([]);
      session.user = admin;
      const a = await createProcedure(fields());
      const b = await createProcedure(
        fields({ code: '2.000567', name: 'Thủ tục thi tuyển công chức', fieldId: String(congChuc), level: 'commune', legalBasis: '' }),
      );
      const draft = await createProcedure(fields({ code: '3.1', name: 'Thủ tục nháp' }));
      expect([a.ok, b.ok, draft.ok]).toEqual([true, true, true]);
      for (const created of [a, b])
        expect(await publishProcedure({ id: (created as { id: number }).id, version: 1 })).toMatchObject({ ok: true });

      expect(await list({})).toEqual(['2.000567', '1.001234']);
      expect(await list({ keyword: 'tin nguong' })).toEqual(['1.001234']);
      expect(await list({ keyword: '2.000567' })).toEqual(['2.000567']);
      expect(await list({ fieldId: congChuc, level: 'commune' })).toEqual(['2.000567']);
      expect(await list({ fieldId: congChuc, level: 'province' })).toEqual([]);
      for (const keyword of ['%', '_', "'", '\\']) expect(await list({ keyword })).toEqual([]);

      expect(await createProcedure(fields({ code: '1.001234', name: 'Trùng mã' }))).toMatchObject({
        ok: false,
        fieldErrors: { code: ['Mã thủ tục 1.001234 đã có.'] },
      });
      expect(await createProcedure(fields({ code: '9.9', level: 'toan-quoc' }))).toMatchObject({
        ok: false,
        fieldErrors: { level: expect.any(Array) },
      });

      // Optimistic concurrency and withdrawal.
      const id = (a as { id: number }).id;
      const current = (await getProcedureForStaff({ id }))!;
      expect(await saveProcedure({ ...fields({ fees: '50.000 đồng' }), id, version: current.version })).toMatchObject({ ok: true });
      expect(await saveProcedure({ ...fields({ fees: 'Cùng lúc' }), id, version: current.version })).toMatchObject({
        ok: false,
        conflict: true,
      });
      expect((await getPublishedProcedureBySlug({ slug: current.slug }))!.fees).toBe('50.000 đồng');
      expect(await withdrawProcedure({ id, version: current.version + 1 })).toMatchObject({ ok: true });
      expect(await getPublishedProcedureBySlug({ slug: current.slug })).toBeNull();

      session.user = author;
      const own = await createProcedure(fields({ code: '4.4', name: 'Thủ tục của phóng viên' }));
      expect(own).toMatchObject({ ok: true });
      expect(await publishProcedure({ id: (own as { id: number }).id, version: 1 })).toMatchObject({ ok: false });
    });

    it('links Căn cứ pháp lý to published documents, and the public-service portal when an admin sets it', async ({ skip }) => {
      if (!database) return skip();
      session.user = admin;
      const [nghiDinh] = await database.db
        .select({ id: documentCatalog.id })
        .from(documentCatalog)
        .where(eq(documentCatalog.name, 'Nghị định'));
      const [chinhPhu] = await database.db
        .select({ id: documentCatalog.id })
        .from(documentCatalog)
        .where(eq(documentCatalog.name, 'Chính phủ'));
      const doc = await createDocument({
        number: '95/2023/NĐ-CP',
        typeId: nghiDinh!.id,
        issuerId: chinhPhu!.id,
        issuedOn: '2023-12-29',
        summary: 'Quy định chi tiết Luật tín ngưỡng, tôn giáo',
      });
      expect(await publishDocument({ id: (doc as { id: number }).id, version: 1 })).toMatchObject({ ok: true });
      const number = documentNumberIn('Nghị định số 95/2023/NĐ-CP ngày 29/12/2023');
      expect(number).toBe('95/2023/NĐ-CP');
      const linked = await findPublishedDocumentsByNumberKeys({
        numberKeys: [documentNumberKey(number!), documentNumberKey('02/2016/QH14')],
      });
      expect([...linked.keys()]).toEqual(['95/2023/nd-cp']);

      expect(await getPublicServicePortalUrl()).toBeNull();
      session.user = author;
      expect(await savePublicServicePortal({ url: 'https://dichvucong.angiang.gov.vn' })).toMatchObject({ ok: false });
      session.user = admin;
      expect(await savePublicServicePortal({ url: 'javascript:alert(1)' })).toMatchObject({
        ok: false,
        fieldErrors: { url: expect.any(Array) },
      });
      expect(await savePublicServicePortal({ url: 'https://dichvucong.angiang.gov.vn' })).toMatchObject({ ok: true });
      expect(await getPublicServicePortalUrl()).toBe('https://dichvucong.angiang.gov.vn');
    });

    it('imports a CSV all or nothing, with a report of every wrong line', async ({ skip }) => {
      if (!database) return skip();
      const header =
        'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Trình tự thực hiện,Thành phần hồ sơ,Thời hạn giải quyết,"Phí, lệ phí",Căn cứ pháp lý,Trạng thái';
      const good =
        '5.000001,Thủ tục thẩm định thành lập tổ chức hành chính,"Tổ chức bộ máy - Biên chế",Cấp tỉnh,"Bước 1\nBước 2",Tờ trình,20 ngày,Không,,Xuất bản';
      const before = (await database.db.select({ id: procedures.id }).from(procedures)).length;
      const bad = await importProcedures({
        text: `\uFEFF${header}\n${good}\n5.000002,Thủ tục sai cấp,,Toàn quốc,,,,,,\n5.000001,Trùng mã,,Cấp xã,,,,,,\n1.001234,Đã có trên cổng,,Cấp xã,,,,,,\n`,
        userId: admin.id,
      });
      expect(bad).toMatchObject({ ok: false });
      const problems = (bad as { problems: { line: number; message: string }[] }).problems;
      expect(problems.map((p) => p.line)).toEqual([3, 4]);
      expect(problems[0]!.message).toContain('Cấp thực hiện “Toàn quốc” không hợp lệ');
      expect(problems[1]!.message).toBe('Mã thủ tục 5.000001 trùng với dòng 2.');
      const clash = await importProcedures({ text: `${header}\n${good}\n1.001234,Đã có trên cổng,,Cấp xã,,,,,,\n`, userId: admin.id });
      expect(clash).toMatchObject({ ok: false, problems: [{ line: 3, message: 'Mã thủ tục 1.001234 đã có trên cổng.' }] });
      expect((await database.db.select({ id: procedures.id }).from(procedures)).length).toBe(before);
      const done = await importProcedures({ text: `${header}\r\n${good}\r\n`, userId: admin.id });
      expect(done).toEqual({ type: 'done', ok: true, created: 1, published: 1 });
      expect(await list({ keyword: 'tham dinh thanh lap' })).toEqual(['5.000001']);
    });
  });
}

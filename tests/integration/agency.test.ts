import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import { auditLog, contactEntries, orgUnits, people, siteSettings, users } from '@/db/schema';
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

const actions = await import('@/app/(vi)/(staff)/quan-tri/gioi-thieu/actions');
const contactActions = await import('@/app/(vi)/(staff)/quan-tri/lien-he/actions');
const { listContactBlocks } = await import('@/db/queries/contacts');
const { getDirectory, listPeople, listUnits } = await import('@/db/queries/agency');
const { getSiteInfo } = await import('@/db/queries/settings');
const { directoryTree, leadersOf } = await import('@/lib/agency/directory');
const { Sidebar } = await import('@/components/sidebar/sidebar');
const { OrgTree } = await import('@/components/agency/org-tree');
const { EnglishContacts } = await import('@/components/agency/english-contacts');
const { SiteFooter } = await import('@/components/layout/site-footer');

const root = path.resolve(import.meta.dirname, '../..');

/** What the three places that show a number render, from the database as it is now. */
async function renderedPlaces() {
  const [blocks, { units, people: persons }, site] = await Promise.all([listContactBlocks(), getDirectory(), getSiteInfo()]);
  const nodes = directoryTree(units, persons);
  return {
    sidebar: renderToStaticMarkup(createElement(Sidebar, { blocks })),
    organisation: renderToStaticMarkup(createElement(OrgTree, { rootName: site.name, nodes, lang: 'vi', label: 'Sơ đồ' })),
    english: renderToStaticMarkup(createElement(EnglishContacts, { site, leaders: leadersOf(units, persons), nodes })),
  };
}

for (const kind of databaseKinds) {
  describe(`the agency directory on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    let admin: SessionUser;
    let editor: SessionUser;

    const unitNamed = async (name: string) => (await listUnits()).find((u) => u.name === name)!;
    const personNamed = async (fullName: string) => (await listPeople({ includeDisabled: true })).find((p) => p.fullName === fullName)!;
    const personInput = (person: Awaited<ReturnType<typeof personNamed>>, changes: Record<string, unknown> = {}) => ({
      personId: person.id,
      version: person.version,
      unitId: person.unitId,
      honorific: person.honorific,
      fullName: person.fullName,
      title: person.title,
      titleEn: person.titleEn,
      phones: person.phones.join(' - '),
      email: person.email ?? '',
      duties: person.duties,
      leader: person.leader,
      photoMediaId: '',
      ...changes,
    });

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      const rows = await database.db
        .insert(users)
        .values([
          { email: 'qt@example.vn', name: 'Quản trị', role: 'admin', passwordHash: 'x' },
          { email: 'bt@example.vn', name: 'Biên tập', role: 'editor', passwordHash: 'x' },
        ])
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
      [admin, editor] = rows as [SessionUser, SessionUser];
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(() => {
      session.user = admin;
      revalidatePath.mockClear();
    });

    it('holds only what the seed page states, and the sidebar draws its numbers from it', async ({ skip }) => {
      if (!database) return skip();
      expect((await listUnits()).map((u) => u.name)).toEqual([
        'Ban Giám đốc',
        'Văn phòng Sở',
        'Thanh tra Sở',
        'Tổ kiểm tra công vụ',
        'Ban Thi đua - Khen thưởng',
      ]);
      const persons = await listPeople();
      expect(persons.map((p) => [p.fullName, p.title, p.phones, p.email])).toEqual(
        [
          ['Ngô Hồng Yến', 'Giám đốc Sở', ['0913.658.627'], null],
          ['Ngô Thị Ngọc Hạnh', 'Chánh Văn phòng Sở', ['0968.078.529'], null],
          ['Trương Long Hồ', 'Phó Giám đốc Sở', ['0983.570.009'], 'tlho@angiang.gov.vn'],
        ].sort((a, b) => persons.findIndex((p) => p.fullName === a[0]) - persons.findIndex((p) => p.fullName === b[0])),
      );
      // Numbers live in the directory only: linked entries keep no copy.
      const linked = await database.db
        .select()
        .from(contactEntries)
        .where(sql`${contactEntries.personId} is not null or ${contactEntries.unitId} is not null`);
      expect(linked).toHaveLength(5);
      for (const entry of linked) expect([entry.phones, entry.email]).toEqual([[], null]);
      // No address, responsible person or licence until an admin enters them.
      const site = await getSiteInfo();
      expect([site.address, site.responsiblePerson, site.licence]).toEqual(['', '', '']);
      const footer = renderToStaticMarkup(createElement(SiteFooter, { site }));
      expect(footer).not.toContain('Địa chỉ');
      expect(footer).not.toContain('Người chịu trách nhiệm');
      expect(
        renderToStaticMarkup(createElement(SiteFooter, { site: { ...site, address: 'Số 1 đường A', responsiblePerson: 'Ông B' } })),
      ).toContain('Người chịu trách nhiệm: Ông B');
    });

    it('shows a number changed once in the sidebar, on the organisation page and on the English page', async ({ skip }) => {
      if (!database) return skip();
      const deputy = await personNamed('Trương Long Hồ');
      // Typed with spaces: stored as typed, dialled as digits.
      const result = await actions.updatePerson(personInput(deputy, { phones: '0983 570 111' }));
      expect(result).toMatchObject({ ok: true });
      const places = await renderedPlaces();
      for (const [place, html] of Object.entries(places)) {
        expect(html, place).toContain('0983 570 111');
        expect(html, place).toContain('href="tel:0983570111"');
        expect(html, place).not.toContain('0983.570.009');
      }
      // The sidebar's wording is the old site's, untouched.
      expect(places.sidebar).toContain('Ông Trương Long Hồ (Phó Giám Đốc Sở)');
      expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');
      const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'person.update'));
      expect(audit).toMatchObject({ objectType: 'person', objectId: String(deputy.id), userId: admin.id });

      // The sidebar editor writes a linked entry's number to the directory, so it changes everywhere too.
      const [entry] = await database.db.select().from(contactEntries).where(eq(contactEntries.personId, deputy.id));
      const back = await contactActions.updateContactEntry({
        entryId: entry!.id,
        name: entry!.name,
        phones: '0983.570.009',
        email: 'tlho@angiang.gov.vn',
        source: `person:${deputy.id}`,
      });
      expect(back).toMatchObject({ ok: true });
      const after = await renderedPlaces();
      for (const html of Object.values(after)) expect(html).toContain('0983.570.009');
      expect((await personNamed('Trương Long Hồ')).phones).toEqual(['0983.570.009']);
    });

    it('gives the second of two admins saving the same person a conflict, and loses neither edit silently', async ({ skip }) => {
      if (!database) return skip();
      const chief = await personNamed('Ngô Thị Ngọc Hạnh');
      const results = await Promise.all([
        actions.updatePerson(personInput(chief, { duties: 'Bản của người thứ nhất' })),
        actions.updatePerson(personInput(chief, { duties: 'Bản của người thứ hai' })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([
        expect.objectContaining({ ok: false, conflict: true, error: expect.stringContaining('người khác sửa') }),
      ]);
      const stored = await personNamed('Ngô Thị Ngọc Hạnh');
      expect(['Bản của người thứ nhất', 'Bản của người thứ hai']).toContain(stored.duties);
      expect(stored.version).toBe(chief.version + 1);
      // The sidebar editor bumped the version too: a form opened before it is a conflict.
      const stale = await actions.updatePerson(personInput({ ...stored, version: chief.version }));
      expect(stale).toMatchObject({ ok: false, conflict: true });
    });

    it('never lets a move create a cycle, even two crossing moves at once', async ({ skip }) => {
      if (!database) return skip();
      const made: number[] = [];
      let parentId: number | '' = '';
      for (const name of ['Cấp 1', 'Cấp 2', 'Cấp 3']) {
        const result = await actions.createUnit({ parentId, name });
        expect(result).toMatchObject({ ok: true });
        parentId = (result as { id: number }).id;
        made.push(parentId);
      }
      const [top, middle, bottom] = made as [number, number, number];
      for (const [target, message] of [
        [bottom, 'đơn vị cấp dưới'],
        [middle, 'đơn vị cấp dưới'],
        [top, 'chính nó'],
      ] as const) {
        const before = await listUnits();
        const result = await actions.moveUnit({ unitId: top, parentId: target });
        expect(result).toMatchObject({ ok: false, fieldErrors: { parentId: [expect.stringContaining(message)] } });
        expect(await listUnits()).toEqual(before);
      }
      // Two siblings moved under each other at the same moment: one wins, the other sees its result.
      const a = (await actions.createUnit({ parentId: '', name: 'Chéo A' })) as { id: number };
      const b = (await actions.createUnit({ parentId: '', name: 'Chéo B' })) as { id: number };
      const crossing = await Promise.all([
        actions.moveUnit({ unitId: a.id, parentId: b.id }),
        actions.moveUnit({ unitId: b.id, parentId: a.id }),
      ]);
      expect(crossing.filter((r) => r.ok)).toHaveLength(1);
      const units = await listUnits();
      // Every unit reaches the top by walking up: no cycle.
      for (const unit of units) {
        const seen = new Set<number>();
        let current: number | null = unit.id;
        while (current !== null) {
          expect(seen.has(current), `cycle through ${unit.name}`).toBe(false);
          seen.add(current);
          current = units.find((u) => u.id === current)!.parentId;
        }
      }
      // A legal move is done and audited.
      expect(await actions.moveUnit({ unitId: bottom, parentId: '' })).toMatchObject({ ok: true });
      expect((await unitNamed('Cấp 3')).parentId).toBeNull();
      expect(await database.db.select().from(auditLog).where(eq(auditLog.action, 'org_unit.move'))).not.toHaveLength(0);
    });

    it('takes a tree five levels deep, refuses a sixth with a message beside the field', async ({ skip }) => {
      if (!database) return skip();
      let parentId: number | '' = '';
      for (let level = 1; level <= 5; level++) {
        const result = await actions.createUnit({ parentId, name: `Tầng ${level}` });
        expect(result, `level ${level}`).toMatchObject({ ok: true });
        parentId = (result as { id: number }).id;
      }
      const sixth = await actions.createUnit({ parentId, name: 'Tầng 6' });
      expect(sixth).toMatchObject({ ok: false, fieldErrors: { parentId: [expect.stringContaining('tối đa 5 cấp')] } });
      // Moving a two-level branch under the fifth level is refused too.
      const branch = (await actions.createUnit({ parentId: '', name: 'Nhánh' })) as { id: number };
      await actions.createUnit({ parentId: branch.id, name: 'Nhánh con' });
      expect(await actions.moveUnit({ unitId: branch.id, parentId: (await unitNamed('Tầng 4')).id })).toMatchObject({
        ok: false,
        fieldErrors: { parentId: [expect.stringContaining('tối đa 5 cấp')] },
      });
      // The organisation page renders every level.
      const { units, people: persons } = await getDirectory();
      const html = renderToStaticMarkup(
        createElement(OrgTree, { rootName: 'Sở', nodes: directoryTree(units, persons), lang: 'vi', label: 'Sơ đồ' }),
      );
      for (let level = 1; level <= 5; level++) expect(html).toContain(`Tầng ${level}`);
    });

    it('answers bad input with field errors, never a failure', async ({ skip }) => {
      if (!database) return skip();
      const unit = await unitNamed('Văn phòng Sở');
      const long = 'Nguyễn '.repeat(43).slice(0, 300);
      const tooLong = await actions.createPerson({ unitId: unit.id, fullName: long, title: long });
      expect(tooLong).toMatchObject({
        ok: false,
        fieldErrors: { fullName: [expect.stringContaining('quá dài')], title: [expect.stringContaining('quá dài')] },
      });
      expect(await actions.createUnit({ parentId: '', name: long })).toMatchObject({
        ok: false,
        fieldErrors: { name: [expect.stringContaining('quá dài')] },
      });
      const badPhone = await actions.createPerson({ unitId: unit.id, fullName: 'Người thử', phones: '0983-57O-009' });
      expect(badPhone).toMatchObject({ ok: false, fieldErrors: { phones: [expect.stringContaining('chỉ gồm chữ số')] } });
      const badEmail = await actions.createPerson({ unitId: unit.id, fullName: 'Người thử', email: 'khong-phai-email' });
      expect(badEmail).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
      expect(await actions.createPerson({ unitId: 999_999, fullName: 'Người thử' })).toMatchObject({
        ok: false,
        fieldErrors: { unitId: [expect.any(String)] },
      });
      // No email and no phone: allowed, and the pages say so instead of an empty line.
      const bare = await actions.createPerson({ unitId: unit.id, fullName: 'Người không số', title: 'Chuyên viên' });
      expect(bare).toMatchObject({ ok: true });
      const dotted = await actions.createPerson({ unitId: unit.id, fullName: 'Người có số chấm', phones: '0296.3957.123 - 0913 111 222' });
      expect(dotted).toMatchObject({ ok: true });
      expect((await personNamed('Người có số chấm')).phones).toEqual(['0296.3957.123', '0913 111 222']);
      const { english, organisation } = await renderedPlaces();
      expect(organisation).toContain('href="tel:02963957123"');
      expect(english).toContain('href="tel:0913111222"');
      expect(english).toContain('No phone number or email yet.');
      // An editor is not an admin.
      session.user = editor;
      expect(await actions.createUnit({ parentId: '', name: 'Không được' })).toMatchObject({ ok: false });
    });

    it('removes a unit only when it is empty, and orders and disables people', async ({ skip }) => {
      if (!database) return skip();
      const office = await unitNamed('Văn phòng Sở');
      const refused = await actions.deleteUnit({ unitId: office.id });
      expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('Chỉ xóa được đơn vị trống') });
      const inspectorate = await unitNamed('Thanh tra Sở');
      expect(await actions.deleteUnit({ unitId: inspectorate.id })).toMatchObject({
        ok: false,
        error: expect.stringContaining('khối liên hệ'),
      });
      const empty = (await actions.createUnit({ parentId: '', name: 'Đơn vị trống' })) as { id: number };
      expect(await actions.deleteUnit({ unitId: empty.id })).toMatchObject({ ok: true });
      expect((await listUnits()).some((u) => u.id === empty.id)).toBe(false);

      const before = (await listPeople()).filter((p) => p.unitId === office.id).map((p) => p.fullName);
      const last = await personNamed(before.at(-1)!);
      expect(await actions.reorderPerson({ personId: last.id, direction: 'up' })).toMatchObject({ ok: true });
      const after = (await listPeople()).filter((p) => p.unitId === office.id).map((p) => p.fullName);
      expect(after.at(-2)).toBe(last.fullName);

      // A disabled person leaves every public page, their sidebar entry included.
      const chief = await personNamed('Ngô Thị Ngọc Hạnh');
      expect(await actions.setPersonDisabled({ personId: chief.id, disabled: 'true' })).toMatchObject({ ok: true });
      const hidden = await renderedPlaces();
      for (const html of Object.values(hidden)) expect(html).not.toContain('Ngọc Hạnh');
      expect(await actions.setPersonDisabled({ personId: chief.id, disabled: 'false' })).toMatchObject({ ok: true });
      expect((await renderedPlaces()).sidebar).toContain('Bà Ngô Thị Ngọc Hạnh (Chánh Văn phòng Sở)');

      // Moving a person to another unit.
      const inspector = await actions.createPerson({ unitId: office.id, fullName: 'Người chuyển đơn vị' });
      expect(inspector).toMatchObject({ ok: true });
      const moving = await personNamed('Người chuyển đơn vị');
      expect(await actions.updatePerson(personInput(moving, { unitId: inspectorate.id }))).toMatchObject({ ok: true });
      expect((await personNamed('Người chuyển đơn vị')).unitId).toBe(inspectorate.id);
    });

    it('saves a Giới thiệu page sanitised, with a conflict for a stale version', async ({ skip }) => {
      if (!database) return skip();
      const saved = await actions.saveAgencyPage({
        key: 'functions',
        version: 0,
        bodyHtml: '<p>Tham mưu</p><script>alert(1)</script><img src=x onerror=alert(2)>',
      });
      expect(saved).toMatchObject({ ok: true });
      const { getAgencyPage } = await import('@/db/queries/agency');
      const page = await getAgencyPage({ key: 'functions' });
      expect(page.bodyHtml).toContain('<p>Tham mưu</p>');
      expect(page.bodyHtml).not.toMatch(/script|onerror/);
      expect(revalidatePath).toHaveBeenCalledWith('/gioi-thieu/chuc-nang-nhiem-vu', undefined);
      expect(await actions.saveAgencyPage({ key: 'functions', version: 0, bodyHtml: '<p>Bản cũ</p>' })).toMatchObject({
        ok: false,
        conflict: true,
      });
      expect(await actions.saveAgencyPage({ key: 'khong-co', version: 0, bodyHtml: '' })).toMatchObject({
        ok: false,
        fieldErrors: { key: [expect.any(String)] },
      });
    });

    it('migrates a database made before the directory: the sidebar stays exactly as it was', async ({ skip }) => {
      if (!database) return skip();
      const db = database.db;
      const rendered = (await renderedPlaces()).sidebar;
      // Back to how 0002 left a seeded database: entries with their own numbers, no directory.
      const blocks = await listContactBlocks();
      for (const entry of blocks.flatMap((b) => b.entries)) {
        await db
          .update(contactEntries)
          .set({ name: entry.name, phones: entry.phones, email: entry.email, personId: null, unitId: null })
          .where(eq(contactEntries.id, entry.id));
      }
      await db.delete(people);
      await db.delete(orgUnits);
      await db
        .update(siteSettings)
        .set({
          value: sql`jsonb_set(jsonb_set(${siteSettings.value}, '{address}', '"Số 12 Lê Triệu Kiết, phường Mỹ Bình, thành phố Long Xuyên, tỉnh An Giang"'), '{phone}', '"02963.981.818"')`,
        })
        .where(eq(siteSettings.key, 'site'));
      const migration = fs.readFileSync(path.join(root, 'drizzle/0007_agency_directory_data.sql'), 'utf8');
      for (const statement of migration.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));

      expect((await renderedPlaces()).sidebar).toBe(rendered);
      const linked = await db
        .select()
        .from(contactEntries)
        .where(sql`${contactEntries.personId} is not null or ${contactEntries.unitId} is not null`);
      expect(linked).toHaveLength(5);
      expect((await listPeople()).map((p) => p.fullName).sort()).toEqual(['Ngô Hồng Yến', 'Ngô Thị Ngọc Hạnh', 'Trương Long Hồ']);
      const site = await getSiteInfo();
      expect([site.address, site.phone]).toEqual(['', '']);
    });
  });
}

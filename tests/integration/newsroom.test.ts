import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase } from '@/db';
import { articles, auditLog, categories, contactBlocks, contactEntries, siteSettings, users } from '@/db/schema';
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

const contactActions = await import('@/app/(vi)/(staff)/quan-tri/lien-he/actions');
const settingsActions = await import('@/app/(vi)/(staff)/quan-tri/cai-dat/actions');
const articleActions = await import('@/server/articles/actions');
const { listContactBlocks } = await import('@/db/queries/contacts');
const { getSiteInfo } = await import('@/db/queries/settings');
const { listMenuCategories } = await import('@/db/queries/categories');
const { listSendBackNotes } = await import('@/db/queries/review');
const { listAuditEntries } = await import('@/db/queries/audit');
const { getEditableArticle } = await import('@/db/queries/article-editing');
const { startScheduledPublishing } = await import('@/server/scheduled-publishing');
const { canPublishArticle, canSendBackArticle } = await import('@/lib/permissions');
const { articleStatusLabel } = await import('@/lib/article-status');
const { parsePhoneList } = await import('@/lib/form-fields');

const revalidatedPaths = () => revalidatePath.mock.calls.map(([target, type]) => (type ? `${target} ${type}` : target));

describe('rules without a database', () => {
  it('parses phone lists as the sidebar shows them, and refuses letters', () => {
    expect(parsePhoneList('02963.957.049 - 0378.247.247')).toEqual({ phones: ['02963.957.049', '0378.247.247'] });
    expect(parsePhoneList('+84 913 658 627')).toEqual({ phones: ['+84 913 658 627'] });
    for (const bad of ['0983.57O.009', 'gọi 0983', '0983-570-009', '<b>0983</b>', '12', '++84 913']) {
      expect(parsePhoneList(bad), bad).toHaveProperty('error');
    }
  });

  it('never lets an author publish, nor an editor approve their own article; an admin may', () => {
    const author = { id: 1, role: 'author' as const };
    const editor = { id: 2, role: 'editor' as const };
    const admin = { id: 3, role: 'admin' as const };
    expect(canPublishArticle(author, { authorId: 1 })).toBe(false);
    expect(canPublishArticle(author, { authorId: 2 })).toBe(false);
    expect(canPublishArticle(editor, { authorId: 2 })).toBe(false);
    expect(canPublishArticle(editor, { authorId: 1 })).toBe(true);
    expect(canPublishArticle(admin, { authorId: 3 })).toBe(true);
    expect(canPublishArticle({ id: 4, role: 'stats_viewer' }, { authorId: 1 })).toBe(false);
    expect(canSendBackArticle(editor, { authorId: 1, status: 'submitted' })).toBe(true);
    expect(canSendBackArticle(editor, { authorId: 1, status: 'draft' })).toBe(false);
    expect(canSendBackArticle(author, { authorId: 1, status: 'submitted' })).toBe(false);
  });

  it('labels a published article with a future time "Hẹn giờ xuất bản"', () => {
    const now = Date.parse('2026-05-01T10:00:00Z');
    expect(articleStatusLabel({ status: 'published', publishedAt: new Date(now + 60_000) }, now)).toBe('Hẹn giờ xuất bản');
    expect(articleStatusLabel({ status: 'published', publishedAt: new Date(now - 60_000) }, now)).toBe('Đã xuất bản');
    expect(articleStatusLabel({ status: 'draft', publishedAt: new Date(now + 60_000) }, now)).toBe('Bản nháp');
  });
});

for (const kind of databaseKinds) {
  describe(`newsroom on ${kind.name}`, () => {
    let database: TestDatabase | undefined;
    const people = {} as Record<'admin' | 'editor' | 'editor2' | 'author' | 'viewer', SessionUser>;
    let categoryId = 0;

    async function contactState() {
      const db = database!.db;
      const [blocks, entries, audits] = await Promise.all([
        db.select().from(contactBlocks).orderBy(asc(contactBlocks.id)),
        db.select().from(contactEntries).orderBy(asc(contactEntries.id)),
        db.select({ n: auditLog.id }).from(auditLog),
      ]);
      return JSON.stringify({ blocks, entries, audits: audits.length });
    }

    async function auditActions(objectType: string) {
      const rows = await database!.db
        .select({ action: auditLog.action, userId: auditLog.userId, detail: auditLog.detail })
        .from(auditLog)
        .where(eq(auditLog.objectType, objectType))
        .orderBy(asc(auditLog.id));
      return rows;
    }

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
      const roles = { admin: 'admin', editor: 'editor', editor2: 'editor', author: 'author', viewer: 'stats_viewer' } as const;
      for (const [key, role] of Object.entries(roles)) {
        const [row] = await database.db
          .insert(users)
          .values({ email: `${key}@example.vn`, name: `Người ${key}`, role, passwordHash: 'not-used' })
          .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
        people[key as keyof typeof roles] = row!;
      }
      categoryId = (await database.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'thi-dua-khen-thuong')))[0]!
        .id;
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(() => {
      session.user = null;
      revalidatePath.mockClear();
    });

    it('adds, changes, reorders and removes sidebar blocks and entries, each with an audit row and every public page revalidated', async ({
      skip,
    }) => {
      if (!database) return skip();
      session.user = people.admin;
      const created = await contactActions.createContactBlock({ title: 'Đường dây nóng <b>thử</b>' });
      expect(created).toMatchObject({ ok: true });
      expect(revalidatedPaths()).toEqual(['/ layout']);
      const blockId = (created as { id: number }).id;

      const first = await contactActions.createContactEntry({
        blockId: String(blockId),
        name: 'Văn phòng Sở',
        phones: '02963.957.049 - 0378.247.247',
        email: 'VanPhong@AnGiang.gov.vn',
      });
      const second = await contactActions.createContactEntry({
        blockId: String(blockId),
        name: 'Thanh tra Sở',
        phones: '0913 658 627',
        email: '',
      });
      expect(first).toMatchObject({ ok: true });
      expect(second).toMatchObject({ ok: true });

      let block = (await listContactBlocks()).find((b) => b.id === blockId)!;
      // Markup is removed from plain-text fields; emails are stored in lower case.
      expect(block.title).toBe('Đường dây nóng thử');
      expect(block.entries).toEqual([
        // Free entries (no person or unit of the directory): their own name, numbers and email.
        {
          id: (first as { id: number }).id,
          name: 'Văn phòng Sở',
          label: 'Văn phòng Sở',
          phones: ['02963.957.049', '0378.247.247'],
          email: 'vanphong@angiang.gov.vn',
          personId: null,
          unitId: null,
          hidden: false,
        },
        {
          id: (second as { id: number }).id,
          name: 'Thanh tra Sở',
          label: 'Thanh tra Sở',
          phones: ['0913 658 627'],
          email: null,
          personId: null,
          unitId: null,
          hidden: false,
        },
      ]);

      expect(await contactActions.moveContactEntry({ entryId: (second as { id: number }).id, direction: 'up' })).toMatchObject({
        ok: true,
      });
      block = (await listContactBlocks()).find((b) => b.id === blockId)!;
      expect(block.entries.map((e) => e.name)).toEqual(['Thanh tra Sở', 'Văn phòng Sở']);

      // The new block is last; "Lên" puts it before the seed's second block.
      const before = (await listContactBlocks()).map((b) => b.id);
      expect(before.at(-1)).toBe(blockId);
      expect(await contactActions.moveContactBlock({ blockId, direction: 'up' })).toMatchObject({ ok: true });
      const after = (await listContactBlocks()).map((b) => b.id);
      expect(after).toEqual([...before.slice(0, -2), blockId, before.at(-2)]);
      // At the top already: nothing moves, nothing breaks.
      expect(await contactActions.moveContactBlock({ blockId: after[0]!, direction: 'up' })).toMatchObject({ ok: true });
      expect((await listContactBlocks()).map((b) => b.id)).toEqual(after);

      expect(
        await contactActions.updateContactEntry({
          entryId: (first as { id: number }).id,
          name: 'Văn phòng',
          phones: '0296 3957 049',
          email: '',
        }),
      ).toMatchObject({ ok: true });
      expect(await contactActions.renameContactBlock({ blockId, title: 'Đường dây nóng' })).toMatchObject({ ok: true });
      expect(await contactActions.deleteContactEntry({ entryId: (second as { id: number }).id })).toMatchObject({ ok: true });
      expect(await contactActions.deleteContactBlock({ blockId })).toMatchObject({ ok: true });
      expect((await listContactBlocks()).map((b) => b.id)).not.toContain(blockId);
      expect(await database.db.select().from(contactEntries).where(eq(contactEntries.blockId, blockId))).toEqual([]);

      const blockAudit = (await auditActions('contact_block')).map((r) => r.action);
      const entryAudit = (await auditActions('contact_entry')).map((r) => r.action);
      expect(blockAudit).toEqual([
        'contact_block.create',
        'contact_block.move',
        'contact_block.move',
        'contact_block.rename',
        'contact_block.delete',
      ]);
      expect(entryAudit).toEqual([
        'contact_entry.create',
        'contact_entry.create',
        'contact_entry.move',
        'contact_entry.update',
        'contact_entry.delete',
      ]);
      const { entries } = await listAuditEntries({ page: 1, pageSize: 10 });
      expect(entries[0]).toMatchObject({ action: 'contact_block.delete', userName: 'Người admin', objectName: null });
      // Each entry carries the current name of what it concerns (the log shows it, not its id).
      const [seedEntry] = await database!.db.select({ id: contactEntries.id, name: contactEntries.name }).from(contactEntries).limit(1);
      const [seedArticle] = await database!.db.select({ id: articles.id, title: articles.title }).from(articles).limit(1);
      await database!.db.insert(auditLog).values([
        {
          userId: people.admin.id,
          action: 'contact_entry.move',
          objectType: 'contact_entry',
          objectId: String(seedEntry!.id),
          detail: { direction: 'up' },
        },
        {
          userId: people.admin.id,
          action: 'article.publish',
          objectType: 'article',
          objectId: String(seedArticle!.id),
          detail: { from: 'draft' },
        },
      ]);
      const named = (await listAuditEntries({ page: 1, pageSize: 2 })).entries;
      expect(named.map((e) => e.objectName)).toEqual([seedArticle!.title, seedEntry!.name]);
    });

    it('refuses bad sidebar input with a Vietnamese message for the field, and writes nothing', async ({ skip }) => {
      if (!database) return skip();
      session.user = people.admin;
      const [seedBlock] = await listContactBlocks();
      const entry = seedBlock!.entries[0]!;
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ phones: '0983.57O.009' }, 'phones', /chỉ gồm chữ số/],
        [{ phones: 'gọi ngay' }, 'phones', /chỉ gồm chữ số/],
        [{ phones: '' }, 'phones', /ít nhất một số/],
        [{ phones: '0983.570.009 - '.repeat(10) }, 'phones', /Tối đa|quá dài/],
        [{ email: 'không-phải-email' }, 'email', /Email không hợp lệ/],
        [{ email: `${'a'.repeat(330)}@x.vn` }, 'email', /quá dài/],
        [{ name: '' }, 'name', /Hãy nhập tên/],
        [{ name: '<b></b><img src=x onerror=alert(1)>' }, 'name', /Hãy nhập tên/],
        [{ name: 'x'.repeat(201) }, 'name', /quá dài/],
        [{ name: 42 }, 'name', /Hãy nhập tên/],
      ];
      for (const [change, field, message] of cases) {
        const before = await contactState();
        const result = await contactActions.updateContactEntry({
          entryId: entry.id,
          name: entry.name,
          phones: entry.phones.join(' - '),
          email: entry.email ?? '',
          ...change,
        });
        expect(result.ok, JSON.stringify(change)).toBe(false);
        expect((result as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field]?.join(' '), JSON.stringify(change)).toMatch(
          message,
        );
        expect(await contactState()).toBe(before);
      }
      const before = await contactState();
      expect(await contactActions.createContactBlock({ title: '   ' })).toMatchObject({
        ok: false,
        fieldErrors: { title: [expect.stringContaining('Hãy nhập')] },
      });
      expect(await contactActions.moveContactEntry({ entryId: entry.id, direction: 'sideways' })).toMatchObject({ ok: false });
      expect(await contactActions.deleteContactBlock({ blockId: 999_999 })).toMatchObject({
        ok: false,
        error: expect.stringContaining('Không tìm thấy'),
      });
      expect(await contactActions.createContactEntry({ blockId: 999_999, name: 'A', phones: '0913.658.627' })).toMatchObject({ ok: false });
      expect(await contactState()).toBe(before);
      expect(revalidatePath).not.toHaveBeenCalled();
    });

    it('lets only admins change the sidebar and settings', async ({ skip }) => {
      if (!database) return skip();
      for (const user of [people.editor, people.author, people.viewer, null]) {
        session.user = user;
        const before = await contactState();
        expect(await contactActions.createContactBlock({ title: 'Khối lạ' })).toMatchObject({ ok: false });
        expect(await settingsActions.createCategory({ name: 'Chuyên mục lạ' })).toMatchObject({ ok: false });
        expect(await contactState()).toBe(before);
      }
    });

    it('saves site settings and the visitor counter offset, with audit rows; bad values are refused beside their field', async ({
      skip,
    }) => {
      if (!database) return skip();
      session.user = people.admin;
      const original = await getSiteInfo();
      const valid = {
        ...original,
        name: 'Sở Nội vụ tỉnh An Giang (thử)',
        phone: '02963.981.818',
        email: 'snv@angiang.gov.vn',
        visitCounterOffset: '52623',
      };
      expect(await settingsActions.saveSiteSettings(valid)).toMatchObject({ ok: true });
      expect(revalidatedPaths()).toEqual(['/ layout']);
      expect(await getSiteInfo()).toMatchObject({ name: 'Sở Nội vụ tỉnh An Giang (thử)', email: 'snv@angiang.gov.vn' });
      const [offset] = await database.db
        .select({ value: siteSettings.value })
        .from(siteSettings)
        .where(eq(siteSettings.key, 'visit_counter_offset'));
      expect(offset?.value).toBe(52623);
      expect((await auditActions('settings')).map((r) => r.action)).toEqual(['settings.update', 'settings.visit_counter_offset']);

      const bad: [Record<string, unknown>, string, RegExp][] = [
        [{ visitCounterOffset: '-1' }, 'visitCounterOffset', /số nguyên không âm/],
        [{ visitCounterOffset: '52.623' }, 'visitCounterOffset', /số nguyên không âm/],
        [{ visitCounterOffset: 'nhiều' }, 'visitCounterOffset', /số nguyên không âm/],
        [{ visitCounterOffset: '99999999999999999' }, 'visitCounterOffset', /số nguyên không âm|quá lớn/],
        [{ phone: '0296 ABC' }, 'phone', /chỉ gồm chữ số/],
        [{ email: 'a@' }, 'email', /Email không hợp lệ/],
        [{ name: '<img src=x onerror=alert(1)>' }, 'name', /Hãy nhập tên cơ quan/],
        [{ address: 'x'.repeat(301) }, 'address', /quá dài/],
        [{ parentName: ['mảng'] }, 'parentName', /Hãy nhập/],
      ];
      for (const [change, field, message] of bad) {
        const before = await database.db.select().from(siteSettings).orderBy(asc(siteSettings.key));
        const result = await settingsActions.saveSiteSettings({ ...valid, ...change });
        expect(result.ok, JSON.stringify(change)).toBe(false);
        expect((result as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field]?.join(' '), JSON.stringify(change)).toMatch(
          message,
        );
        expect(await database.db.select().from(siteSettings).orderBy(asc(siteSettings.key))).toEqual(before);
      }
      expect(await settingsActions.saveSiteSettings({ ...original, visitCounterOffset: '0' })).toMatchObject({ ok: true });
    });

    it('adds a category with a slug from its name, refuses a duplicate slug beside the field, renames, hides and reorders the menu', async ({
      skip,
    }) => {
      if (!database) return skip();
      session.user = people.admin;
      const created = await settingsActions.createCategory({ name: 'Văn bản mới', inMenu: 'on' });
      expect(created).toMatchObject({ ok: true, slug: 'van-ban-moi' });
      const id = (created as { id: number }).id;
      expect((await listMenuCategories()).at(-1)).toMatchObject({ id, name: 'Văn bản mới' });

      const before = await database.db.select().from(categories).orderBy(asc(categories.id));
      for (const input of [{ name: 'Văn bản mới' }, { name: 'Khác', slug: 'thi-dua-khen-thuong' }]) {
        const duplicate = await settingsActions.createCategory(input);
        expect(duplicate).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringContaining('đã được chuyên mục khác dùng')] } });
      }
      expect(await settingsActions.createCategory({ name: 'Khác', slug: 'Có Dấu' })).toMatchObject({
        ok: false,
        fieldErrors: { slug: [expect.stringContaining('chữ thường không dấu')] },
      });
      expect(await settingsActions.createCategory({ name: '<script></script>' })).toMatchObject({
        ok: false,
        fieldErrors: { name: [expect.stringContaining('Hãy nhập')] },
      });
      expect(await database.db.select().from(categories).orderBy(asc(categories.id))).toEqual(before);

      expect(await settingsActions.moveCategory({ categoryId: id, direction: 'up' })).toMatchObject({ ok: true });
      const menu = await listMenuCategories();
      expect(menu.at(-2)?.id).toBe(id);
      // A form without the checkbox ticked: hidden from the menu, still a category.
      expect(await settingsActions.updateCategory({ categoryId: id, name: 'Văn bản' })).toMatchObject({ ok: true });
      expect((await listMenuCategories()).map((c) => c.id)).not.toContain(id);
      expect(await settingsActions.updateCategory({ categoryId: id, name: 'Văn bản', inMenu: 'true' })).toMatchObject({ ok: true });
      expect((await listMenuCategories()).find((c) => c.id === id)?.name).toBe('Văn bản');
      expect((await auditActions('category')).map((r) => r.action)).toEqual([
        'category.create',
        'category.move',
        'category.update',
        'category.update',
      ]);
    });

    it('review: an author submits, never publishes; an editor cannot approve their own; another editor sends back with a comment the author sees', async ({
      skip,
    }) => {
      if (!database) return skip();
      const insertDraft = async (authorId: number, slug: string) =>
        (
          await database!.db
            .insert(articles)
            .values({ slug, title: slug, categoryId, authorId, status: 'draft' })
            .returning({ id: articles.id })
        )[0]!.id;
      const versionOf = async (id: number) => (await getEditableArticle({ db: database!.db, id }))!.version;

      const authorArticle = await insertDraft(people.author.id, 'bai-cua-phong-vien');
      session.user = people.author;
      expect(await articleActions.submitArticle({ id: authorArticle, version: await versionOf(authorArticle) })).toMatchObject({
        ok: true,
      });
      expect(await articleActions.publishArticle({ id: authorArticle, version: await versionOf(authorArticle) })).toMatchObject({
        ok: false,
      });
      expect(
        await articleActions.sendBackArticle({ id: authorArticle, version: await versionOf(authorArticle), comment: 'Tự trả lại' }),
      ).toMatchObject({ ok: false });

      // The comment is required; markup alone is no comment (markup is removed, the text is kept).
      session.user = people.editor;
      for (const comment of [undefined, '', '   ', '<p></p><img src=x onerror=alert(1)>', 'x'.repeat(2001)]) {
        const result = await articleActions.sendBackArticle({ id: authorArticle, version: await versionOf(authorArticle), comment });
        expect(result, String(comment)).toMatchObject({
          ok: false,
          fieldErrors: { comment: [expect.stringMatching(/lý do trả lại|quá dài/)] },
        });
      }
      expect((await getEditableArticle({ db: database.db, id: authorArticle }))!.status).toBe('submitted');
      const sent = await articleActions.sendBackArticle({
        id: authorArticle,
        version: await versionOf(authorArticle),
        comment: 'Thiếu nguồn ảnh <b>và</b> tên người phát biểu.',
      });
      expect(sent).toMatchObject({ ok: true });
      expect((await getEditableArticle({ db: database.db, id: authorArticle }))!.status).toBe('draft');

      // The author sees the comment on their article (the editor toolbar) and in their list.
      session.user = people.author;
      const loaded = await articleActions.loadArticleForEditing({ id: authorArticle });
      expect(loaded).toMatchObject({ ok: true, sendBack: { comment: 'Thiếu nguồn ảnh và tên người phát biểu.', byName: 'Người editor' } });
      expect(await listSendBackNotes({ articleIds: [authorArticle] })).toEqual([
        expect.objectContaining({ articleId: authorArticle, comment: 'Thiếu nguồn ảnh và tên người phát biểu.' }),
      ]);
      const [audit] = await database.db
        .select({ userId: auditLog.userId, detail: auditLog.detail })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'article.return'), eq(auditLog.objectId, String(authorArticle))));
      expect(audit).toMatchObject({ userId: people.editor.id, detail: { comment: 'Thiếu nguồn ảnh và tên người phát biểu.' } });

      // An editor's own article needs someone else: the toolbar does not offer it, the action refuses it.
      const editorArticle = await insertDraft(people.editor.id, 'bai-cua-bien-tap-vien');
      session.user = people.editor;
      expect(await articleActions.submitArticle({ id: editorArticle, version: await versionOf(editorArticle) })).toMatchObject({
        ok: true,
      });
      expect(await articleActions.loadArticleForEditing({ id: editorArticle })).toMatchObject({
        ok: true,
        can: { publish: false, returnToDraft: true },
      });
      expect(await articleActions.publishArticle({ id: editorArticle, version: await versionOf(editorArticle) })).toMatchObject({
        ok: false,
      });
      expect((await getEditableArticle({ db: database.db, id: editorArticle }))!.status).toBe('submitted');
      session.user = people.editor2;
      expect(await articleActions.publishArticle({ id: editorArticle, version: await versionOf(editorArticle) })).toMatchObject({
        ok: true,
      });

      // An admin may publish their own.
      const adminArticle = await insertDraft(people.admin.id, 'bai-cua-quan-tri');
      session.user = people.admin;
      expect(await articleActions.publishArticle({ id: adminArticle, version: await versionOf(adminArticle) })).toMatchObject({ ok: true });
    });

    it('scheduling: an article published for a time to come appears at that time with no visitor, its pages revalidated', async ({
      skip,
    }) => {
      if (!database) return skip();
      const db = database.db;
      const [article] = await db
        .insert(articles)
        .values({ slug: 'bai-hen-gio', title: 'Bài hẹn giờ', categoryId, authorId: people.author.id, status: 'draft' })
        .returning({ id: articles.id });
      // The editor sets a time to come (Asia/Ho_Chi_Minh, to the minute) and presses "Hẹn giờ xuất bản".
      session.user = people.editor;
      const inTwoMinutes = new Date(Date.now() + 120_000 + 7 * 3600_000).toISOString().slice(0, 16);
      const saved = await articleActions.saveArticle({
        id: article!.id,
        version: (await getEditableArticle({ db, id: article!.id }))!.version,
        title: 'Bài hẹn giờ',
        categoryId: String(categoryId),
        publishedAt: inTwoMinutes,
      });
      expect(saved).toMatchObject({ ok: true });
      const published = await articleActions.publishArticle({
        id: article!.id,
        version: (await getEditableArticle({ db, id: article!.id }))!.version,
      });
      expect(published).toMatchObject({ ok: true, article: { status: 'published' } });
      expect(articleStatusLabel((published as { article: { status: 'published'; publishedAt: Date } }).article)).toBe('Hẹn giờ xuất bản');

      // Rather than wait two minutes, the clock is brought forward: the article is due in 1.5 s.
      const due = Date.now() + 1500;
      await db
        .update(articles)
        .set({ publishedAt: new Date(due) })
        .where(eq(articles.id, article!.id));

      const calls: { at: number; targets: string[] }[] = [];
      const scheduler = startScheduledPublishing({
        db,
        maxIntervalMs: 30_000,
        lookbackMs: 0,
        revalidate: async (targets) => {
          calls.push({ at: Date.now(), targets: targets.map((t) => (t.type ? `${t.path} ${t.type}` : t.path)) });
        },
      });
      try {
        await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 15_000, interval: 50 });
        // Woken by the article's time, not by the 30 s fallback tick (the margin is for a busy CI machine).
        expect(calls[0]!.at).toBeGreaterThanOrEqual(Math.floor(due / 1000) * 1000);
        expect(calls[0]!.at - due).toBeLessThan(15_000);
        expect(calls[0]!.targets).toEqual(
          expect.arrayContaining([
            '/',
            '/trang-chu/moi-nhat',
            '/tin-tuc/bai-hen-gio',
            '/chuyen-muc/thi-dua-khen-thuong',
            '/chuyen-muc/[slug]/trang/[page] page',
            '/tin-tuc/[slug] page',
          ]),
        );
        // Once: another tick finds nothing new (idempotent; another process would do the same for its cache).
        // The first await settles the run that may still be finishing (tick() shares a run in flight).
        await scheduler.tick();
        expect(await scheduler.tick()).toEqual([]);
        expect(calls).toHaveLength(1);
      } finally {
        scheduler.stop();
      }
    });

    it('scheduling: a failed revalidation is retried, not lost', async ({ skip }) => {
      if (!database) return skip();
      const db = database.db;
      // Due in a moment: the window of an earlier test's run (the watermark in the database) has
      // already passed anything published before now.
      await db.insert(articles).values({
        slug: 'bai-hen-gio-2',
        title: 'Bài hẹn giờ 2',
        categoryId,
        status: 'published',
        publishedAt: new Date(Date.now() + 300),
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      let attempts = 0;
      const scheduler = startScheduledPublishing({
        db,
        lookbackMs: 5000,
        startDelayMs: 60_000,
        onError: () => {},
        revalidate: async () => {
          attempts++;
          if (attempts === 1) throw new Error('server not listening yet');
        },
      });
      try {
        expect(await scheduler.tick()).toEqual([]);
        expect((await scheduler.tick()).map((t) => t.path)).toContain('/tin-tuc/bai-hen-gio-2');
        expect(attempts).toBe(2);
      } finally {
        scheduler.stop();
      }
    });

    it('scheduling: several instances on one database revalidate a due article once, not once each', async ({ skip }) => {
      if (!database) return skip();
      const db = database.db;
      await db.insert(articles).values({
        slug: 'bai-hen-gio-3',
        title: 'Bài hẹn giờ 3',
        categoryId,
        status: 'published',
        publishedAt: new Date(Date.now() + 300),
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const calls: string[][] = [];
      const instances = [1, 2, 3].map(() =>
        startScheduledPublishing({
          db,
          lookbackMs: 5000,
          startDelayMs: 60_000,
          revalidate: async (targets) => {
            calls.push(targets.map((t) => t.path));
            // A slow revalidation: the others tick while it runs.
            await new Promise((resolve) => setTimeout(resolve, 200));
          },
        }),
      );
      try {
        // All at once (they contend for the lock), then again one after another (the watermark).
        await Promise.all(instances.map((s) => s.tick()));
        for (const s of instances) await s.tick();
        expect(calls.filter((paths) => paths.includes('/tin-tuc/bai-hen-gio-3'))).toHaveLength(1);
      } finally {
        for (const s of instances) s.stop();
      }
    });
  });
}

describe('the internal revalidation route', () => {
  it('revalidates for its own process only: a wrong or missing secret gets a 404', async () => {
    const { POST } = await import('@/app/api/noi-bo/lam-moi/route');
    const { internalSecret, INTERNAL_SECRET_HEADER } = await import('@/server/internal-revalidation');
    const body = JSON.stringify({ targets: [{ path: '/tin-tuc/bai-hen-gio' }, { path: '/chuyen-muc/thi-dua', type: 'layout' }] });
    const request = (headers: Record<string, string>, payload = body) =>
      new Request('http://127.0.0.1/api/noi-bo/lam-moi', { method: 'POST', headers, body: payload });
    const secret = internalSecret();
    revalidatePath.mockClear();
    expect((await POST(request({}))).status).toBe(404);
    expect((await POST(request({ [INTERNAL_SECRET_HEADER]: `${secret.slice(0, -1)}x` }))).status).toBe(404);
    expect(revalidatePath).not.toHaveBeenCalled();
    expect((await POST(request({ [INTERNAL_SECRET_HEADER]: secret }, '{"targets":[{"path":"khong-co-gach"}]}'))).status).toBe(400);
    expect((await POST(request({ [INTERNAL_SECRET_HEADER]: secret }))).status).toBe(204);
    expect(revalidatedPaths()).toEqual(['/tin-tuc/bai-hen-gio', '/chuyen-muc/thi-dua layout']);
  });
});

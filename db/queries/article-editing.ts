import 'server-only';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../index';
import { containsPattern, searchWords, VIETNAMESE_FOLDING } from '../../lib/search-text';
import { articleRevisions, articles, articleSlugRedirects, auditLog, categories, media, users } from '../schema';

type Conn = Db | Tx;

/** Every field the editor shows and saves, plus what permissions and revalidation need. */
const editableColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  bodyHtml: articles.bodyHtml,
  categoryId: articles.categoryId,
  categorySlug: categories.slug,
  byline: articles.byline,
  coverMediaId: articles.coverMediaId,
  status: articles.status,
  publishedAt: articles.publishedAt,
  authorId: articles.authorId,
  version: articles.version,
  updatedAt: articles.updatedAt,
};

export type EditableArticle = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  categoryId: number;
  categorySlug: string;
  byline: string;
  coverMediaId: number | null;
  status: 'draft' | 'submitted' | 'published' | 'withdrawn';
  publishedAt: Date | null;
  authorId: number | null;
  version: number;
  updatedAt: Date;
};

/** Reads an article for a change; `forUpdate` holds its row until the transaction ends. */
export async function getEditableArticle({
  db,
  id,
  forUpdate = false,
}: {
  db: Conn;
  id: number;
  forUpdate?: boolean;
}): Promise<EditableArticle | null> {
  const query = db
    .select(editableColumns)
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(eq(articles.id, id))
    .limit(1);
  const [row] = forUpdate ? await query.for('update', { of: articles }) : await query;
  return row ?? null;
}

/** The article's full content as one revision row keeps it. */
function snapshotOf(article: Omit<EditableArticle, 'categorySlug' | 'updatedAt'>) {
  return {
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    bodyHtml: article.bodyHtml,
    categoryId: article.categoryId,
    byline: article.byline,
    coverMediaId: article.coverMediaId,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    authorId: article.authorId,
  };
}

export type ArticleChanges = Partial<
  Pick<EditableArticle, 'slug' | 'title' | 'summary' | 'bodyHtml' | 'categoryId' | 'byline' | 'coverMediaId' | 'status' | 'publishedAt'>
>;

/**
 * Applies changes only if nobody saved since `version` was read (optimistic concurrency), and
 * writes the revision (who, when, full snapshot) with it. Null means a conflict: nothing written.
 */
export async function updateArticleIfVersion({
  db,
  id,
  version,
  changes,
  userId,
  note,
}: {
  db: Tx;
  id: number;
  version: number;
  changes: ArticleChanges;
  userId: number;
  note: string;
}): Promise<EditableArticle | null> {
  const [updated] = await db
    .update(articles)
    .set({ ...changes, version: sql`${articles.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(articles.id, id), eq(articles.version, version)))
    .returning({ id: articles.id });
  if (!updated) return null;
  const article = await getEditableArticle({ db, id });
  if (!article) return null;
  await db
    .insert(articleRevisions)
    .values({ articleId: id, version: article.version, authorId: userId, snapshot: snapshotOf(article), note });
  return article;
}

export async function insertArticle({
  db,
  values,
  userId,
}: {
  db: Tx;
  values: { slug: string; title: string; categoryId: number; summary?: string; byline?: string };
  userId: number;
}): Promise<EditableArticle> {
  const [row] = await db
    .insert(articles)
    .values({ ...values, status: 'draft', authorId: userId })
    .returning({ id: articles.id });
  const article = await getEditableArticle({ db, id: row!.id });
  await db
    .insert(articleRevisions)
    .values({ articleId: row!.id, version: article!.version, authorId: userId, snapshot: snapshotOf(article!), note: 'Tạo bài viết' });
  return article!;
}

/** True when another article uses this slug now or used it before (its redirect must keep working). */
export async function isSlugTaken({ db, slug, exceptArticleId }: { db: Conn; slug: string; exceptArticleId?: number }): Promise<boolean> {
  const other = exceptArticleId ?? -1;
  const [live] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), ne(articles.id, other)))
    .limit(1);
  if (live) return true;
  const [old] = await db
    .select({ id: articleSlugRedirects.articleId })
    .from(articleSlugRedirects)
    .where(and(eq(articleSlugRedirects.oldSlug, slug), ne(articleSlugRedirects.articleId, other)))
    .limit(1);
  return Boolean(old);
}

/** The old address now leads to the article; its new address is no longer an old one. */
export async function recordSlugChange({
  db,
  articleId,
  oldSlug,
  newSlug,
}: {
  db: Tx;
  articleId: number;
  oldSlug: string;
  newSlug: string;
}) {
  await db.delete(articleSlugRedirects).where(eq(articleSlugRedirects.oldSlug, newSlug));
  await db
    .insert(articleSlugRedirects)
    .values({ oldSlug, articleId })
    .onConflictDoUpdate({ target: articleSlugRedirects.oldSlug, set: { articleId } });
}

/** Has it ever been published? Until then its slug follows its title. */
export async function wasEverPublished({ db, article }: { db: Conn; article: Pick<EditableArticle, 'id' | 'status'> }): Promise<boolean> {
  if (article.status === 'published' || article.status === 'withdrawn') return true;
  const [row] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.objectType, 'article'), eq(auditLog.objectId, String(article.id)), eq(auditLog.action, 'article.publish')))
    .limit(1);
  return Boolean(row);
}

export async function insertAuditEntry({
  db,
  userId,
  action,
  objectType,
  objectId,
  detail,
}: {
  db: Tx;
  userId: number;
  action: string;
  objectType: string;
  objectId: string;
  detail?: Record<string, unknown>;
}) {
  await db.insert(auditLog).values({ userId, action, objectType, objectId, detail: detail ?? null });
}

export type StaffArticleListItem = {
  id: number;
  slug: string;
  title: string;
  status: EditableArticle['status'];
  publishedAt: Date | null;
  updatedAt: Date;
  authorId: number | null;
  authorName: string | null;
  categoryName: string;
};

export type StaffArticleFilters = {
  /** Only this author's articles (an author's own list); null for every article. */
  authorId: number | null;
  status?: EditableArticle['status'];
  categorySlug?: string;
  /** Words of the title, matched without diacritics or case. */
  search?: string;
};

/** The title folded to plain lower-case letters, in SQL (see lib/search-text.ts). */
const foldedTitle = sql`lower(translate(${articles.title}, ${VIETNAMESE_FOLDING.from}, ${VIETNAMESE_FOLDING.to}))`;

function staffListWhere({ authorId, status, categorySlug, search }: StaffArticleFilters) {
  return and(
    authorId === null ? undefined : eq(articles.authorId, authorId),
    status ? eq(articles.status, status) : undefined,
    categorySlug ? eq(categories.slug, categorySlug) : undefined,
    ...searchWords(search ?? '').map((word) => sql`${foldedTitle} like ${containsPattern(word)}`),
  );
}

/** The staff list, newest change first, one page of it and the number of matching articles. */
export async function listArticlesForStaff({
  page = 1,
  pageSize = 20,
  ...filters
}: StaffArticleFilters & { page?: number; pageSize?: number }): Promise<{ items: StaffArticleListItem[]; total: number }> {
  const db = await getDb();
  const where = staffListWhere(filters);
  const [items, [count]] = await Promise.all([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        status: articles.status,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
        authorId: articles.authorId,
        authorName: users.name,
        categoryName: categories.name,
      })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .leftJoin(users, eq(users.id, articles.authorId))
      .where(where)
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(pageSize)
      .offset((Math.max(1, page) - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function listCategoryChoices({ db }: { db?: Conn } = {}) {
  const conn = db ?? (await getDb());
  return conn
    .select({ id: categories.id, slug: categories.slug, name: categories.name })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id));
}

export async function getCategorySlugById({ db, id }: { db: Conn; id: number }): Promise<string | null> {
  const [row] = await db.select({ slug: categories.slug }).from(categories).where(eq(categories.id, id)).limit(1);
  return row?.slug ?? null;
}

/** For the staff preview page: any status, by id. */
export async function getArticleForPreview({ id }: { id: number }) {
  const db = await getDb();
  const [row] = await db
    .select({
      ...editableColumns,
      categoryName: categories.name,
      cover: { id: media.id, key: media.publicKey, alt: media.alt, width: media.width, height: media.height },
    })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .where(eq(articles.id, id))
    .limit(1);
  return row ?? null;
}

/** What a revision keeps of an article (see snapshotOf); older rows may lack a field. */
export type RevisionSnapshot = Partial<ReturnType<typeof snapshotOf>>;

export type RevisionListItem = { id: number; version: number; note: string; createdAt: Date; authorName: string | null };

/** An article's history, newest first. */
export async function listArticleRevisions({ db, articleId }: { db?: Conn; articleId: number }): Promise<RevisionListItem[]> {
  const conn = db ?? (await getDb());
  return conn
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      note: articleRevisions.note,
      createdAt: articleRevisions.createdAt,
      authorName: users.name,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version));
}

/** The full content one revision kept, by the article's version number. */
export async function getArticleRevision({
  db,
  articleId,
  version,
}: {
  db?: Conn;
  articleId: number;
  version: number;
}): Promise<{ version: number; snapshot: RevisionSnapshot } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ version: articleRevisions.version, snapshot: articleRevisions.snapshot })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.version, version)))
    .limit(1);
  return row ? { version: row.version, snapshot: (row.snapshot ?? {}) as RevisionSnapshot } : null;
}

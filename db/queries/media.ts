import 'server-only';
import { and, desc, eq, lt, lte, or, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../index';
import type { AgencyPageKey } from '../../lib/agency/names';
import { routes } from '../../lib/routes';
import { agencyPages, articles, categories, media, mediaBlobs, people, users } from '../schema';
import { type EditableArticle, getEditableArticle, updateArticleIfVersion } from './article-editing';

type Conn = Db | Tx;

/** What the editor and the library show of an image; never its bytes. */
export type MediaSummary = { id: number; key: string; alt: string; width: number; height: number };
export type MediaListItem = MediaSummary & {
  mimeType: string;
  bytes: number;
  createdAt: Date;
  uploadedBy: number | null;
  uploaderName: string | null;
};

const summaryColumns = { id: media.id, key: media.publicKey, alt: media.alt, width: media.width, height: media.height };

/**
 * Stores an image and its bytes together, or finds the same bytes already stored (same sha256):
 * one image is kept once, whoever uploads it again. `created` tells which.
 */
export async function storeMedia({
  db,
  values,
  data,
}: {
  db: Tx;
  values: { sha256: string; mimeType: string; width: number; height: number; bytes: number; alt: string; uploadedBy: number };
  data: Buffer;
}): Promise<{ media: MediaSummary; created: boolean }> {
  const [inserted] = await db.insert(media).values(values).onConflictDoNothing({ target: media.sha256 }).returning(summaryColumns);
  if (inserted) {
    await db.insert(mediaBlobs).values({ mediaId: inserted.id, data });
    return { media: inserted, created: true };
  }
  const [existing] = await db.select(summaryColumns).from(media).where(eq(media.sha256, values.sha256)).limit(1);
  return { media: existing!, created: false };
}

export async function getMediaSummary({ db, id }: { db?: Conn; id: number }): Promise<MediaSummary | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select(summaryColumns).from(media).where(eq(media.id, id)).limit(1);
  return row ?? null;
}

/** For a change of the image's own fields: who uploaded it decides whether an author may. */
export async function getMediaForChange({ db, id }: { db: Tx; id: number }) {
  const [row] = await db
    .select({ ...summaryColumns, uploadedBy: media.uploadedBy })
    .from(media)
    .where(eq(media.id, id))
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function updateMediaAlt({ db, id, alt }: { db: Tx; id: number; alt: string }): Promise<MediaSummary | null> {
  const [row] = await db.update(media).set({ alt }).where(eq(media.id, id)).returning(summaryColumns);
  return row ?? null;
}

/**
 * What serving a variant needs before it touches the bytes, found by the image's public key.
 * `published`: a published article shows it (as its cover, or in its text), or the directory does
 * (a portrait, a Giới thiệu page), so anyone may see it;
 * otherwise only staff may (an image uploaded for a draft must not leak before the draft does).
 */
export async function getMediaForServing({
  key,
}: {
  key: string;
}): Promise<{ id: number; sha256: string; width: number; published: boolean } | null> {
  const db = await getDb();
  const shownBy = db
    .select({ one: sql`1` })
    .from(articles)
    .where(
      and(
        eq(articles.status, 'published'),
        lte(articles.publishedAt, sql`now()`),
        or(eq(articles.coverMediaId, media.id), sql`strpos(${articles.bodyHtml}, '/media/' || ${media.publicKey} || '/') > 0`),
      ),
    );
  // The directory's portraits and the Giới thiệu pages are public too: an enabled person's photo,
  // an image in a Giới thiệu page's text.
  const portraitOf = db
    .select({ one: sql`1` })
    .from(people)
    .where(and(eq(people.photoMediaId, media.id), eq(people.disabled, false)));
  const inAgencyPage = db
    .select({ one: sql`1` })
    .from(agencyPages)
    .where(sql`strpos(${agencyPages.bodyHtml}, '/media/' || ${media.publicKey} || '/') > 0`);
  const [row] = await db
    .select({
      id: media.id,
      sha256: media.sha256,
      width: media.width,
      published: sql<boolean>`(exists (${shownBy}) or exists (${portraitOf}) or exists (${inAgencyPage}))`,
    })
    .from(media)
    .where(eq(media.publicKey, key))
    .limit(1);
  return row ?? null;
}

export async function getMediaBytes({ id }: { id: number }): Promise<Buffer | null> {
  const db = await getDb();
  const [row] = await db.select({ data: mediaBlobs.data }).from(mediaBlobs).where(eq(mediaBlobs.mediaId, id)).limit(1);
  return row?.data ?? null;
}

/** The library, newest first; `before` is the last id of the previous page. */
export async function listMedia({ db, limit, before }: { db?: Conn; limit: number; before?: number }): Promise<MediaListItem[]> {
  const conn = db ?? (await getDb());
  return conn
    .select({
      ...summaryColumns,
      mimeType: media.mimeType,
      bytes: media.bytes,
      createdAt: media.createdAt,
      uploadedBy: media.uploadedBy,
      uploaderName: users.name,
    })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(before ? lt(media.id, before) : undefined)
    .orderBy(desc(media.id))
    .limit(limit);
}

/** Published articles whose cover this image is: their pages change with its alt text. */
export async function listArticlesWithCover({ db, mediaId }: { db: Conn; mediaId: number }) {
  return db
    .select({ slug: articles.slug, categorySlug: categories.slug })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(eq(articles.coverMediaId, mediaId), eq(articles.status, 'published')));
}

/**
 * Everything that shows an image, whatever its state: articles (drafts included) as their cover
 * or in their text, people as their portrait (hidden ones too), Giới thiệu pages in their text.
 * An image in use is never deleted: its pages would show a hole. `forUpdate` holds those rows
 * until the transaction ends, so nothing starts using or stops using it meanwhile.
 */
export type MediaUsage = {
  articles: { id: number; title: string; slug: string; categorySlug: string; status: EditableArticle['status']; authorId: number | null }[];
  people: { id: number; fullName: string }[];
  pages: { key: AgencyPageKey }[];
};

export async function getMediaUsage({
  db,
  mediaId,
  forUpdate = false,
}: {
  db: Conn;
  mediaId: number;
  forUpdate?: boolean;
}): Promise<MediaUsage> {
  const folder = sql`(select '/media/' || ${media.publicKey} || '/' from ${media} where ${media.id} = ${mediaId})`;
  const articleQuery = db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      categorySlug: categories.slug,
      status: articles.status,
      authorId: articles.authorId,
    })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(or(eq(articles.coverMediaId, mediaId), sql`strpos(${articles.bodyHtml}, ${folder}) > 0`))
    .orderBy(desc(articles.id));
  const peopleQuery = db
    .select({ id: people.id, fullName: people.fullName })
    .from(people)
    .where(eq(people.photoMediaId, mediaId))
    .orderBy(people.id);
  const pageQuery = db
    .select({ key: agencyPages.key })
    .from(agencyPages)
    .where(sql`strpos(${agencyPages.bodyHtml}, ${folder}) > 0`)
    .orderBy(agencyPages.key);
  const [articleRows, personRows, pageRows] = forUpdate
    ? await Promise.all([articleQuery.for('update', { of: articles }), peopleQuery.for('update'), pageQuery.for('update')])
    : await Promise.all([articleQuery, peopleQuery, pageQuery]);
  return { articles: articleRows, people: personRows, pages: pageRows as { key: AgencyPageKey }[] };
}

export function isMediaUnused(usage: MediaUsage): boolean {
  return usage.articles.length === 0 && usage.people.length === 0 && usage.pages.length === 0;
}

/**
 * Points everything that shows image `from` at image `to` instead: covers, texts (every width),
 * portraits, Giới thiệu pages. Each article gets a new version with a revision row saying so
 * (`note`); people and pages get a new version too, so an admin saving a form opened before gets
 * a conflict rather than putting the old image back. Call it in a transaction, with the usage
 * read `forUpdate` in that same transaction.
 */
export async function switchMediaReferences({
  db,
  from,
  to,
  usage,
  userId,
  note,
}: {
  db: Tx;
  from: MediaSummary;
  to: MediaSummary;
  usage: MediaUsage;
  userId: number;
  note: string;
}): Promise<void> {
  const oldFolder = routes.mediaFolder(from.key);
  const newFolder = routes.mediaFolder(to.key);
  for (const { id } of usage.articles) {
    const article = await getEditableArticle({ db, id, forUpdate: true });
    if (!article) throw new Error(`Bài viết ${id} không còn khi thay ảnh.`);
    const saved = await updateArticleIfVersion({
      db,
      id,
      version: article.version,
      userId,
      note,
      changes: {
        coverMediaId: article.coverMediaId === from.id ? to.id : article.coverMediaId,
        bodyHtml: article.bodyHtml.split(oldFolder).join(newFolder),
      },
    });
    if (!saved) throw new Error(`Bài viết ${id} đổi phiên bản khi đang thay ảnh.`);
  }
  if (usage.people.length > 0) {
    await db
      .update(people)
      .set({ photoMediaId: to.id, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
      .where(eq(people.photoMediaId, from.id));
  }
  if (usage.pages.length > 0) {
    await db
      .update(agencyPages)
      .set({
        bodyHtml: sql`replace(${agencyPages.bodyHtml}, ${oldFolder}, ${newFolder})`,
        version: sql`${agencyPages.version} + 1`,
        updatedBy: userId,
        updatedAt: sql`now()`,
      })
      .where(sql`strpos(${agencyPages.bodyHtml}, ${oldFolder}) > 0`);
  }
}

/** Removes an image and its bytes (media_blobs cascades). */
export async function deleteMediaRow({ db, id }: { db: Tx; id: number }): Promise<{ alt: string } | null> {
  const [row] = await db.delete(media).where(eq(media.id, id)).returning({ alt: media.alt });
  return row ?? null;
}

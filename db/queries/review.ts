import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../index';
import { articles, auditLog, users } from '../schema';

/** Why an article was sent back: the editor's comment, who wrote it and when. */
export type SendBackNote = { articleId: number; comment: string; byName: string | null; at: Date };

/** The latest "Trả lại" of each article (from the audit log, where the comment is kept). */
export async function listSendBackNotes({ db, articleIds }: { db?: Db | Tx; articleIds: number[] }): Promise<SendBackNote[]> {
  if (articleIds.length === 0) return [];
  const conn = db ?? (await getDb());
  const rows = await conn
    .selectDistinctOn([auditLog.objectId], {
      objectId: auditLog.objectId,
      detail: auditLog.detail,
      at: auditLog.createdAt,
      byName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      and(eq(auditLog.objectType, 'article'), eq(auditLog.action, 'article.return'), inArray(auditLog.objectId, articleIds.map(String))),
    )
    .orderBy(auditLog.objectId, desc(auditLog.createdAt), desc(auditLog.id));
  return rows.map((row) => ({
    articleId: Number(row.objectId),
    comment: String((row.detail as { comment?: unknown } | null)?.comment ?? ''),
    byName: row.byName,
    at: row.at,
  }));
}

export type ReviewQueueItem = { id: number; title: string; updatedAt: Date; authorId: number | null; authorName: string | null };

/** "Chờ duyệt": submitted articles, the longest waiting first. */
export async function listSubmittedArticles({ limit }: { limit: number }): Promise<ReviewQueueItem[]> {
  const db = await getDb();
  return db
    .select({ id: articles.id, title: articles.title, updatedAt: articles.updatedAt, authorId: articles.authorId, authorName: users.name })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.authorId))
    .where(eq(articles.status, 'submitted'))
    .orderBy(articles.updatedAt, articles.id)
    .limit(limit);
}

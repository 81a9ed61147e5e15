import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { CommentStatus } from '@/lib/documents/consultation';
import { getDb, type Db, type Tx } from '../index';
import { documentCatalog, documentComments, documentConsultations, documents } from '../schema';
import { type DocumentFileSummary, listDocumentFiles } from './documents';

/**
 * Góp ý dự thảo: the comment windows of documents, the comments sent on them, and their
 * moderation. A commenter's email is selected only by the staff list; no public read returns it.
 */
type Conn = Db | Tx;

export type ConsultationRow = { documentId: number; opensAt: Date; closesAt: Date };

export async function getConsultation({ db, documentId }: { db?: Conn; documentId: number }): Promise<ConsultationRow | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({
      documentId: documentConsultations.documentId,
      opensAt: documentConsultations.opensAt,
      closesAt: documentConsultations.closesAt,
    })
    .from(documentConsultations)
    .where(eq(documentConsultations.documentId, documentId))
    .limit(1);
  return row ?? null;
}

/** Sets (or moves) a document's window; the previous one, if any, for the audit row. */
export async function upsertConsultation({
  db,
  documentId,
  opensAt,
  closesAt,
  userId,
}: {
  db: Tx;
  documentId: number;
  opensAt: Date;
  closesAt: Date;
  userId: number;
}): Promise<ConsultationRow | null> {
  const before = await getConsultation({ db, documentId });
  await db
    .insert(documentConsultations)
    .values({ documentId, opensAt, closesAt, updatedBy: userId })
    .onConflictDoUpdate({
      target: documentConsultations.documentId,
      set: { opensAt, closesAt, updatedBy: userId, updatedAt: sql`now()` },
    });
  return before;
}

export async function deleteConsultation({ db, documentId }: { db: Tx; documentId: number }): Promise<ConsultationRow | null> {
  const [row] = await db.delete(documentConsultations).where(eq(documentConsultations.documentId, documentId)).returning({
    documentId: documentConsultations.documentId,
    opensAt: documentConsultations.opensAt,
    closesAt: documentConsultations.closesAt,
  });
  return row ?? null;
}

/**
 * The window of a published document, locked for the comment being written: a window moved by
 * staff at the same moment is seen before or after, never half.
 */
export async function getPublishedConsultationForComment({ db, documentId }: { db: Tx; documentId: number }) {
  const [row] = await db
    .select({ opensAt: documentConsultations.opensAt, closesAt: documentConsultations.closesAt, slug: documents.slug })
    .from(documentConsultations)
    .innerJoin(documents, eq(documents.id, documentConsultations.documentId))
    .where(and(eq(documentConsultations.documentId, documentId), eq(documents.status, 'published')))
    .limit(1)
    .for('share', { of: documentConsultations });
  return row ?? null;
}

/** Stores a comment (the shared public-form rules have already refused duplicates and floods). */
export async function insertComment({
  db,
  documentId,
  name,
  email,
  organisation,
  content,
}: {
  db: Tx;
  documentId: number;
  name: string;
  email: string;
  organisation: string;
  content: string;
}): Promise<{ id: number }> {
  const [row] = await db
    .insert(documentComments)
    .values({ documentId, name, email, organisation, content })
    .returning({ id: documentComments.id });
  return row!;
}

export type PublicComment = { id: number; name: string; organisation: string; content: string; createdAt: Date };

/** The comments staff published, oldest first: never the email. */
export async function listPublishedComments({ documentId }: { documentId: number }): Promise<PublicComment[]> {
  const db = await getDb();
  return db
    .select({
      id: documentComments.id,
      name: documentComments.name,
      organisation: documentComments.organisation,
      content: documentComments.content,
      createdAt: documentComments.createdAt,
    })
    .from(documentComments)
    .where(and(eq(documentComments.documentId, documentId), eq(documentComments.status, 'published')))
    .orderBy(asc(documentComments.createdAt), asc(documentComments.id));
}

export type StaffComment = PublicComment & { email: string; status: CommentStatus; moderatedAt: Date | null };

/** Every comment on a document for its moderators (the page checked who may see them), newest first. */
export async function listCommentsForStaff({ documentId }: { documentId: number }): Promise<StaffComment[]> {
  const db = await getDb();
  return db
    .select({
      id: documentComments.id,
      name: documentComments.name,
      email: documentComments.email,
      organisation: documentComments.organisation,
      content: documentComments.content,
      status: documentComments.status,
      moderatedAt: documentComments.moderatedAt,
      createdAt: documentComments.createdAt,
    })
    .from(documentComments)
    .where(eq(documentComments.documentId, documentId))
    .orderBy(desc(documentComments.createdAt), desc(documentComments.id));
}

/** Changes a comment's status; its previous status, or null when the comment is not on this document. */
export async function setCommentStatus({
  db,
  id,
  documentId,
  status,
  userId,
}: {
  db: Tx;
  id: number;
  documentId: number;
  status: CommentStatus;
  userId: number;
}): Promise<{ before: CommentStatus; name: string } | null> {
  const [current] = await db
    .select({ status: documentComments.status, name: documentComments.name })
    .from(documentComments)
    .where(and(eq(documentComments.id, id), eq(documentComments.documentId, documentId)))
    .limit(1)
    .for('update');
  if (!current) return null;
  await db.update(documentComments).set({ status, moderatedBy: userId, moderatedAt: sql`now()` }).where(eq(documentComments.id, id));
  return { before: current.status, name: current.name };
}

export type ConsultationListItem = {
  documentId: number;
  slug: string;
  number: string;
  typeName: string;
  summary: string;
  opensAt: Date;
  closesAt: Date;
};

/**
 * Published drafts for comment: those open at `now`, soonest closing first, and those closed in the
 * last `closedSinceDays` days (with their published comments and report), latest first.
 */
export async function listConsultations({ now, closedSinceDays }: { now: Date; closedSinceDays: number }) {
  const db = await getDb();
  const columns = {
    documentId: documents.id,
    slug: documents.slug,
    number: documents.number,
    typeName: documentCatalog.name,
    summary: documents.summary,
    opensAt: documentConsultations.opensAt,
    closesAt: documentConsultations.closesAt,
  };
  const base = () =>
    db
      .select(columns)
      .from(documentConsultations)
      .innerJoin(documents, eq(documents.id, documentConsultations.documentId))
      .innerJoin(documentCatalog, eq(documentCatalog.id, documents.typeId));
  const [open, closed] = await Promise.all([
    base()
      .where(and(eq(documents.status, 'published'), lte(documentConsultations.opensAt, now), gt(documentConsultations.closesAt, now)))
      .orderBy(asc(documentConsultations.closesAt), asc(documents.id))
      .limit(200),
    base()
      .where(
        and(
          eq(documents.status, 'published'),
          lte(documentConsultations.closesAt, now),
          gt(documentConsultations.closesAt, new Date(now.getTime() - closedSinceDays * 86_400_000)),
        ),
      )
      .orderBy(desc(documentConsultations.closesAt), desc(documents.id))
      .limit(50),
  ]);
  return { open: open as ConsultationListItem[], closed: closed as ConsultationListItem[] };
}

/** Comments per status on a document, for the staff pages. */
export async function countCommentsByStatus({ documentId }: { documentId: number }): Promise<Record<CommentStatus, number>> {
  const db = await getDb();
  const rows = await db
    .select({ status: documentComments.status, n: count() })
    .from(documentComments)
    .where(eq(documentComments.documentId, documentId))
    .groupBy(documentComments.status);
  const counts: Record<CommentStatus, number> = { pending: 0, published: 0, hidden: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export type PublicConsultation = ConsultationRow & { comments: PublicComment[]; reports: DocumentFileSummary[] };

/** A document's window with its published comments and summary reports, for its public page; null when it takes no comments. */
export async function getPublicConsultation({ documentId }: { documentId: number }): Promise<PublicConsultation | null> {
  const db = await getDb();
  const window = await getConsultation({ db, documentId });
  if (!window) return null;
  const [comments, reports] = await Promise.all([
    listPublishedComments({ documentId }),
    listDocumentFiles({ db, documentId, purpose: 'comment_report' }),
  ]);
  return { ...window, comments, reports };
}

/** Slugs of published drafts whose comment window opened or closed in (after, until]: their pages change then. */
export async function listConsultationEdgesBetween({ db, after, until }: { db: Conn; after: Date; until: Date }): Promise<string[]> {
  const rows = await db
    .select({ slug: documents.slug })
    .from(documentConsultations)
    .innerJoin(documents, eq(documents.id, documentConsultations.documentId))
    .where(
      and(
        eq(documents.status, 'published'),
        or(
          and(gt(documentConsultations.opensAt, after), lte(documentConsultations.opensAt, until)),
          and(gt(documentConsultations.closesAt, after), lte(documentConsultations.closesAt, until)),
        ),
      ),
    );
  return rows.map((row) => row.slug);
}

/**
 * Erases the email of every comment on a draft whose window closed more than `months` ago (the
 * consent text promises it). The comment, its name and organisation stay for the record.
 */
export async function eraseExpiredCommentEmails({ db, now, months }: { db?: Conn; now: Date; months: number }): Promise<number> {
  const conn = db ?? (await getDb());
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const erased = await conn
    .update(documentComments)
    .set({ email: '' })
    .where(
      and(
        ne(documentComments.email, ''),
        inArray(
          documentComments.documentId,
          conn
            .select({ id: documentConsultations.documentId })
            .from(documentConsultations)
            .where(lte(documentConsultations.closesAt, cutoff)),
        ),
      ),
    )
    .returning({ id: documentComments.id });
  return erased.length;
}

export type StaffConsultationItem = ConsultationListItem & { status: 'draft' | 'published' | 'withdrawn'; pending: number; total: number };

/** Every draft for comment for its moderators: the latest closing first, with its comments waiting and in all. */
export async function listConsultationsForStaff(): Promise<StaffConsultationItem[]> {
  const db = await getDb();
  const rows = await db
    .select({
      documentId: documents.id,
      slug: documents.slug,
      number: documents.number,
      typeName: documentCatalog.name,
      summary: documents.summary,
      status: documents.status,
      opensAt: documentConsultations.opensAt,
      closesAt: documentConsultations.closesAt,
      pending: sql<number>`(select count(*)::int from ${documentComments} c where c.document_id = ${documents.id} and c.status = 'pending')`,
      total: sql<number>`(select count(*)::int from ${documentComments} c where c.document_id = ${documents.id})`,
    })
    .from(documentConsultations)
    .innerJoin(documents, eq(documents.id, documentConsultations.documentId))
    .innerJoin(documentCatalog, eq(documentCatalog.id, documents.typeId))
    .orderBy(desc(documentConsultations.closesAt), desc(documents.id))
    .limit(500);
  return rows.map((row) => ({ ...row, pending: Number(row.pending), total: Number(row.total) }));
}

import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, like, lt, lte, type SQL, sql } from 'drizzle-orm';
import { containsPattern, searchWords } from '@/lib/search-text';
import type { QuestionStatus } from '@/lib/questions/rules';
import { type Db, getDb, type Tx } from '../index';
import { auditLog, documentCatalog, orgUnits, questions, users } from '../schema';

type Conn = Db | Tx;
const connection = async (db?: Conn) => db ?? (await getDb());

export type NewQuestion = {
  codeHash: string;
  askerName: string;
  email: string;
  phone: string | null;
  fieldId: number;
  title: string;
  content: string;
};

export async function insertQuestion({ db, values }: { db: Tx; values: NewQuestion }): Promise<{ id: number }> {
  const [row] = await db.insert(questions).values(values).returning({ id: questions.id });
  return row!;
}

/** Lĩnh vực: the documents' field list, shared by documents, procedures and questions. */
export async function listQuestionFields({ db }: { db?: Conn } = {}): Promise<{ id: number; name: string }[]> {
  const conn = await connection(db);
  return conn
    .select({ id: documentCatalog.id, name: documentCatalog.name })
    .from(documentCatalog)
    .where(eq(documentCatalog.kind, 'field'))
    .orderBy(asc(documentCatalog.position), asc(documentCatalog.name));
}

export async function questionFieldExists({ db, id }: { db: Conn; id: number }): Promise<boolean> {
  const [row] = await db
    .select({ id: documentCatalog.id })
    .from(documentCatalog)
    .where(and(eq(documentCatalog.id, id), eq(documentCatalog.kind, 'field')))
    .limit(1);
  return Boolean(row);
}

/** What /hoi-dap/tra-cuu shows for a code: never the asker's email or phone. */
export type QuestionTracking = {
  title: string;
  status: QuestionStatus;
  createdAt: Date;
  answerHtml: string;
  answeredAt: Date | null;
  refusalReason: string;
  slug: string | null;
  published: boolean;
};

export async function getQuestionByCodeHash({ db, codeHash }: { db?: Conn; codeHash: string }): Promise<QuestionTracking | null> {
  const conn = await connection(db);
  const [row] = await conn
    .select({
      title: questions.title,
      status: questions.status,
      createdAt: questions.createdAt,
      answerHtml: questions.answerHtml,
      answeredAt: questions.answeredAt,
      refusalReason: questions.refusalReason,
      slug: questions.slug,
      publishedAt: questions.publishedAt,
    })
    .from(questions)
    .where(eq(questions.codeHash, codeHash))
    .limit(1);
  if (!row) return null;
  const { publishedAt, ...rest } = row;
  return { ...rest, published: publishedAt !== null };
}

export type StaffQuestionFilters = {
  status?: QuestionStatus;
  fieldId?: number;
  unitId?: number;
  /** "chua-phan-cong": questions no unit has yet. */
  unassigned?: boolean;
  /** Open questions at least this many days old. */
  minDaysOpen?: number;
  /** Open questions older than the days allowed to answer. */
  overdueDays?: number;
  /** A Cán bộ trả lời: their unit's questions only (null: none at all). */
  onlyUnitId?: number | null;
};

export type StaffQuestionListItem = {
  id: number;
  title: string;
  askerName: string;
  status: QuestionStatus;
  fieldName: string | null;
  unitName: string | null;
  createdAt: Date;
  published: boolean;
};

const DAY_SECONDS = 24 * 60 * 60;
const openStatuses: QuestionStatus[] = ['received', 'processing'];

function staffConditions(filters: StaffQuestionFilters): (SQL | undefined)[] {
  return [
    filters.onlyUnitId === null ? sql`false` : filters.onlyUnitId !== undefined ? eq(questions.unitId, filters.onlyUnitId) : undefined,
    filters.status ? eq(questions.status, filters.status) : undefined,
    filters.fieldId ? eq(questions.fieldId, filters.fieldId) : undefined,
    filters.unitId ? eq(questions.unitId, filters.unitId) : undefined,
    filters.unassigned ? isNull(questions.unitId) : undefined,
    filters.minDaysOpen
      ? and(
          inArray(questions.status, openStatuses),
          lte(questions.createdAt, sql`now() - make_interval(secs => ${filters.minDaysOpen * DAY_SECONDS})`),
        )
      : undefined,
    filters.overdueDays
      ? and(
          inArray(questions.status, openStatuses),
          lte(questions.createdAt, sql`now() - make_interval(secs => ${filters.overdueDays * DAY_SECONDS})`),
        )
      : undefined,
  ];
}

/** The staff queue: oldest open question first, then the closed ones, newest first. */
export async function listQuestionsForStaff({
  filters,
  page,
  pageSize,
}: {
  filters: StaffQuestionFilters;
  page: number;
  pageSize: number;
}): Promise<{ items: StaffQuestionListItem[]; total: number }> {
  const db = await getDb();
  const where = and(...staffConditions(filters));
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: questions.id,
        title: questions.title,
        askerName: questions.askerName,
        status: questions.status,
        fieldName: documentCatalog.name,
        unitName: orgUnits.name,
        createdAt: questions.createdAt,
        publishedAt: questions.publishedAt,
      })
      .from(questions)
      .leftJoin(documentCatalog, eq(documentCatalog.id, questions.fieldId))
      .leftJoin(orgUnits, eq(orgUnits.id, questions.unitId))
      .where(where)
      .orderBy(
        sql`case when ${questions.status} in ('received', 'processing') then 0 else 1 end`,
        sql`case when ${questions.status} in ('received', 'processing') then ${questions.createdAt} end asc`,
        desc(questions.createdAt),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(questions).where(where),
  ]);
  return {
    items: rows.map(({ publishedAt, ...row }) => ({ ...row, published: publishedAt !== null })),
    total: Number(totals[0]?.n ?? 0),
  };
}

export type StaffQuestion = {
  id: number;
  askerName: string;
  email: string | null;
  phone: string | null;
  fieldId: number | null;
  fieldName: string | null;
  title: string;
  content: string;
  status: QuestionStatus;
  unitId: number | null;
  unitName: string | null;
  answerHtml: string;
  answeredByName: string | null;
  answeredAt: Date | null;
  refusalReason: string;
  closedAt: Date | null;
  personalDataErasedAt: Date | null;
  publishedAt: Date | null;
  slug: string | null;
  showFullName: boolean;
  version: number;
  createdAt: Date;
};

/** One question for staff (the asker's contact included: staff may need to reach them). */
export async function getQuestionForStaff({
  db,
  id,
  forUpdate = false,
}: {
  db?: Conn;
  id: number;
  forUpdate?: boolean;
}): Promise<StaffQuestion | null> {
  const conn = await connection(db);
  if (forUpdate) await conn.select({ id: questions.id }).from(questions).where(eq(questions.id, id)).for('update');
  const [row] = await conn
    .select({
      id: questions.id,
      askerName: questions.askerName,
      email: questions.email,
      phone: questions.phone,
      fieldId: questions.fieldId,
      fieldName: documentCatalog.name,
      title: questions.title,
      content: questions.content,
      status: questions.status,
      unitId: questions.unitId,
      unitName: orgUnits.name,
      answerHtml: questions.answerHtml,
      answeredByName: users.name,
      answeredAt: questions.answeredAt,
      refusalReason: questions.refusalReason,
      closedAt: questions.closedAt,
      personalDataErasedAt: questions.personalDataErasedAt,
      publishedAt: questions.publishedAt,
      slug: questions.slug,
      showFullName: questions.showFullName,
      version: questions.version,
      createdAt: questions.createdAt,
    })
    .from(questions)
    .leftJoin(documentCatalog, eq(documentCatalog.id, questions.fieldId))
    .leftJoin(orgUnits, eq(orgUnits.id, questions.unitId))
    .leftJoin(users, eq(users.id, questions.answeredBy))
    .where(eq(questions.id, id))
    .limit(1);
  return row ?? null;
}

/** Changes a question if it is still at `version`; false when someone changed it meanwhile. */
export async function updateQuestion({
  db,
  id,
  version,
  values,
}: {
  db: Tx;
  id: number;
  version: number;
  values: Partial<{
    status: QuestionStatus;
    unitId: number | null;
    answerHtml: string;
    answeredBy: number;
    answeredAt: Date | SQL;
    refusalReason: string;
    closedAt: Date | SQL | null;
    publishedAt: Date | SQL | null;
    slug: string;
    showFullName: boolean;
    searchText: string;
  }>;
}): Promise<boolean> {
  const rows = await db
    .update(questions)
    .set({ ...values, version: sql`${questions.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(questions.id, id), eq(questions.version, version)))
    .returning({ id: questions.id });
  return rows.length > 0;
}

export type PublicQuestionListItem = {
  slug: string;
  title: string;
  fieldName: string | null;
  publishedAt: Date;
};

const publishedCondition = and(isNotNull(questions.publishedAt), isNotNull(questions.slug), eq(questions.status, 'answered'));

/** /hoi-dap: the published pairs, newest first, by field and words (with or without diacritics). */
export async function listPublishedQuestions({
  fieldId,
  keyword,
  page,
  pageSize,
}: {
  fieldId?: number;
  keyword?: string;
  page: number;
  pageSize: number;
}): Promise<{ items: PublicQuestionListItem[]; total: number }> {
  const db = await getDb();
  const words = searchWords(keyword ?? '');
  const where = and(
    publishedCondition,
    fieldId ? eq(questions.fieldId, fieldId) : undefined,
    ...words.map((word) => like(questions.searchText, containsPattern(word))),
  );
  const [rows, totals] = await Promise.all([
    db
      .select({ slug: questions.slug, title: questions.title, fieldName: documentCatalog.name, publishedAt: questions.publishedAt })
      .from(questions)
      .leftJoin(documentCatalog, eq(documentCatalog.id, questions.fieldId))
      .where(where)
      .orderBy(sql`${questions.publishedAt} desc nulls last`, desc(questions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(questions).where(where),
  ]);
  return {
    items: rows.map((row) => ({ ...row, slug: row.slug!, publishedAt: row.publishedAt! })),
    total: Number(totals[0]?.n ?? 0),
  };
}

/** One published pair: the asker's name only (shown as written or as initials), never email or phone. */
export type PublicQuestion = {
  slug: string;
  title: string;
  content: string;
  askerName: string;
  showFullName: boolean;
  fieldName: string | null;
  unitName: string | null;
  answerHtml: string;
  createdAt: Date;
  answeredAt: Date | null;
  publishedAt: Date;
};

export async function getPublishedQuestionBySlug({ slug }: { slug: string }): Promise<PublicQuestion | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      slug: questions.slug,
      title: questions.title,
      content: questions.content,
      askerName: questions.askerName,
      showFullName: questions.showFullName,
      fieldName: documentCatalog.name,
      unitName: orgUnits.name,
      answerHtml: questions.answerHtml,
      createdAt: questions.createdAt,
      answeredAt: questions.answeredAt,
      publishedAt: questions.publishedAt,
    })
    .from(questions)
    .leftJoin(documentCatalog, eq(documentCatalog.id, questions.fieldId))
    .leftJoin(orgUnits, eq(orgUnits.id, questions.unitId))
    .where(and(eq(questions.slug, slug), publishedCondition))
    .limit(1);
  return row ? { ...row, slug: row.slug!, publishedAt: row.publishedAt! } : null;
}

/**
 * Nghị định 13/2023/NĐ-CP: the email and phone of questions closed more than `months` months ago
 * are erased (the name stays: it may be on the published page). Returns the ids erased.
 */
export async function eraseExpiredPersonalData({ db, months }: { db: Tx; months: number }): Promise<number[]> {
  const rows = await db
    .update(questions)
    .set({ email: null, phone: null, personalDataErasedAt: sql`now()` })
    .where(
      and(
        isNull(questions.personalDataErasedAt),
        isNotNull(questions.closedAt),
        lt(questions.closedAt, sql`now() - make_interval(months => ${months})`),
      ),
    )
    .returning({ id: questions.id });
  return rows.map((row) => row.id);
}

/** One run across instances: false when another instance holds the erasure lock. */
export async function tryLockQuestionErasure({ db }: { db: Tx }): Promise<boolean> {
  const result = (await db.execute(
    sql`select pg_try_advisory_xact_lock(hashtextextended('portal.question-erasure', 0)) as locked`,
  )) as unknown as { locked: boolean }[] | { rows: { locked: boolean }[] };
  const rows = Array.isArray(result) ? result : result.rows;
  return rows[0]?.locked === true;
}

/** The unit a Cán bộ trả lời answers for (null for other roles or when unset). */
export async function getUserUnitId({ db, userId }: { db?: Conn; userId: number }): Promise<number | null> {
  const conn = await connection(db);
  const [row] = await conn.select({ unitId: users.unitId }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.unitId ?? null;
}

/** Counts for the staff home: open questions (of one unit, for a Cán bộ trả lời). */
export async function countOpenQuestions({ onlyUnitId }: { onlyUnitId?: number | null } = {}): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(questions)
    .where(and(inArray(questions.status, openStatuses), ...staffConditions({ onlyUnitId })));
  return Number(row?.n ?? 0);
}

/** An audit entry written by the server itself (the erasure job): no user. */
export async function insertSystemAuditEntry({
  db,
  action,
  objectType,
  objectId,
  detail,
}: {
  db: Tx;
  action: string;
  objectType: string;
  objectId: string | null;
  detail?: Record<string, unknown>;
}): Promise<void> {
  await db.insert(auditLog).values({ userId: null, action, objectType, objectId, detail: detail ?? null });
}

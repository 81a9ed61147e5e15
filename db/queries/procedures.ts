import 'server-only';
import { and, asc, count, eq, inArray, ne, like, sql, type SQL } from 'drizzle-orm';
import type { ProcedureFields, ProcedureLevel, ProcedureListFilters } from '@/lib/procedures';
import { containsPattern, searchWords } from '@/lib/search-text';
import { getDb, type Db, type Tx } from '../index';
import { documentCatalog, documents, procedures, siteSettings } from '../schema';

type Conn = Db | Tx;
type Status = 'draft' | 'published' | 'withdrawn';

export type ProcedureListItem = {
  id: number;
  slug: string;
  code: string;
  name: string;
  level: ProcedureLevel;
  fieldName: string | null;
  synthetic: boolean;
};

function keywordCondition(keyword: string | undefined): SQL | undefined {
  const words = keyword ? searchWords(keyword) : [];
  if (words.length === 0) return undefined;
  return and(...words.map((word) => like(procedures.searchText, containsPattern(word))));
}

const listColumns = {
  id: procedures.id,
  slug: procedures.slug,
  code: procedures.code,
  name: procedures.name,
  level: procedures.level,
  fieldId: procedures.fieldId,
  synthetic: procedures.synthetic,
};

async function withFieldNames(
  db: Conn,
  rows: (Omit<ProcedureListItem, 'fieldName'> & { fieldId: number | null })[],
): Promise<ProcedureListItem[]> {
  const ids = [...new Set(rows.map((row) => row.fieldId).filter((id): id is number => id !== null))];
  const names = ids.length
    ? new Map(
        (
          await db
            .select({ id: documentCatalog.id, name: documentCatalog.name })
            .from(documentCatalog)
            .where(inArray(documentCatalog.id, ids))
        ).map((r) => [r.id, r.name]),
      )
    : new Map<number, string>();
  return rows.map(({ fieldId, ...row }) => ({ ...row, fieldName: fieldId === null ? null : (names.get(fieldId) ?? null) }));
}

/** One page of published procedures by name, with the total. */
export async function listPublicProcedures({ filters, page, pageSize }: { filters: ProcedureListFilters; page: number; pageSize: number }) {
  const db = await getDb();
  const where = and(
    eq(procedures.status, 'published'),
    keywordCondition(filters.keyword),
    filters.fieldId ? eq(procedures.fieldId, filters.fieldId) : undefined,
    filters.level ? eq(procedures.level, filters.level) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select(listColumns)
      .from(procedures)
      .where(where)
      .orderBy(asc(procedures.name), asc(procedures.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(procedures).where(where),
  ]);
  return { items: await withFieldNames(db, rows), total: Number(totals[0]?.n ?? 0) };
}

const detailColumns = {
  ...listColumns,
  status: procedures.status,
  steps: procedures.steps,
  dossier: procedures.dossier,
  processingTime: procedures.processingTime,
  fees: procedures.fees,
  legalBasis: procedures.legalBasis,
  authorId: procedures.authorId,
  version: procedures.version,
  publishedAt: procedures.publishedAt,
};

export type ProcedureDetail = ProcedureListItem & {
  fieldId: number | null;
  status: Status;
  steps: string;
  dossier: string;
  processingTime: string;
  fees: string;
  legalBasis: string;
  authorId: number | null;
  version: number;
  publishedAt: Date | null;
};

async function selectProcedure(db: Conn, where: SQL): Promise<ProcedureDetail | null> {
  const [row] = await db.select(detailColumns).from(procedures).where(where).limit(1);
  if (!row) return null;
  const [named] = await withFieldNames(db, [row]);
  return { ...row, fieldName: named!.fieldName };
}

export async function getPublishedProcedureBySlug({ slug }: { slug: string }): Promise<ProcedureDetail | null> {
  return selectProcedure(await getDb(), and(eq(procedures.slug, slug), eq(procedures.status, 'published'))!);
}

export async function getProcedureForStaff({ db, id }: { db?: Conn; id: number }): Promise<ProcedureDetail | null> {
  return selectProcedure(db ?? (await getDb()), eq(procedures.id, id));
}

/** The published documents, by folded number key, that Căn cứ pháp lý names: for its links. */
export async function findPublishedDocumentsByNumberKeys({ numberKeys }: { numberKeys: string[] }): Promise<Map<string, string>> {
  if (numberKeys.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ numberKey: documents.numberKey, slug: documents.slug })
    .from(documents)
    .where(and(inArray(documents.numberKey, numberKeys), eq(documents.status, 'published')));
  return new Map(rows.map((row) => [row.numberKey, row.slug]));
}

export async function listProceduresForStaff({
  search,
  authorId,
  page,
  pageSize,
}: {
  search?: string;
  authorId: number | null;
  page: number;
  pageSize: number;
}) {
  const db = await getDb();
  const where = and(keywordCondition(search), authorId === null ? undefined : eq(procedures.authorId, authorId));
  const [rows, totals] = await Promise.all([
    db
      .select({ id: procedures.id, code: procedures.code, name: procedures.name, status: procedures.status })
      .from(procedures)
      .where(where)
      .orderBy(asc(procedures.name), asc(procedures.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(procedures).where(where),
  ]);
  return { items: rows, total: Number(totals[0]?.n ?? 0) };
}

export async function findProcedureByCode({ db, code, excludeId }: { db: Conn; code: string; excludeId?: number }) {
  const [row] = await db
    .select({ id: procedures.id, code: procedures.code })
    .from(procedures)
    .where(and(sql`lower(${procedures.code}) = lower(${code})`, excludeId ? ne(procedures.id, excludeId) : undefined))
    .limit(1);
  return row ?? null;
}

export async function findExistingProcedureCodes({ db, codes }: { db: Conn; codes: string[] }): Promise<Set<string>> {
  const found = new Set<string>();
  const lower = [...new Set(codes.map((code) => code.toLowerCase()))];
  for (let i = 0; i < lower.length; i += 2000) {
    const rows = await db
      .select({ code: procedures.code })
      .from(procedures)
      .where(inArray(sql`lower(${procedures.code})`, lower.slice(i, i + 2000)));
    for (const row of rows) found.add(row.code.toLowerCase());
  }
  return found;
}

export async function findTakenProcedureSlugs({ db, slugs }: { db: Conn; slugs: string[] }): Promise<Set<string>> {
  const taken = new Set<string>();
  const unique = [...new Set(slugs)];
  for (let i = 0; i < unique.length; i += 2000) {
    const rows = await db
      .select({ slug: procedures.slug })
      .from(procedures)
      .where(inArray(procedures.slug, unique.slice(i, i + 2000)));
    for (const row of rows) taken.add(row.slug);
  }
  return taken;
}

type ProcedureValues = ProcedureFields & { searchText: string };

export async function insertProcedures({
  db,
  rows,
}: {
  db: Tx;
  rows: (ProcedureValues & {
    slug: string;
    authorId: number | null;
    status?: 'draft' | 'published';
    publishedAt?: Date | null;
    synthetic?: boolean;
  })[];
}): Promise<{ id: number; slug: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(procedures).values(rows).returning({ id: procedures.id, slug: procedures.slug });
}

export async function updateProcedure({
  db,
  id,
  version,
  values,
}: {
  db: Tx;
  id: number;
  version: number;
  values: ProcedureValues & { slug: string };
}) {
  const [row] = await db
    .update(procedures)
    .set({ ...values, version: sql`${procedures.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(procedures.id, id), eq(procedures.version, version)))
    .returning({ version: procedures.version });
  return row ?? null;
}

export async function setProcedureStatus({
  db,
  id,
  version,
  status,
}: {
  db: Tx;
  id: number;
  version: number;
  status: 'published' | 'withdrawn';
}) {
  const [row] = await db
    .update(procedures)
    .set({
      status,
      version: sql`${procedures.version} + 1`,
      updatedAt: sql`now()`,
      ...(status === 'published' ? { publishedAt: sql`coalesce(${procedures.publishedAt}, now())` } : {}),
    })
    .where(and(eq(procedures.id, id), eq(procedures.version, version)))
    .returning({ version: procedures.version, slug: procedures.slug });
  return row ?? null;
}

export async function getProcedureAccess({ db, id }: { db: Tx; id: number }) {
  const [row] = await db
    .select({
      id: procedures.id,
      authorId: procedures.authorId,
      status: procedures.status,
      slug: procedures.slug,
      publishedAt: procedures.publishedAt,
    })
    .from(procedures)
    .where(eq(procedures.id, id))
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function isFieldEntry({ db, id }: { db: Conn; id: number }): Promise<boolean> {
  const [row] = await db.select({ kind: documentCatalog.kind }).from(documentCatalog).where(eq(documentCatalog.id, id)).limit(1);
  return row?.kind === 'field';
}

export async function countProceduresUsingField({ db, id }: { db: Conn; id: number }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(procedures).where(eq(procedures.fieldId, id));
  return Number(row?.n ?? 0);
}

/** Nộp hồ sơ trực tuyến: the provincial public-service portal's address an admin sets; none by default. */
export const PUBLIC_SERVICE_PORTAL_KEY = 'public_service_portal_url';

export async function getPublicServicePortalUrl(): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ value: siteSettings.value })
    .from(siteSettings)
    .where(eq(siteSettings.key, PUBLIC_SERVICE_PORTAL_KEY))
    .limit(1);
  return typeof row?.value === 'string' && row.value ? row.value : null;
}

export async function vacuumProcedureTable({ db }: { db: Db }): Promise<void> {
  await db.execute(sql`vacuum analyze procedures`);
}

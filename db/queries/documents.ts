import 'server-only';
import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { CatalogEntry, DocumentCatalogs, DocumentListFilters } from '@/lib/documents/rules';
import { containsPattern, searchWords } from '@/lib/search-text';
import { getDb, type Db, type Tx } from '../index';
import { documentCatalog, documentFileBlobs, documentFiles, documentRelations, documents, procedures, users } from '../schema';

type Conn = Db | Tx;

const typeTable = aliasedTable(documentCatalog, 'document_type');
const issuerTable = aliasedTable(documentCatalog, 'document_issuer');
const fieldTable = aliasedTable(documentCatalog, 'document_field');

// ---------------------------------------------------------------------------
// Catalogues: Loại văn bản, Cơ quan ban hành, Lĩnh vực
// ---------------------------------------------------------------------------

export async function listDocumentCatalogs({ db }: { db?: Conn } = {}): Promise<DocumentCatalogs> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .select({ id: documentCatalog.id, kind: documentCatalog.kind, name: documentCatalog.name })
    .from(documentCatalog)
    .orderBy(asc(documentCatalog.kind), asc(documentCatalog.position), asc(documentCatalog.name));
  const pick = (kind: string): CatalogEntry[] => rows.filter((row) => row.kind === kind).map(({ id, name }) => ({ id, name }));
  return { types: pick('type'), issuers: pick('issuer'), fields: pick('field'), signers: pick('signer') };
}

export async function getCatalogEntry({ db, id }: { db: Conn; id: number }) {
  const [row] = await db.select().from(documentCatalog).where(eq(documentCatalog.id, id)).limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------
// The public list and page
// ---------------------------------------------------------------------------

const listColumns = {
  id: documents.id,
  slug: documents.slug,
  number: documents.number,
  summary: documents.summary,
  issuedOn: documents.issuedOn,
  effectiveOn: documents.effectiveOn,
  expiresOn: documents.expiresOn,
  synthetic: documents.synthetic,
  typeName: typeTable.name,
  issuerName: issuerTable.name,
};

export type DocumentListItem = {
  id: number;
  slug: string;
  number: string;
  summary: string;
  issuedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  synthetic: boolean;
  typeName: string;
  issuerName: string;
};

/** The condition of the "Hiệu lực" filter on `today` (a Vietnamese calendar day), as lib/documents/rules.ts defines it. */
function effectCondition(effect: NonNullable<DocumentListFilters['effect']>, today: string): SQL {
  const from = sql`coalesce(${documents.effectiveOn}, ${documents.issuedOn})`;
  switch (effect) {
    case 'not_yet':
      return sql`${from} > ${today}`;
    case 'expired':
      return and(sql`${from} <= ${today}`, isNotNull(documents.expiresOn), lte(documents.expiresOn, today))!;
    case 'in_effect':
      return and(sql`${from} <= ${today}`, or(isNull(documents.expiresOn), sql`${documents.expiresOn} > ${today}`))!;
  }
}

/**
 * The keyword matches the folded number and trích yếu (documents.search_text): every word must
 * appear, accents and case aside. LIKE wildcards in the keyword are taken literally.
 */
function keywordCondition(keyword: string | undefined): SQL | undefined {
  const words = keyword ? searchWords(keyword) : [];
  if (words.length === 0) return undefined;
  return and(...words.map((word) => like(documents.searchText, containsPattern(word))));
}

function filterConditions(filters: DocumentListFilters, today: string): (SQL | undefined)[] {
  return [
    keywordCondition(filters.keyword),
    filters.typeId ? eq(documents.typeId, filters.typeId) : undefined,
    filters.issuerId ? eq(documents.issuerId, filters.issuerId) : undefined,
    filters.fieldId ? eq(documents.fieldId, filters.fieldId) : undefined,
    filters.year ? and(gte(documents.issuedOn, `${filters.year}-01-01`), lt(documents.issuedOn, `${filters.year + 1}-01-01`)) : undefined,
    filters.effect ? effectCondition(filters.effect, today) : undefined,
  ];
}

const rowColumns = {
  id: documents.id,
  slug: documents.slug,
  number: documents.number,
  summary: documents.summary,
  issuedOn: documents.issuedOn,
  effectiveOn: documents.effectiveOn,
  expiresOn: documents.expiresOn,
  synthetic: documents.synthetic,
  typeId: documents.typeId,
  issuerId: documents.issuerId,
};

/**
 * The names of the page's types and issuers, in a second small query: joined into the page query,
 * they lead the planner to join every matching row and sort them, instead of walking the
 * (status, issued_on, id) index and stopping after one page (48 ms against 1 ms over 50,000).
 */
async function withCatalogNames(db: Conn, rows: { typeId: number; issuerId: number }[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.flatMap((row) => [row.typeId, row.issuerId]))];
  if (ids.length === 0) return new Map();
  const names = await db
    .select({ id: documentCatalog.id, name: documentCatalog.name })
    .from(documentCatalog)
    .where(inArray(documentCatalog.id, ids));
  return new Map(names.map((row) => [row.id, row.name]));
}

type ListRow = Omit<DocumentListItem, 'typeName' | 'issuerName'> & { typeId: number; issuerId: number };

async function asListItems(db: Conn, rows: ListRow[]): Promise<DocumentListItem[]> {
  const names = await withCatalogNames(db, rows);
  return rows.map(({ typeId, issuerId, ...row }) => ({ ...row, typeName: names.get(typeId) ?? '', issuerName: names.get(issuerId) ?? '' }));
}

/** One page of published documents, newest date of issue first, with the total for "Tìm thấy n văn bản". */
export async function listPublicDocuments({
  filters,
  today,
  page,
  pageSize,
}: {
  filters: DocumentListFilters;
  today: string;
  page: number;
  pageSize: number;
}): Promise<{ items: DocumentListItem[]; total: number }> {
  const db = await getDb();
  const where = and(eq(documents.status, 'published'), ...filterConditions(filters, today));
  const [rows, totals] = await Promise.all([
    db
      .select(rowColumns)
      .from(documents)
      .where(where)
      .orderBy(desc(documents.issuedOn), desc(documents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(documents).where(where),
  ]);
  return { items: await asListItems(db, rows), total: Number(totals[0]?.n ?? 0) };
}

export async function listLatestDocuments({ limit }: { limit: number }): Promise<DocumentListItem[]> {
  const db = await getDb();
  const rows = await db
    .select(rowColumns)
    .from(documents)
    .where(eq(documents.status, 'published'))
    .orderBy(desc(documents.issuedOn), desc(documents.id))
    .limit(limit);
  return asListItems(db, rows);
}

export type DocumentFileSummary = { id: number; fileName: string; mimeType: string; bytes: number };
export type RelatedDocument = { id: number; slug: string; number: string; summary: string; status: 'draft' | 'published' | 'withdrawn' };
export type DocumentRelationsView = {
  replaces: RelatedDocument[];
  replacedBy: RelatedDocument[];
  amends: RelatedDocument[];
  amendedBy: RelatedDocument[];
  related: RelatedDocument[];
};

export type DocumentRow = DocumentListItem & {
  status: 'draft' | 'published' | 'withdrawn';
  typeId: number;
  issuerId: number;
  fieldId: number | null;
  fieldName: string | null;
  signerName: string;
  signerTitle: string;
  authorId: number | null;
  version: number;
  publishedAt: Date | null;
  updatedAt: Date;
};

async function selectDocument(db: Conn, where: SQL): Promise<DocumentRow | null> {
  const [row] = await db
    .select({
      ...listColumns,
      status: documents.status,
      typeId: documents.typeId,
      issuerId: documents.issuerId,
      fieldId: documents.fieldId,
      fieldName: fieldTable.name,
      signerName: documents.signerName,
      signerTitle: documents.signerTitle,
      authorId: documents.authorId,
      version: documents.version,
      publishedAt: documents.publishedAt,
      updatedAt: documents.updatedAt,
    })
    .from(documents)
    .innerJoin(typeTable, eq(typeTable.id, documents.typeId))
    .innerJoin(issuerTable, eq(issuerTable.id, documents.issuerId))
    .leftJoin(fieldTable, eq(fieldTable.id, documents.fieldId))
    .where(where)
    .limit(1);
  return row ?? null;
}

export type DocumentDetail = DocumentRow & {
  files: DocumentFileSummary[];
  relations: DocumentRelationsView;
};

async function withFilesAndRelations(db: Conn, row: DocumentRow, onlyPublished: boolean): Promise<DocumentDetail> {
  const [files, relations] = await Promise.all([
    listDocumentFiles({ db, documentId: row.id }),
    listDocumentRelations({ db, id: row.id, onlyPublished }),
  ]);
  return { ...row, files, relations };
}

/** A published document with its files and the published documents it is related to; null otherwise. */
export async function getPublishedDocumentBySlug({ slug }: { slug: string }): Promise<DocumentDetail | null> {
  const db = await getDb();
  const row = await selectDocument(db, and(eq(documents.slug, slug), eq(documents.status, 'published'))!);
  return row ? withFilesAndRelations(db, row, true) : null;
}

/** Any status, for the staff editor (the caller checked who may see it). */
export async function getDocumentForStaff({ db, id }: { db?: Conn; id: number }): Promise<DocumentDetail | null> {
  const conn = db ?? (await getDb());
  const row = await selectDocument(conn, eq(documents.id, id));
  return row ? withFilesAndRelations(conn, row, false) : null;
}

/** The attached files of a document; `purpose: 'comment_report'` lists the summary reports of its comments instead. */
export async function listDocumentFiles({
  db,
  documentId,
  purpose = 'attachment',
}: {
  db: Conn;
  documentId: number;
  purpose?: 'attachment' | 'comment_report';
}): Promise<DocumentFileSummary[]> {
  return db
    .select({ id: documentFiles.id, fileName: documentFiles.fileName, mimeType: documentFiles.mimeType, bytes: documentFiles.bytes })
    .from(documentFiles)
    .where(and(eq(documentFiles.documentId, documentId), eq(documentFiles.purpose, purpose)))
    .orderBy(asc(documentFiles.position), asc(documentFiles.id));
}

/** Both directions of every relation of a document, each read from its side. */
export async function listDocumentRelations({
  db,
  id,
  onlyPublished,
}: {
  db: Conn;
  id: number;
  onlyPublished: boolean;
}): Promise<DocumentRelationsView> {
  const other = { id: documents.id, slug: documents.slug, number: documents.number, summary: documents.summary, status: documents.status };
  const visible = onlyPublished ? eq(documents.status, 'published') : undefined;
  const [outgoing, incoming] = await Promise.all([
    db
      .select({ kind: documentRelations.kind, ...other })
      .from(documentRelations)
      .innerJoin(documents, eq(documents.id, documentRelations.toId))
      .where(and(eq(documentRelations.fromId, id), visible))
      .orderBy(desc(documents.issuedOn), desc(documents.id)),
    db
      .select({ kind: documentRelations.kind, ...other })
      .from(documentRelations)
      .innerJoin(documents, eq(documents.id, documentRelations.fromId))
      .where(and(eq(documentRelations.toId, id), visible))
      .orderBy(desc(documents.issuedOn), desc(documents.id)),
  ]);
  const strip = ({ kind: _kind, ...rest }: (typeof outgoing)[number]): RelatedDocument => rest;
  return {
    replaces: outgoing.filter((r) => r.kind === 'replaces').map(strip),
    amends: outgoing.filter((r) => r.kind === 'amends').map(strip),
    replacedBy: incoming.filter((r) => r.kind === 'replaces').map(strip),
    amendedBy: incoming.filter((r) => r.kind === 'amends').map(strip),
    // "Liên quan" goes both ways: whichever side recorded it.
    related: [...outgoing, ...incoming]
      .filter((r, index, all) => r.kind === 'related' && all.findIndex((o) => o.kind === 'related' && o.id === r.id) === index)
      .map(strip),
  };
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

export type ServedDocumentFile = DocumentFileSummary & { sha256: string; documentStatus: 'draft' | 'published' | 'withdrawn' };

export async function getDocumentFileForServing({ id }: { id: number }): Promise<ServedDocumentFile | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: documentFiles.id,
      fileName: documentFiles.fileName,
      mimeType: documentFiles.mimeType,
      bytes: documentFiles.bytes,
      sha256: documentFiles.sha256,
      documentStatus: documents.status,
    })
    .from(documentFiles)
    .innerJoin(documents, eq(documents.id, documentFiles.documentId))
    .where(eq(documentFiles.id, id))
    .limit(1);
  return row ?? null;
}

export async function getDocumentFileBytes({ id }: { id: number }): Promise<Buffer | null> {
  const db = await getDb();
  const [row] = await db.select({ data: documentFileBlobs.data }).from(documentFileBlobs).where(eq(documentFileBlobs.fileId, id)).limit(1);
  return row?.data ?? null;
}

/** A file and its bytes, in the caller's transaction. */
export async function insertDocumentFile({
  db,
  documentId,
  fileName,
  mimeType,
  sha256,
  data,
  uploadedBy,
  purpose = 'attachment',
}: {
  db: Tx;
  documentId: number;
  fileName: string;
  mimeType: string;
  sha256: string;
  data: Buffer;
  uploadedBy: number | null;
  purpose?: 'attachment' | 'comment_report';
}): Promise<DocumentFileSummary> {
  const [position] = await db
    .select({ next: sql<number>`coalesce(max(${documentFiles.position}), -1)::int + 1` })
    .from(documentFiles)
    .where(eq(documentFiles.documentId, documentId));
  const [row] = await db
    .insert(documentFiles)
    .values({ documentId, fileName, mimeType, sha256, bytes: data.length, uploadedBy, purpose, position: position?.next ?? 0 })
    .returning({ id: documentFiles.id, fileName: documentFiles.fileName, mimeType: documentFiles.mimeType, bytes: documentFiles.bytes });
  await db.insert(documentFileBlobs).values({ fileId: row!.id, data });
  return row!;
}

export async function deleteDocumentFile({
  db,
  id,
  documentId,
}: {
  db: Tx;
  id: number;
  documentId: number;
}): Promise<{ fileName: string } | null> {
  const [row] = await db
    .delete(documentFiles)
    .where(and(eq(documentFiles.id, id), eq(documentFiles.documentId, documentId)))
    .returning({ fileName: documentFiles.fileName });
  return row ?? null;
}

// ---------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------

export type StaffDocumentListItem = DocumentListItem & {
  status: 'draft' | 'published' | 'withdrawn';
  updatedAt: Date;
  authorName: string | null;
};

export async function listDocumentsForStaff({
  search,
  authorId,
  page,
  pageSize,
}: {
  search?: string;
  /** Authors see their own drafts only. */
  authorId: number | null;
  page: number;
  pageSize: number;
}): Promise<{ items: StaffDocumentListItem[]; total: number }> {
  const db = await getDb();
  const where = and(keywordCondition(search), authorId === null ? undefined : eq(documents.authorId, authorId));
  const [items, totals] = await Promise.all([
    db
      .select({ ...listColumns, status: documents.status, updatedAt: documents.updatedAt, authorName: users.name })
      .from(documents)
      .innerJoin(typeTable, eq(typeTable.id, documents.typeId))
      .innerJoin(issuerTable, eq(issuerTable.id, documents.issuerId))
      .leftJoin(users, eq(users.id, documents.authorId))
      .where(where)
      .orderBy(desc(documents.updatedAt), desc(documents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(documents).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
}

/** Documents to relate to, by number or trích yếu: for the editor's relation picker. */
export async function searchDocumentsForPicker({ query, excludeId, limit }: { query: string; excludeId?: number; limit: number }) {
  const db = await getDb();
  const condition = keywordCondition(query);
  if (!condition) return [];
  return db
    .select({ id: documents.id, number: documents.number, summary: documents.summary, status: documents.status })
    .from(documents)
    .where(and(condition, excludeId ? ne(documents.id, excludeId) : undefined))
    .orderBy(desc(documents.issuedOn), desc(documents.id))
    .limit(limit);
}

/** Which of these ids are documents (relations may only point at documents that exist). */
export async function findDocumentIds({ db, ids }: { db: Conn; ids: number[] }): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: documents.id }).from(documents).where(inArray(documents.id, ids));
  return new Set(rows.map((row) => row.id));
}

/** The document, if any, that already holds this number for this issuer. */
export async function findDocumentByNumber({
  db,
  issuerId,
  numberKey,
  excludeId,
}: {
  db: Conn;
  issuerId: number;
  numberKey: string;
  excludeId?: number;
}) {
  const [row] = await db
    .select({ id: documents.id, number: documents.number })
    .from(documents)
    .where(and(eq(documents.issuerId, issuerId), eq(documents.numberKey, numberKey), excludeId ? ne(documents.id, excludeId) : undefined))
    .limit(1);
  return row ?? null;
}

export async function isDocumentSlugTaken({ db, slug, excludeId }: { db: Conn; slug: string; excludeId?: number }): Promise<boolean> {
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.slug, slug), excludeId ? ne(documents.id, excludeId) : undefined))
    .limit(1);
  return Boolean(row);
}

export type DocumentValues = {
  number: string;
  numberKey: string;
  typeId: number;
  issuerId: number;
  fieldId: number | null;
  signerName: string;
  signerTitle: string;
  issuedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  summary: string;
  searchText: string;
};

export async function insertDocuments({
  db,
  rows,
}: {
  db: Tx;
  rows: (DocumentValues & {
    slug: string;
    authorId: number | null;
    status?: 'draft' | 'published';
    publishedAt?: Date | null;
    synthetic?: boolean;
  })[];
}): Promise<{ id: number; slug: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(documents).values(rows).returning({ id: documents.id, slug: documents.slug });
}

/** Writes the fields if the version is still `version`; null when someone else saved first (or it is gone). */
export async function updateDocument({
  db,
  id,
  version,
  values,
}: {
  db: Tx;
  id: number;
  version: number;
  values: DocumentValues & { slug: string };
}): Promise<{ version: number } | null> {
  const [row] = await db
    .update(documents)
    .set({ ...values, version: sql`${documents.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(documents.id, id), eq(documents.version, version)))
    .returning({ version: documents.version });
  return row ?? null;
}

export async function setDocumentStatus({
  db,
  id,
  version,
  status,
}: {
  db: Tx;
  id: number;
  version: number;
  status: 'published' | 'withdrawn';
}): Promise<{ version: number; slug: string } | null> {
  const [row] = await db
    .update(documents)
    .set({
      status,
      version: sql`${documents.version} + 1`,
      updatedAt: sql`now()`,
      ...(status === 'published' ? { publishedAt: sql`coalesce(${documents.publishedAt}, now())` } : {}),
    })
    .where(and(eq(documents.id, id), eq(documents.version, version)))
    .returning({ version: documents.version, slug: documents.slug });
  return row ?? null;
}

/** The relations recorded from this document, replaced by these. */
export async function replaceDocumentRelations({
  db,
  fromId,
  relations,
}: {
  db: Tx;
  fromId: number;
  relations: { toId: number; kind: 'replaces' | 'amends' | 'related' }[];
}): Promise<void> {
  await db.delete(documentRelations).where(eq(documentRelations.fromId, fromId));
  if (relations.length > 0)
    await db
      .insert(documentRelations)
      .values(relations.map((r) => ({ fromId, ...r })))
      .onConflictDoNothing();
}

/** For the version check and the object permission, inside the action's transaction. */
export async function getDocumentAccess({ db, id }: { db: Tx; id: number }) {
  const [row] = await db
    .select({
      id: documents.id,
      authorId: documents.authorId,
      status: documents.status,
      version: documents.version,
      slug: documents.slug,
      publishedAt: documents.publishedAt,
    })
    .from(documents)
    .where(eq(documents.id, id))
    .limit(1)
    .for('update');
  return row ?? null;
}

/** The year of the oldest published document, for the "Năm ban hành" choices (one index probe). */
export async function getOldestDocumentYear(): Promise<number | null> {
  const db = await getDb();
  const [row] = await db
    .select({ issuedOn: documents.issuedOn })
    .from(documents)
    .where(eq(documents.status, 'published'))
    .orderBy(asc(documents.issuedOn))
    .limit(1);
  return row ? Number(row.issuedOn.slice(0, 4)) : null;
}

/** Keeps statements well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 2000;

/** The numbers among these keys that documents already hold, per issuer: for the CSV import's check. */
export async function findExistingDocumentNumbers({ db, numberKeys }: { db: Conn; numberKeys: string[] }) {
  const found: { issuerId: number; numberKey: string; number: string }[] = [];
  const unique = [...new Set(numberKeys)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    found.push(
      ...(await db
        .select({ issuerId: documents.issuerId, numberKey: documents.numberKey, number: documents.number })
        .from(documents)
        .where(inArray(documents.numberKey, part))),
    );
  }
  return found;
}

export async function findTakenDocumentSlugs({ db, slugs }: { db: Conn; slugs: string[] }): Promise<Set<string>> {
  const taken = new Set<string>();
  const unique = [...new Set(slugs)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .select({ slug: documents.slug })
      .from(documents)
      .where(inArray(documents.slug, unique.slice(i, i + CHUNK)));
    for (const row of rows) taken.add(row.slug);
  }
  return taken;
}

export type CatalogKind = 'type' | 'issuer' | 'field' | 'signer';

export async function findCatalogEntryByName({
  db,
  kind,
  name,
  excludeId,
}: {
  db: Conn;
  kind: CatalogKind;
  name: string;
  excludeId?: number;
}) {
  const [row] = await db
    .select({ id: documentCatalog.id })
    .from(documentCatalog)
    .where(
      and(
        eq(documentCatalog.kind, kind),
        sql`lower(${documentCatalog.name}) = lower(${name})`,
        excludeId ? ne(documentCatalog.id, excludeId) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertCatalogEntry({ db, kind, name }: { db: Tx; kind: CatalogKind; name: string }): Promise<number> {
  const [position] = await db
    .select({ next: sql<number>`coalesce(max(${documentCatalog.position}), -1)::int + 1` })
    .from(documentCatalog)
    .where(eq(documentCatalog.kind, kind));
  const [row] = await db
    .insert(documentCatalog)
    .values({ kind, name, position: position?.next ?? 0 })
    .returning({ id: documentCatalog.id });
  return row!.id;
}

export async function renameCatalogEntry({ db, id, name }: { db: Tx; id: number; name: string }): Promise<{ before: string } | null> {
  const current = await getCatalogEntry({ db, id });
  if (!current) return null;
  await db.update(documentCatalog).set({ name }).where(eq(documentCatalog.id, id));
  return { before: current.name };
}

/** How many documents name this entry: an entry in use is never deleted. */
export async function countDocumentsUsingCatalogEntry({ db, id }: { db: Conn; id: number }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(documents)
    .where(or(eq(documents.typeId, id), eq(documents.issuerId, id), eq(documents.fieldId, id)));
  // Procedures share the list of fields.
  const [procedureRow] = await db.select({ n: count() }).from(procedures).where(eq(procedures.fieldId, id));
  return Number(row?.n ?? 0) + Number(procedureRow?.n ?? 0);
}

export async function deleteCatalogEntry({ db, id }: { db: Tx; id: number }): Promise<{ kind: CatalogKind; name: string } | null> {
  const [row] = await db
    .delete(documentCatalog)
    .where(eq(documentCatalog.id, id))
    .returning({ kind: documentCatalog.kind, name: documentCatalog.name });
  return row ?? null;
}

/**
 * Fresh statistics and visibility map after a bulk load (the benchmark's 50,000 rows): what
 * autovacuum does on its own a little later on a running server. Not inside a transaction.
 */
export async function vacuumDocumentTables({ db }: { db: Db }): Promise<void> {
  await db.execute(sql`vacuum analyze documents`);
}

import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '../index';
import { agencyPages, contactEntries, media, orgUnits, people } from '../schema';
import { moveAmongSiblings } from './reorder';
import type { AgencyPageKey } from '../../lib/agency/names';

type Conn = Db | Tx;
const connection = async (db?: Conn): Promise<Conn> => db ?? (await getDb());

// ---------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------

export type UnitRecord = {
  id: number;
  parentId: number | null;
  position: number;
  name: string;
  nameEn: string;
  phones: string[];
  email: string | null;
  version: number;
};

export type PersonRecord = {
  id: number;
  unitId: number;
  position: number;
  honorific: string;
  fullName: string;
  title: string;
  titleEn: string;
  phones: string[];
  email: string | null;
  duties: string;
  leader: boolean;
  disabled: boolean;
  version: number;
  photo: { id: number; key: string; alt: string; width: number; height: number } | null;
};

const unitColumns = {
  id: orgUnits.id,
  parentId: orgUnits.parentId,
  position: orgUnits.position,
  name: orgUnits.name,
  nameEn: orgUnits.nameEn,
  phones: orgUnits.phones,
  email: orgUnits.email,
  version: orgUnits.version,
};

export async function listUnits({ db }: { db?: Conn } = {}): Promise<UnitRecord[]> {
  const conn = await connection(db);
  return conn.select(unitColumns).from(orgUnits).orderBy(asc(orgUnits.position), asc(orgUnits.id));
}

/** People in their units' order; disabled people only for the admin screen. */
export async function listPeople({ db, includeDisabled = false }: { db?: Conn; includeDisabled?: boolean } = {}): Promise<PersonRecord[]> {
  const conn = await connection(db);
  const rows = await conn
    .select({
      id: people.id,
      unitId: people.unitId,
      position: people.position,
      honorific: people.honorific,
      fullName: people.fullName,
      title: people.title,
      titleEn: people.titleEn,
      phones: people.phones,
      email: people.email,
      duties: people.duties,
      leader: people.leader,
      disabled: people.disabled,
      version: people.version,
      photoId: media.id,
      photoKey: media.publicKey,
      photoAlt: media.alt,
      photoWidth: media.width,
      photoHeight: media.height,
    })
    .from(people)
    .leftJoin(media, eq(media.id, people.photoMediaId))
    .where(includeDisabled ? undefined : eq(people.disabled, false))
    .orderBy(asc(people.position), asc(people.id));
  return rows.map(({ photoId, photoKey, photoAlt, photoWidth, photoHeight, ...person }) => ({
    ...person,
    photo:
      photoId === null ? null : { id: photoId, key: photoKey ?? '', alt: photoAlt ?? '', width: photoWidth ?? 0, height: photoHeight ?? 0 },
  }));
}

/** Units and enabled people: what the public pages show. */
export async function getDirectory(): Promise<{ units: UnitRecord[]; people: PersonRecord[] }> {
  const [units, persons] = await Promise.all([listUnits(), listPeople()]);
  return { units, people: persons };
}

export async function getAgencyPage({
  db,
  key,
}: {
  db?: Conn;
  key: AgencyPageKey;
}): Promise<{ bodyHtml: string; version: number; updatedAt: Date | null }> {
  const conn = await connection(db);
  const [row] = await conn
    .select({ bodyHtml: agencyPages.bodyHtml, version: agencyPages.version, updatedAt: agencyPages.updatedAt })
    .from(agencyPages)
    .where(eq(agencyPages.key, key));
  // A page nobody has written yet is version 0: the first save expects 0.
  return row ?? { bodyHtml: '', version: 0, updatedAt: null };
}

// ---------------------------------------------------------------------------
// Writes for /quan-tri/gioi-thieu. Each takes the action's transaction; the caller audits.
// ---------------------------------------------------------------------------

/**
 * Every unit, locked: a move or an insert checks the whole tree (cycles, depth), and two admins
 * moving units at once must see each other's result, so the check and the write are serialised.
 */
export async function lockUnits({ db }: { db: Tx }): Promise<UnitRecord[]> {
  return db.select(unitColumns).from(orgUnits).orderBy(asc(orgUnits.position), asc(orgUnits.id)).for('update');
}

async function nextUnitPosition(db: Tx, parentId: number | null): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${orgUnits.position})` })
    .from(orgUnits)
    .where(parentId === null ? isNull(orgUnits.parentId) : eq(orgUnits.parentId, parentId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export type UnitValues = { name: string; nameEn: string; phones: string[]; email: string | null };

export async function insertUnit({ db, parentId, values }: { db: Tx; parentId: number | null; values: UnitValues }): Promise<number> {
  const [row] = await db
    .insert(orgUnits)
    .values({ ...values, parentId, position: await nextUnitPosition(db, parentId) })
    .returning({ id: orgUnits.id });
  return row!.id;
}

/** The outcome of a guarded write: done, changed by someone else since `version`, or gone. */
export type Guarded<T> = { ok: true; before: T } | { ok: false; reason: 'conflict' | 'notFound' };

export async function updateUnit({
  db,
  id,
  version,
  values,
}: {
  db: Tx;
  id: number;
  version: number;
  values: UnitValues;
}): Promise<Guarded<UnitValues>> {
  const [before] = await db
    .select({ name: orgUnits.name, nameEn: orgUnits.nameEn, phones: orgUnits.phones, email: orgUnits.email, version: orgUnits.version })
    .from(orgUnits)
    .where(eq(orgUnits.id, id))
    .for('update');
  if (!before) return { ok: false, reason: 'notFound' };
  if (before.version !== version) return { ok: false, reason: 'conflict' };
  await db
    .update(orgUnits)
    .set({ ...values, version: sql`${orgUnits.version} + 1`, updatedAt: sql`now()` })
    .where(eq(orgUnits.id, id));
  const { version: _version, ...old } = before;
  return { ok: true, before: old };
}

/** Puts a unit at the end of its new parent's children (the caller has checked the tree). */
export async function setUnitParent({ db, id, parentId }: { db: Tx; id: number; parentId: number | null }): Promise<void> {
  await db
    .update(orgUnits)
    .set({ parentId, position: await nextUnitPosition(db, parentId), version: sql`${orgUnits.version} + 1`, updatedAt: sql`now()` })
    .where(eq(orgUnits.id, id));
}

/** "Lên"/"Xuống" among its siblings; positions rewritten 0..n-1. False when absent. */
export async function moveUnitAmongSiblings({ db, id, direction }: { db: Tx; id: number; direction: 'up' | 'down' }): Promise<boolean> {
  const all = await lockUnits({ db });
  const unit = all.find((u) => u.id === id);
  if (!unit) return false;
  const among = unit.parentId === null ? isNull(orgUnits.parentId) : eq(orgUnits.parentId, unit.parentId);
  return moveAmongSiblings({ db, table: orgUnits, id, direction, among });
}

/** What keeps a unit from being removed: units under it, people in it, sidebar entries naming it. */
export async function unitUsage({ db, id }: { db: Tx; id: number }): Promise<{ children: number; people: number; entries: number }> {
  const [[children], [persons], [entries]] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(orgUnits).where(eq(orgUnits.parentId, id)),
    db.select({ n: sql<number>`count(*)::int` }).from(people).where(eq(people.unitId, id)),
    db.select({ n: sql<number>`count(*)::int` }).from(contactEntries).where(eq(contactEntries.unitId, id)),
  ]);
  return { children: Number(children?.n ?? 0), people: Number(persons?.n ?? 0), entries: Number(entries?.n ?? 0) };
}

export async function deleteUnit({ db, id }: { db: Tx; id: number }): Promise<{ name: string } | null> {
  const [row] = await db.delete(orgUnits).where(eq(orgUnits.id, id)).returning({ name: orgUnits.name });
  return row ?? null;
}

export type PersonValues = {
  unitId: number;
  honorific: string;
  fullName: string;
  title: string;
  titleEn: string;
  phones: string[];
  email: string | null;
  duties: string;
  leader: boolean;
  photoMediaId: number | null;
};

export async function unitExists({ db, id }: { db: Tx; id: number }): Promise<boolean> {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id)).for('share');
  return Boolean(row);
}

async function nextPersonPosition(db: Tx, unitId: number): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${people.position})` })
    .from(people)
    .where(eq(people.unitId, unitId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertPerson({ db, values }: { db: Tx; values: PersonValues }): Promise<number> {
  const [row] = await db
    .insert(people)
    .values({ ...values, position: await nextPersonPosition(db, values.unitId) })
    .returning({ id: people.id });
  return row!.id;
}

const personValueColumns = {
  unitId: people.unitId,
  honorific: people.honorific,
  fullName: people.fullName,
  title: people.title,
  titleEn: people.titleEn,
  phones: people.phones,
  email: people.email,
  duties: people.duties,
  leader: people.leader,
  photoMediaId: people.photoMediaId,
};

/**
 * Saves a person if nobody saved them since `version` (two admins on one person: the second gets
 * a conflict, never a silent overwrite). Moving to another unit puts them last there.
 */
export async function updatePerson({
  db,
  id,
  version,
  values,
}: {
  db: Tx;
  id: number;
  version: number;
  values: PersonValues;
}): Promise<Guarded<PersonValues>> {
  const [before] = await db
    .select({ ...personValueColumns, version: people.version })
    .from(people)
    .where(eq(people.id, id))
    .for('update');
  if (!before) return { ok: false, reason: 'notFound' };
  if (before.version !== version) return { ok: false, reason: 'conflict' };
  const position = before.unitId === values.unitId ? undefined : await nextPersonPosition(db, values.unitId);
  await db
    .update(people)
    .set({ ...values, ...(position === undefined ? {} : { position }), version: sql`${people.version} + 1`, updatedAt: sql`now()` })
    .where(eq(people.id, id));
  const { version: _version, ...old } = before;
  return { ok: true, before: old };
}

export async function setPersonDisabled({
  db,
  id,
  disabled,
}: {
  db: Tx;
  id: number;
  disabled: boolean;
}): Promise<{ fullName: string } | null> {
  const [row] = await db
    .update(people)
    .set({ disabled, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
    .where(eq(people.id, id))
    .returning({ fullName: people.fullName });
  return row ?? null;
}

export async function movePersonInUnit({ db, id, direction }: { db: Tx; id: number; direction: 'up' | 'down' }): Promise<boolean> {
  const [person] = await db.select({ unitId: people.unitId }).from(people).where(eq(people.id, id));
  if (!person) return false;
  return moveAmongSiblings({ db, table: people, id, direction, among: eq(people.unitId, person.unitId) });
}

export async function mediaExists({ db, id }: { db: Tx; id: number }): Promise<boolean> {
  const [row] = await db.select({ id: media.id }).from(media).where(eq(media.id, id));
  return Boolean(row);
}

/** Saves a Giới thiệu page if nobody saved it since `version` (0: never written). */
export async function saveAgencyPage({
  db,
  key,
  version,
  bodyHtml,
  userId,
}: {
  db: Tx;
  key: AgencyPageKey;
  version: number;
  bodyHtml: string;
  userId: number;
}): Promise<Guarded<{ bodyHtml: string }>> {
  if (version === 0) {
    const [inserted] = await db
      .insert(agencyPages)
      .values({ key, bodyHtml, updatedBy: userId })
      .onConflictDoNothing({ target: agencyPages.key })
      .returning({ key: agencyPages.key });
    return inserted ? { ok: true, before: { bodyHtml: '' } } : { ok: false, reason: 'conflict' };
  }
  const [before] = await db.select({ bodyHtml: agencyPages.bodyHtml }).from(agencyPages).where(eq(agencyPages.key, key)).for('update');
  if (!before) return { ok: false, reason: 'notFound' };
  const [updated] = await db
    .update(agencyPages)
    .set({ bodyHtml, updatedBy: userId, version: sql`${agencyPages.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(agencyPages.key, key), eq(agencyPages.version, version)))
    .returning({ key: agencyPages.key });
  return updated ? { ok: true, before } : { ok: false, reason: 'conflict' };
}

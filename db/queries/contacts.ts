import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../index';
import { contactBlocks, contactEntries, orgUnits, people } from '../schema';
import { personLabel } from '../../lib/agency/names';
import { moveAmongSiblings } from './reorder';

export type ContactEntryView = {
  id: number;
  /** The name shown: the entry's label, else the person's or unit's name from the directory. */
  name: string;
  phones: string[];
  email: string | null;
  /** What the admin typed as the label ('' for a linked entry that shows the directory's name). */
  label: string;
  personId: number | null;
  unitId: number | null;
  /** A disabled person: kept in the block for the admin, left out of the public sidebar. */
  hidden: boolean;
};

export type ContactBlockWithEntries = { id: number; title: string; entries: ContactEntryView[] };

/**
 * The sidebar blocks with their entries resolved against the directory: a linked entry shows the
 * person's or unit's numbers and email (stored once, there), a free entry its own.
 */
export async function listContactBlocks({ includeHidden = false }: { includeHidden?: boolean } = {}): Promise<ContactBlockWithEntries[]> {
  const db = await getDb();
  const [blocks, entries] = await Promise.all([
    db
      .select({ id: contactBlocks.id, title: contactBlocks.title })
      .from(contactBlocks)
      .orderBy(asc(contactBlocks.position), asc(contactBlocks.id)),
    db
      .select({
        id: contactEntries.id,
        blockId: contactEntries.blockId,
        label: contactEntries.name,
        phones: contactEntries.phones,
        email: contactEntries.email,
        personId: contactEntries.personId,
        unitId: contactEntries.unitId,
        person: {
          honorific: people.honorific,
          fullName: people.fullName,
          title: people.title,
          phones: people.phones,
          email: people.email,
          disabled: people.disabled,
        },
        unit: { name: orgUnits.name, phones: orgUnits.phones, email: orgUnits.email },
      })
      .from(contactEntries)
      .leftJoin(people, eq(people.id, contactEntries.personId))
      .leftJoin(orgUnits, eq(orgUnits.id, contactEntries.unitId))
      .orderBy(asc(contactEntries.position), asc(contactEntries.id)),
  ]);
  const views = entries.map((e): ContactEntryView & { blockId: number } => {
    const base = { id: e.id, blockId: e.blockId, label: e.label, personId: e.personId, unitId: e.unitId };
    if (e.personId !== null && e.person?.fullName != null) {
      const person = e.person;
      return {
        ...base,
        name: e.label || personLabel(person),
        phones: person.phones ?? [],
        email: person.email ?? null,
        hidden: Boolean(person.disabled),
      };
    }
    if (e.unitId !== null && e.unit?.name != null) {
      return { ...base, name: e.label || e.unit.name, phones: e.unit.phones ?? [], email: e.unit.email ?? null, hidden: false };
    }
    return { ...base, name: e.label, phones: e.phones, email: e.email, hidden: false };
  });
  return blocks.map((block) => ({
    ...block,
    entries: views.filter((e) => e.blockId === block.id && (includeHidden || !e.hidden)).map(({ blockId: _blockId, ...entry }) => entry),
  }));
}

// ---------------------------------------------------------------------------
// Writes for /quan-tri/lien-he. Each takes the action's transaction; the caller audits.
// ---------------------------------------------------------------------------

/** The position after the last one, so a new row goes to the end of its list. */
async function nextPosition(db: Tx, blockId?: number): Promise<number> {
  const table = blockId === undefined ? contactBlocks : contactEntries;
  const [row] = await db
    .select({ max: sql<number | null>`max(${table.position})` })
    .from(table)
    .where(blockId === undefined ? undefined : eq(contactEntries.blockId, blockId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/**
 * Moves one row up or down among its siblings. Positions are rewritten 0..n-1 in the order shown
 * (equal positions from older data become distinct); the siblings are locked so two admins
 * moving at once apply one after the other. False when the row is not there.
 */
export async function moveContactBlock({ db, id, direction }: { db: Tx; id: number; direction: 'up' | 'down' }): Promise<boolean> {
  return moveAmongSiblings({ db, table: contactBlocks, id, direction });
}

export async function moveContactEntry({ db, id, direction }: { db: Tx; id: number; direction: 'up' | 'down' }): Promise<boolean> {
  const [entry] = await db.select({ blockId: contactEntries.blockId }).from(contactEntries).where(eq(contactEntries.id, id));
  if (!entry) return false;
  return moveAmongSiblings({ db, table: contactEntries, id, direction, among: eq(contactEntries.blockId, entry.blockId) });
}

export async function insertContactBlock({ db, title }: { db: Tx; title: string }): Promise<number> {
  const [row] = await db
    .insert(contactBlocks)
    .values({ title, position: await nextPosition(db) })
    .returning({ id: contactBlocks.id });
  return row!.id;
}

export async function renameContactBlock({ db, id, title }: { db: Tx; id: number; title: string }): Promise<{ before: string } | null> {
  const [before] = await db.select({ title: contactBlocks.title }).from(contactBlocks).where(eq(contactBlocks.id, id)).for('update');
  if (!before) return null;
  await db.update(contactBlocks).set({ title }).where(eq(contactBlocks.id, id));
  return { before: before.title };
}

/** Removes a block and (cascade) its entries; returns what was removed, for the audit log. */
export async function deleteContactBlock({ db, id }: { db: Tx; id: number }): Promise<{ title: string; entries: number } | null> {
  const [entries] = await db.select({ n: sql<number>`count(*)::int` }).from(contactEntries).where(eq(contactEntries.blockId, id));
  const [row] = await db.delete(contactBlocks).where(eq(contactBlocks.id, id)).returning({ title: contactBlocks.title });
  return row ? { title: row.title, entries: Number(entries?.n ?? 0) } : null;
}

/** An entry's own fields; with a person or unit, phones and email belong to that record instead. */
type EntryValues = { name: string; phones: string[]; email: string | null; personId: number | null; unitId: number | null };

export async function insertContactEntry({
  db,
  blockId,
  values,
}: {
  db: Tx;
  blockId: number;
  values: EntryValues;
}): Promise<number | null> {
  const [block] = await db.select({ id: contactBlocks.id }).from(contactBlocks).where(eq(contactBlocks.id, blockId)).for('update');
  if (!block) return null;
  const [row] = await db
    .insert(contactEntries)
    .values({ blockId, ...values, position: await nextPosition(db, blockId) })
    .returning({ id: contactEntries.id });
  return row!.id;
}

const entryColumns = {
  name: contactEntries.name,
  phones: contactEntries.phones,
  email: contactEntries.email,
  personId: contactEntries.personId,
  unitId: contactEntries.unitId,
};

export async function updateContactEntry({ db, id, values }: { db: Tx; id: number; values: EntryValues }): Promise<EntryValues | null> {
  const [before] = await db.select(entryColumns).from(contactEntries).where(eq(contactEntries.id, id)).for('update');
  if (!before) return null;
  await db.update(contactEntries).set(values).where(eq(contactEntries.id, id));
  return before;
}

export async function deleteContactEntry({ db, id }: { db: Tx; id: number }): Promise<EntryValues | null> {
  const [row] = await db.delete(contactEntries).where(eq(contactEntries.id, id)).returning(entryColumns);
  return row ?? null;
}

/**
 * A linked entry's numbers and email are the directory record's: saving them from the sidebar
 * editor writes them there (bumping its version, so an admin editing that record elsewhere gets
 * a conflict instead of overwriting this). Returns what it replaced, or null when gone.
 */
export async function setDirectoryContact({
  db,
  source,
  phones,
  email,
}: {
  db: Tx;
  source: { personId: number } | { unitId: number };
  phones: string[];
  email: string | null;
}): Promise<{ phones: string[]; email: string | null } | null> {
  const table = 'personId' in source ? people : orgUnits;
  const id = 'personId' in source ? source.personId : source.unitId;
  const [before] = await db.select({ phones: table.phones, email: table.email }).from(table).where(eq(table.id, id)).for('update');
  if (!before) return null;
  await db
    .update(table)
    .set({ phones, email, version: sql`${table.version} + 1`, updatedAt: sql`now()` })
    .where(eq(table.id, id));
  return before;
}

import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../index';
import { contactBlocks, contactEntries } from '../schema';
import { swapped } from '../../lib/reorder';

export type ContactBlockWithEntries = {
  id: number;
  title: string;
  entries: Array<{ id: number; name: string; phones: string[]; email: string | null }>;
};

export async function listContactBlocks(): Promise<ContactBlockWithEntries[]> {
  const db = await getDb();
  const [blocks, entries] = await Promise.all([
    db.select({ id: contactBlocks.id, title: contactBlocks.title }).from(contactBlocks).orderBy(asc(contactBlocks.position), asc(contactBlocks.id)),
    db
      .select({
        id: contactEntries.id,
        blockId: contactEntries.blockId,
        name: contactEntries.name,
        phones: contactEntries.phones,
        email: contactEntries.email,
      })
      .from(contactEntries)
      .orderBy(asc(contactEntries.position), asc(contactEntries.id)),
  ]);
  return blocks.map((block) => ({
    ...block,
    entries: entries.filter((e) => e.blockId === block.id).map(({ blockId: _blockId, ...entry }) => entry),
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
  const rows = await db.select({ id: contactBlocks.id }).from(contactBlocks).orderBy(asc(contactBlocks.position), asc(contactBlocks.id)).for('update');
  const order = swapped(rows.map((r) => r.id), id, direction);
  if (!order) return false;
  for (const [position, rowId] of order.entries()) await db.update(contactBlocks).set({ position }).where(eq(contactBlocks.id, rowId));
  return true;
}

export async function moveContactEntry({ db, id, direction }: { db: Tx; id: number; direction: 'up' | 'down' }): Promise<boolean> {
  const [entry] = await db.select({ blockId: contactEntries.blockId }).from(contactEntries).where(eq(contactEntries.id, id));
  if (!entry) return false;
  const rows = await db
    .select({ id: contactEntries.id })
    .from(contactEntries)
    .where(eq(contactEntries.blockId, entry.blockId))
    .orderBy(asc(contactEntries.position), asc(contactEntries.id))
    .for('update');
  const order = swapped(rows.map((r) => r.id), id, direction);
  if (!order) return false;
  for (const [position, rowId] of order.entries()) await db.update(contactEntries).set({ position }).where(eq(contactEntries.id, rowId));
  return true;
}

export async function insertContactBlock({ db, title }: { db: Tx; title: string }): Promise<number> {
  const [row] = await db.insert(contactBlocks).values({ title, position: await nextPosition(db) }).returning({ id: contactBlocks.id });
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

type EntryValues = { name: string; phones: string[]; email: string | null };

export async function insertContactEntry({ db, blockId, values }: { db: Tx; blockId: number; values: EntryValues }): Promise<number | null> {
  const [block] = await db.select({ id: contactBlocks.id }).from(contactBlocks).where(eq(contactBlocks.id, blockId)).for('update');
  if (!block) return null;
  const [row] = await db
    .insert(contactEntries)
    .values({ blockId, ...values, position: await nextPosition(db, blockId) })
    .returning({ id: contactEntries.id });
  return row!.id;
}

export async function updateContactEntry({ db, id, values }: { db: Tx; id: number; values: EntryValues }): Promise<EntryValues | null> {
  const [before] = await db
    .select({ name: contactEntries.name, phones: contactEntries.phones, email: contactEntries.email })
    .from(contactEntries)
    .where(eq(contactEntries.id, id))
    .for('update');
  if (!before) return null;
  await db.update(contactEntries).set(values).where(eq(contactEntries.id, id));
  return before;
}

export async function deleteContactEntry({ db, id }: { db: Tx; id: number }): Promise<EntryValues | null> {
  const [row] = await db
    .delete(contactEntries)
    .where(eq(contactEntries.id, id))
    .returning({ name: contactEntries.name, phones: contactEntries.phones, email: contactEntries.email });
  return row ?? null;
}

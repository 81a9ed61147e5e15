import 'server-only';
import { asc, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { swapped } from '../../lib/reorder';
import type { Tx } from '../index';

/** A table whose rows are ordered by hand: "Lên"/"Xuống" in the staff screens. */
type OrderedTable = PgTable & { id: PgColumn; position: PgColumn };

/**
 * Swaps a row with its neighbour among the rows `among` selects (all rows when absent): those rows
 * are locked, then their positions rewritten 0..n-1 in their current order. Unchanged at either
 * end; false when the row is not among them. The one reorder of the menu, the sidebar's blocks and
 * entries, and the directory's units and people.
 */
export async function moveAmongSiblings<T extends OrderedTable>({
  db,
  table,
  id,
  direction,
  among,
}: {
  db: Tx;
  table: T;
  id: number;
  direction: 'up' | 'down';
  among?: SQL;
}): Promise<boolean> {
  // Every ordered table's id is a serial: a number.
  const rows = (await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(among)
    .orderBy(asc(table.position), asc(table.id))
    .for('update')) as { id: number }[];
  const order = swapped(
    rows.map((row) => row.id),
    id,
    direction,
  );
  if (!order) return false;
  for (const [position, rowId] of order.entries()) {
    await db
      .update(table)
      .set({ position } as PgUpdateSetSource<T>)
      .where(eq(table.id, rowId));
  }
  return true;
}

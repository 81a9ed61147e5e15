import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '../index';
import { contactBlocks, contactEntries } from '../schema';

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

import 'server-only';
import { getDb } from '../index';
import { categories } from '../schema';

/** Resolves once the database answers a read (the health check), throws while it does not. */
export async function pingDatabase(): Promise<void> {
  const db = await getDb();
  await db.select({ id: categories.id }).from(categories).limit(1);
}

import { sql } from 'drizzle-orm';
import type { Db } from '../index';

/**
 * Tables rewritten all day: the visit counter's upserts every few seconds (visitor_presence's
 * indexed last_seen above all, and its rows pruned after a day), the batch ids, login attempts and
 * form submissions pruned daily, and the search index rewritten with every edit.
 */
const CHURNING_TABLES = [
  'visitor_presence',
  'visit_batches',
  'visit_daily',
  'visit_hourly',
  'page_view_daily',
  'visit_dimension_daily',
  'login_attempts',
  'public_form_submissions',
  'search_entries',
  'search_texts',
] as const;

/**
 * What autovacuum does on PostgreSQL, for the embedded database, which has none (PGlite runs in
 * single-user mode): dead rows of the churning tables made reusable, and fresh planner statistics
 * for every table (ANALYZE reads a sample of each). VACUUM cannot run in a transaction.
 */
export async function vacuumChurningTables({ db }: { db: Db }): Promise<void> {
  await db.execute(sql.raw(`vacuum (analyze) ${CHURNING_TABLES.join(', ')}`));
  await db.execute(sql`analyze`);
}

import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { vectorOfFoldedSql } from '../../../lib/search-text';
import { procedures } from '../../schema';
import { CANDIDATES, exactAll, hitsOf, matchesVector, type SearchSource } from './source';

/** The expression of procedures_search_idx (drizzle/0012_search_indexes.sql). */
const vector = sql.raw(vectorOfFoldedSql('"procedures"."search_text"'));

/** "Thủ tục": published administrative procedures, by Mã thủ tục and name. */
export const procedureSearch: SearchSource = {
  type: 'thu-tuc',
  async find({ db, query, limit }) {
    const candidates = db
      .select({ id: procedures.id, code: procedures.code, name: procedures.name, date: procedures.publishedAt })
      .from(procedures)
      .where(and(eq(procedures.status, 'published'), matchesVector(vector, query)))
      .orderBy(desc(procedures.publishedAt), desc(procedures.id))
      .limit(CANDIDATES)
      .as('candidates');
    const rows = await db
      .select({
        id: candidates.id,
        exact: sql<boolean>`${exactAll(sql`${candidates.code} || ' ' || ${candidates.name}`, query)}`.as('exact'),
        inTitle: sql<boolean>`true`.as('in_title'),
        date: candidates.date,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(candidates)
      .orderBy(desc(sql`exact`), desc(candidates.date), desc(candidates.id))
      .limit(limit);
    return hitsOf(rows);
  },
  async load({ db, ids }) {
    const rows = await db
      .select({
        id: procedures.id,
        slug: procedures.slug,
        code: procedures.code,
        name: procedures.name,
        date: procedures.publishedAt,
        synthetic: procedures.synthetic,
      })
      .from(procedures)
      .where(inArray(procedures.id, ids));
    return rows.map((row) => ({
      type: 'thu-tuc' as const,
      id: row.id,
      title: row.name,
      href: routes.procedure(row.slug),
      date: row.date,
      text: `Mã thủ tục: ${row.code}`,
      synthetic: row.synthetic,
    }));
  },
};

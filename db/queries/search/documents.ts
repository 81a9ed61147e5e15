import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { vectorOfFoldedSql } from '../../../lib/search-text';
import { documentCatalog, documents } from '../../schema';
import { CANDIDATES, exactAll, hitsOf, matchesVector, type SearchSource } from './source';

/** The expression of documents_search_idx (drizzle/0012_search_indexes.sql). */
const vector = sql.raw(vectorOfFoldedSql('"documents"."search_text"'));

/** "Văn bản": published documents, by number/symbol and trích yếu (both their title). */
export const documentSearch: SearchSource = {
  type: 'van-ban',
  async find({ db, query, limit }) {
    // Ordered like documents_public_list_idx, which serves the newest matches when they are many.
    const candidates = db
      .select({ id: documents.id, number: documents.number, summary: documents.summary, date: documents.issuedOn })
      .from(documents)
      .where(and(eq(documents.status, 'published'), matchesVector(vector, query)))
      .orderBy(desc(documents.issuedOn), desc(documents.id))
      .limit(CANDIDATES)
      .as('candidates');
    const rows = await db
      .select({
        id: candidates.id,
        exact: sql<boolean>`${exactAll(sql`${candidates.number} || ' ' || ${candidates.summary}`, query)}`.as('exact'),
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
        id: documents.id,
        slug: documents.slug,
        number: documents.number,
        summary: documents.summary,
        typeName: documentCatalog.name,
        issuedOn: documents.issuedOn,
        synthetic: documents.synthetic,
      })
      .from(documents)
      .innerJoin(documentCatalog, eq(documentCatalog.id, documents.typeId))
      .where(inArray(documents.id, ids));
    return rows.map((row) => ({
      type: 'van-ban' as const,
      id: row.id,
      title: `${row.typeName} số ${row.number}`,
      href: routes.document(row.slug),
      date: new Date(`${row.issuedOn}T00:00:00+07:00`),
      text: row.summary,
      synthetic: row.synthetic,
    }));
  },
};

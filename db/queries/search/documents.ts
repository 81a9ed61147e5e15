import 'server-only';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { wordsOfFoldedSql } from '../../../lib/search-text';
import { documentCatalog, documents } from '../../schema';
import { exactAll, hitsOf, matchesAll, type SearchSource } from './source';

/** The expression of documents_search_idx (drizzle/0009_search_indexes.sql). */
const words = sql.raw(wordsOfFoldedSql('"documents"."search_text"'));

/** "Văn bản": published documents, by number/symbol and trích yếu (both their title). */
export const documentSearch: SearchSource = {
  type: 'van-ban',
  async find({ db, query, limit }) {
    const exact = exactAll(sql`${documents.number} || ' ' || ${documents.summary}`, query);
    const rows = await db
      .select({
        id: documents.id,
        exact: sql<boolean>`${exact}`.as('exact'),
        inTitle: sql<boolean>`true`.as('in_title'),
        date: documents.issuedOn,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(documents)
      .where(sql`${documents.status} = 'published' and ${matchesAll(words, query)}`)
      .orderBy(desc(sql`exact`), desc(documents.issuedOn), desc(documents.id))
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

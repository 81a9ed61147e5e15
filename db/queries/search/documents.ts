import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { documentCatalog, documents } from '../../schema';
import type { SearchSource } from './source';

/** "Văn bản": published documents, by number/symbol and trích yếu (both their title). */
export const documentSearch: SearchSource = {
  type: 'van-ban',
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

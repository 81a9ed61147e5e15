import 'server-only';
import { inArray } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { procedures } from '../../schema';
import type { SearchSource } from './source';

/** "Thủ tục": published administrative procedures, by Mã thủ tục and name. */
export const procedureSearch: SearchSource = {
  type: 'thu-tuc',
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

import 'server-only';
import { and, desc, inArray, isNotNull, sql } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { plainTextOf } from '../../../lib/search/results';
import { foldedWordsSql, vectorOfFoldedSql } from '../../../lib/search-text';
import { questions } from '../../schema';
import { CANDIDATES, exactAll, hitsOf, matchesAll, matchesVector, type SearchSource } from './source';

/** The expression of questions_search_idx (drizzle/0012_search_indexes.sql). */
const vector = sql.raw(vectorOfFoldedSql('"questions"."search_text"'));

/** "Hỏi đáp": the questions published with their answer on /hoi-dap, by title, question and answer. */
export const questionSearch: SearchSource = {
  type: 'hoi-dap',
  async find({ db, query, limit }) {
    // Ordered like questions_public_idx, which serves the newest matches when they are many.
    const candidates = db
      .select({ id: questions.id, title: questions.title, date: questions.publishedAt })
      .from(questions)
      .where(and(isNotNull(questions.publishedAt), isNotNull(questions.slug), matchesVector(vector, query)))
      .orderBy(sql`${questions.publishedAt} desc nulls last`, desc(questions.id))
      .limit(CANDIDATES)
      .as('candidates');
    const rows = await db
      .select({
        id: candidates.id,
        exact: sql<boolean>`${exactAll(sql`${candidates.title}`, query)}`.as('exact'),
        inTitle: sql<boolean>`${matchesAll(sql.raw(foldedWordsSql('"candidates"."title"')), query)}`.as('in_title'),
        date: candidates.date,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(candidates)
      .orderBy(desc(sql`exact`), desc(sql`in_title`), desc(candidates.date), desc(candidates.id))
      .limit(limit);
    return hitsOf(rows);
  },
  async load({ db, ids }) {
    const rows = await db
      .select({
        id: questions.id,
        slug: questions.slug,
        title: questions.title,
        content: questions.content,
        answerHtml: questions.answerHtml,
        date: questions.publishedAt,
      })
      .from(questions)
      .where(and(inArray(questions.id, ids), isNotNull(questions.slug)));
    return rows.map((row) => ({
      type: 'hoi-dap' as const,
      id: row.id,
      title: row.title,
      href: routes.question(row.slug ?? ''),
      date: row.date,
      text: `${row.content} ${plainTextOf(row.answerHtml)}`,
    }));
  },
};

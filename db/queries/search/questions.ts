import 'server-only';
import { and, inArray, isNotNull } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { plainTextOf } from '../../../lib/search/results';
import { questions } from '../../schema';
import type { SearchSource } from './source';

/** "Hỏi đáp": the questions published with their answer on /hoi-dap, by title, question and answer. */
export const questionSearch: SearchSource = {
  type: 'hoi-dap',
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

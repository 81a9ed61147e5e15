import 'server-only';
import { desc, inArray, sql } from 'drizzle-orm';
import { AGENCY_PAGE_TITLES, type AgencyPageKey } from '../../../lib/agency/names';
import { routes } from '../../../lib/routes';
import { plainTextOf } from '../../../lib/search/results';
import { foldedWordsSql, htmlTextSql, type SearchQuery } from '../../../lib/search-text';
import type { Db } from '../../index';
import { agencyPages } from '../../schema';
import { exactAll, matchesAll, type SearchHit, type SearchSource } from './source';

/** The Vietnamese rich-text pages of "Giới thiệu", numbered for the search (their key is their id). */
const PAGES = [
  { id: 1, key: 'overview', href: routes.about.home },
  { id: 2, key: 'functions', href: routes.about.functions },
  { id: 3, key: 'history', href: routes.about.history },
] as const satisfies readonly { id: number; key: AgencyPageKey; href: string }[];

const idOfKey = sql.raw(`(case "agency_pages"."key" ${PAGES.map((page) => `when '${page.key}' then ${page.id}`).join(' ')} end)`);
const titleSql = `(case "agency_pages"."key" ${PAGES.map((page) => `when '${page.key}' then '${AGENCY_PAGE_TITLES[page.key]}'`).join(' ')} end)`;
const bodySql = htmlTextSql('"agency_pages"."body_html"');

/** "Trang": the agency's own pages. A handful of rows: folded as they are read, no index needed. */
export const pageSearch: SearchSource & {
  find: (args: { db: Db; query: SearchQuery; limit: number }) => Promise<{ total: number; hits: SearchHit[] }>;
} = {
  type: 'trang',
  async find({ db, query, limit }) {
    const text = sql.raw(`${titleSql} || ' ' || ${bodySql}`);
    const rows = await db
      .select({
        id: sql<number>`${idOfKey}`.mapWith(Number).as('id'),
        exact: sql<boolean>`${exactAll(text, query)}`.as('exact'),
        inTitle: sql<boolean>`${matchesAll(sql.raw(foldedWordsSql(titleSql)), query)}`.as('in_title'),
        date: agencyPages.updatedAt,
      })
      .from(agencyPages)
      .where(
        sql`${inArray(
          agencyPages.key,
          PAGES.map((page) => page.key),
        )} and ${matchesAll(sql.raw(foldedWordsSql(`${titleSql} || ' ' || ${bodySql}`)), query)}`,
      )
      .orderBy(desc(sql`exact`), desc(sql`in_title`), desc(agencyPages.updatedAt));
    // Three pages at most: all are counted, the best `limit` kept.
    return { total: rows.length, hits: rows.slice(0, limit) };
  },
  async load({ db, ids }) {
    const keys = PAGES.filter((page) => ids.includes(page.id)).map((page) => page.key);
    if (keys.length === 0) return [];
    const rows = await db
      .select({ key: agencyPages.key, bodyHtml: agencyPages.bodyHtml, date: agencyPages.updatedAt })
      .from(agencyPages)
      .where(inArray(agencyPages.key, keys));
    return rows.map((row) => {
      const page = PAGES.find((entry) => entry.key === row.key)!;
      return {
        type: 'trang' as const,
        id: page.id,
        title: AGENCY_PAGE_TITLES[page.key],
        href: page.href,
        date: row.date,
        text: plainTextOf(row.bodyHtml),
      };
    });
  },
};

/**
 * Every cached page that shows an article, in one place: each action that changes an article
 * revalidates exactly this list, for the old and the new slug and category.
 */
export type RevalidateTarget = { path: string; type?: 'page' | 'layout' };

export const cachePaths = {
  /** `/` is rewritten to this page (next.config.ts); both names are revalidated. */
  home: ['/', '/trang-chu/moi-nhat'],
  article: (slug: string) => `/tin-tuc/${slug}`,
  /** Every article page: "Tin cùng chuyên mục" on the others lists this one's title. */
  allArticles: '/tin-tuc/[slug]',
  /** The category's first page; as a layout it also covers `/chuyen-muc/<slug>/trang/<n>`. */
  category: (slug: string) => `/chuyen-muc/${slug}`,
} as const;

export function pagesShowingArticle({ slugs, categorySlugs }: { slugs: string[]; categorySlugs: string[] }): RevalidateTarget[] {
  const targets: RevalidateTarget[] = [
    ...cachePaths.home.map((path) => ({ path })),
    { path: cachePaths.allArticles, type: 'page' as const },
    ...[...new Set(slugs)].map((slug) => ({ path: cachePaths.article(slug) })),
    ...[...new Set(categorySlugs)].map((slug) => ({ path: cachePaths.category(slug), type: 'layout' as const })),
  ];
  return targets;
}

/**
 * The sidebar, the footer and the category menu are in the public layout: a change to them must
 * reach every public page. The root layout covers them all (and the rewritten home page).
 */
export const everyPublicPage: RevalidateTarget[] = [{ path: '/', type: 'layout' }];

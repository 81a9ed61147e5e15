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
  /** The category's first page. */
  category: (slug: string) => `/chuyen-muc/${slug}`,
  /**
   * Pages 2… of every category. A literal path with type 'layout' ("/chuyen-muc/x", 'layout')
   * matches nothing: Next tags a rendered page with its route's layouts ("/chuyen-muc/[slug]/layout")
   * and its literal pathname only. So the pagination pages are named by their route.
   */
  allCategoryPages: '/chuyen-muc/[slug]/trang/[page]',
} as const;

export function pagesShowingArticle({ slugs, categorySlugs }: { slugs: string[]; categorySlugs: string[] }): RevalidateTarget[] {
  const targets: RevalidateTarget[] = [
    ...cachePaths.home.map((path) => ({ path })),
    { path: cachePaths.allArticles, type: 'page' as const },
    ...[...new Set(slugs)].map((slug) => ({ path: cachePaths.article(slug) })),
    ...[...new Set(categorySlugs)].map((slug) => ({ path: cachePaths.category(slug) })),
    { path: cachePaths.allCategoryPages, type: 'page' as const },
  ];
  return targets;
}

/**
 * The sidebar, the footer and the category menu are in the public layout: a change to them must
 * reach every public page. The root layout covers them all (and the rewritten home page).
 */
export const everyPublicPage: RevalidateTarget[] = [{ path: '/', type: 'layout' }];

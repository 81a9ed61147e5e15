import { PUBLIC_ROUTES, routes } from './routes';

/**
 * Every cached page that shows an article, in one place: each action that changes an article
 * revalidates exactly this list, for the old and the new slug and category. The addresses come
 * from the route map (./routes.ts).
 */
export type RevalidateTarget = { path: string; type?: 'page' | 'layout' };

export const cachePaths = {
  /** `/` is rewritten to another page (next.config.ts); both names are revalidated. */
  home: [routes.home, routes.internal.homeView()],
  article: routes.article,
  /** Every article page: "Tin cùng chuyên mục" on the others lists this one's title. */
  allArticles: PUBLIC_ROUTES.article.nextRoute,
  /** The category's first page. */
  category: (slug: string) => routes.category(slug),
  /**
   * Pages 2… of every category. A literal path with type 'layout' ("/chuyen-muc/x", 'layout')
   * matches nothing: Next tags a rendered page with its route's layouts ("/chuyen-muc/[slug]/layout")
   * and its literal pathname only. So the pagination pages are named by their route.
   */
  allCategoryPages: PUBLIC_ROUTES.categoryPage.nextRoute,
} as const;

export function pagesShowingArticle({ slugs, categorySlugs }: { slugs: string[]; categorySlugs: string[] }): RevalidateTarget[] {
  return [
    ...cachePaths.home.map((path) => ({ path })),
    { path: cachePaths.allArticles, type: 'page' as const },
    ...[...new Set(slugs)].map((slug) => ({ path: cachePaths.article(slug) })),
    ...[...new Set(categorySlugs)].map((slug) => ({ path: cachePaths.category(slug) })),
    { path: cachePaths.allCategoryPages, type: 'page' as const },
  ];
}

/**
 * Every cached page that shows a document: the home page ("Văn bản mới"), the unfiltered list, its
 * own page, and every other document page (relations name each other). Filtered lists are
 * rendered per request.
 */
export function pagesShowingDocument({ slugs }: { slugs: string[] }): RevalidateTarget[] {
  return [
    ...cachePaths.home.map((path) => ({ path })),
    { path: routes.documents() },
    { path: routes.internal.listIndex('documents') },
    ...[...new Set(slugs)].map((slug) => ({ path: routes.document(slug) })),
    { path: PUBLIC_ROUTES.document.nextRoute, type: 'page' as const },
  ];
}

/**
 * A change to a draft's comment window, its published comments or its report: the document's own
 * page. The list of drafts for comment is rendered per request (which are open depends on the instant).
 */
export function pagesShowingConsultation({ slugs }: { slugs: string[] }): RevalidateTarget[] {
  return [...new Set(slugs)].map((slug) => ({ path: routes.document(slug) }));
}

/** Every cached page that shows a procedure: its own and every other procedure page (the route). */
export function pagesShowingProcedure({ slugs }: { slugs: string[] }): RevalidateTarget[] {
  return [
    { path: routes.procedures() },
    { path: routes.internal.listIndex('procedures') },
    ...[...new Set(slugs)].map((slug) => ({ path: routes.procedure(slug) })),
    { path: PUBLIC_ROUTES.procedure.nextRoute, type: 'page' as const },
  ];
}

/**
 * The sidebar, the footer and the category menu are in the public layout: a change to them must
 * reach every public page. The root layout covers them all (and the rewritten home page).
 */
export const everyPublicPage: RevalidateTarget[] = [{ path: routes.home, type: 'layout' }];

/**
 * The directory (units, people) shows in the sidebar of every Vietnamese page, on the Giới thiệu
 * and Liên hệ pages and on the English pages: a change to it revalidates every public page. The
 * root path's layout covers every route group, the English one (with its own root layout) too.
 */
export const pagesShowingDirectory: RevalidateTarget[] = everyPublicPage;

/** Where each rich-text page of "Giới thiệu" is shown. */
export function pagesShowingAgencyPage(key: 'overview' | 'functions' | 'history' | 'en_overview'): RevalidateTarget[] {
  const path = {
    overview: routes.about.home,
    functions: routes.about.functions,
    history: routes.about.history,
    en_overview: routes.english.home,
  }[key];
  return [{ path }];
}

/** Every cached page that shows a published question: the unfiltered list and the question pages. */
export function pagesShowingQuestion({ slugs }: { slugs: string[] }): RevalidateTarget[] {
  return [
    { path: routes.questions() },
    { path: routes.internal.listIndex('questions') },
    ...[...new Set(slugs)].map((slug) => ({ path: routes.question(slug) })),
    { path: PUBLIC_ROUTES.question.nextRoute, type: 'page' as const },
  ];
}

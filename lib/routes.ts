import { isValidSlug } from './slug';

/**
 * Every address of the portal, in one place. Links, redirects, the proxy's guards, the statistics'
 * page classification, the pages revalidated after a change and the site map are all built from
 * here, so a new section is added to this file (its builders and its `PUBLIC_ROUTES` entry) and
 * nowhere else. tests/unit/routes.test.ts fails when a literal internal address appears elsewhere.
 * Pure: used by the proxy, server code and client components alike.
 */

type Query = Record<string, string | number | undefined | null>;

/** `path?query` with empty values left out; the query is encoded by URLSearchParams. */
function withQuery(path: string, query?: Query | URLSearchParams): string {
  const params = query instanceof URLSearchParams ? query : new URLSearchParams();
  if (query && !(query instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const STAFF = '/quan-tri';
const ABOUT = '/gioi-thieu';
const ENGLISH = '/en';
const categoryPage = (slug: string, page: number | string) => `/chuyen-muc/${slug}/trang/${page}`;

export const routes = {
  home: '/',
  article: (slug: string) => `/tin-tuc/${slug}`,
  /** Page 1 of a category has one address (its `/trang/1` redirects to it, next.config.ts). */
  category: (slug: string, page = 1) => (page <= 1 ? `/chuyen-muc/${slug}` : categoryPage(slug, page)),
  search: '/tim-kiem',
  /** The site search's results: `?q=` the query, `&loai=` a type (lib/search/results.ts), `&trang=` the page. */
  searchResults: (query: Query) => withQuery('/tim-kiem', query),
  /** "Sơ đồ cổng": every section on one readable page (Thông tư 32/2017/TT-BTTTT art. 16). */
  siteMap: '/so-do-cong',
  /** RSS 2.0 feeds: the latest articles, one category's, the newest documents. */
  feeds: {
    articles: '/rss.xml',
    category: (slug: string) => `/chuyen-muc/${slug}/rss.xml`,
    documents: '/van-ban/rss.xml',
  },
  /** The XML site map for search engines (an index of parts when too long for one file). */
  sitemap: '/sitemap.xml',
  sitemapPart: (part: string) => `/sitemap/${part}.xml`,
  robots: '/robots.txt',
  webManifest: '/manifest.webmanifest',
  /** The app icons in public/ (the favicon, icon.svg and apple-icon.png are app/ files Next links itself). */
  appIcon: (size: 192 | 512) => `/icons/icon-${size}.png`,
  /** "Giới thiệu": the overview and its four pages. */
  about: {
    home: ABOUT,
    functions: `${ABOUT}/chuc-nang-nhiem-vu`,
    organisation: `${ABOUT}/co-cau-to-chuc`,
    leaders: `${ABOUT}/lanh-dao`,
    history: `${ABOUT}/lich-su`,
  },
  contact: '/lien-he',
  /** The English pages (Nghị định 42/2022/NĐ-CP art. 7: organisation and contacts in English). */
  english: {
    home: ENGLISH,
    organisation: `${ENGLISH}/organisation`,
    contacts: `${ENGLISH}/contacts`,
  },
  /** The uncached 404 page the proxy rewrites impossible addresses to. */
  notFound: '/khong-tim-thay',
  login: (callbackUrl?: string) => withQuery('/dang-nhap', { callbackUrl }),
  /** Văn bản: the list, its filters and page in the query (`?tu-khoa=&loai=&trang=2`). */
  documents: (query?: Query | URLSearchParams) => withQuery('/van-ban', query),
  document: (slug: string) => `/van-ban/${slug}`,
  /** An attached file; `inline` shows a PDF in the browser instead of saving it. */
  documentFile: (id: number, { inline = false }: { inline?: boolean } = {}) =>
    withQuery(`/tep-van-ban/${id}`, { xem: inline ? 1 : undefined }),
  /** Góp ý dự thảo: the drafts open for comment (and those closed lately). */
  consultations: '/gop-y-du-thao',
  /** Đánh giá cổng thông tin: the rating form. */
  rating: '/danh-gia',
  /** Thủ tục hành chính: the list (`?tu-khoa=&linh-vuc=&cap=&trang=`) and each procedure. */
  procedures: (query?: Query | URLSearchParams) => withQuery('/thu-tuc-hanh-chinh', query),
  procedure: (slug: string) => `/thu-tuc-hanh-chinh/${slug}`,
  /** Hỏi đáp: the published questions (`?tu-khoa=&linh-vuc=&trang=`), asking, tracking, each pair. */
  questions: (query?: Query | URLSearchParams) => withQuery('/hoi-dap', query),
  askQuestion: '/hoi-dap/dat-cau-hoi',
  questionLookup: '/hoi-dap/tra-cuu',
  question: (slug: string) => `/hoi-dap/${slug}`,
  /** An image variant, by the image's random public key: `/media/3f2a…/640.webp`. */
  media: (key: string, width: number) => `/media/${key}/${width}.webp`,
  /** What every width of an image's address starts with (`/media/3f2a…/`): how a text shows it. */
  mediaFolder: (key: string) => `/media/${key}/`,

  staff: {
    home: (query?: Query | URLSearchParams) => withQuery(STAFF, query),
    /** A draft's preview; `edit` opens the editor at once. */
    preview: (id: number, { edit = false }: { edit?: boolean } = {}) =>
      withQuery(`${STAFF}/xem-truoc/${id}`, { sua: edit ? 1 : undefined }),
    articleHistory: (id: number) => `${STAFF}/bai-viet/${id}/lich-su`,
    media: (before?: number) => withQuery(`${STAFF}/thu-vien-anh`, { truoc: before }),
    stats: (query?: Query | URLSearchParams) => withQuery(`${STAFF}/thong-ke`, query),
    accounts: `${STAFF}/tai-khoan`,
    /** Changing one's own password; the only page open to an account with a temporary one. */
    password: `${STAFF}/tai-khoan/mat-khau`,
    contacts: `${STAFF}/lien-he`,
    agency: `${STAFF}/gioi-thieu`,
    settings: `${STAFF}/cai-dat`,
    documents: (query?: Query | URLSearchParams) => withQuery(`${STAFF}/van-ban`, query),
    newDocument: `${STAFF}/van-ban/moi`,
    editDocument: (id: number) => `${STAFF}/van-ban/${id}`,
    /** Every draft for comment, with its comments waiting for moderation. */
    consultations: `${STAFF}/gop-y-du-thao`,
    /** The comments on a draft for comment: moderation and the summary report. */
    documentComments: (id: number, query?: Query) => withQuery(`${STAFF}/van-ban/${id}/gop-y`, query),
    documentCatalogs: `${STAFF}/van-ban/danh-muc`,
    procedures: (query?: Query | URLSearchParams) => withQuery(`${STAFF}/thu-tuc`, query),
    newProcedure: `${STAFF}/thu-tuc/moi`,
    editProcedure: (id: number) => `${STAFF}/thu-tuc/${id}`,
    /** Hỏi đáp: the queue with its filters in the query, and one question. */
    questions: (query?: Query | URLSearchParams) => withQuery(`${STAFF}/hoi-dap`, query),
    question: (id: number) => `${STAFF}/hoi-dap/${id}`,
    auditLog: (page = 1) => withQuery(`${STAFF}/nhat-ky`, { trang: page > 1 ? page : undefined }),
  },

  /** Addresses that exist for Next's routing only; no link points to them. */
  internal: {
    /** `/` is rewritten to this page (next.config.ts), so `next build` never prerenders it. */
    homeView: (view = 'moi-nhat') => `/trang-chu/${view}`,
    /** Any page of a category by number, `/trang/1` included: for the redirect of page 1. */
    categoryPage,
    /**
     * The first page of /van-ban or /thu-tuc-hanh-chinh without any filter, cached (ISR): the two
     * lists are rewritten here when their query names no filter (next.config.ts), so the address
     * most people open is served from the cache while any filtered one is rendered per request.
     */
    listIndex: (list: 'documents' | 'procedures' | 'questions') =>
      `/danh-sach/${{ documents: 'van-ban', procedures: 'thu-tuc-hanh-chinh', questions: 'hoi-dap' }[list]}`,
    /** Every other address under the lists' internal folder, for the redirect that keeps them off the cache. */
    listIndexOther: '/danh-sach/:path*',
    /** The per-request staff view of an article, at the public address (proxy.ts rewrites to it). */
    staffArticle: (slug: string) => `/ban-bien-tap/tin-tuc/${slug}`,
    /** The per-request staff view of a Giới thiệu, Liên hệ or English page, at its public address (proxy.ts rewrites to it). */
    staffAbout: (path: string) => `/ban-bien-tap${path}`,
  },

  api: {
    visitorStats: '/api/thong-ke-truy-cap',
    statsOverview: '/api/quan-tri/thong-ke/tong-quan',
    statsRange: (query: URLSearchParams | Query) => withQuery('/api/quan-tri/thong-ke/khoang', query),
    statsCsv: (query: URLSearchParams | Query) => withQuery('/api/quan-tri/thong-ke/csv', query),
    mediaUpload: '/api/quan-tri/anh',
    /** Attaching a file to a document (multipart: the file is too large for a server action). */
    documentFileUpload: '/api/quan-tri/van-ban/tep',
    /** CSV import of documents; answers NDJSON progress, then the report. */
    documentImport: '/api/quan-tri/van-ban/nhap',
    procedureImport: '/api/quan-tri/thu-tuc/nhap',
    /** Staff search of documents, for picking relations. */
    documentPicker: (query: Query) => withQuery('/api/quan-tri/van-ban/tim', query),
    internalRevalidate: '/api/noi-bo/lam-moi',
    health: '/api/suc-khoe',
  },
} as const;

/** The query parameters of the two filtered lists: without any of them, a list is its cached first page. */
export const LIST_QUERY_KEYS = {
  documents: ['tu-khoa', 'loai', 'co-quan', 'linh-vuc', 'nam', 'hieu-luc', 'trang'],
  procedures: ['tu-khoa', 'linh-vuc', 'cap', 'trang'],
  questions: ['tu-khoa', 'linh-vuc', 'trang'],
} as const;

/** Addresses answered by route handlers, never by a page: JSON, images, CSV, attached files (next.config.ts headers). */
export const ROUTE_HANDLER_PREFIXES = ['/api', '/media', '/tep-van-ban'] as const;

/** Areas whose requests are never page views of the public site: staff, login, route handlers, assets. */
export const NOT_PUBLIC_PREFIXES = [STAFF, '/dang-nhap', '/api', '/_next'] as const;

/**
 * What a public page is, for statistics and guards. `static` pages exist without a database row;
 * the others name a row that may or may not exist.
 */
export type PublicPage =
  | { kind: 'home'; path: '/' }
  | { kind: 'static'; path: string }
  | { kind: 'article'; slug: string }
  /** Every page of a category's list is the category: page numbers would not stay bounded. */
  | { kind: 'category'; slug: string }
  | { kind: 'document'; slug: string }
  | { kind: 'procedure'; slug: string }
  /** A published question and its answer. */
  | { kind: 'question'; slug: string }
  /** A download of an attached file: counted like a page view, by file. */
  | { kind: 'documentFile'; id: number };

type Param = (value: string) => string | number | null;
const slugParam: Param = (value) => (isValidSlug(value) ? value : null);
/** Page numbers beyond any real list are refused before they reach a page (and its cache). */
const pageParam: Param = (value) => (/^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : null);
const idParam: Param = (value) => (/^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : null);

type RouteSpec = {
  /** The address split on "/": literal segments, or a parameter's parser. */
  segments: readonly (string | Param)[];
  /** Next's route (the page's folder), for revalidating every page of that route at once. */
  nextRoute: string;
  page: (params: (string | number)[]) => PublicPage;
  /**
   * The first segment is a section of fixed pages served by one optional catch-all route: any
   * other path under it is impossible and answered by the proxy, never cached.
   */
  closedSection?: true;
};

/** A page of a section of fixed pages: its Next route is the section's optional catch-all. */
function fixedPage(path: string, nextRoute: string): RouteSpec {
  return { segments: path.slice(1).split('/'), nextRoute, page: () => ({ kind: 'static', path }), closedSection: true };
}

/**
 * The fixed pages (Giới thiệu, Liên hệ, English) are rendered by one optional catch-all per
 * section, whose `generateStaticParams` returns nothing: `next build` never renders them (nor
 * opens the database), and each is rendered on its first request, then served from the cache.
 */
export const FIXED_PAGE_ROUTES = {
  about: `${ABOUT}/[[...trang]]`,
  contact: '/lien-he/[[...trang]]',
  english: `${ENGLISH}/[[...trang]]`,
  siteMap: '/so-do-cong/[[...trang]]',
} as const;

/**
 * The public pages. The proxy answers a path that starts like one of these but matches none with
 * the uncached 404 page (an impossible slug or page number costs no disk), and the statistics fold
 * every path that matches none into "other pages".
 */
export const PUBLIC_ROUTES = {
  home: { segments: [], nextRoute: routes.internal.homeView(), page: () => ({ kind: 'home', path: routes.home }) },
  search: { segments: ['tim-kiem'], nextRoute: routes.search, page: () => ({ kind: 'static', path: routes.search }) },
  siteMap: fixedPage(routes.siteMap, FIXED_PAGE_ROUTES.siteMap),
  article: {
    segments: ['tin-tuc', slugParam],
    nextRoute: '/tin-tuc/[slug]',
    page: ([slug]) => ({ kind: 'article', slug: String(slug) }),
  },
  category: {
    segments: ['chuyen-muc', slugParam],
    nextRoute: '/chuyen-muc/[slug]',
    page: ([slug]) => ({ kind: 'category', slug: String(slug) }),
  },
  categoryPage: {
    segments: ['chuyen-muc', slugParam, 'trang', pageParam],
    nextRoute: '/chuyen-muc/[slug]/trang/[page]',
    page: ([slug]) => ({ kind: 'category', slug: String(slug) }),
  },
  aboutHome: fixedPage(routes.about.home, FIXED_PAGE_ROUTES.about),
  aboutFunctions: fixedPage(routes.about.functions, FIXED_PAGE_ROUTES.about),
  aboutOrganisation: fixedPage(routes.about.organisation, FIXED_PAGE_ROUTES.about),
  aboutLeaders: fixedPage(routes.about.leaders, FIXED_PAGE_ROUTES.about),
  aboutHistory: fixedPage(routes.about.history, FIXED_PAGE_ROUTES.about),
  contact: fixedPage(routes.contact, FIXED_PAGE_ROUTES.contact),
  englishHome: fixedPage(routes.english.home, FIXED_PAGE_ROUTES.english),
  englishOrganisation: fixedPage(routes.english.organisation, FIXED_PAGE_ROUTES.english),
  englishContacts: fixedPage(routes.english.contacts, FIXED_PAGE_ROUTES.english),
  /** The list is one page whatever its query (filters and `?trang=`): dynamic, so no query reaches the disk cache. */
  documents: {
    segments: ['van-ban'],
    nextRoute: routes.internal.listIndex('documents'),
    page: () => ({ kind: 'static', path: routes.documents() }),
  },
  document: {
    segments: ['van-ban', slugParam],
    nextRoute: '/van-ban/[slug]',
    page: ([slug]) => ({ kind: 'document', slug: String(slug) }),
  },
  consultations: {
    segments: ['gop-y-du-thao'],
    nextRoute: routes.consultations,
    page: () => ({ kind: 'static', path: routes.consultations }),
  },
  rating: {
    segments: ['danh-gia'],
    nextRoute: routes.rating,
    page: () => ({ kind: 'static', path: routes.rating }),
  },
  procedures: {
    segments: ['thu-tuc-hanh-chinh'],
    nextRoute: routes.internal.listIndex('procedures'),
    page: () => ({ kind: 'static', path: routes.procedures() }),
  },
  procedure: {
    segments: ['thu-tuc-hanh-chinh', slugParam],
    nextRoute: '/thu-tuc-hanh-chinh/[slug]',
    page: ([slug]) => ({ kind: 'procedure', slug: String(slug) }),
  },
  questions: {
    segments: ['hoi-dap'],
    nextRoute: routes.internal.listIndex('questions'),
    page: () => ({ kind: 'static', path: routes.questions() }),
  },
  // Before `question`: these two names are valid slugs too.
  askQuestion: {
    segments: ['hoi-dap', 'dat-cau-hoi'],
    nextRoute: routes.askQuestion,
    page: () => ({ kind: 'static', path: routes.askQuestion }),
  },
  questionLookup: {
    segments: ['hoi-dap', 'tra-cuu'],
    nextRoute: routes.questionLookup,
    page: () => ({ kind: 'static', path: routes.questionLookup }),
  },
  question: {
    segments: ['hoi-dap', slugParam],
    nextRoute: '/hoi-dap/[slug]',
    page: ([slug]) => ({ kind: 'question', slug: String(slug) }),
  },
  documentFile: {
    segments: ['tep-van-ban', idParam],
    nextRoute: '/tep-van-ban/[id]',
    page: ([id]) => ({ kind: 'documentFile', id: Number(id) }),
  },
} as const satisfies Record<string, RouteSpec>;

const ROUTE_LIST: RouteSpec[] = Object.values(PUBLIC_ROUTES);
/** First segments of the routes that take parameters: a path under one of them must match a route. */
const GUARDED_PREFIXES = new Set(
  ROUTE_LIST.filter((route) => route.closedSection || route.segments.some((s) => typeof s !== 'string')).map(
    (route) => route.segments[0] as string,
  ),
);

function matchRoute(route: RouteSpec, parts: string[]): PublicPage | null {
  if (parts.length !== route.segments.length) return null;
  const params: (string | number)[] = [];
  for (let i = 0; i < parts.length; i++) {
    const segment = route.segments[i]!;
    if (typeof segment === 'string') {
      if (segment !== parts[i]) return null;
    } else {
      const value = segment(parts[i]!);
      if (value === null) return null;
      params.push(value);
    }
  }
  return route.page(params);
}

/**
 * The public page a decoded path names (no query string, no trailing slash), or null. Whether its
 * slug exists is for the database to say.
 */
export function matchPublicPage(path: string): PublicPage | null {
  const parts = path === '/' ? [] : path.slice(1).split('/');
  for (const route of ROUTE_LIST) {
    const page = matchRoute(route, parts);
    if (page) return page;
  }
  return null;
}

/**
 * A path inside a public section that no page of it can have (an odd slug, page 0 or 9999999).
 * `page` is matchPublicPage(path) when the caller has it already (the proxy, on every request).
 */
export function isImpossiblePublicPath(path: string, page?: PublicPage | null): boolean {
  const first = path.split('/', 2)[1] ?? '';
  return GUARDED_PREFIXES.has(first) && (page === undefined ? matchPublicPage(path) : page) === null;
}

/**
 * The pages staff edit in place (Giới thiệu, Liên hệ, the English pages): the per-request staff
 * view for a public path, or null. proxy.ts routes a browser with a staff session there.
 */
export function staffAboutViewOf(path: string): string | null {
  const editable = [
    PUBLIC_ROUTES.aboutHome,
    PUBLIC_ROUTES.aboutFunctions,
    PUBLIC_ROUTES.aboutOrganisation,
    PUBLIC_ROUTES.aboutLeaders,
    PUBLIC_ROUTES.aboutHistory,
    PUBLIC_ROUTES.contact,
    PUBLIC_ROUTES.englishHome,
    PUBLIC_ROUTES.englishOrganisation,
    PUBLIC_ROUTES.englishContacts,
  ];
  return editable.some((route) => matchRoute(route, path.slice(1).split('/'))) ? routes.internal.staffAbout(path) : null;
}

/**
 * The Vietnamese pages and the English page that covers the same ground: one table for the
 * `hreflang` alternates and the "English" / "Tiếng Việt" switch in the headers. The first entry
 * naming an English page is its Vietnamese counterpart; later ones are covered by it in English
 * (the functions on /en, the leaders' contacts on /en/contacts; the history has no English page,
 * and /en, the department in English, is the nearest). Any other page's "English" leads to /en.
 */
export const LANGUAGE_PAIRS = [
  { vi: routes.about.home, en: routes.english.home },
  { vi: routes.about.organisation, en: routes.english.organisation },
  { vi: routes.contact, en: routes.english.contacts },
  { vi: routes.about.functions, en: routes.english.home },
  { vi: routes.about.leaders, en: routes.english.contacts },
  { vi: routes.about.history, en: routes.english.home },
] as const;

/** The English page covering a Vietnamese one, or null when none does. */
export function englishPageOf(path: string): string | null {
  return LANGUAGE_PAIRS.find((pair) => pair.vi === path)?.en ?? null;
}

/** The Vietnamese page an English one translates (the Vietnamese home page for any other path). */
export function vietnamesePageOf(path: string): string {
  return LANGUAGE_PAIRS.find((pair) => pair.en === path)?.vi ?? routes.home;
}

/** Where the header's "English" link goes from a Vietnamese page: its English page, else /en. */
export function englishSwitchOf(path: string): string {
  return englishPageOf(path) ?? routes.english.home;
}

/** The `alternates.languages` of a page's metadata: both languages when the table pairs them. */
export function languageAlternatesOf(path: string): { vi: string; en: string } | undefined {
  const en = englishPageOf(path);
  if (en !== null) return { vi: path, en };
  const vi = LANGUAGE_PAIRS.find((pair) => pair.en === path)?.vi;
  return vi === undefined ? undefined : { vi, en: path };
}

/** Where a page view of this page is counted: every page of a category list counts as the category. */
export function countedPathOf(page: PublicPage): string {
  switch (page.kind) {
    case 'home':
    case 'static':
      return page.path;
    case 'article':
      return routes.article(page.slug);
    case 'category':
      return routes.category(page.slug);
    case 'document':
      return routes.document(page.slug);
    case 'procedure':
      return routes.procedure(page.slug);
    case 'question':
      return routes.question(page.slug);
    case 'documentFile':
      return routes.documentFile(page.id);
  }
}

import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { Sidebar } from '@/components/sidebar/sidebar';
import { VisitorWidget, type VisitorWidgetNumbers } from '@/components/stats/visitor-widget';
import { listMenuCategories } from '@/db/queries/categories';
import { listContactBlocks } from '@/db/queries/contacts';
import { getSiteInfo } from '@/db/queries/settings';
import { getVisitorWidgetStats } from '@/db/queries/visits';
import { routes } from '@/lib/routes';

/** The widget's numbers as of this render, so the cached page carries them; none if the read fails. */
async function widgetNumbers(): Promise<VisitorWidgetNumbers | null> {
  try {
    const { totalVisits, todayVisits, online } = await getVisitorWidgetStats();
    return { totalVisits, todayVisits, online };
  } catch {
    return null;
  }
}

/**
 * Header, sidebar, visitor widget and footer around a Vietnamese public page. A layout cannot
 * know which page it wraps, so the pages that have an English counterpart (Giới thiệu, Liên hệ)
 * have layouts of their own that pass it: `englishHref` is where the header's "English" goes.
 */
export async function PublicShell({ englishHref, children }: { englishHref?: string; children: React.ReactNode }) {
  const [site, categories, blocks, stats] = await Promise.all([getSiteInfo(), listMenuCategories(), listContactBlocks(), widgetNumbers()]);
  return (
    <>
      {/* React puts these in <head>: feed readers find the feeds from any page. */}
      <link rel="alternate" type="application/rss+xml" title={`${site.name}: Tin tức`} href={routes.feeds.articles} />
      <link rel="alternate" type="application/rss+xml" title={`${site.name}: Văn bản mới`} href={routes.feeds.documents} />
      <SiteHeader site={site} categories={categories} englishHref={englishHref} />
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <main id="noi-dung" tabIndex={-1} className="min-w-0 focus:outline-none">
          {children}
        </main>
        <Sidebar blocks={blocks}>
          <VisitorWidget endpoint={routes.api.visitorStats} initial={stats} />
        </Sidebar>
      </div>
      <SiteFooter site={site} />
    </>
  );
}

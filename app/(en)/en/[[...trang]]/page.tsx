import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EnglishContacts } from '@/components/agency/english-contacts';
import { OrgTree } from '@/components/agency/org-tree';
import { RichPage } from '@/components/agency/rich-page';
import { EnglishHeader } from '@/components/layout/english-header';
import { getAgencyPage, getDirectory } from '@/db/queries/agency';
import { getSiteInfo } from '@/db/queries/settings';
import { directoryTree, leadersOf } from '@/lib/agency/directory';
import { routes } from '@/lib/routes';

// The English pages behind one optional catch-all (lib/routes.ts, FIXED_PAGE_ROUTES) so that
// `next build` renders none of them: ISR, revalidated when the directory or the text changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

/** Each English page, its title and the Vietnamese page that covers the same ground. */
const VIEWS = {
  '': { path: routes.english.home, title: 'About the Department', vietnamese: routes.about.home },
  organisation: { path: routes.english.organisation, title: 'Organisation', vietnamese: routes.about.organisation },
  contacts: { path: routes.english.contacts, title: 'Contacts', vietnamese: routes.contact },
} as const;
type View = keyof typeof VIEWS;

function viewOf(segments: string[] | undefined): View | null {
  const key = (segments ?? []).join('/');
  // Own keys only: "constructor" is "in" every object.
  return Object.hasOwn(VIEWS, key) ? (key as View) : null;
}

type Props = { params: Promise<{ trang?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = viewOf((await params).trang);
  if (view === null) return { title: 'Page not found' };
  const { path, title, vietnamese } = VIEWS[view];
  return {
    title,
    alternates: { canonical: path, languages: { en: path, vi: vietnamese } },
    openGraph: { title, url: path, locale: 'en_GB' },
  };
}

export default async function EnglishPage({ params }: Props) {
  const view = viewOf((await params).trang);
  if (view === null) notFound();
  const { path, title, vietnamese } = VIEWS[view];
  const site = await getSiteInfo();
  const name = site.nameEn || site.name;
  return (
    <>
      <EnglishHeader name={name} parentName={site.parentName} current={path} vietnamese={vietnamese} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-6xl space-y-4 px-4 py-6 focus:outline-none">
        <h1 className="text-2xl font-bold text-brand-900">{view === '' ? name : title}</h1>
        {await body(view, name)}
      </main>
    </>
  );
}

async function body(view: View, name: string) {
  if (view === '') {
    const page = await getAgencyPage({ key: 'en_overview' });
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <h2 className="mb-2 text-lg font-bold text-brand-900">Functions and tasks</h2>
        <RichPage
          lang="en"
          bodyHtml={page.bodyHtml}
          updatedAt={page.updatedAt}
          missing="The department has not yet provided an English description of its functions and tasks. See the Organisation and Contacts pages."
        />
      </section>
    );
  }
  const { units, people } = await getDirectory();
  const nodes = directoryTree(units, people);
  if (view === 'organisation') {
    return nodes.length > 0 ? (
      <OrgTree rootName={name} nodes={nodes} lang="en" label="Organisation chart" />
    ) : (
      <p>No units have been entered yet.</p>
    );
  }
  return <EnglishContacts site={await getSiteInfo()} leaders={leadersOf(units, people)} nodes={nodes} />;
}

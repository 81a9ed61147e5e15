import type { Metadata } from 'next';
import type { DirectoryEditing } from '@/components/agency/directory-editing';
import { EnglishContacts } from '@/components/agency/english-contacts';
import { OrgTree } from '@/components/agency/org-tree';
import { RichPage } from '@/components/agency/rich-page';
import { EnglishHeader } from '@/components/layout/english-header';
import { getAgencyPage, getDirectory } from '@/db/queries/agency';
import { getSiteInfo } from '@/db/queries/settings';
import { directoryTree, leadersOf } from '@/lib/agency/directory';
import { languageAlternatesOf, routes, vietnamesePageOf } from '@/lib/routes';
import { canonicalAlternates } from '@/lib/site-url';

/** Each English page and its title; the Vietnamese page to switch to is in lib/routes.ts (LANGUAGE_PAIRS). */
const VIEWS = {
  '': { path: routes.english.home, title: 'About the Department' },
  organisation: { path: routes.english.organisation, title: 'Organisation' },
  contacts: { path: routes.english.contacts, title: 'Contacts' },
} as const;
export type EnglishView = keyof typeof VIEWS;

export function englishViewOf(segments: string[] | undefined): EnglishView | null {
  const key = (segments ?? []).join('/');
  // Own keys only: "constructor" is "in" every object.
  return Object.hasOwn(VIEWS, key) ? (key as EnglishView) : null;
}

export function englishMetadata(view: EnglishView | null): Metadata {
  if (view === null) return { title: 'Page not found' };
  const { path, title } = VIEWS[view];
  return {
    title,
    alternates: canonicalAlternates(path, languageAlternatesOf(path)),
    openGraph: { title, url: path, locale: 'en_GB' },
  };
}

/**
 * What an admin's staff view adds ("Chỉnh sửa", in Vietnamese: the staff are): the English
 * overview in the article editor, and every unit and person with their English names.
 */
export type EnglishEditing = { pageEditor?: React.ReactNode; directory?: DirectoryEditing };

export async function EnglishPage({ view, editing }: { view: EnglishView; editing?: EnglishEditing }) {
  const { path, title } = VIEWS[view];
  const site = await getSiteInfo();
  const name = site.nameEn || site.name;
  return (
    <>
      <EnglishHeader name={name} parentName={site.parentName} current={path} vietnamese={vietnamesePageOf(path)} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-6xl space-y-4 px-4 py-6 focus:outline-none">
        <h1 className="text-2xl font-bold text-brand-900">{view === '' ? name : title}</h1>
        {await body(view, name, editing)}
      </main>
    </>
  );
}

async function body(view: EnglishView, name: string, editing?: EnglishEditing) {
  if (view === '') {
    const page = await getAgencyPage({ key: 'en_overview' });
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <h2 className="mb-2 text-lg font-bold text-brand-900">Functions and tasks</h2>
        {editing?.pageEditor}
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
      <OrgTree rootName={name} nodes={nodes} lang="en" label="Organisation chart" editing={editing?.directory} />
    ) : (
      <p>No units have been entered yet.</p>
    );
  }
  return <EnglishContacts site={await getSiteInfo()} leaders={leadersOf(units, people)} nodes={nodes} editing={editing?.directory} />;
}

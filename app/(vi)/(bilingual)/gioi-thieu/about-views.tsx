import type { Metadata } from 'next';
import { cache } from 'react';
import { AboutNav } from '@/components/agency/about-nav';
import type { DirectoryEditing } from '@/components/agency/directory-editing';
import { OrgTree } from '@/components/agency/org-tree';
import { PersonCard } from '@/components/agency/person-card';
import { RichPage } from '@/components/agency/rich-page';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { getAgencyPage, getDirectory } from '@/db/queries/agency';
import { getSiteInfo } from '@/db/queries/settings';
import { directoryTree, leadersOf } from '@/lib/agency/directory';
import { languageAlternatesOf, routes } from '@/lib/routes';
import { canonicalAlternates } from '@/lib/site-url';

/** The pages of "Giới thiệu" by their last segment ('' for the overview). */
export const ABOUT_VIEWS = {
  '': { title: 'Giới thiệu', path: routes.about.home },
  'chuc-nang-nhiem-vu': { title: 'Chức năng, nhiệm vụ', path: routes.about.functions },
  'co-cau-to-chuc': { title: 'Cơ cấu tổ chức', path: routes.about.organisation },
  'lanh-dao': { title: 'Lãnh đạo', path: routes.about.leaders },
  'lich-su': { title: 'Lịch sử', path: routes.about.history },
} as const;
export type AboutView = keyof typeof ABOUT_VIEWS;

export function aboutViewOf(segments: string[] | undefined): AboutView | null {
  const key = (segments ?? []).join('/');
  // Own keys only: "constructor" is "in" every object.
  return Object.hasOwn(ABOUT_VIEWS, key) ? (key as AboutView) : null;
}

const loadDirectory = cache(getDirectory);

export function aboutMetadata(view: AboutView): Metadata {
  const { title, path } = ABOUT_VIEWS[view];
  const description = `${title} của Sở Nội vụ tỉnh An Giang.`;
  return {
    title,
    description,
    // The English page that covers the same ground (lib/routes.ts, LANGUAGE_PAIRS), for search engines.
    alternates: canonicalAlternates(path, languageAlternatesOf(path)),
    openGraph: { title, description, url: path },
  };
}

const MISSING = 'Sở chưa cung cấp nội dung này. Quản trị viên nhập nội dung tại Quản trị → Giới thiệu.';

/**
 * What an admin's staff view adds ("Chỉnh sửa" in place). Passed in by the staff page, so the
 * public route never imports editor code and its pages stay as light as before.
 */
export type AboutEditing = { pageEditor?: React.ReactNode; directory?: DirectoryEditing };

export async function AboutPage({ view, editing }: { view: AboutView; editing?: AboutEditing }) {
  const { title, path } = ABOUT_VIEWS[view];
  return (
    <div className="space-y-4">
      <Breadcrumb
        items={
          view === ''
            ? [{ label: 'Trang chủ', href: routes.home }, { label: title }]
            : [{ label: 'Trang chủ', href: routes.home }, { label: 'Giới thiệu', href: routes.about.home }, { label: title }]
        }
      />
      <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
      <AboutNav current={path} />
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">{await viewBody(view, editing)}</section>
    </div>
  );
}

export const RICH_PAGES = { '': 'overview', 'chuc-nang-nhiem-vu': 'functions', 'lich-su': 'history' } as const;

async function viewBody(view: AboutView, editing?: AboutEditing) {
  switch (view) {
    case '':
    case 'chuc-nang-nhiem-vu':
    case 'lich-su': {
      const key = RICH_PAGES[view];
      const page = await getAgencyPage({ key });
      return (
        <>
          {editing?.pageEditor}
          <RichPage bodyHtml={page.bodyHtml} updatedAt={page.updatedAt} missing={MISSING} />
        </>
      );
    }
    case 'co-cau-to-chuc': {
      const [{ units, people }, site] = await Promise.all([loadDirectory(), getSiteInfo()]);
      if (units.length === 0) return <p>Chưa có đơn vị nào. Quản trị viên thêm các đơn vị tại Quản trị → Giới thiệu.</p>;
      return (
        <>
          {editing?.directory && <StructureLink />}
          <OrgTree
            rootName={site.name}
            nodes={directoryTree(units, people)}
            lang="vi"
            label="Sơ đồ cơ cấu tổ chức"
            editing={editing?.directory}
          />
        </>
      );
    }
    case 'lanh-dao': {
      const { units, people } = await loadDirectory();
      const leaders = leadersOf(units, people);
      if (leaders.length === 0)
        return <p>Chưa có lãnh đạo nào trong danh bạ. Quản trị viên đánh dấu “Lãnh đạo” cho từng người tại Quản trị → Giới thiệu.</p>;
      return (
        <div className="space-y-4">
          {leaders.map((person) => {
            return (
              <div key={person.id} className="space-y-2">
                <PersonCard person={person} lang="vi" />
                {editing?.directory?.person?.(person.id)}
              </div>
            );
          })}
        </div>
      );
    }
  }
}

/** Above the directory on an admin's staff view: what is edited in place, and where the rest is. */
export function StructureLink() {
  return (
    <p className="mb-3 text-sm print:hidden">
      Sửa tên, số điện thoại, email của đơn vị và cán bộ ngay tại đây (“Chỉnh sửa”). Thêm, chuyển, sắp xếp hoặc xóa đơn vị và cán bộ:{' '}
      <a href={routes.staff.agency} className="font-semibold text-brand-700 underline">
        Quản trị → Giới thiệu
      </a>
      .
    </p>
  );
}

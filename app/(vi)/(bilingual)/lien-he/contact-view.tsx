import type { Metadata } from 'next';
import { AboutNav } from '@/components/agency/about-nav';
import type { DirectoryEditing } from '@/components/agency/directory-editing';
import { DirectoryList } from '@/components/agency/directory-list';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { EmailLink, PhoneLink } from '@/components/ui/contact-links';
import { getDirectory } from '@/db/queries/agency';
import { listContactBlocks } from '@/db/queries/contacts';
import { getSiteInfo } from '@/db/queries/settings';
import { directoryTree } from '@/lib/agency/directory';
import { languageAlternatesOf, routes } from '@/lib/routes';
import { StructureLink } from '../gioi-thieu/about-views';
import { canonicalAlternates } from '@/lib/site-url';

const TITLE = 'Liên hệ';

export const contactMetadata: Metadata = {
  title: TITLE,
  description: 'Địa chỉ, điện thoại, email của Sở Nội vụ tỉnh An Giang và các đơn vị, cán bộ.',
  alternates: canonicalAlternates(routes.contact, languageAlternatesOf(routes.contact)),
  openGraph: { title: TITLE, url: routes.contact },
};

/**
 * "Liên hệ": the department's address, the directory by unit, and the contacts outside it that
 * the sidebar lists. `editing` is what an admin's staff view adds (app/(vi)/(bilingual)/ban-bien-tap/lien-he).
 */
export async function ContactView({ editing }: { editing?: DirectoryEditing }) {
  const [site, { units, people }, blocks] = await Promise.all([getSiteInfo(), getDirectory(), listContactBlocks()]);
  // Contacts outside the department that the sidebar lists (free entries), once each.
  const outside = [
    ...new Map(
      blocks
        .flatMap((block) => block.entries)
        .filter((entry) => entry.personId === null && entry.unitId === null)
        .map((entry) => [entry.name, entry]),
    ).values(),
  ];
  return (
    <div className="space-y-4">
      <Breadcrumb items={[{ label: 'Trang chủ', href: routes.home }, { label: TITLE }]} />
      <h1 className="text-2xl font-bold text-brand-900">{TITLE}</h1>
      <AboutNav current={routes.contact} />
      <section aria-labelledby="co-quan" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="co-quan" className="font-bold text-brand-900">
          {site.name}
        </h2>
        <address className="mt-1 space-y-0.5 text-sm not-italic">
          {site.address ? (
            <p>Địa chỉ: {site.address}</p>
          ) : (
            <p className="text-slate-600">Sở chưa cung cấp địa chỉ. Quản trị viên nhập địa chỉ tại Quản trị → Cài đặt.</p>
          )}
          {site.phone && (
            <p>
              Điện thoại: <PhoneLink phone={site.phone} />
            </p>
          )}
          {site.email && (
            <p>
              Email: <EmailLink email={site.email} />
            </p>
          )}
        </address>
      </section>
      <h2 className="text-lg font-bold text-brand-900">Danh bạ các đơn vị</h2>
      {units.length > 0 ? (
        <>
          {editing && <StructureLink />}
          <DirectoryList nodes={directoryTree(units, people)} lang="vi" baseLevel={3} editing={editing} />
        </>
      ) : (
        <p>Chưa có đơn vị nào. Quản trị viên thêm các đơn vị tại Quản trị → Giới thiệu.</p>
      )}
      {outside.length > 0 && (
        <section aria-labelledby="lien-he-khac" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="lien-he-khac" className="font-bold text-brand-900">
            Liên hệ khác
          </h2>
          <ul className="mt-2 divide-y divide-slate-100">
            {outside.map((entry) => (
              <li key={entry.id} className="py-2 text-sm">
                <p className="font-semibold">{entry.name}</p>
                {entry.phones.map((phone) => (
                  <span key={phone} className="mr-3">
                    <PhoneLink phone={phone} />
                  </span>
                ))}
                {entry.email && <EmailLink email={entry.email} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

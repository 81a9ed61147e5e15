import type { SiteInfo } from '@/db/settings-defaults';
import { telHref } from '@/components/ui/contact-links';
import { routes } from '@/lib/routes';

/**
 * The footer Thông tư 32/2017/TT-BTTTT asks for. Each line shows only once an admin has entered
 * it (Quản trị → Cài đặt): nothing the department has not given is printed here.
 */
export function SiteFooter({ site, lang = 'vi' }: { site: SiteInfo; lang?: 'vi' | 'en' }) {
  const t = lang === 'en' ? EN : VI;
  const hasContact = Boolean(site.address || site.phone || site.email);
  return (
    <footer className="mt-10 bg-brand-900 text-brand-50 print:hidden">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm">
        <p className="text-base font-bold uppercase">{lang === 'en' ? site.nameEn || site.name : site.name}</p>
        {lang === 'vi' && <p>Cơ quan chủ quản: {site.parentName}</p>}
        {site.responsiblePerson && (
          <p>
            {t.responsible}: {site.responsiblePerson}
          </p>
        )}
        {site.licence && <p>{site.licence}</p>}
        {hasContact && (
          <address className="space-y-1 not-italic">
            {site.address && (
              <p>
                {t.address}: {site.address}
              </p>
            )}
            {site.phone && (
              <p>
                {t.phone}:{' '}
                <a className="underline hover:text-white" href={telHref(site.phone)}>
                  {site.phone}
                </a>
              </p>
            )}
            {site.email && (
              <p>
                Email:{' '}
                <a className="underline hover:text-white" href={`mailto:${site.email}`}>
                  {site.email}
                </a>
              </p>
            )}
          </address>
        )}
        {lang === 'vi' && (
          <p className="flex flex-wrap gap-x-4 gap-y-1 pt-2">
            <a className="underline hover:text-white" href={routes.siteMap}>
              Sơ đồ cổng
            </a>
            <a className="underline hover:text-white" href={routes.feeds.articles}>
              Tin qua RSS
            </a>
            <a className="font-semibold underline hover:text-white" href={routes.rating}>
              Đánh giá cổng thông tin
            </a>
          </p>
        )}
        {lang === 'vi' && (
          <p className="pt-2 text-brand-100">Ghi rõ nguồn “{site.name}” khi phát hành lại thông tin từ cổng thông tin này.</p>
        )}
      </div>
    </footer>
  );
}

const VI = { responsible: 'Người chịu trách nhiệm', address: 'Địa chỉ', phone: 'Điện thoại' };
const EN = { responsible: 'Responsible person', address: 'Address', phone: 'Phone' };

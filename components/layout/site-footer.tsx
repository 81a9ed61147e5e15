import type { SiteInfo } from '@/db/settings-defaults';
import { telHref } from '@/components/ui/contact-links';

export function SiteFooter({ site }: { site: SiteInfo }) {
  return (
    <footer className="mt-10 bg-brand-900 text-brand-50 print:hidden">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm">
        <p className="text-base font-bold uppercase">{site.name}</p>
        <p>Cơ quan chủ quản: {site.parentName}</p>
        <address className="space-y-1 not-italic">
          <p>Địa chỉ: {site.address}</p>
          {site.phone && (
            <p>
              Điện thoại:{' '}
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
        <p className="pt-2 text-brand-100">Ghi rõ nguồn “{site.name}” khi phát hành lại thông tin từ cổng thông tin này.</p>
      </div>
    </footer>
  );
}

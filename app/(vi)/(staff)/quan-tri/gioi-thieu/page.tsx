import type { Metadata } from 'next';
import { AgencyEditor } from '@/components/staff/agency-editor';
import { getAgencyPage, listPeople, listUnits } from '@/db/queries/agency';
import { AGENCY_PAGE_KEYS } from '@/lib/agency/names';
import { canManageAgency } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Giới thiệu' };

export default async function AgencyAdminPage() {
  await requireStaff({ from: routes.staff.agency, allowed: canManageAgency });
  const [units, people, pages] = await Promise.all([
    listUnits(),
    listPeople({ includeDisabled: true }),
    Promise.all(AGENCY_PAGE_KEYS.map(async (key) => ({ key, ...(await getAgencyPage({ key })) }))),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold text-brand-900">Giới thiệu: đơn vị, cán bộ và các trang</h1>
      <p className="text-sm text-slate-700">
        Đơn vị và cán bộ hiện ở trang Giới thiệu, Liên hệ, trang tiếng Anh và ở các khối liên hệ cột bên. Số điện thoại, email được lưu một
        lần tại đây: mọi trang đổi theo ngay khi lưu.
      </p>
      <AgencyEditor units={units} people={people} pages={pages.map(({ key, bodyHtml, version }) => ({ key, bodyHtml, version }))} />
    </div>
  );
}

import type { Metadata } from 'next';
import { CategoryMenuEditor, SiteSettingsForm } from '@/components/staff/site-settings-forms';
import { listCategoriesForAdmin } from '@/db/queries/categories';
import { getSiteInfo, getVisitCounterOffsetSetting } from '@/db/queries/settings';
import { canManageSite } from '@/lib/permissions';
import { requireStaff } from '@/server/auth/guard';
import { routes } from '@/lib/routes';

export const metadata: Metadata = { title: 'Cài đặt' };

/** VISIT_COUNTER_OFFSET, when set to a valid number, wins over the stored setting (db/queries/visits.ts). */
function environmentOffset(): number | null {
  const value = process.env.VISIT_COUNTER_OFFSET?.trim();
  if (!value) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export default async function SettingsPage() {
  await requireStaff({ from: routes.staff.settings, allowed: canManageSite });
  const [site, offset, categories] = await Promise.all([getSiteInfo(), getVisitCounterOffsetSetting(), listCategoriesForAdmin()]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold text-brand-900">Cài đặt</h1>
      <section aria-labelledby="thong-tin-co-quan" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="thong-tin-co-quan" className="mb-3 font-bold">
          Thông tin cơ quan
        </h2>
        <SiteSettingsForm site={site} offset={offset} envOffset={environmentOffset()} />
      </section>
      <section aria-labelledby="menu-chuyen-muc" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="menu-chuyen-muc" className="mb-3 font-bold">
          Menu chuyên mục
        </h2>
        <CategoryMenuEditor categories={categories} />
      </section>
    </div>
  );
}

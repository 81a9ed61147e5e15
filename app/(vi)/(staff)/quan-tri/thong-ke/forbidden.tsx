import Link from 'next/link';
import { routes } from '@/lib/routes';

/** What staff without the right to view statistics see, with status 403. */
export default function StatisticsForbidden() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <h1 className="text-xl font-bold text-brand-900">Không có quyền truy cập</h1>
      <p className="mt-2">Bạn không có quyền xem thống kê truy cập. Hãy liên hệ quản trị viên nếu bạn cần quyền này.</p>
      <p className="mt-2">
        <Link href={routes.staff.home()} className="underline">
          Về trang Quản trị
        </Link>
      </p>
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass, inputClass } from '@/components/staff/form-field';
import { Pagination } from '@/components/ui/pagination';
import { listUnits } from '@/db/queries/agency';
import { getUserUnitId, listQuestionFields, listQuestionsForStaff } from '@/db/queries/questions';
import { formatDateTime } from '@/lib/format';
import { canAssignQuestions, canViewQuestions } from '@/lib/permissions';
import { parseStaffQuestionParams, STAFF_STATUS_PARAMS, staffQuestionListHref } from '@/lib/questions/list-params';
import { daysOpen, isOverdue, QUESTION_STATUS_LABELS } from '@/lib/questions/rules';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';
import { answerDays } from '@/server/questions/settings';

export const metadata: Metadata = { title: 'Hỏi đáp - Quản trị' };

const PAGE_SIZE = 30;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The queue: editors and admins see every question, a Cán bộ trả lời only their unit's. */
export default async function StaffQuestionsPage({ searchParams }: Props) {
  const user = await requireStaff({ from: routes.staff.questions(), allowed: canViewQuestions });
  const params = parseStaffQuestionParams(await searchParams);
  const everyUnit = canAssignQuestions(user);
  const ownUnitId = everyUnit ? undefined : await getUserUnitId({ userId: user.id });
  const days = answerDays();
  const [fields, units, { items, total }] = await Promise.all([
    listQuestionFields(),
    listUnits(),
    listQuestionsForStaff({
      filters: {
        status: params.status,
        fieldId: params.fieldId,
        unitId: typeof params.unit === 'number' ? params.unit : undefined,
        unassigned: params.unit === 'none',
        minDaysOpen: params.minDaysOpen,
        overdueDays: params.overdue ? days : undefined,
        onlyUnitId: everyUnit ? undefined : (ownUnitId ?? null),
      },
      page: params.page,
      pageSize: PAGE_SIZE,
    }),
  ]);
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const ownUnit = units.find((unit) => unit.id === ownUnitId);
  const now = new Date();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold text-brand-900">Hỏi đáp</h1>
      {!everyUnit && (
        <p>
          {ownUnit
            ? `Các câu hỏi được phân công cho ${ownUnit.name}.`
            : 'Tài khoản của bạn chưa được gắn với đơn vị nào: hãy nhờ Quản trị viên gắn đơn vị trong trang Tài khoản.'}
        </p>
      )}
      <section aria-labelledby="hd-danh-sach" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="hd-danh-sach" className="sr-only">
          Danh sách câu hỏi
        </h2>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use; role="search" is */}
        <form
          method="get"
          action={routes.staff.questions()}
          role="search"
          aria-label="Lọc câu hỏi"
          className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        >
          <div>
            <label htmlFor="hd-loc-tinh-trang" className="block text-sm font-semibold">
              Tình trạng
            </label>
            <select
              id="hd-loc-tinh-trang"
              name="tinh-trang"
              defaultValue={Object.entries(STAFF_STATUS_PARAMS).find(([, value]) => value === params.status)?.[0] ?? ''}
              className={inputClass}
            >
              <option value="">Tất cả</option>
              {Object.entries(STAFF_STATUS_PARAMS).map(([value, status]) => (
                <option key={value} value={value}>
                  {QUESTION_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="hd-loc-linh-vuc" className="block text-sm font-semibold">
              Lĩnh vực
            </label>
            <select id="hd-loc-linh-vuc" name="linh-vuc" defaultValue={params.fieldId ?? ''} className={inputClass}>
              <option value="">Tất cả</option>
              {fields.map((field) => (
                <option key={field.id} value={field.id}>
                  {field.name}
                </option>
              ))}
            </select>
          </div>
          {everyUnit && (
            <div>
              <label htmlFor="hd-loc-don-vi" className="block text-sm font-semibold">
                Đơn vị
              </label>
              <select
                id="hd-loc-don-vi"
                name="don-vi"
                defaultValue={params.unit === 'none' ? 'chua-phan-cong' : (params.unit ?? '')}
                className={inputClass}
              >
                <option value="">Tất cả</option>
                <option value="chua-phan-cong">Chưa phân công</option>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="hd-loc-so-ngay" className="block text-sm font-semibold">
              Chờ trả lời từ (ngày) trở lên
            </label>
            <input
              id="hd-loc-so-ngay"
              name="so-ngay"
              type="number"
              min={1}
              max={9999}
              inputMode="numeric"
              defaultValue={params.minDaysOpen ?? ''}
              className={inputClass}
            />
          </div>
          <div className="flex items-center gap-2 self-end pb-2">
            <input id="hd-loc-qua-han" name="qua-han" type="checkbox" value="1" defaultChecked={params.overdue} className="size-5" />
            <label htmlFor="hd-loc-qua-han" className="text-sm font-semibold">
              Chỉ câu hỏi quá hạn (chưa trả lời sau {days} ngày)
            </label>
          </div>
          <div className="self-end">
            <button type="submit" className={buttonClass}>
              Lọc
            </button>
          </div>
        </form>
        <p role="status" className="mb-2 font-semibold">
          {total} câu hỏi
        </p>
        {items.length === 0 ? (
          <p>Không có câu hỏi nào phù hợp.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {items.map((item) => {
              const overdue = isOverdue(item, days, now);
              return (
                <li key={item.id} className="py-3">
                  <Link href={routes.staff.question(item.id)} className="font-semibold text-brand-800 hover:underline">
                    {item.title}
                  </Link>
                  <p className="mt-1 text-sm text-slate-700">
                    <strong>{QUESTION_STATUS_LABELS[item.status]}</strong>
                    {overdue && <strong className="ml-1 text-red-700">· Quá hạn</strong>} · {item.askerName} · gửi{' '}
                    {formatDateTime(item.createdAt)}
                    {item.status === 'received' || item.status === 'processing' ? ` (${daysOpen(item.createdAt, now)} ngày)` : ''} ·{' '}
                    {item.fieldName ?? 'Chưa có lĩnh vực'} · {item.unitName ?? 'Chưa phân công'}
                    {item.published ? ' · Đã công khai' : ''}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
        <Pagination page={params.page} totalPages={totalPages} hrefFor={(n) => staffQuestionListHref(params, n)} />
      </section>
    </div>
  );
}

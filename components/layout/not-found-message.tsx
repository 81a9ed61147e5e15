import { routes } from '@/lib/routes';

export function NotFoundMessage() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 text-center sm:p-10">
      <p className="text-5xl font-bold text-brand-700" aria-hidden="true">
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold">Không tìm thấy trang</h1>
      <p className="mt-3 text-slate-700">Trang bạn tìm không tồn tại, đã được gỡ hoặc đã đổi địa chỉ. Vui lòng kiểm tra lại đường dẫn.</p>
      <p className="mt-6">
        <a
          href={routes.home}
          className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          Về Trang chủ
        </a>
      </p>
    </div>
  );
}

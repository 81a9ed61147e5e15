import { siteAddress } from '@/lib/site-url';
import { PrintButton } from './print-button';

/**
 * "In bài viết": the print stylesheet (app/globals.css) leaves the department's name, the title,
 * the date, the content and its source address.
 */
export function PrintBar({ label = 'In bài viết' }: { label?: string }) {
  return (
    <div className="print-control mt-4 flex justify-end print:hidden">
      <PrintButton className="inline-flex min-h-10 items-center gap-2 rounded border border-slate-300 bg-white px-3 text-sm font-semibold text-brand-800 hover:bg-brand-50">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 9V3h12v6M6 18H4a1 1 0 0 1-1-1v-6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v6a1 1 0 0 1-1 1h-2M6 14h12v7H6z" />
        </svg>
        {label}
      </PrintButton>
    </div>
  );
}

/** Printed only: where the page comes from (Nghị định 42/2022/NĐ-CP art. 7: print with the source). */
export function PrintSource({ path }: { path: string }) {
  return <p className="mt-6 hidden text-sm print:block">Nguồn: {siteAddress(path) ?? path}</p>;
}

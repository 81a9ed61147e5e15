import { siteAddress } from '@/lib/site-url';
import { PrintButton } from './print-button';

/** The print control, right-aligned above or below the content it prints. */
export function PrintBar({ label }: { label?: string }) {
  return (
    <div className="mt-4 flex justify-end print:hidden">
      <PrintButton label={label} />
    </div>
  );
}

/** Printed only: where the page comes from (Nghị định 42/2022/NĐ-CP art. 7: print with the source). */
export function PrintSource({ path }: { path: string }) {
  return <p className="mt-6 hidden text-sm print:block">Nguồn: {siteAddress(path) ?? path}</p>;
}

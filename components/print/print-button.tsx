'use client';

import { useHydrated } from '@/components/ui/use-hydrated';

/**
 * "In bài viết": opens the browser's print dialog; the print stylesheet (app/globals.css) leaves the
 * content, its title, date and source address. Without JavaScript the button stays hidden (the
 * browser's own Print, Ctrl+P, prints the same), so it never shows a control that does nothing.
 */
export function PrintButton({ label = 'In bài viết' }: { label?: string }) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-10 items-center gap-2 rounded border border-slate-300 bg-white px-3 text-sm font-semibold text-brand-800 hover:bg-brand-50 print:hidden"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 9V3h12v6M6 18H4a1 1 0 0 1-1-1v-6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v6a1 1 0 0 1-1 1h-2M6 14h12v7H6z" />
      </svg>
      {label}
    </button>
  );
}

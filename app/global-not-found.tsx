import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/layout/not-found-message';
import './globals.css';
import { bodyClass, metadataBase } from './root-metadata';

// With one root layout per route group there is no app/layout.tsx: an address no route claims
// gets this whole document (next.config.ts: experimental.globalNotFound). Most never get here:
// app/(vi)/(public)/[...missing] shows the 404 inside the public layout. `next build` prerenders this
// page, so it must not read the database.
export const metadata: Metadata = { metadataBase, title: 'Không tìm thấy trang' };

export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body className={bodyClass}>
        <main id="noi-dung" className="mx-auto max-w-3xl px-4 py-16">
          <NotFoundMessage />
        </main>
      </body>
    </html>
  );
}

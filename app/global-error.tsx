'use client';

import './globals.css';

/**
 * Shown, with status 500, when a page fails to render and no cached copy exists (say, the
 * database is down): Next's own page says it in English. It replaces the root layout, so it brings
 * its own document and styles. Every page loads it: keep it this small.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="vi">
      <body className="mx-auto max-w-2xl px-4 py-16 text-slate-900">
        <title>Trang chưa hiển thị được</title>
        <h1 className="text-2xl font-bold">Trang chưa hiển thị được</h1>
        <p className="my-4">Máy chủ gặp lỗi khi tạo trang này. Vui lòng thử lại sau giây lát.</p>
        <button type="button" onClick={retry} className="mr-4 underline">
          Thử lại
        </button>
        {/* The home page literally: this client component is on every page, and the route map would add ~0.8 kB gzip to each. */}
        <a href="/" className="underline">
          Về trang chủ
        </a>
      </body>
    </html>
  );
}

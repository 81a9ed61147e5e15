import { routes } from '@/lib/routes';

/**
 * What app/not-found.tsx, app/forbidden.tsx and app/unauthorized.tsx show: the last boundary for
 * notFound(), forbidden() and unauthorized() thrown where no nearer page catches them (a root
 * layout). The pages that call them have their own (the public 404, the statistics 403). No layout
 * is above these, so each is a whole document. Every page's payload carries all three, so they stay
 * small: without them Next puts its English defaults there, twice (4.5 kB of the seed article page).
 */
export function BareStatusPage({ title }: { title: string }) {
  return (
    <html lang="vi">
      <body>
        <title>{title}</title>
        <main>
          <h1>{title}</h1>
          <a href={routes.home}>Về Trang chủ</a>
        </main>
      </body>
    </html>
  );
}

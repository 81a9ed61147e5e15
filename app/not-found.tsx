import { NotFoundMessage } from '@/components/layout/not-found-message';

// Served for addresses outside every route group; it must not read the database because
// `next build` prerenders it.
export default function NotFound() {
  return (
    <main id="noi-dung" className="mx-auto max-w-3xl px-4 py-16">
      <NotFoundMessage />
    </main>
  );
}

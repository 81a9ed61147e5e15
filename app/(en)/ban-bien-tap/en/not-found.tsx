import type { Metadata } from 'next';
import { routes } from '@/lib/routes';

export const metadata: Metadata = { title: 'Page not found' };

export default function EnglishNotFound() {
  return (
    <main id="content" className="mx-auto max-w-3xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-3">
        <a href={routes.english.home} className="text-brand-700 underline">
          Back to the English home page
        </a>
      </p>
    </main>
  );
}

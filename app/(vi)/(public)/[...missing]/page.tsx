import { notFound } from 'next/navigation';

// Any address no route claims gets the 404 page inside the public layout (header, sidebar).
// Rendered per request and never cached, so random URLs cannot fill the ISR cache.
export const dynamic = 'force-dynamic';

export default function MissingPage() {
  notFound();
}

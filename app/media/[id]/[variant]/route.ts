import { serveMediaVariant } from '@/server/media/serve';

// Read from the database on request: `next build` never opens it.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; variant: string }> };

/** A resized variant of a library image, e.g. /media/12/640.webp (see server/media/serve.ts). */
export async function GET(request: Request, context: Context): Promise<Response> {
  return serveMediaVariant(request, await context.params);
}

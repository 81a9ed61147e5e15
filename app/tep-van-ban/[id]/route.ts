import { serveDocumentFile } from '@/server/documents/files';

// Read from the database on request: `next build` never opens it.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** An attached file of a document, e.g. /tep-van-ban/12 (see server/documents/files.ts). */
export async function GET(request: Request, context: Context): Promise<Response> {
  return serveDocumentFile(request, await context.params);
}

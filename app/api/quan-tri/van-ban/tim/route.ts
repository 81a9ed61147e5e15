import { auth } from '@/auth';
import { searchDocumentsForPicker } from '@/db/queries/documents';
import { AppError } from '@/lib/errors';
import { canWriteDocuments } from '@/lib/permissions';

export const dynamic = 'force-dynamic';

/** GET ?q=&bo-qua=: documents matching a number or trích yếu, for the editor's relation picker (staff only). */
export async function GET(request: Request): Promise<Response> {
  const user = await auth();
  if (!user) return new AppError('unauthenticated').toResponse();
  if (!canWriteDocuments(user)) return new AppError('forbidden').toResponse();
  const params = new URL(request.url).searchParams;
  const query = (params.get('q') ?? '').slice(0, 200);
  const exclude = Number(params.get('bo-qua'));
  const items = await searchDocumentsForPicker({
    query,
    excludeId: Number.isInteger(exclude) && exclude > 0 ? exclude : undefined,
    limit: 10,
  });
  return Response.json({ ok: true, items }, { headers: { 'Cache-Control': 'no-store' } });
}

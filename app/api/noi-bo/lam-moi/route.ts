import { z } from 'zod';
import { INTERNAL_SECRET_HEADER, isInternalSecret } from '@/server/internal-revalidation';
import { revalidateTargets } from '@/server/revalidate';

/**
 * Revalidation on behalf of this process's own scheduler (server/scheduled-publishing.ts), which runs
 * outside any request. Only a caller holding the per-process secret is served; everyone else gets
 * a 404, as if the route did not exist.
 */
export const dynamic = 'force-dynamic';

const body = z.object({
  targets: z
    .array(z.object({ path: z.string().startsWith('/').max(1024), type: z.enum(['page', 'layout']).optional() }))
    .min(1)
    .max(500),
});

export async function POST(request: Request): Promise<Response> {
  if (!isInternalSecret(request.headers.get(INTERNAL_SECRET_HEADER))) {
    return new Response('Không tìm thấy.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return new Response('Yêu cầu không hợp lệ.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  await revalidateTargets(parsed.data.targets);
  return new Response(null, { status: 204 });
}

import 'server-only';
import { getMediaBytes, getMediaForServing } from '@/db/queries/media';
import { isMediaWidth } from '@/lib/media/urls';
import { getVariant } from './variant-cache';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function notFound(): Response {
  return new Response('Không tìm thấy ảnh.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/**
 * GET /media/<id>/<width>.webp. An id's image never changes (a new upload is a new id), so a
 * variant is cached by browsers and CDNs for a year. Any id or width we do not have is a 404.
 */
export async function serveMediaVariant(request: Request, params: { id: string; variant: string }): Promise<Response> {
  const idMatch = /^[1-9]\d{0,8}$/.exec(params.id);
  const widthMatch = /^(\d{1,5})\.webp$/.exec(params.variant);
  const width = Number(widthMatch?.[1]);
  if (!idMatch || !widthMatch || !isMediaWidth(width)) return notFound();
  const id = Number(params.id);
  try {
    const media = await getMediaForServing({ id });
    if (!media) return notFound();
    const etag = `"${media.sha256.slice(0, 32)}-${width}"`;
    const headers = { 'Cache-Control': IMMUTABLE, ETag: etag, 'X-Content-Type-Options': 'nosniff' };
    if (request.headers.get('if-none-match')?.split(',').some((tag) => tag.trim() === etag)) {
      return new Response(null, { status: 304, headers });
    }
    const body = await getVariant({ sha256: media.sha256, width, loadOriginal: () => getMediaBytes({ id }) });
    if (!body) return notFound();
    return new Response(new Uint8Array(body), {
      headers: { ...headers, 'Content-Type': 'image/webp', 'Content-Length': String(body.length) },
    });
  } catch (error) {
    console.error('[media] Không phục vụ được ảnh.', error);
    return new Response('Tạm thời không tải được ảnh.', { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' } });
  }
}

import 'server-only';
import { getMediaBytes, getMediaForServing } from '@/db/queries/media';
import { auth } from '@/auth';
import { isMediaWidth, MEDIA_KEY_PATTERN } from '@/lib/media/urls';
import { canWriteArticles } from '@/lib/permissions';
import { getVariant } from './variant-cache';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const STAFF_ONLY = 'private, no-cache';

function notFound(): Response {
  return new Response('Không tìm thấy ảnh.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * GET /media/<key>/<width>.webp, by the image's random public key (sequential ids would let anyone
 * walk through every upload). An image a published article shows is public: a key's image never
 * changes (a new upload is a new key), so a variant is cached by browsers and CDNs for a year.
 * Any other image (uploaded for a draft) is for staff only, and never cached by a shared cache;
 * anyone else gets the same 404 as for a key we do not have.
 */
export async function serveMediaVariant(request: Request, params: { id: string; variant: string }): Promise<Response> {
  const widthMatch = /^(\d{1,5})\.webp$/.exec(params.variant);
  const width = Number(widthMatch?.[1]);
  if (!MEDIA_KEY_PATTERN.test(params.id) || !widthMatch || !isMediaWidth(width)) return notFound();
  try {
    const media = await getMediaForServing({ key: params.id });
    if (!media) return notFound();
    if (!media.published) {
      const user = await auth();
      if (!user || !canWriteArticles(user)) return notFound();
    }
    const { id } = media;
    const etag = `"${media.sha256.slice(0, 32)}-${width}"`;
    const headers = { 'Cache-Control': media.published ? IMMUTABLE : STAFF_ONLY, ETag: etag, 'X-Content-Type-Options': 'nosniff' };
    if (
      request.headers
        .get('if-none-match')
        ?.split(',')
        .some((tag) => tag.trim() === etag)
    ) {
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

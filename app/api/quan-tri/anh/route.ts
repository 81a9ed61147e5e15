import { handleMediaUpload } from '@/server/media/upload';

export const dynamic = 'force-dynamic';

/** Uploads an image to the library: see server/media/upload.ts for every check it makes. */
export function POST(request: Request): Promise<Response> {
  return handleMediaUpload(request);
}

import 'server-only';
import { createHash } from 'node:crypto';
import { auth } from '@/auth';
import { getDb } from '@/db';
import { storeMedia, type MediaSummary } from '@/db/queries/media';
import { isSameOrigin } from '@/server/define-action';
import { AppError } from '@/lib/errors';
import { canWriteArticles } from '@/lib/permissions';
import { altText } from '@/lib/media/alt-text';
import { everyPublicPage } from '@/lib/cache-tags';
import { revalidateTargets } from '@/server/revalidate';
import { IMAGE_MESSAGES, inspectImage, MAX_IMAGE_BYTES } from './image';
import { type Replacement, replaceMedia } from './replace';

/** Room for the multipart boundaries, headers and the alt text around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export type UploadResult = { ok: true; media: MediaSummary; created: boolean; replaced?: Replacement['replaced'] };

/**
 * POST /api/quan-tri/anh: one image (field `file`) and its alt text (field `alt`). The same
 * checks as every server action (server/actions.ts), in the same order: origin, session, role, then
 * the input; the image and its bytes are stored in one transaction, or nothing is. With `replaces`
 * (an image's id) the new image takes the old one's place everywhere in that same transaction
 * (server/media/replace.ts), and every public page is revalidated after it commits.
 */
export async function handleMediaUpload(request: Request): Promise<Response> {
  try {
    if (!(await isSameOrigin())) throw new AppError('foreignOrigin');
    const user = await auth();
    if (!user) throw new AppError('unauthenticated');
    if (!canWriteArticles(user)) throw new AppError('forbidden');

    const form = await readForm(request, MAX_IMAGE_BYTES + MULTIPART_OVERHEAD);
    const file = form.get('file');
    const alt = altText.safeParse(form.get('alt') ?? '');
    const fieldErrors: Record<string, string[]> = {};
    if (!(file instanceof File) || file.size === 0) fieldErrors.file = [IMAGE_MESSAGES.noFile];
    else if (file.size > MAX_IMAGE_BYTES)
      throw new AppError('tooLarge', { message: IMAGE_MESSAGES.tooLarge, fieldErrors: { file: [IMAGE_MESSAGES.tooLarge] } });
    if (!alt.success) fieldErrors.alt = alt.error.issues.map((issue) => issue.message);
    const replaces = replacedId(form.get('replaces'));
    if (Object.keys(fieldErrors).length > 0 || !alt.success || !(file instanceof File)) {
      throw new AppError('invalid', { message: fieldErrors.file?.[0], fieldErrors });
    }

    const bytes = Buffer.from(await file.arrayBuffer());
    const info = await inspectImage(bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const db = await getDb();
    const values = { sha256, ...info, bytes: bytes.length, alt: alt.data, uploadedBy: user.id };
    const stored: Omit<UploadResult, 'ok'> = await db.transaction((tx) =>
      replaces === null ? storeMedia({ db: tx, values, data: bytes }) : replaceMedia({ tx, user, oldId: replaces, values, data: bytes }),
    );
    // Pages of articles, the directory and Giới thiệu: the root layout reaches every one.
    if (stored.replaced) await revalidateTargets(everyPublicPage);
    const result: UploadResult = { ok: true, ...stored };
    return Response.json(result, { status: stored.created ? 201 : 200, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    console.error('[media] Lỗi không mong đợi khi tải ảnh lên.', error);
    return new AppError('failed').toResponse();
  }
}

/** The `replaces` field: absent or empty for a new image, else the id of the image to replace. */
function replacedId(value: FormDataEntryValue | null): number | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,9}$/.test(value))
    throw new AppError('invalid', { message: 'Ảnh cần thay không hợp lệ.' });
  return Number(value);
}

/**
 * The multipart body, read with a limit: a declared Content-Length over it is refused before a
 * byte is read, and a body that grows past it (no length declared, or a false one) is cut off
 * while it streams in, so nobody can make the server buffer more than the limit. Document files use
 * it too, with their own messages.
 */
export async function readForm(
  request: Request,
  limit: number,
  messages: { tooLarge: string; noFile: string } = { tooLarge: IMAGE_MESSAGES.tooLarge, noFile: IMAGE_MESSAGES.noFile },
): Promise<FormData> {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit)
    throw new AppError('tooLarge', { message: messages.tooLarge, fieldErrors: { file: [messages.tooLarge] } });
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data;/i.test(contentType) || !request.body)
    throw new AppError('invalid', { message: messages.noFile, fieldErrors: { file: [messages.noFile] } });

  let received = 0;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) controller.error(new AppError('tooLarge', { message: messages.tooLarge }));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    if (received > limit) throw new AppError('tooLarge', { message: messages.tooLarge, fieldErrors: { file: [messages.tooLarge] } });
    throw new AppError('invalid', {
      message: 'Không đọc được dữ liệu tải lên. Vui lòng thử lại.',
      fieldErrors: { file: [messages.noFile] },
    });
  }
}

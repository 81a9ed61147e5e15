import 'server-only';
import type { SessionUser } from '@/db/queries/users';
import type { Tx } from '@/db';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { getMediaForChange, getMediaUsage, type MediaSummary, storeMedia, switchMediaReferences } from '@/db/queries/media';
import { AppError } from '@/lib/errors';
import { canReplaceMedia } from '@/lib/permissions';

type NewImage = Parameters<typeof storeMedia>[0]['values'];

export type Replacement = {
  media: MediaSummary;
  created: boolean;
  replaced: { id: number; articles: number; people: number; pages: number };
};

/**
 * "Thay ảnh": the image's variants are served immutable (`/media/<key>/…`, cached for a year), so a
 * new file cannot take the old one's place under its key. It becomes a new image, and every
 * article (cover and text), portrait and Giới thiệu page that showed the old one is switched to
 * it, in the caller's one transaction with the new image's bytes: all of it, or nothing. Each
 * article gets a revision saying so, and the audit log one entry naming what changed. The old
 * image stays in the library, unused, until someone deletes it.
 */
export async function replaceMedia({
  tx,
  user,
  oldId,
  values,
  data,
}: {
  tx: Tx;
  user: SessionUser;
  oldId: number;
  values: NewImage;
  data: Buffer;
}): Promise<Replacement> {
  const old = await getMediaForChange({ db: tx, id: oldId });
  if (!old) throw new AppError('notFound', { message: 'Ảnh cần thay không còn trong Thư viện ảnh. Hãy tải lại trang.' });
  const usage = await getMediaUsage({ db: tx, mediaId: oldId, forUpdate: true });
  if (!canReplaceMedia(user, old, usage)) {
    throw new AppError('forbidden', {
      message: 'Bạn không có quyền thay ảnh này: ảnh đang được dùng ở bài viết hoặc trang mà bạn không được sửa.',
    });
  }
  const stored = await storeMedia({ db: tx, values, data });
  if (stored.media.id === old.id) {
    const message = 'Tệp này chính là ảnh đang dùng. Hãy chọn tệp ảnh mới.';
    throw new AppError('invalid', { message, fieldErrors: { file: [message] } });
  }
  await switchMediaReferences({
    db: tx,
    from: old,
    to: stored.media,
    usage,
    userId: user.id,
    note: `Thay ảnh “${old.alt}” bằng ảnh mới “${stored.media.alt}” (Thư viện ảnh)`,
  });
  await insertAuditEntry({
    db: tx,
    userId: user.id,
    action: 'media.replace',
    objectType: 'media',
    objectId: String(stored.media.id),
    detail: {
      fromId: old.id,
      fromAlt: old.alt,
      alt: stored.media.alt,
      articles: usage.articles.map(({ id, title }) => ({ id, title })),
      people: usage.people.map(({ id, fullName }) => ({ id, fullName })),
      pages: usage.pages.map(({ key }) => key),
    },
  });
  return {
    ...stored,
    replaced: { id: old.id, articles: usage.articles.length, people: usage.people.length, pages: usage.pages.length },
  };
}

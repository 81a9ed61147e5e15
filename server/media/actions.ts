'use server';

import { z } from 'zod';
import { insertAuditEntry } from '@/db/queries/article-editing';
import {
  deleteMediaRow,
  getMediaForChange,
  getMediaUsage,
  isMediaUnused,
  listArticlesWithCover,
  listMedia,
  updateMediaAlt,
  type MediaListItem,
  type MediaUsage,
} from '@/db/queries/media';
import { AGENCY_PAGE_TITLES } from '@/lib/agency/names';
import { defineAction } from '@/server/define-action';
import { AppError } from '@/lib/errors';
import { rowId } from '@/lib/form-fields';
import { pagesShowingArticle } from '@/lib/cache-tags';
import { altText } from '@/lib/media/alt-text';
import { canEditMedia, canWriteArticles } from '@/lib/permissions';

const PAGE_SIZE = 24;

export type LibraryPage = { items: MediaListItem[]; more: boolean };

/** The library in the editor's "Thư viện ảnh": every image, newest first, a page at a time. */
export const listMediaLibrary = defineAction({
  roles: canWriteArticles,
  schema: z.object({ before: rowId('Trang ảnh không hợp lệ.').optional() }),
  // The library is shared by the newsroom: whoever writes may pick any image as a cover.
  authorize: ({ user }) => canWriteArticles(user),
  async run({ input, tx }) {
    const rows = await listMedia({ db: tx, limit: PAGE_SIZE + 1, before: input.before });
    const page: LibraryPage = { items: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
    return { result: page };
  },
});

const mediaId = rowId('Thiếu ảnh.');

/** Changes an image's alt text; the published pages that use it as their cover are revalidated. */
export const saveMediaAlt = defineAction({
  roles: canWriteArticles,
  schema: z.object({ id: mediaId, alt: altText }),
  async authorize({ user, input, tx }) {
    const media = await getMediaForChange({ db: tx, id: input.id });
    return Boolean(media && canEditMedia(user, media));
  },
  async run({ input, tx }) {
    const media = await updateMediaAlt({ db: tx, id: input.id, alt: input.alt });
    if (!media) throw new AppError('notFound');
    const pages = await listArticlesWithCover({ db: tx, mediaId: media.id });
    return {
      result: { media },
      revalidate: pages.length
        ? pagesShowingArticle({ slugs: pages.map((p) => p.slug), categorySlugs: pages.map((p) => p.categorySlug) })
        : [],
    };
  },
});

/**
 * Deletes an image nobody shows: one used as a cover or in the text of any article (drafts
 * included), as a portrait (hidden people too) or in a Giới thiệu page is refused, naming where.
 * Same rights as changing its description.
 */
export const deleteMedia = defineAction({
  roles: canWriteArticles,
  schema: z.object({ id: mediaId }),
  async authorize({ user, input, tx }) {
    const media = await getMediaForChange({ db: tx, id: input.id });
    return Boolean(media && canEditMedia(user, media));
  },
  async run({ user, input, tx }) {
    const usage = await getMediaUsage({ db: tx, mediaId: input.id, forUpdate: true });
    if (!isMediaUnused(usage))
      throw new AppError('rejected', { message: `Ảnh đang được dùng ${usedWhere(usage)}: bỏ ảnh khỏi đó (hoặc thay ảnh) trước khi xóa.` });
    const removed = await deleteMediaRow({ db: tx, id: input.id });
    if (!removed) throw new AppError('notFound');
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'media.delete',
      objectType: 'media',
      objectId: String(input.id),
      detail: { alt: removed.alt },
    });
    return { result: {} };
  },
});

/** "trong “Bài A”, “Bài B” và 2 bài khác, làm ảnh chân dung của Ngô Hồng Yến, trong trang Lịch sử". */
function usedWhere(usage: MediaUsage): string {
  const places: string[] = [];
  if (usage.articles.length > 0) {
    const titles = usage.articles
      .slice(0, 3)
      .map((article) => `“${article.title}”`)
      .join(', ');
    places.push(`trong ${titles}${usage.articles.length > 3 ? ` và ${usage.articles.length - 3} bài khác` : ''}`);
  }
  if (usage.people.length > 0) places.push(`làm ảnh chân dung của ${usage.people.map((person) => person.fullName).join(', ')}`);
  if (usage.pages.length > 0) places.push(`trong trang ${usage.pages.map((page) => AGENCY_PAGE_TITLES[page.key]).join(', ')}`);
  return places.join('; ');
}
